package io.powernode.devops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.powernode.devops.testing.TestDockerEngine;
import io.powernode.devops.testing.TestSwarm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Blue-green deployments on the shared swarm, seen as users see them: through the published endpoint (a host-mode
 * port on every node) while the rollout runs. Green runs beside blue on a preview port and is checked there; the
 * switch moves the endpoint to it; blue stays, without the endpoint, for the scale-down delay.
 */
class BlueGreenRolloutTest {

    private static final Duration ROLLOUT = Duration.ofMinutes(3);

    private static TestSwarm swarm;
    private static StackApi stacks;
    private static String clusterId;

    @BeforeAll
    static void registerTheSharedSwarm() {
        swarm = TestSwarm.shared();
        SwarmApi api = SwarmApi.freshAccount(SharedPlatform.get());
        clusterId = api.registerConnected("blue-green-swarm", swarm.managerEndpoint());
        stacks = new StackApi(api);
    }

    @Test
    void greenTakesTheEndpointAfterItsChecksAndBlueIsKeptForTheDelayThenScaledDown() {
        int port = HostPorts.next();
        String stackId = deployV1(port);
        try (TrafficWatch traffic = new TrafficWatch(swarm, port)) {
            JsonNode accepted = stacks.updateStack(stackId,
                    RolloutStacks.web(TestDockerEngine.WEB_V2_IMAGE, port, 2), RolloutStacks.blueGreen(port, "20s"));
            String deploymentId = accepted.path("deployment").path("id").asText();

            stacks.awaitPhase(deploymentId, "healthy", ROLLOUT);
            await("the endpoint serves v2 only").atMost(Duration.ofSeconds(30))
                    .until(() -> traffic.ask().servedOnly("v2"));
            assertThat(stacks.services(stackId, "blue")).as("blue, kept for the scale-down delay").singleElement()
                    .satisfies(blue -> assertThat(blue.path("running_tasks").asInt()).isEqualTo(2));

            JsonNode completed = stacks.awaitPhase(deploymentId, "completed", ROLLOUT);

            assertThat(StackApi.timeline(completed)).containsSubsequence("requested", "stack_applied",
                    "step_started", "analysis_passed", "step_completed", "traffic_switched", "healthy", "completed");
            stacks.awaitServices(stackId, "blue scaled down, green serving alone", services -> services.size() == 1
                    && services.get(0).path("role").asText().equals("active")
                    && services.get(0).path("image").asText().startsWith(TestDockerEngine.WEB_V2_IMAGE),
                    Duration.ofSeconds(30));
            assertThat(traffic.ask().servedOnly("v2")).isTrue();
            assertThat(stacks.stack(stackId).path("active_services").path("web").asText())
                    .as("green's slot serves the compose service now").endsWith("_web-green");
        } finally {
            stacks.swarm.succeeded(stacks.swarm.delete("/stacks/" + stackId));
        }
    }

    @Test
    void aRollbackWhileBlueIsKeptMovesTheEndpointBackToBlueAndRemovesGreen() {
        int port = HostPorts.next();
        String stackId = deployV1(port);
        try {
            String deploymentId = stacks.updateStack(stackId, RolloutStacks.web(TestDockerEngine.WEB_V2_IMAGE, port, 2),
                    RolloutStacks.blueGreen(port, "10m")).path("deployment").path("id").asText();
            stacks.awaitPhase(deploymentId, "healthy", ROLLOUT);
            TrafficWatch traffic = new TrafficWatch(swarm, port);
            await("the endpoint serves v2 only").atMost(Duration.ofSeconds(30)).until(() -> traffic.ask().servedOnly("v2"));

            JsonNode rollback = stacks.accepted(stacks.swarm.post("/deployments/" + deploymentId + "/rollback", ""));

            assertThat(rollback.path("deployment").path("id").asText()).as("rolled back in place").isEqualTo(deploymentId);
            await("the endpoint serves v1 again").atMost(Duration.ofSeconds(30)).until(() -> traffic.ask().servedOnly("v1"));
            stacks.awaitPhase(deploymentId, "rolled_back", ROLLOUT);
            stacks.awaitServices(stackId, "green removed, blue serving", services -> services.size() == 1
                    && services.get(0).path("role").asText().equals("active")
                    && services.get(0).path("image").asText().startsWith(TestDockerEngine.WEB_V1_IMAGE),
                    Duration.ofSeconds(30));
        } finally {
            stacks.swarm.succeeded(stacks.swarm.delete("/stacks/" + stackId));
        }
    }

    /**
     * Green fails its checks either way: a broken image's tasks never run; v2 with a container health check that
     * always fails runs, but Docker finds its containers unhealthy and kills them.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a broken image", "unhealthy containers"})
    void aGreenThatFailsItsChecksIsNotSwitchedToAndIsRemovedWhileBlueServesThroughout(String green) {
        int port = HostPorts.next();
        String stackId = deployV1(port);
        String greenCompose = green.equals("a broken image")
                ? RolloutStacks.web(TestDockerEngine.BROKEN_IMAGE, port, 2)
                : RolloutStacks.failingHealthCheck(RolloutStacks.web(TestDockerEngine.WEB_V2_IMAGE, port, 2));
        try (TrafficWatch traffic = new TrafficWatch(swarm, port).start(Duration.ofMillis(300))) {
            JsonNode accepted = stacks.updateStack(stackId, greenCompose, RolloutStacks.blueGreen(port, "20s"));

            JsonNode rolledBack = stacks.awaitPhase(accepted.path("deployment").path("id").asText(), "rolled_back",
                    ROLLOUT);

            assertThat(StackApi.timeline(rolledBack)).contains("analysis_failed", "rollback_started", "rolled_back")
                    .doesNotContain("traffic_switched");
            assertThat(StackApi.entries(rolledBack.path("timeline")))
                    .filteredOn(entry -> entry.path("type").asText().equals("analysis_failed"))
                    .extracting(entry -> entry.path("details").path("reason").asText())
                    .singleElement().asString().contains("task failure(s)");
            stacks.awaitServices(stackId, "green removed", services -> services.size() == 1
                    && services.get(0).path("image").asText().startsWith(TestDockerEngine.WEB_V1_IMAGE),
                    Duration.ofSeconds(30));
            assertThat(traffic.rounds()).isNotEmpty().allSatisfy(round ->
                    assertThat(round.servedOnly("v1")).as("what the nodes answered: %s", round.answers()).isTrue());
        } finally {
            stacks.swarm.succeeded(stacks.swarm.delete("/stacks/" + stackId));
        }
    }

    private static String deployV1(int port) {
        return RolloutStacks.deployV1(stacks, swarm, clusterId, port);
    }
}
