package io.powernode.devops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The stack and deployment endpoints as the end-to-end tests drive them, on one account of a {@link SwarmApi}. */
final class StackApi {

    static final Set<String> FINAL_PHASES = Set.of("completed", "aborted", "rolled_back", "failed", "degraded");

    final SwarmApi swarm;

    StackApi(SwarmApi swarm) {
        this.swarm = swarm;
    }

    /** A deploy body: the compose file on a cluster, with more fields (strategy, environment, files …). */
    static String deploy(String clusterId, String name, String compose, Map<String, Object> more) {
        Map<String, Object> stack = new HashMap<>(Map.of("cluster_id", clusterId, "name", name, "compose", compose));
        stack.putAll(more);
        return SwarmApi.json(Map.of("stack", stack));
    }

    /** An update body: a new compose file for the stack, with more fields. */
    static String update(String compose, Map<String, Object> more) {
        Map<String, Object> stack = new HashMap<>(Map.of("compose", compose));
        stack.putAll(more);
        return SwarmApi.json(Map.of("stack", stack));
    }

    /** Deploys and answers the 202's body: the stack, the deployment and the warnings. */
    JsonNode deployStack(String clusterId, String name, String compose, Map<String, Object> more) {
        return accepted(swarm.post("/stacks", deploy(clusterId, name, compose, more)));
    }

    JsonNode updateStack(String stackId, String compose, Map<String, Object> more) {
        return accepted(swarm.put("/stacks/" + stackId, null, update(compose, more)));
    }

    /** A request that starts a deployment: 202 with the deployment and its address. */
    JsonNode accepted(WebTestClient.ResponseSpec response) {
        var result = response.expectBody(JsonNode.class).returnResult();
        assertThat(result.getStatus().value()).as("status of %s", result.getResponseBody()).isEqualTo(202);
        assertThat(result.getResponseHeaders().getLocation()).isNotNull();
        return result.getResponseBody();
    }

    /** {@code POST /deployments/:id/redeploy}: the deployment's revision again, in a new deployment (rolling). */
    JsonNode redeploy(String deploymentId) {
        return accepted(swarm.post("/deployments/" + deploymentId + "/redeploy", ""));
    }

    /** {@code POST /deployments/:id/rollback}: of a finished deployment, a new one of the revision before it. */
    JsonNode rollback(String deploymentId) {
        return accepted(swarm.post("/deployments/" + deploymentId + "/rollback", ""));
    }

    /** The id of the deployment a request started, from its 202. */
    static String deploymentId(JsonNode accepted) {
        return accepted.path("deployment").path("id").asText();
    }

    /** The stack's deployments as the API lists them (newest first), without their timelines. */
    List<JsonNode> deployments(String stackId) {
        return entries(swarm.get("/deployments?stack_id=" + stackId).path("deployments"));
    }

    /** The stack's deployments that changed one of its compose services. */
    List<JsonNode> deployments(String stackId, String service) {
        return entries(swarm.get("/deployments?stack_id=" + stackId + "&service=" + service).path("deployments"));
    }

    /** The account's stacks on the cluster as the API lists them: the platform's and those only Docker runs. */
    List<JsonNode> stacks(String clusterId) {
        return entries(swarm.get("/stacks?cluster_id=" + clusterId).path("stacks"));
    }

    /** Waits until the cluster's stack list shows a stack named {@code name}, and answers its entry then. */
    JsonNode awaitListed(String clusterId, String name, Duration within) {
        JsonNode[] listed = new JsonNode[1];
        await("stack " + name + " listed").atMost(within).pollInterval(Duration.ofMillis(300)).until(() -> {
            listed[0] = stacks(clusterId).stream().filter(stack -> name.equals(stack.path("name").asText()))
                    .findFirst().orElse(null);
            return listed[0] != null;
        });
        return listed[0];
    }

    /** {@code DELETE /stacks/:id}, waited for until its removal's swarm operation succeeded. */
    void remove(String stackId) {
        swarm.succeeded(swarm.delete("/stacks/" + stackId));
    }

    JsonNode deployment(String id) {
        return swarm.get("/deployments/" + id).path("deployment");
    }

    JsonNode stack(String id) {
        return swarm.get("/stacks/" + id).path("stack");
    }

    /** Waits until the deployment is in {@code phase} and answers it then; fails early if it ends in another. */
    JsonNode awaitPhase(String deploymentId, String phase, Duration within) {
        JsonNode[] seen = new JsonNode[1];
        await("deployment " + deploymentId + " " + phase).atMost(within).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    seen[0] = deployment(deploymentId);
                    String now = seen[0].path("phase").asText();
                    if (!now.equals(phase) && FINAL_PHASES.contains(now)) {
                        throw new AssertionError("deployment ended " + now + " instead of " + phase + ": " + seen[0]);
                    }
                    return now.equals(phase);
                });
        return seen[0];
    }

    /** The types of the deployment's timeline entries, oldest first. */
    static List<String> timeline(JsonNode deployment) {
        return entries(deployment.path("timeline")).stream().map(entry -> entry.path("type").asText()).toList();
    }

    /** The stack's services (as {@code docker stack services} lists them) whose role is {@code role}. */
    List<JsonNode> services(String stackId, String role) {
        return entries(swarm.get("/stacks/" + stackId + "/services").path("services")).stream()
                .filter(service -> role.equals(service.path("role").asText())).toList();
    }

    /** Waits until the stack's services satisfy {@code condition}. */
    void awaitServices(String stackId, String description, Predicate<List<JsonNode>> condition, Duration within) {
        await(description).atMost(within).pollInterval(Duration.ofMillis(300)).until(() -> condition.test(
                entries(swarm.get("/stacks/" + stackId + "/services").path("services"))));
    }

    static List<JsonNode> entries(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** A compose file of one service, {@code web}, running the test image {@code powernode-test/web:<tag>}. */
    static String web(int tag, int replicas) {
        return "version: \"3.9\"\nservices:\n  web:\n    image: powernode-test/web:" + tag
                + "\n    deploy:\n      replicas: " + replicas + "\n";
    }

    /** Deploys and waits until the deployment is in {@code phase}; answers the 202's body. */
    JsonNode deployStackUntil(String clusterId, String name, String compose, Map<String, Object> more,
                              String phase, Duration within) {
        JsonNode accepted = deployStack(clusterId, name, compose, more);
        awaitPhase(accepted.path("deployment").path("id").asText(), phase, within);
        return accepted;
    }

    /**
     * What the account has recorded of stacks and of what it asked the swarm: a refused request leaves it as it
     * was, and an accepted one changes it.
     */
    record Footprint(int stacks, int deployments, int operations, long activities) {

        /** The same, with {@code count} more activities: the audit records a refusal by a domain rule. */
        Footprint withRefusals(int count) {
            return new Footprint(stacks, deployments, operations, activities + count);
        }
    }

    Footprint footprint() {
        return new Footprint(total("/stacks"), total("/deployments"), total("/operations"), swarm.activityCount());
    }

    /**
     * Asserts that a request a domain rule refused left nothing but its audit entry: waits until the account's newest
     * activity is {@code action} on {@code targetId}, rejected, and finds everything else as {@code before}.
     */
    void assertOnlyRefusalAudited(Footprint before, String action, String targetId) {
        await("refused " + action + " audited").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> swarm.activityCount() > before.activities());
        JsonNode newest = swarm.activities(null).path(0);
        assertThat(newest.path("action").asText()).isEqualTo(action);
        assertThat(newest.path("target_id").asText()).isEqualTo(targetId);
        assertThat(newest.path("outcome").asText()).isEqualTo("rejected");
        assertThat(footprint()).isEqualTo(before.withRefusals(1));
    }

    private int total(String list) {
        return swarm.get(list).path("pagination").path("total_count").asInt();
    }
}
