package io.powernode.devops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.powernode.devops.kernel.stack.StackIds;
import io.powernode.devops.testing.SwarmNode;
import io.powernode.devops.testing.TestSwarm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stack's rules, through the API on the shared swarm. A stack takes one deployment at a time: a deploy, an
 * update, a redeploy or a removal while one is active is a conflict (409). A rolling update is Docker's own and
 * cannot be paused, promoted or aborted (422), nor rolled back before it ends (409). A step waiting for a promote is
 * not resumed; only a stack's latest deployment, and only one that did not succeed, is retried; the first
 * deployment has no revision to roll back to (422). A refusal by these rules leaves nothing but its audit entry: no
 * deployment, no operation, and the swarm runs what it ran. A cluster in maintenance takes no deploy and moves no
 * rollout (409), refused before anything is recorded.
 */
class DeploymentRuleRefusalTest {

    private static final Duration SETTLED = Duration.ofMinutes(3);

    /** A stack on the swarm and the deployment the tests act on. */
    private record Deployed(String name, String stackId, String deploymentId) {
    }

    private static TestSwarm swarm;
    private static StackApi api;
    private static String clusterId;
    /** A stack whose one and only deployment completed. */
    private static Deployed done;
    /** A stack whose first deployment completed and whose canary update waits at its step for a promote. */
    private static Deployed held;
    private static String heldFirstDeploymentId;
    /** A stack whose rolling deploy goes on until a node carries {@link #gate}: its task has nowhere to run. */
    private static Deployed stuck;
    private static String gate;

    @BeforeAll
    static void deployStacksInEveryPosition() {
        swarm = TestSwarm.shared();
        api = new StackApi(SwarmApi.freshAccount(SharedPlatform.get()));
        clusterId = api.swarm.registerConnected("rule-refusals", swarm.managerEndpoint());
        String suffix = StackDeployTest.shortId();
        gate = "powernode-refusal-gate-" + suffix;

        done = deploy("done-" + suffix, StackApi.web(1, 1), Map.of());
        Deployed heldFirst = deploy("held-" + suffix, StackApi.web(1, 2), Map.of());
        stuck = deploy("stuck-" + suffix, StackApi.web(1, 1) + "      placement:\n        constraints:\n          - node.labels."
                + gate + " == open\n", Map.of());
        api.awaitPhase(done.deploymentId(), "completed", SETTLED);
        api.awaitPhase(heldFirst.deploymentId(), "completed", SETTLED);
        heldFirstDeploymentId = heldFirst.deploymentId();
        JsonNode canary = api.updateStack(heldFirst.stackId(), StackApi.web(2, 2), Map.of("strategy", Map.of(
                "type", "canary", "steps", List.of(Map.of("weight", 50, "pause", "until_promoted")))));
        held = new Deployed(heldFirst.name(), heldFirst.stackId(), canary.path("deployment").path("id").asText());
        api.awaitPhase(held.deploymentId(), "paused", SETTLED);
        api.swarm.awaitGet("/deployments/" + stuck.deploymentId(), body -> StackApi.timeline(body.path("deployment"))
                .contains("stack_applied"), SETTLED);
    }

    /** Aborts the canary, lets the stuck deploy place its task, then removes every stack. */
    @AfterAll
    static void removeTheStacks() {
        SwarmNode node = swarm.leader();
        String nodeId = node.docker("info", "--format", "{{.Swarm.NodeID}}").trim();
        try {
            if (held != null) {
                api.swarm.post("/deployments/" + held.deploymentId() + "/abort", "").expectBody().returnResult();
                api.awaitPhase(held.deploymentId(), "aborted", SETTLED);
            }
            if (stuck != null) {
                node.docker("node", "update", "--label-add", gate + "=open", nodeId);
                api.awaitPhase(stuck.deploymentId(), "completed", SETTLED);
            }
            for (Deployed stack : new Deployed[]{done, held, stuck}) {
                if (stack != null) {
                    api.swarm.succeeded(api.swarm.delete("/stacks/" + stack.stackId()));
                }
            }
        } finally {
            node.docker("node", "update", "--label-rm", gate, nodeId);
        }
    }

    @Test
    void aDeployWhileADeploymentOfTheStackIsActiveIsAConflict() {
        assertRefused(() -> api.swarm.post("/stacks", StackApi.deploy(clusterId, held.name(), StackApi.web(2, 2),
                Map.of())), 409, "deployment_in_progress", "deploy_stack", held.stackId(), held);
    }

    @Test
    void anUpdateWhileADeploymentOfTheStackIsActiveIsAConflict() {
        assertRefused(() -> api.swarm.put("/stacks/" + held.stackId(), null, StackApi.update(StackApi.web(2, 2),
                Map.of())), 409, "deployment_in_progress", "update_stack", held.stackId(), held);
    }

    @Test
    void aRedeployWhileADeploymentOfTheStackIsActiveIsAConflict() {
        assertRefused(() -> api.swarm.post("/deployments/" + heldFirstDeploymentId + "/redeploy", ""), 409,
                "deployment_in_progress", "redeploy_deployment", heldFirstDeploymentId, held);
    }

    @Test
    void aRemovalWhileADeploymentOfTheStackIsActiveIsAConflict() {
        assertRefused(() -> api.swarm.delete("/stacks/" + held.stackId()), 409, "deployment_in_progress",
                "remove_stack", held.stackId(), held);
        assertThat(swarm.leader().docker("stack", "ls", "--format", "{{.Name}}").lines()).contains(held.name());
    }

    @Test
    void aStepWaitingForAPromoteIsNotResumed() {
        assertRefused(() -> api.swarm.post("/deployments/" + held.deploymentId() + "/resume", ""), 422,
                "step_waits_for_promote", "resume_deployment", held.deploymentId(), held);
    }

    @Test
    void aPausedDeploymentIsNotPausedAgain() {
        assertRefused(() -> api.swarm.post("/deployments/" + held.deploymentId() + "/pause", ""), 422,
                "deployment_not_progressing", "pause_deployment", held.deploymentId(), held);
    }

    @Test
    void anActiveDeploymentIsNotRetried() {
        assertRefused(() -> api.swarm.post("/deployments/" + held.deploymentId() + "/retry", ""), 422,
                "deployment_not_retryable", "retry_deployment", held.deploymentId(), held);
    }

    @Test
    void onlyTheStacksLatestDeploymentIsRetried() {
        assertRefused(() -> api.swarm.post("/deployments/" + heldFirstDeploymentId + "/retry", ""), 422,
                "not_latest_deployment", "retry_deployment", heldFirstDeploymentId, held);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pause", "promote", "abort"})
    void aRollingDeploymentIsNotSteered(String action) {
        assertRefused(() -> api.swarm.post("/deployments/" + stuck.deploymentId() + "/" + action, ""), 422,
                "rolling_deployment", action + "_deployment", stuck.deploymentId(), stuck);
        assertThat(api.deployment(stuck.deploymentId()).path("phase").asText()).isEqualTo("progressing");
    }

    /** Docker's own update ends by itself (rolled back by Docker if it fails); a rollback waits until then. */
    @Test
    void aRollingDeploymentIsNotRolledBackWhileItRuns() {
        assertRefused(() -> api.swarm.post("/deployments/" + stuck.deploymentId() + "/rollback", ""), 409,
                "rolling_update_in_progress", "rollback_deployment", stuck.deploymentId(), stuck);
    }

    @Test
    void aCompletedDeploymentIsNotRetried() {
        assertRefused(() -> api.swarm.post("/deployments/" + done.deploymentId() + "/retry", ""), 422,
                "deployment_not_retryable", "retry_deployment", done.deploymentId(), done);
    }

    @Test
    void theFirstDeploymentHasNoEarlierRevisionToRollBackTo() {
        assertRefused(() -> api.swarm.post("/deployments/" + done.deploymentId() + "/rollback", ""), 422,
                "no_earlier_revision", "rollback_deployment", done.deploymentId(), done);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pause", "promote", "resume", "abort"})
    void aFinishedDeploymentIsNotSteered(String action) {
        assertRefused(() -> api.swarm.post("/deployments/" + done.deploymentId() + "/" + action, ""), 422,
                "deployment_not_active", action + "_deployment", done.deploymentId(), done);
    }

    /** Refused before anything is recorded, so not even an audit entry: the cluster is not asked at all. */
    @Test
    void aClusterInMaintenanceTakesNoDeployAndTheSwarmIsUnchanged() {
        StackApi other = new StackApi(SwarmApi.freshAccount(SharedPlatform.get()));
        String maintained = other.swarm.registerConnected("in-maintenance", swarm.managerEndpoint());
        other.swarm.post("/clusters/" + maintained + "/maintenance?reason=upgrade", "").expectStatus().isOk()
                .expectBody().returnResult();
        String name = "maintained-" + StackDeployTest.shortId();
        String stacksBefore = stackList();
        long activitiesBefore = other.swarm.activityCount();

        JsonNode problem = Refusals.problem(other.swarm.post("/stacks", StackApi.deploy(maintained, name,
                StackApi.web(1, 1), Map.of())), 409);

        assertThat(problem.path("code").asText()).isEqualTo("cluster_in_maintenance");
        assertThat(stackList()).isEqualTo(stacksBefore);
        assertThat(other.swarm.activityCount()).isEqualTo(activitiesBefore);
        assertThat(other.footprint().deployments()).isZero();
        assertThat(other.footprint().operations()).isZero();
        Refusals.problem(other.swarm.client.get().uri(SwarmApi.SWARM + "/stacks/" + StackIds.of(maintained, name))
                .exchange(), 404);
        other.swarm.delete("/clusters/" + maintained + "/maintenance").expectStatus().isOk().expectBody().returnResult();
    }

    /**
     * A promote, resume or abort would set the rollout acting on Docker, which a cluster in maintenance refuses
     * operation by operation (the deployment would fail): refused at once, before anything is recorded.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"promote", "resume", "abort"})
    void aRolloutOnAClusterInMaintenanceIsNotMoved(String action) {
        api.swarm.post("/clusters/" + clusterId + "/maintenance?reason=upgrade", "").expectStatus().isOk()
                .expectBody().returnResult();
        try {
            StackApi.Footprint before = api.footprint();
            String servicesBefore = services(held);
            int timelineBefore = StackApi.timeline(api.deployment(held.deploymentId())).size();

            JsonNode problem = Refusals.problem(api.swarm.post("/deployments/" + held.deploymentId() + "/" + action,
                    ""), 409);

            assertThat(problem.path("code").asText()).isEqualTo("cluster_in_maintenance");
            assertThat(api.footprint()).isEqualTo(before);
            assertThat(services(held)).isEqualTo(servicesBefore);
            JsonNode deployment = api.deployment(held.deploymentId());
            assertThat(deployment.path("phase").asText()).isEqualTo("paused");
            assertThat(StackApi.timeline(deployment)).hasSize(timelineBefore);
        } finally {
            api.swarm.delete("/clusters/" + clusterId + "/maintenance").expectStatus().isOk().expectBody()
                    .returnResult();
        }
    }

    private static Deployed deploy(String name, String compose, Map<String, Object> more) {
        JsonNode accepted = api.deployStack(clusterId, name, compose, more);
        return new Deployed(name, accepted.path("stack").path("id").asText(),
                accepted.path("deployment").path("id").asText());
    }

    /**
     * Sends the request and asserts its refusal, and that it left nothing but the audit of {@code action} on
     * {@code targetId}: no deployment, no operation, and {@code stack}'s services in Docker as they were.
     */
    private static void assertRefused(Supplier<WebTestClient.ResponseSpec> request, int status, String code,
                                      String action, String targetId, Deployed stack) {
        StackApi.Footprint before = api.footprint();
        String servicesBefore = services(stack);
        String phaseBefore = api.deployment(stack.deploymentId()).path("phase").asText();

        JsonNode problem = Refusals.problem(request.get(), status);

        assertThat(problem.path("code").asText()).isEqualTo(code);
        api.assertOnlyRefusalAudited(before, action, targetId);
        assertThat(services(stack)).isEqualTo(servicesBefore);
        assertThat(api.deployment(stack.deploymentId()).path("phase").asText()).isEqualTo(phaseBefore);
    }

    /** What Docker runs of the stack: each service's name, image and replicas. */
    private static String services(Deployed stack) {
        return swarm.leader().docker("stack", "services", stack.name(), "--format",
                "{{.Name}} {{.Image}} {{.Replicas}}").lines().sorted().toList().toString();
    }

    private static String stackList() {
        return swarm.leader().docker("stack", "ls", "--format", "{{.Name}} {{.Services}}");
    }
}
