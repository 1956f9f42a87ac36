package io.glostream.trainer.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.testdata.DeployFiles;
import io.glostream.trainer.TrainerCli;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Every command line under deploy/ that runs glostream-trainer.jar (the retraining CronJob, the compose
 * retrain run, deploy/retrain-demo.sh) parses with the real trainer CLI: its command and every option exist.
 */
class TrainerCliInvocationsTest {

    private static final String JAR = "glostream-trainer.jar";

    @Test
    void everyScriptedRunOfTheTrainerJarParses() {
        List<String> failures = new ArrayList<>();
        for (DeployFiles.Invocation run : DeployFiles.invocations(JAR)) {
            try {
                ParseResult result = new CommandLine(new TrainerCli()).parseArgs(run.args().toArray(String[]::new));
                assertTrue(result.hasSubcommand(), run + " names no command");
            } catch (CommandLine.ParameterException e) {
                failures.add(run + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everyRetrainingLoopFitsAlignedToTheServingBundleThenVerifies() {
        Map<String, List<String>> commandsByFile = new TreeMap<>();
        for (DeployFiles.Invocation run : DeployFiles.invocations(JAR)) {
            String command = run.args().get(0);
            if (command.equals("fit")) {
                assertTrue(run.args().contains("--align-to"), run + " must keep topic ids stable across retrains");
            }
            commandsByFile.computeIfAbsent(run.file().getFileName().toString(), f -> new ArrayList<>()).add(command);
        }
        assertEquals(Map.of("docker-compose.yml", List.of("fit", "verify"), "retrain-cronjob.yaml", List.of("fit", "verify"),
                "retrain-demo.sh", List.of("fit", "verify")), commandsByFile);
    }
}
