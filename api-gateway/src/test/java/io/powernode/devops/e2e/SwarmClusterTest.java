package io.powernode.devops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.powernode.devops.testing.SwarmNode;
import io.powernode.devops.testing.TestDockerEngine;
import io.powernode.devops.testing.TestSwarm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform driving the shared 3-manager + 1-worker swarm through its API, as an operator would: what
 * registration discovers, a service's life (scale, update, a failing update that Swarm rolls back, Docker's own
 * rollback), draining a node, promoting and demoting, and secrets and configs reaching a task's file system.
 */
@ExtendWith(OutputCaptureExtension.class)
class SwarmClusterTest {

    private static final Duration SOON = Duration.ofSeconds(60);
    /** A failing update is noticed after its monitor period and rolled back task by task. */
    private static final Duration ROLLBACK = Duration.ofSeconds(120);

    private static Platform platform;
    private static TestSwarm swarm;
    private static SwarmApi api;
    private static String clusterId;

    @BeforeAll
    static void registerTheSharedSwarm() {
        swarm = TestSwarm.shared();
        platform = SharedPlatform.get();
        api = SwarmApi.freshAccount(platform);
        clusterId = api.registerConnected("shared-swarm", swarm.managerEndpoint());
    }

    @Test
    void registrationDiscoversFourNodesWithTheirRolesAndOneLeader() {
        JsonNode nodes = api.awaitGet("/nodes?cluster_id=" + clusterId,
                page -> page.path("nodes").size() == 4, SOON).path("nodes");

        assertThat(roles(nodes)).containsExactlyInAnyOrder("manager", "manager", "manager", "worker");
        List<JsonNode> leaders = items(nodes).stream().filter(node -> node.path("leader").asBoolean()).toList();
        assertThat(leaders).singleElement()
                .satisfies(leader -> assertThat(leader.path("hostname").asText()).isEqualTo(swarm.leader().name()));
        JsonNode cluster = api.cluster(clusterId);
        assertThat(cluster.path("manager_count").asInt()).isEqualTo(3);
        assertThat(cluster.path("worker_count").asInt()).isEqualTo(1);
        assertThat(cluster.path("swarm_id").asText()).isNotBlank();
        JsonNode health = api.get("/clusters/" + clusterId + "/health").path("health");
        assertThat(health.path("state").asText()).isEqualTo("healthy");
        assertThat(health.path("quorum").asInt()).isEqualTo(2);
        assertThat(health.path("tolerated_manager_losses").asInt()).isEqualTo(1);
    }

    @Test
    void aServiceIsCreatedScaledUpdatedAndAFailingUpdateIsRolledBackBySwarm() {
        String name = "pn-web-" + shortId();
        String serviceId = createService(name, 2, Map.of());
        try {
            awaitRunning(serviceId, 2);

            api.succeeded(api.post("/services/" + serviceId + "/scale", SwarmApi.json(Map.of("scale", Map.of("replicas", 4)))));
            awaitRunning(serviceId, 4);
            api.succeeded(api.post("/services/" + serviceId + "/scale", SwarmApi.json(Map.of("scale", Map.of("replicas", 0)))));
            awaitRunning(serviceId, 0);
            api.succeeded(api.post("/services/" + serviceId + "/scale", SwarmApi.json(Map.of("scale", Map.of("replicas", 2)))));
            awaitRunning(serviceId, 2);

            api.succeeded(api.put("/services/" + serviceId, null, SwarmApi.json(Map.of("service",
                    serviceSpec(name, TestDockerEngine.BROKEN_IMAGE, 2, Map.of(), true)))));

            JsonNode rolledBack = api.awaitGet("/services/" + serviceId,
                    body -> "rollback_completed".equals(body.path("service").path("update_state").asText()), ROLLBACK)
                    .path("service");
            assertThat(rolledBack.path("image").asText()).isEqualTo(TestDockerEngine.TEST_IMAGE);
            awaitRunning(serviceId, 2);
            // the platform's own record: the update it asked for, and Swarm's failure and rollback as events
            assertThat(operations(serviceId)).contains("scale_service", "update_service");
            JsonNode events = api.awaitGet("/events?cluster_id=" + clusterId + "&type=service&per_page=100",
                    page -> updateStates(page, name).contains("rollback_completed"), SOON);
            assertThat(updateStates(events, name)).contains("updating", "rollback_started", "rollback_completed");
        } finally {
            removeService(serviceId);
        }
    }

    @Test
    void dockersOwnRollbackRestoresThePreviousSpec() {
        String name = "pn-env-" + shortId();
        String serviceId = createService(name, 1, Map.of("RELEASE", "1"));
        try {
            awaitRunning(serviceId, 1);
            api.succeeded(api.put("/services/" + serviceId, null, SwarmApi.json(Map.of("service",
                    serviceSpec(name, TestDockerEngine.TEST_IMAGE, 1, Map.of("RELEASE", "2"), true)))));
            assertThat(env(serviceId)).contains("RELEASE=2");

            api.succeeded(api.post("/services/" + serviceId + "/rollback", "{}"));

            await().atMost(SOON).untilAsserted(() -> assertThat(env(serviceId)).contains("RELEASE=1"));
            assertThat(operations(serviceId)).contains("rollback_service");
        } finally {
            removeService(serviceId);
        }
    }

    @Test
    void aDrainedNodeLosesItsTasksToTheOthersUntilItIsActiveAgain() {
        String serviceId = createService("pn-drain-" + shortId(), 4, Map.of());
        try {
            awaitRunning(serviceId, 4);
            String busyNode = runningTasks(serviceId).get(0).path("node_id").asText();

            api.succeeded(api.post("/nodes/" + busyNode + "/availability",
                    SwarmApi.json(Map.of("node", Map.of("availability", "drain")))));

            api.awaitGet("/nodes/" + busyNode, body -> "drain".equals(body.path("node").path("availability").asText()), SOON);
            await().atMost(SOON).untilAsserted(() -> {
                List<JsonNode> running = runningTasks(serviceId);
                assertThat(running).as("running tasks among %s", api.get("/tasks?service_id=" + serviceId))
                        .hasSize(4);
                assertThat(running).noneSatisfy(task -> assertThat(task.path("node_id").asText()).isEqualTo(busyNode));
            });
        } finally {
            reactivateDrainedNodes();
            removeService(serviceId);
        }
    }

    @Test
    void theWorkerIsPromotedAndDemotedAgain() {
        String worker = items(api.get("/nodes?cluster_id=" + clusterId + "&role=worker").path("nodes")).get(0)
                .path("id").asText();
        try {
            api.succeeded(api.post("/nodes/" + worker + "/promote", "{}"));
            api.awaitGet("/nodes/" + worker, body -> "manager".equals(body.path("node").path("role").asText()), SOON);
            api.awaitGet("/clusters/" + clusterId, body -> body.path("cluster").path("manager_count").asInt() == 4, SOON);
        } finally {
            api.succeeded(api.post("/nodes/" + worker + "/demote", "{}"));
        }
        api.awaitGet("/nodes/" + worker, body -> "worker".equals(body.path("node").path("role").asText()), SOON);
        swarm.awaitHealthy();
    }

    @Test
    void secretsAndConfigsReachTheTaskAndASecretValueIsFoundNowhereElse(CapturedOutput output) {
        String planted = "planted-" + UUID.randomUUID();
        String secretName = "pn-secret-" + shortId();
        String configName = "pn-config-" + shortId();
        String secretId = api.succeeded(api.post("/secrets", SwarmApi.json(Map.of("secret", Map.of(
                "cluster_id", clusterId, "name", secretName, "value", planted))))).path("secret").path("id").asText();
        String configId = api.succeeded(api.post("/configs", SwarmApi.json(Map.of("config", Map.of(
                "cluster_id", clusterId, "name", configName, "data", "service={{.Service.Name}}",
                "template_driver", "golang"))))).path("config").path("id").asText();
        String name = "pn-files-" + shortId();
        Map<String, Object> spec = serviceSpec(name, TestDockerEngine.TEST_IMAGE, 1, Map.of(), false);
        spec.put("secrets", List.of(secretName));
        spec.put("configs", List.of(Map.of("name", configName, "target", "/etc/app.conf")));
        String serviceId = api.succeeded(api.post("/services", SwarmApi.json(Map.of("service", spec))))
                .path("service").path("id").asText();
        try {
            awaitRunning(serviceId, 1);
            assertThat(inTask(serviceId, "cat", "/run/secrets/" + secretName)).isEqualTo(planted);
            assertThat(inTask(serviceId, "cat", "/etc/app.conf")).isEqualTo("service=" + name);

            String rotated = "rotated-" + UUID.randomUUID();
            JsonNode rotation = api.succeeded(api.post("/secrets/" + secretId + "/rotate",
                    SwarmApi.json(Map.of("secret", Map.of("value", rotated)))));
            assertThat(rotation.path("operation").path("notes").toString()).contains(name);
            await().atMost(SOON).untilAsserted(() ->
                    assertThat(inTask(serviceId, "cat", "/run/secrets/" + secretName)).isEqualTo(rotated));
            api.awaitGet("/secrets?cluster_id=" + clusterId,
                    page -> !page.toString().contains(secretId) && page.toString().contains(secretName), SOON);

            for (String value : List.of(planted, rotated)) {
                assertThat(StoredText.eventStore(platform)).doesNotContain(value);
                assertThat(StoredText.readModels(platform)).doesNotContain(value);
                assertThat(output.getAll()).doesNotContain(value);
                assertThat(api.activities(null).toString()).doesNotContain(value);
            }
        } finally {
            removeService(serviceId);
            api.succeeded(api.delete("/configs/" + configId));
        }
    }

    @Test
    void aServicesLogsAreReadFromItsTasks() {
        String name = "pn-logs-" + shortId();
        Map<String, Object> spec = serviceSpec(name, TestDockerEngine.TEST_IMAGE, 1, Map.of(), false);
        spec.put("command", List.of("sh", "-c", "echo hello-from-" + name + "; echo oops >&2; sleep 3600"));
        String serviceId = api.succeeded(api.post("/services", SwarmApi.json(Map.of("service", spec))))
                .path("service").path("id").asText();
        try {
            awaitRunning(serviceId, 1);
            JsonNode logs = api.awaitGet("/services/" + serviceId + "/logs?tail=10",
                    body -> body.path("lines").size() >= 2, SOON);
            assertThat(logs.path("lines").toString()).contains("hello-from-" + name).contains("oops");
            assertThat(items(logs.path("lines"))).extracting(line -> line.path("stream").asText())
                    .contains("stdout", "stderr");
        } finally {
            removeService(serviceId);
        }
    }

    @Test
    void anEncryptedAttachableOverlayNetworkIsCreatedListedAndRemoved() {
        String name = "pn-net-" + shortId();
        String networkId = api.succeeded(api.post("/networks", SwarmApi.json(Map.of("network", Map.of(
                "cluster_id", clusterId, "name", name, "attachable", true, "encrypted", true)))))
                .path("network").path("id").asText();

        JsonNode network = api.awaitGet("/networks/" + networkId, body -> body.has("network"), SOON).path("network");
        assertThat(network.path("driver").asText()).isEqualTo("overlay");
        assertThat(network.path("attachable").asBoolean()).isTrue();
        assertThat(network.path("encrypted").asBoolean()).isTrue();

        api.succeeded(api.delete("/networks/" + networkId));
        api.awaitGet("/networks?cluster_id=" + clusterId, page -> !page.toString().contains(networkId), SOON);
    }

    @Test
    void joinTokensAreReadFromTheSwarmAndKeptNowhere(CapturedOutput output) {
        JsonNode tokens = api.get("/clusters/" + clusterId + "/join_tokens").path("join_tokens");

        assertThat(tokens.path("worker").asText()).startsWith("SWMTKN-");
        assertThat(tokens.path("manager").asText()).startsWith("SWMTKN-");
        assertThat(tokens.path("manager_addresses")).isNotEmpty();
        for (String token : List.of(tokens.path("worker").asText(), tokens.path("manager").asText())) {
            assertThat(StoredText.eventStore(platform)).doesNotContain(token);
            assertThat(StoredText.readModels(platform)).doesNotContain(token);
            assertThat(output.getAll()).doesNotContain(token);
        }
        assertThat(api.activities(clusterId).toString()).contains("read_join_tokens");
        JsonNode inspected = api.get("/clusters/" + clusterId + "/swarm").path("swarm");
        assertThat(inspected.path("inspect").path("ID").asText()).isEqualTo(inspected.path("swarm_id").asText());
        assertThat(inspected.toString()).doesNotContain("JoinTokens").doesNotContain("SWMTKN-");
        platform.as(api.account, "bob", SwarmApi.READ).get()
                .uri(SwarmApi.SWARM + "/clusters/" + clusterId + "/join_tokens").exchange()
                .expectStatus().isForbidden();
    }

    // --- helpers ---

    private static String createService(String name, int replicas, Map<String, String> env) {
        Map<String, Object> spec = serviceSpec(name, TestDockerEngine.TEST_IMAGE, replicas, env, false);
        return api.succeeded(api.post("/services", SwarmApi.json(Map.of("service", spec)))).path("service")
                .path("id").asText();
    }

    /** A long-running busybox service; a failing update is rolled back by Swarm after a short monitor. */
    private static Map<String, Object> serviceSpec(String name, String image, int replicas, Map<String, String> env,
                                                   boolean forUpdate) {
        Map<String, Object> spec = new HashMap<>();
        if (!forUpdate) {
            spec.put("cluster_id", clusterId);
        }
        spec.put("name", name);
        spec.put("image", image);
        if (TestDockerEngine.TEST_IMAGE.equals(image)) {
            spec.put("command", List.of("sleep", "3600"));
        }
        spec.put("replicas", replicas);
        spec.put("env", env);
        spec.put("endpoint_mode", "dnsrr");
        spec.put("restart_policy", Map.of("condition", "on-failure", "delay", "1s", "max_attempts", 2));
        spec.put("update_config", Map.of("parallelism", 1, "delay", "1s", "failure_action", "rollback",
                "monitor", "5s", "max_failure_ratio", 0));
        spec.put("rollback_config", Map.of("parallelism", 1, "delay", "1s", "monitor", "2s"));
        spec.put("stop_grace_period", "1s");
        return spec;
    }

    private static void awaitRunning(String serviceId, int replicas) {
        api.awaitGet("/services/" + serviceId,
                body -> body.path("service").path("running_tasks").asInt() == replicas
                        && body.path("service").path("desired_replicas").asInt() == replicas, SOON);
    }

    private static List<JsonNode> runningTasks(String serviceId) {
        return items(api.get("/tasks?service_id=" + serviceId + "&per_page=100").path("tasks")).stream()
                .filter(task -> "running".equals(task.path("state").asText())
                        && "running".equals(task.path("desired_state").asText()))
                .toList();
    }

    private static List<String> operations(String target) {
        return items(api.get("/operations?cluster_id=" + clusterId + "&per_page=100").path("operations")).stream()
                .filter(operation -> target.equals(operation.path("target").asText())
                        && "succeeded".equals(operation.path("status").asText()))
                .map(operation -> operation.path("type").asText())
                .toList();
    }

    private static List<String> updateStates(JsonNode eventPage, String serviceName) {
        return items(eventPage.path("events")).stream()
                .filter(event -> serviceName.equals(event.path("attributes").path("name").asText()))
                .map(event -> event.path("attributes").path("updatestate.new").asText())
                .filter(state -> !state.isEmpty())
                .toList();
    }

    private static String env(String serviceId) {
        return api.get("/services/" + serviceId).path("service").path("inspect").path("Spec").path("TaskTemplate")
                .path("ContainerSpec").path("Env").toString();
    }

    /** Runs a command in the container of the service's running task, on the node that runs it. */
    private static String inTask(String serviceId, String... command) {
        List<JsonNode> running = runningTasks(serviceId);
        assertThat(running).as("running tasks of " + serviceId).isNotEmpty();
        JsonNode task = running.get(0);
        String hostname = api.get("/nodes/" + task.path("node_id").asText()).path("node").path("hostname").asText();
        SwarmNode node = swarm.nodes().stream().filter(n -> n.name().equals(hostname)).findFirst().orElseThrow();
        String container = node.docker("ps", "-q", "--filter", "label=com.docker.swarm.task.id="
                + task.path("id").asText()).trim();
        List<String> exec = new ArrayList<>(List.of("exec", container));
        exec.addAll(List.of(command));
        return node.docker(exec.toArray(String[]::new)).trim();
    }

    private static void reactivateDrainedNodes() {
        for (JsonNode node : items(api.get("/nodes?cluster_id=" + clusterId + "&availability=drain").path("nodes"))) {
            api.succeeded(api.post("/nodes/" + node.path("id").asText() + "/availability",
                    SwarmApi.json(Map.of("node", Map.of("availability", "active")))));
        }
    }

    private static void removeService(String serviceId) {
        api.succeeded(api.delete("/services/" + serviceId));
    }

    private static List<String> roles(JsonNode nodes) {
        return items(nodes).stream().map(node -> node.path("role").asText()).toList();
    }

    private static List<JsonNode> items(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
