package io.glostream.stream.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    private static ParseResult parse(List<String> args) {
        return StreamCli.commandLine().parseArgs(args.toArray(String[]::new));
    }

    @Test
    void everyScriptedRunOfTheStreamJarParses() {
        List<DeployFiles.Invocation> runs = DeployFiles.invocations(JAR);
        Set<String> commands = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        for (DeployFiles.Invocation run : runs) {
            try {
                ParseResult result = parse(run.args());
                assertTrue(result.hasSubcommand(), run + " names no command");
                commands.add(result.subcommand().commandSpec().name());
            } catch (CommandLine.ParameterException e) {
                failures.add(run + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(Set.of("produce", "publish-model", "run", "tail"), commands);
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
