package io.glostream.stream.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.testdata.DeployFiles;
import io.glostream.stream.config.Setting;
import io.glostream.stream.config.StreamSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** deploy/docker/*.Dockerfile against the modules' jar names, the settings and the ops endpoints. */
class DockerfilesTest {

    /** The numeric user a Dockerfile's final stage runs as. */
    static int imageUser(String dockerfile) {
        Matcher user = Pattern.compile("(?m)^USER (\\d+)(?::\\d+)?$").matcher(DeployFiles.read(dockerfile));
        assertTrue(user.find(), dockerfile + " sets no numeric USER");
        return Integer.parseInt(user.group(1));
    }

    /** A Dockerfile's instructions, continuation lines joined, comments dropped. */
    static List<String> instructions(String dockerfile) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : DeployFiles.read(dockerfile).split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String trimmed = line.strip();
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                instructions.add(current.append(trimmed).toString());
                current.setLength(0);
            }
        }
        return instructions;
    }

    private static String finalName(String module) throws IOException {
        String pom = Files.readString(DeployFiles.repositoryRoot().resolve(module).resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher name = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
        assertTrue(name.find(), module + "/pom.xml has no finalName");
        return name.group(1);
    }

    @ParameterizedTest
    @CsvSource({"docker/stream-app.Dockerfile, stream-app", "docker/trainer.Dockerfile, trainer"})
    void theImageRunsTheModulesThinJarWithItsLibFolderBeside(String dockerfile, String module) throws IOException {
        String jar = finalName(module) + ".jar";
        List<String> instructions = instructions(dockerfile);
        assertTrue(instructions.contains("COPY --from=build /src/" + module + "/target/" + jar + " /opt/glostream/" + jar),
                dockerfile + " does not copy " + module + "/target/" + jar);
        assertTrue(instructions.contains("COPY --from=build /src/" + module + "/target/lib/ /opt/glostream/lib/"),
                dockerfile + " does not copy the jar's lib/ beside it");
        assertTrue(instructions.contains("ENTRYPOINT [\"java\", \"-jar\", \"/opt/glostream/" + jar + "\"]"), dockerfile);
        assertTrue(instructions.stream().anyMatch(i -> i.startsWith("RUN --mount=type=cache,target=/root/.m2 ./mvnw ")
                && i.contains(" -pl " + module + " -am package")), dockerfile + " must build the module with the wrapper");
        assertTrue(instructions.stream().noneMatch(i -> i.contains("mvnw") && i.contains(" install")),
                "mvn install would pollute ~/.m2");
        assertTrue(instructions.contains("FROM eclipse-temurin:17-jre"), dockerfile + " must run on the JRE image");
    }

    @ParameterizedTest
    @CsvSource({"docker/stream-app.Dockerfile", "docker/trainer.Dockerfile"})
    void imagesRunAsANonRootUserAndSetNoGlostreamVariables(String dockerfile) {
        assertNotEquals(0, imageUser(dockerfile));
        // The environment overrides --config: an image default would silently beat a ConfigMap's value.
        for (String instruction : instructions(dockerfile)) {
            if (instruction.startsWith("ENV ")) {
                assertFalse(instruction.contains("GLOSTREAM_"), dockerfile + ": " + instruction);
            }
        }
        assertTrue(DeployFiles.read(dockerfile.replace(".Dockerfile", ".Dockerfile.dockerignore")).contains("**/target/"),
                "the build context must leave local build outputs out");
    }

    @Test
    void theStreamImageExposesAndHealthChecksTheDefaultHttpPort() {
        String port = StreamSettings.SETTINGS.stream().filter(s -> s.key().equals("http.port")).map(Setting::defaultValue)
                .findFirst().orElseThrow();
        List<String> instructions = instructions("docker/stream-app.Dockerfile");
        assertTrue(instructions.contains("EXPOSE " + port), "EXPOSE must be http.port's default " + port);
        String healthcheck = instructions.stream().filter(i -> i.startsWith("HEALTHCHECK ")).findFirst().orElseThrow();
        assertTrue(healthcheck.contains("CMD curl -fsS http://127.0.0.1:" + port + "/health "), healthcheck);
        assertTrue(instructions.stream().anyMatch(i -> i.startsWith("RUN ") && i.contains("install -y --no-install-recommends curl")),
                "the health check needs curl in the image");
    }
}
