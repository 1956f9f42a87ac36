package io.glostream.stream.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.testdata.DeployFiles;
import io.glostream.stream.StreamCli;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Every command line under deploy/ that runs glostream-stream.jar (scripts, compose, the CronJob, the
 * Deployment's args, the image's default command) parses with the real CLI: its command and every option exist.
 */
class StreamCliInvocationsTest {

    private static final String JAR = "glostream-stream.jar";
    /** Issue 9's command, which the compose file's producer placeholder already runs. */
    private static final String PENDING = "produce";

    private static ParseResult parse(List<String> args) {
        return new CommandLine(new StreamCli()).parseArgs(args.toArray(String[]::new));
    }

    private static boolean cliHas(String command) {
        return new CommandLine(new StreamCli()).getSubcommands().containsKey(command);
    }

    @Test
    void everyScriptedRunOfTheStreamJarParses() {
        List<DeployFiles.Invocation> runs = DeployFiles.invocations(JAR);
        Set<String> commands = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        for (DeployFiles.Invocation run : runs) {
            if (!run.args().isEmpty() && run.args().get(0).equals(PENDING) && !cliHas(PENDING)) {
                continue;
            }
            try {
                ParseResult result = parse(run.args());
                assertTrue(result.hasSubcommand(), run + " names no command");
                commands.add(result.subcommand().commandSpec().name());
            } catch (CommandLine.ParameterException e) {
                failures.add(run + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(commands.contains("run") && commands.contains("publish-model"), "found only " + commands);
    }

    @Test
    void theProduceCommandIsUsedOnlyByTheProducerPlaceholderUntilItExists() {
        List<DeployFiles.Invocation> produce = DeployFiles.invocations(JAR).stream()
                .filter(run -> !run.args().isEmpty() && run.args().get(0).equals(PENDING)).toList();
        assertFalse(produce.isEmpty());
        for (DeployFiles.Invocation run : produce) {
            assertTrue(run.file().endsWith("docker-compose.yml"), run.toString());
        }
        if (!cliHas(PENDING)) {
            Map<String, Object> producer = DeployYaml.map(DeployYaml.at(DeployYaml.document("docker-compose.yml"),
                    "services", "producer"), "producer");
            assertEquals(List.of("producer"), producer.get("profiles"), "a placeholder must not start with a plain up");
        }
    }

    @Test
    void theDeploymentArgsAndTheImagesDefaultCommandParse() {
        Map<String, Object> container = DeployYaml.maps(DeployYaml.document("k8s/deployment.yaml"),
                "spec", "template", "spec", "containers").get(0);
        assertEquals("run", parse(DeployYaml.strings(container, "args")).subcommand().commandSpec().name());
        String cmd = DockerfilesTest.instructions("docker/stream-app.Dockerfile").stream()
                .filter(i -> i.startsWith("CMD ")).findFirst().orElseThrow();
        List<String> args = new ArrayList<>();
        for (String word : cmd.substring(cmd.indexOf('[') + 1, cmd.lastIndexOf(']')).split(",")) {
            args.add(word.strip().replaceAll("^\"|\"$", ""));
        }
        assertEquals("run", parse(args).subcommand().commandSpec().name());
    }
}
