package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The files in deploy/ parse and carry what each target needs: probes, resources and secret references in the
 * Kubernetes manifests, the Fargate fields in the ECS task definition, health checks and a non-root user in the
 * Dockerfiles, which copy into their final image only what the build produced. No file holds a password.
 */
class DeployFilesTest {

    private static final Path DEPLOY = Path.of(System.getProperty("quire.repo.dir", "..")).resolve("deploy");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String key) {
        Object value = ((Map<String, Object>) node).get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node, String key) {
        Object value = ((Map<String, Object>) node).get(key);
        assertThat(value).as(key).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    private static List<Map<String, Object>> yamlDocuments(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions()))
                .loadAll(Files.readString(file, StandardCharsets.UTF_8))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) document;
            documents.add(map);
        }
        return documents;
    }

    @Test
    void theKubernetesManifestsCarryProbesResourcesAndSecretReferences() throws IOException {
        Map<String, Map<String, Object>> byKind = new HashMap<>();
        for (Map<String, Object> document : yamlDocuments(DEPLOY.resolve("kubernetes/quire.yaml"))) {
            assertThat(document).containsKeys("apiVersion", "kind", "metadata");
            byKind.put((String) document.get("kind"), document);
        }
        assertThat(byKind).containsKeys("ConfigMap", "Deployment", "ServiceAccount", "Service", "Ingress",
                "HorizontalPodAutoscaler", "PodDisruptionBudget");

        Map<String, Object> deployment = map(byKind.get("Deployment"), "spec");
        assertThat((Integer) deployment.get("replicas")).isGreaterThanOrEqualTo(2);
        Map<String, Object> pod = map(map(deployment, "template"), "spec");
        assertThat(pod.get("terminationGracePeriodSeconds")).isEqualTo(40);
        Object container = list(pod, "containers").get(0);
        assertThat(map(map(container, "readinessProbe"), "httpGet").get("path")).isEqualTo("/q/health/ready");
        assertThat(map(map(container, "livenessProbe"), "httpGet").get("path")).isEqualTo("/q/health/live");
        Map<String, Object> resources = map(container, "resources");
        assertThat(map(resources, "requests")).containsKeys("cpu", "memory");
        assertThat(map(resources, "limits")).containsKey("memory");
        assertThat(list(container, "env")).anySatisfy(env -> assertThat(map(map(env, "valueFrom"), "secretKeyRef"))
                .containsEntry("name", "quire-secrets"));
        assertThat(list(container, "envFrom")).isNotEmpty();

        Map<String, Object> selector = map(map(byKind.get("Service"), "spec"), "selector");
        assertThat(map(map(map(deployment, "template"), "metadata"), "labels")).containsAllEntriesOf(selector);
        assertThat(map(map(byKind.get("HorizontalPodAutoscaler"), "spec"), "scaleTargetRef"))
                .containsEntry("kind", "Deployment").containsEntry("name", "quire");
        assertThat(map(map(byKind.get("PodDisruptionBudget"), "spec"), "selector")).containsKey("matchLabels");
        assertThat(map(byKind.get("ConfigMap"), "data")).containsKeys("QUIRE_DATABASE_URL", "QUIRE_MEDIA_STORAGE")
                .doesNotContainKeys("QUIRE_DATABASE_PASSWORD");
    }

    @Test
    void theEcsTaskDefinitionIsForFargateWithAHealthCheckAndSecretsByReference() throws IOException {
        JsonNode task = new ObjectMapper().readTree(DEPLOY.resolve("ecs/task-definition.json").toFile());
        assertThat(task.path("requiresCompatibilities").toString()).contains("FARGATE");
        assertThat(task.path("networkMode").asText()).isEqualTo("awsvpc");
        assertThat(task.path("cpu").asText()).isNotEmpty();
        assertThat(task.path("memory").asText()).isNotEmpty();
        JsonNode container = task.path("containerDefinitions").get(0);
        assertThat(container.path("portMappings").get(0).path("containerPort").asInt()).isEqualTo(8080);
        assertThat(container.path("healthCheck").path("command").toString()).contains("/q/health/ready");
        assertThat(container.path("secrets").get(0).path("valueFrom").asText()).startsWith("arn:aws:secretsmanager:");
        assertThat(container.path("environment").toString()).doesNotContain("PASSWORD");
    }

    @Test
    void theComposeFileTakesPasswordsFromTheEnvironment() throws IOException {
        Map<String, Object> compose = yamlDocuments(DEPLOY.resolve("compose.yaml")).get(0);
        Map<String, Object> services = map(compose, "services");
        assertThat(services).containsKeys("quire", "postgres", "keycloak");
        assertThat(map(map(services, "quire"), "environment").get("QUIRE_DATABASE_PASSWORD").toString())
                .startsWith("${");
    }

    @Test
    void theDockerfilesRunAsAnotherUserCheckHealthAndCopyOnlyWhatTheBuildMade() throws IOException {
        Pattern copyFromBuild = Pattern.compile("(?m)^COPY --from=build (?:--chown=\\S+ )?(\\S+) ");
        for (String name : List.of("Dockerfile.jvm", "Dockerfile.native")) {
            String dockerfile = Files.readString(DEPLOY.resolve(name), StandardCharsets.UTF_8);
            String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
            Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(runtime);
            String lastUser = null;
            while (user.find()) {
                lastUser = user.group(1);
            }
            assertThat(lastUser).as(name + ": the last USER of the runtime stage").isNotNull()
                    .isNotIn("root", "0");
            assertThat(runtime).as(name).contains("HEALTHCHECK").contains("/q/health/ready");
            assertThat(runtime).as(name + ": the runtime stage copies from the build stage only")
                    .doesNotContainPattern("(?m)^COPY (?!--from=build)").doesNotContainPattern("(?m)^ADD ");
            Matcher copy = copyFromBuild.matcher(runtime);
            int copies = 0;
            while (copy.find()) {
                copies++;
                assertThat(copy.group(1)).as(name).startsWith("/src/web/target/");
            }
            assertThat(copies).as(name).isPositive();
        }
    }

    /** Outside the development realm (test users, named as such), no file holds a password, secret or key. */
    @Test
    void noDeployFileHoldsAPassword() throws IOException {
        Pattern assignment = Pattern.compile(
                "(?i)(?<![:/])[\"']?(password|secret)[\"']?\\s*[:=]\\s*[\"']?(?![$\"'{])[^\\s\"',}]{6,}");
        try (var files = Files.walk(DEPLOY)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.startsWith(DEPLOY.resolve("keycloak"))).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertThat(text).as(file.toString()).doesNotContainPattern(assignment.pattern())
                        .doesNotContainPattern("AKIA[0-9A-Z]{16}");
            }
        }
        assertThat("QUIRE_DATABASE_PASSWORD: hunter2hunter2").as("the check itself").containsPattern(assignment);
        assertThat("\"password\": \"s3cr3t-value\"").as("the check itself").containsPattern(assignment);
        assertThat("QUIRE_DATABASE_PASSWORD: ${QUIRE_DB_PASSWORD:?set it}").doesNotContainPattern(assignment);
        assertThat("arn:aws:secretsmanager:eu-west-1:1:secret:quire/db").as("a reference").doesNotContainPattern(assignment);
    }
}
