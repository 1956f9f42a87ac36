package io.glostream.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.model.ServableBundle;
import io.glostream.core.model.TopicWords;
import io.glostream.trainer.TrainerCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {

    @TempDir
    Path dir;

    private final ServableBundle fixture = new ServableBundle(8);

    @Test
    void summarisesLanguagesSizesTopicsProvenanceAndMetrics() throws IOException {
        CliRun run = CliRun.of("inspect", fixture.writeTo(dir.resolve("bundle")).toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("languages  en (V=12), zh (V=9)"), run.stdout());
        assertTrue(run.stdout().contains("topics     K=4, neighbours k=2, encoders [en, global, zh]"), run.stdout());
        assertTrue(run.stdout().contains("training   {\"corpus\":\"random\"}"), run.stdout());
        assertTrue(run.stdout().contains("metrics    {\"topicUniqueness\":0.75}"), run.stdout());
    }

    @Test
    void showsTheTopTenWordsOfEachTopicSideBySide() throws IOException {
        CliRun run = CliRun.of("inspect", fixture.writeTo(dir.resolve("bundle")).toString());
        for (TopicWords topic : fixture.topics()) {
            String en = String.join(" ", topic.words("en").subList(0, 10));
            String zh = String.join(" ", topic.words("zh"));
            Pattern row = Pattern.compile("(?m)^" + topic.topic() + " +" + en + " *\\| " + zh + "$");
            assertTrue(row.matcher(run.stdout()).find(), "no row " + row + " in\n" + run.stdout());
        }
    }

    @Test
    void refusesAnEditedVocabularyNamingTheFile() throws IOException {
        Path bundle = fixture.writeTo(dir.resolve("bundle"));
        Files.writeString(bundle.resolve("vocab-en.txt"), "edited\n", java.nio.file.StandardOpenOption.APPEND);
        CliRun run = CliRun.of("inspect", bundle.toString());
        assertEquals(TrainerCli.EXIT_BAD_INPUT, run.exitCode());
        assertEquals("glostream-trainer inspect: vocab-en.txt: sha256 mismatch (tampered or truncated)",
                run.stderr().strip());
    }
}
