package io.glostream.stream.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.testdata.DeployFiles;
import io.glostream.stream.config.StreamSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/k8s against the app's real settings, port, endpoints, image user and volumes. */
class KubernetesManifestsTest {

    /** The API versions Kubernetes serves for the kinds used (all GA; none deprecated or removed). */
    private static final Map<String, String> SERVED = Map.of(
            "Namespace", "v1", "ConfigMap", "v1", "Secret", "v1", "Service", "v1", "PersistentVolumeClaim", "v1",
            "Deployment", "apps/v1", "CronJob", "batch/v1", "Kustomization", "kustomize.config.k8s.io/v1beta1");

    @TempDir
    Path temp;

    private static Map<String, Object> manifest(String file) {
        return DeployYaml.document("k8s/" + file);
    }

    private static Map<String, Object> deploymentPod() {
        return DeployYaml.map(DeployYaml.at(manifest("deployment.yaml"), "spec", "template", "spec"), "pod");
    }

    private static Map<String, Object> cronJobPod() {
        return DeployYaml.map(DeployYaml.at(manifest("retrain-cronjob.yaml"), "spec", "jobTemplate", "spec", "template",
                "spec"), "pod");
    }

    private static Map<String, Object> streamContainer() {
        List<Map<String, Object>> containers = DeployYaml.maps(deploymentPod(), "containers");
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    private static List<Map<String, Object>> allContainers(Map<String, Object> pod) {
        List<Map<String, Object>> containers = new ArrayList<>();
        if (pod.containsKey("initContainers")) {
            containers.addAll(DeployYaml.maps(pod, "initContainers"));
        }
        containers.addAll(DeployYaml.maps(pod, "containers"));
        return containers;
    }

    private static String configProperties() {
        return String.valueOf(DeployYaml.at(manifest("configmap.yaml"), "data", "glostream.properties"));
    }

    private StreamSettings configMapSettings(Map<String, String> environment) throws IOException {
        Path file = temp.resolve("glostream.properties");
        Files.writeString(file, configProperties(), StandardCharsets.UTF_8);
        return DeploySettings.fromFile(file, environment);
    }

    /**
     * A container's environment as the kubelet would give it: literal values with {@code $(NAME)} references
     * to earlier variables expanded, a pod IP for field references and a stand-in for Secret values.
     */
    private static Map<String, String> containerEnvironment(Map<String, Object> container) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (container.containsKey("env")) {
            for (Map<String, Object> variable : DeployYaml.maps(container, "env")) {
                String name = String.valueOf(variable.get("name"));
                if (variable.containsKey("value")) {
                    String value = String.valueOf(variable.get("value"));
                    for (Map.Entry<String, String> earlier : environment.entrySet()) {
                        value = value.replace("$(" + earlier.getKey() + ")", earlier.getValue());
                    }
                    environment.put(name, value);
                } else if (DeployYaml.map(variable.get("valueFrom"), name).containsKey("fieldRef")) {
                    environment.put(name, "10.1.2.3");
                } else {
                    environment.put(name, "secret-value");
                }
            }
        }
        return environment;
    }

    /** mountPath -> volume name of a container's mounts. */
    private static Map<String, String> mounts(Map<String, Object> container) {
        Map<String, String> mounts = new LinkedHashMap<>();
        for (Map<String, Object> mount : DeployYaml.maps(container, "volumeMounts")) {
            mounts.put(String.valueOf(mount.get("mountPath")), String.valueOf(mount.get("name")));
        }
        return mounts;
    }

    private static Map<String, Object> volume(Map<String, Object> pod, String name) {
        return DeployYaml.maps(pod, "volumes").stream().filter(v -> name.equals(v.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    @Test
    void everyManifestUsesTheServedApiVersionOfItsKind() throws IOException {
        try (Stream<Path> files = Files.list(DeployFiles.deploy("k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (Map<String, Object> document : DeployYaml.documents("k8s/" + file.getFileName())) {
                    String kind = String.valueOf(document.get("kind"));
                    assertEquals(SERVED.get(kind), document.get("apiVersion"), file.getFileName() + " " + kind);
                }
            }
        }
    }

    @Test
    void kustomizationAppliesEveryManifestButTheSecretExample() throws IOException {
        Set<String> manifests = new TreeSet<>();
        try (Stream<Path> files = Files.list(DeployFiles.deploy("k8s"))) {
            files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".yaml"))
                    .filter(name -> !name.equals("kustomization.yaml") && !name.equals("secret.example.yaml"))
                    .forEach(manifests::add);
        }
        assertEquals(manifests, new TreeSet<>(DeployYaml.strings(manifest("kustomization.yaml"), "resources")));
    }

    @Test
    void theConfigMapLoadsAsValidSettingsWithTheSecretAndOnlyRealKafkaKeys() throws IOException {
        StreamSettings settings = configMapSettings(containerEnvironment(streamContainer()));
        assertTrue(settings.hasBootstrapServers());
        assertEquals("SASL_SSL", settings.kafka().get("security.protocol"));
        assertTrue(settings.kafka().containsKey("sasl.jaas.config"), "the Secret's variable must set kafka.sasl.jaas.config");
        assertEquals(Set.of(), DeploySettings.unknownKafkaKeys(settings));
    }

    @Test
    void theSaslVariableComesFromTheSecretTheExampleDescribes() {
        Map<String, Object> secret = manifest("secret.example.yaml");
        Map<String, Object> stringData = DeployYaml.map(secret.get("stringData"), "stringData");
        List<Map<String, Object>> containers = new ArrayList<>(List.of(streamContainer()));
        containers.addAll(DeployYaml.maps(cronJobPod(), "containers"));
        for (Map<String, Object> container : containers) {
            Map<String, Object> variable = DeployYaml.maps(container, "env").stream()
                    .filter(v -> "GLOSTREAM_KAFKA_SASL_JAAS_CONFIG".equals(v.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(container.get("name") + " gets no SASL credentials"));
            Map<String, Object> ref = DeployYaml.map(DeployYaml.at(variable, "valueFrom", "secretKeyRef"), "secretKeyRef");
            assertEquals(DeployYaml.at(secret, "metadata", "name"), ref.get("name"));
            assertTrue(stringData.containsKey(String.valueOf(ref.get("key"))), "the Secret has no key " + ref.get("key"));
        }
    }

    @Test
    void probesAndTheServiceUseTheOpsEndpointsOnTheConfiguredHttpPort() throws IOException {
        Map<String, Object> container = streamContainer();
        StreamSettings settings = configMapSettings(containerEnvironment(container));
        int httpPort = settings.httpPort();
        assertEquals("10.1.2.3:" + httpPort, settings.httpAdvertised().orElseThrow(),
                "other replicas must reach this pod's endpoints at its IP and http.port");
        Map<String, Object> port = DeployYaml.maps(container, "ports").get(0);
        assertEquals("http", port.get("name"));
        assertEquals(httpPort, port.get("containerPort"));
        assertEquals("/ready", DeployYaml.at(container, "readinessProbe", "httpGet", "path"));
        assertEquals("/health", DeployYaml.at(container, "livenessProbe", "httpGet", "path"));
        assertEquals("/health", DeployYaml.at(container, "startupProbe", "httpGet", "path"));
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertEquals("http", DeployYaml.at(container, probe, "httpGet", "port"), probe);
        }
        Map<String, Object> service = manifest("service.yaml");
        Map<String, Object> servicePort = DeployYaml.maps(service, "spec", "ports").get(0);
        assertEquals("http", servicePort.get("targetPort"));
        assertEquals(String.valueOf(httpPort), DeployYaml.at(service, "metadata", "annotations", "prometheus.io/port"));
        assertEquals("/metrics", DeployYaml.at(service, "metadata", "annotations", "prometheus.io/path"));
        assertEquals(DeployYaml.at(manifest("deployment.yaml"), "spec", "selector", "matchLabels"),
                DeployYaml.at(service, "spec", "selector"));
    }

    @Test
    void theStreamPodReadsTheConfigMapFileAndMountsModelsStateAndTmp() throws IOException {
        Map<String, Object> container = streamContainer();
        List<String> args = DeployYaml.strings(container, "args");
        assertEquals("run", args.get(0));
        Path config = Path.of(args.get(args.indexOf("--config") + 1));
        Map<String, String> mounts = mounts(container);
        String configVolume = mounts.get(config.getParent().toString());
        assertNotNull(configVolume, "nothing is mounted at " + config.getParent());
        assertEquals("glostream-config", DeployYaml.at(volume(deploymentPod(), configVolume), "configMap", "name"));
        assertTrue(DeployYaml.map(DeployYaml.at(manifest("configmap.yaml"), "data"), "data")
                .containsKey(config.getFileName().toString()));

        StreamSettings settings = configMapSettings(Map.of());
        String stateDir = settings.stateDir().orElseThrow().toString();
        assertTrue(mounts.containsKey(stateDir), "state.dir " + stateDir + " is not a mounted volume");
        assertTrue(volume(deploymentPod(), mounts.get(stateDir)).containsKey("emptyDir"));
        String modelPath = configProperties().lines().filter(line -> line.startsWith("model.path=")).findFirst()
                .orElseThrow().substring("model.path=".length());
        String modelsVolume = mounts.get(Path.of(modelPath).getParent().toString());
        assertNotNull(modelsVolume, "model.path " + modelPath + " is not on a mounted volume");
        assertEquals("glostream-models", DeployYaml.at(volume(deploymentPod(), modelsVolume), "persistentVolumeClaim",
                "claimName"));
        assertEquals(true, DeployYaml.at(container, "securityContext", "readOnlyRootFilesystem"));
        assertTrue(mounts.containsKey("/tmp"), "a read-only root needs a writable /tmp for the native libraries");
    }

    @Test
    void podsRunAsTheImagesUserWithoutServiceLinks() {
        int imageUser = DockerfilesTest.imageUser("docker/stream-app.Dockerfile");
        assertEquals(imageUser, DockerfilesTest.imageUser("docker/trainer.Dockerfile"));
        for (Map<String, Object> pod : List.of(deploymentPod(), cronJobPod())) {
            // A Service named glostream-* would otherwise inject GLOSTREAM_*_SERVICE_HOST, which the app refuses.
            assertEquals(false, pod.get("enableServiceLinks"));
            assertEquals(imageUser, DeployYaml.at(pod, "securityContext", "runAsUser"));
            assertEquals(true, DeployYaml.at(pod, "securityContext", "runAsNonRoot"));
        }
    }

    @Test
    void everyContainerRequestsCpuAndMemoryAndLimitsMemory() {
        for (Map<String, Object> pod : List.of(deploymentPod(), cronJobPod())) {
            for (Map<String, Object> container : allContainers(pod)) {
                String name = String.valueOf(container.get("name"));
                assertNotNull(DeployYaml.at(container, "resources", "requests", "cpu"), name);
                Object request = DeployYaml.at(container, "resources", "requests", "memory");
                assertEquals(request, DeployYaml.at(container, "resources", "limits", "memory"),
                        name + ": a memory limit above the request invites eviction under pressure");
            }
        }
    }

    @Test
    void claimsTheWorkloadsMountAreTheOnesDeclared() {
        Set<String> declared = new TreeSet<>();
        for (Map<String, Object> claim : DeployYaml.documents("k8s/pvc.yaml")) {
            declared.add(String.valueOf(DeployYaml.at(claim, "metadata", "name")));
            assertEquals(List.of("ReadWriteMany"), DeployYaml.at(claim, "spec", "accessModes"));
        }
        Set<String> used = new TreeSet<>();
        for (Map<String, Object> pod : List.of(deploymentPod(), cronJobPod())) {
            for (Map<String, Object> volume : DeployYaml.maps(pod, "volumes")) {
                if (volume.containsKey("persistentVolumeClaim")) {
                    used.add(String.valueOf(DeployYaml.at(volume, "persistentVolumeClaim", "claimName")));
                }
            }
        }
        assertEquals(declared, used);
    }

    @Test
    void theCronJobFitsAlignedToTheServingBundleVerifiesCopiesThenPublishes() {
        Map<String, Object> pod = cronJobPod();
        List<String> init = DeployYaml.maps(pod, "initContainers").stream().map(c -> String.valueOf(c.get("name"))).toList();
        assertEquals(List.of("fit", "verify-and-copy"), init);
        List<Map<String, Object>> containers = DeployYaml.maps(pod, "containers");
        assertEquals(List.of("publish-model"), containers.stream().map(c -> String.valueOf(c.get("name"))).toList());
        assertEquals(streamContainer().get("image"), containers.get(0).get("image"));
        for (Map<String, Object> trainer : DeployYaml.maps(pod, "initContainers")) {
            assertTrue(String.valueOf(trainer.get("image")).startsWith("glostream/trainer:"), String.valueOf(trainer.get("name")));
        }
        String modelPath = configProperties().lines().filter(line -> line.startsWith("model.path=")).findFirst()
                .orElseThrow().substring("model.path=".length());
        String fit = String.join("\n", DeployYaml.strings(DeployYaml.maps(pod, "initContainers").get(0), "args"));
        assertTrue(fit.contains("--align-to " + modelPath), "fit must align to what the stream serves: " + fit);
        String publish = String.join("\n", DeployYaml.strings(containers.get(0), "args"));
        assertTrue(publish.contains("--config /etc/glostream/glostream.properties"), publish);
        assertTrue(publish.indexOf("publish-model") < publish.indexOf(modelPath.substring(modelPath.lastIndexOf('/') + 1)),
                "the link moves only after the announcement succeeded: " + publish);
    }
}
