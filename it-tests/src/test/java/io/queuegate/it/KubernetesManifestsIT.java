package io.queuegate.it;

import static io.queuegate.it.KubernetesManifests.at;
import static io.queuegate.it.KubernetesManifests.list;
import static io.queuegate.it.KubernetesManifests.map;
import static io.queuegate.it.KubernetesManifests.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.queuegate.it.KubernetesManifests.Document;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The manifests in {@code deploy/k8s} parse and agree with the service they deploy: its probe
 * paths, port, configuration variables, shutdown grace and readiness budget, and the image's user.
 */
class KubernetesManifestsIT {
  private final KubernetesManifests manifests = KubernetesManifests.load();
  private final Document deployment = manifests.only("Deployment");
  private final Map<String, Object> pod = map(deployment.root(), "spec", "template", "spec");
  private final Map<String, Object> container = map(pod, "containers", 0);
  private final Map<String, String> defaults = configDefaults();

  @Test
  void everyDocument_parsesToAnExpectedKindWithAName() {
    assertThat(manifests.all())
        .extracting(Document::kind)
        .containsExactlyInAnyOrder(
            "ConfigMap",
            "Deployment",
            "HorizontalPodAutoscaler",
            "Kustomization",
            "PodDisruptionBudget",
            "Secret",
            "Service");
    assertThat(manifests.all())
        .filteredOn(d -> !d.kind().equals("Kustomization"))
        .allSatisfy(d -> assertThat(d.name()).as(d.file()).isNotBlank());
  }

  @Test
  void kustomization_appliesEveryManifestButTheExampleSecret() {
    List<Object> resources = list(manifests.only("Kustomization").root(), "resources");
    Set<String> expected = new HashSet<>();
    for (Document d : manifests.all()) {
      if (!d.kind().equals("Kustomization") && !d.kind().equals("Secret")) {
        expected.add(d.file());
      }
    }
    assertThat(resources).map(Object::toString).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(manifests.only("Secret").file()).isEqualTo("secret.example.yaml");
  }

  @Test
  void probePaths_answer200FromTheService() {
    List<String> paths =
        Stream.of("startupProbe", "livenessProbe", "readinessProbe")
            .map(probe -> string(container, probe, "httpGet", "path"))
            .toList();
    assertThat(paths).containsExactly("/healthz", "/healthz", "/readyz");
    try (ServiceHarness service = ServiceHarness.start(Map.of())) {
      assertThat(paths)
          .allSatisfy(path -> assertThat(service.api.get(path).status()).isEqualTo(200));
    }
  }

  @Test
  void ports_leadFromTheServiceToTheServerPort() {
    Map<String, Object> port = map(container, "ports", 0);
    assertThat(string(port, "containerPort"))
        .isEqualTo(defaults.get("SERVER_PORT"))
        .isEqualTo(string(manifests.only("ConfigMap").root(), "data", "SERVER_PORT"));
    String portName = string(port, "name");
    assertThat(string(manifests.only("Service").root(), "spec", "ports", 0, "targetPort"))
        .isEqualTo(portName);
    assertThat(Stream.of("startupProbe", "livenessProbe", "readinessProbe"))
        .allSatisfy(
            probe -> assertThat(string(container, probe, "httpGet", "port")).isEqualTo(portName));
  }

  @Test
  void selectors_matchThePodLabels() {
    Map<String, Object> podLabels =
        map(deployment.root(), "spec", "template", "metadata", "labels");
    assertThat(map(manifests.only("Service").root(), "spec", "selector")).isNotEmpty();
    assertThat(podLabels)
        .containsAllEntriesOf(map(deployment.root(), "spec", "selector", "matchLabels"));
    assertThat(podLabels)
        .containsAllEntriesOf(map(manifests.only("Service").root(), "spec", "selector"));
    assertThat(podLabels)
        .containsAllEntriesOf(
            map(manifests.only("PodDisruptionBudget").root(), "spec", "selector", "matchLabels"));
    assertThat(
            string(
                manifests.only("HorizontalPodAutoscaler").root(), "spec", "scaleTargetRef", "name"))
        .isEqualTo(deployment.name());
  }

  @Test
  void environmentVariables_areConfigurationKeys() {
    Set<String> used = new HashSet<>(map(manifests.only("ConfigMap").root(), "data").keySet());
    list(container, "env").forEach(e -> used.add(string(e, "name")));
    assertThat(used).isNotEmpty();
    assertThat(defaults.keySet()).containsAll(used);
    assertThat(string(list(container, "envFrom").get(0), "configMapRef", "name"))
        .isEqualTo(manifests.only("ConfigMap").name());
  }

  @Test
  void secretFiles_areMountedFromTheSecretTheExampleDescribes() {
    Map<String, Object> mount =
        list(container, "volumeMounts").stream()
            .map(m -> map(m))
            .filter(m -> "secrets".equals(m.get("name")))
            .findFirst()
            .orElseThrow();
    assertThat(mount).containsEntry("readOnly", true);
    Document secret = manifests.only("Secret");
    assertThat(string(volume("secrets"), "secret", "secretName")).isEqualTo(secret.name());
    Set<String> files = map(secret.root(), "stringData").keySet();
    // Plain settings come from the ConfigMap; the Deployment's own variables name secret files.
    List<Object> env = list(container, "env");
    assertThat(env).hasSize(files.size());
    assertThat(env)
        .allSatisfy(
            e -> {
              assertThat(string(e, "name")).endsWith("_FILE");
              Path file = Path.of(string(e, "value"));
              assertThat(file.getParent()).isEqualTo(Path.of(string(mount, "mountPath")));
              assertThat(files).contains(file.getFileName().toString());
            });
  }

  @Test
  void redisStore_getsTheSharedAdmissionKeys_neverTheEphemeralSwitch() {
    Map<String, Object> config = map(manifests.only("ConfigMap").root(), "data");
    assertThat(config).containsEntry("QUEUEGATE_STORE", "redis");
    assertThat(config).doesNotContainKey("QUEUEGATE_ADMISSION_TOKEN_ALLOW_EPHEMERAL");
    assertThat(list(container, "env"))
        .anySatisfy(
            e -> assertThat(string(e, "name")).isEqualTo("QUEUEGATE_ADMISSION_TOKEN_JWKS_FILE"))
        .anySatisfy(
            e -> assertThat(string(e, "name")).isEqualTo("QUEUEGATE_GATE_SESSION_SECRET_FILE"));
  }

  @Test
  void securityContext_isNonRootReadOnlyAndWithoutCapabilities() {
    assertThat(at(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
    assertThat((Integer) at(pod, "securityContext", "runAsUser")).isPositive();
    Map<String, Object> security = map(container, "securityContext");
    assertThat(security)
        .containsEntry("runAsNonRoot", true)
        .containsEntry("readOnlyRootFilesystem", true)
        .containsEntry("allowPrivilegeEscalation", false);
    assertThat(list(security, "capabilities", "drop")).containsExactly("ALL");
    assertThat(list(container, "volumeMounts"))
        .anySatisfy(m -> assertThat(string(m, "mountPath")).isEqualTo("/tmp"));
    assertThat(at(volume("tmp"), "emptyDir")).isInstanceOf(Map.class);
  }

  @Test
  void resources_haveRequestsAndLimits() {
    assertThat(map(container, "resources", "requests")).containsKeys("cpu", "memory");
    assertThat(map(container, "resources", "limits")).containsKeys("cpu", "memory");
  }

  @Test
  void terminationGrace_coversThePreStopPauseAndTheShutdownGrace() {
    long preStop = ((Integer) at(container, "lifecycle", "preStop", "sleep", "seconds"));
    Duration shutdownGrace =
        Duration.parse(string(manifests.only("ConfigMap").root(), "data", "SERVER_SHUTDOWN_GRACE"));
    assertThat(preStop).isPositive();
    assertThat(((Integer) pod.get("terminationGracePeriodSeconds")).longValue())
        .isGreaterThan(preStop + shutdownGrace.toSeconds());
  }

  @Test
  void readinessProbe_waitsLongerThanTheReadinessBudget() {
    Duration budget =
        Duration.parse(
            string(manifests.only("ConfigMap").root(), "data", "QUEUEGATE_READINESS_TIMEOUT"));
    Map<String, Object> readiness = map(container, "readinessProbe");
    assertThat(((Integer) readiness.get("timeoutSeconds")).longValue())
        .isGreaterThan(budget.toSeconds());
    assertThat((Integer) readiness.get("failureThreshold")).isGreaterThan(1);
  }

  @Test
  void imageDefinitions_runAsThePodsUserOnTheContainerPort() throws Exception {
    List<String> dockerfile = runtimeSettings(Path.of("..", "Dockerfile"));
    List<String> containerfile =
        runtimeSettings(Path.of("..", "scripts", "container", "Containerfile"));
    assertThat(containerfile).isEqualTo(dockerfile);
    assertThat(dockerfile)
        .contains(
            "USER "
                + at(pod, "securityContext", "runAsUser")
                + ":"
                + at(pod, "securityContext", "runAsGroup"))
        .contains("EXPOSE " + string(container, "ports", 0, "containerPort"))
        .anySatisfy(line -> assertThat(line).startsWith("ENTRYPOINT [\""));
  }

  /** The last stage's ENV, USER, WORKDIR, EXPOSE, HEALTHCHECK and ENTRYPOINT, one line each. */
  private static List<String> runtimeSettings(Path file) throws Exception {
    String text = Files.readString(file).replace("\\\n", " ");
    String lastStage = text.substring(text.lastIndexOf("\nFROM "));
    return lastStage
        .lines()
        .map(line -> line.strip().replaceAll("\\s+", " "))
        .filter(line -> line.matches("(ENV|USER|WORKDIR|EXPOSE|HEALTHCHECK|ENTRYPOINT) .*"))
        .toList();
  }

  private Map<String, Object> volume(String name) {
    return list(pod, "volumes").stream()
        .map(v -> map(v))
        .filter(v -> name.equals(v.get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + name));
  }

  /** Every variable the service reads, with its default from application.yaml. */
  private static Map<String, String> configDefaults() {
    Map<String, String> byVariable = new HashMap<>();
    Map<String, Object> flat = KubernetesManifests.applicationConfig();
    flat.forEach(
        (key, value) ->
            byVariable.put(
                key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT),
                String.valueOf(value)));
    return byVariable;
  }
}
