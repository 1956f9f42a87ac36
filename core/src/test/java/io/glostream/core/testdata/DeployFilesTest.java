package io.glostream.core.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeployFilesTest {

    private static final Path FILE = Path.of("x.sh");

    private static List<List<String>> runs(String text) {
        return DeployFiles.invocations(FILE, text, "glostream-trainer.jar").stream().map(DeployFiles.Invocation::args).toList();
    }

    @Test
    void aRunEndsAtAPipeAndExpansionsBecomeOne() {
        assertEquals(List.of(List.of("fit", "--data", "1", "--out", "/o p", "--epochs", "1")),
                runs("java -jar /opt/glostream-trainer.jar fit --data \"$D\" --out '/o p' --epochs $E | tee log"));
    }

    @Test
    void backslashContinuationsJoinAndTheLineNumberIsTheFirst() {
        List<DeployFiles.Invocation> found = DeployFiles.invocations(FILE,
                "set -e\njava -jar t/glostream-trainer.jar verify \\\n    --docs 5 \\\n  b >\"$LOG\" 2>&1\n", "glostream-trainer.jar");
        assertEquals(1, found.size());
        assertEquals(2, found.get(0).line());
        assertEquals(List.of("verify", "--docs", "5", "b"), found.get(0).args());
    }

    @Test
    void aCommandSubstitutionStaysOneWord() {
        assertEquals(List.of(List.of("fit", "--align-to", "1", "--out", "1")),
                runs("java -jar glostream-trainer.jar fit --align-to \"$(cat /m/current 2>/dev/null || echo /s)\" --out $(pwd)/x && echo ok"));
    }

    @Test
    void jarPathsAndWholePrefixesInVariablesAreFollowed() {
        String script = "T=trainer/target/glostream-trainer.jar\n"
                + "for jar in \"$T\" other; do test -f $jar; done\n"
                + "java -jar \"$T\" inspect b\n"
                + "trainer=\"java -jar /opt/glostream/glostream-trainer.jar\"\n"
                + "$$trainer verify \"/work/$$version\"\n"
                + "echo $trainer\n";
        assertEquals(List.of(List.of("inspect", "b"), List.of("verify", "1")), runs(script));
    }

    @Test
    void commentsAndOtherJarsAreNotRuns() {
        assertTrue(runs("# java -jar glostream-trainer.jar fit\njava -jar glostream-stream.jar run\n").isEmpty());
        assertFalse(runs("java -jar glostream-trainer.jar demo # trains\n").isEmpty());
        assertEquals(List.of(List.of("demo")), runs("java -jar glostream-trainer.jar demo # trains\n"));
    }

    @Test
    void theRepositoryHasADeployFolderWithCommandFiles() {
        assertTrue(DeployFiles.commandFiles().stream().anyMatch(file -> file.endsWith("docker-compose.yml")));
    }
}
