package io.powernode.devops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.powernode.devops.testing.TestDockerEngine;
import io.powernode.devops.testing.TestSwarm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Canary deployments on the shared swarm, seen through the published endpoint: the canary shares the stable
 * service's host-mode port, so each step's weight is the share of nodes answering with the new version, and the
 * stable version keeps answering whatever the canary does.
 */
class CanaryRolloutTest {

    private static final Duration ROLLOUT = Duration.ofMinutes(3);

    private static TestSwarm swarm;
    private static StackApi stacks;
    private static String clusterId;

    @BeforeAll
    static void registerTheSharedSwarm() {
        swarm = TestSwarm.shared();
        SwarmApi api = SwarmApi.freshAccount(SharedPlatform.get());
        clusterId = api.registerConnected("canary-swarm", swarm.managerEndpoint());
        stacks = new StackApi(api);
    }

    @Test
    void aCanaryPassesEveryStepAndTheStableServiceEndsOnTheNewVersion() {
        int port = HostPorts.next();
        String stackId = RolloutStacks.deployV1(stacks, swarm, clusterId, port);
        try (TrafficWatch traffic = new TrafficWatch(swarm, port).start(Duration.ofMillis(300))) {
            JsonNode accepted = stacks.updateStack(stackId, RolloutStacks.web(TestDockerEngine.WEB_V2_IMAGE, port, 2),
                    RolloutStacks.canary(port, List.of(Map.of("weight", 50, "pause", "5s"))));

            JsonNode completed = stacks.awaitPhase(accepted.path("deployment").path("id").asText(), "completed",
                    ROLLOUT);

            assertThat(StackApi.timeline(completed)).containsSubsequence("requested", "stack_applied",
                    "step_started", "traffic_weight_updated", "analysis_passed", "step_completed", "completed");
            JsonNode weight = StackApi.entries(completed.path("timeline")).stream()
                    .filter(entry -> entry.path("type").asText().equals("traffic_weight_updated"))
                    .findFirst().orElseThrow().path("details");
            assertThat(weight.path("weight").asInt()).isEqualTo(50);
            assertThat(weight.path("services").get(0).path("new_replicas").asInt()).isEqualTo(1);
            assertThat(weight.path("services").get(0).path("stable_replicas").asInt()).isEqualTo(1);
            assertThat(traffic.everyAnswer()).as("v1 and v2 side by side at 50 %").containsExactly("v1", "v2");
            stacks.awaitServices(stackId, "the canary removed, stable on v2", services -> services.size() == 1
                    && services.get(0).path("image").asText().startsWith(TestDockerEngine.WEB_V2_IMAGE)
                    && services.get(0).path("running_tasks").asInt() == 2, Duration.ofSeconds(30));
            assertThat(traffic.ask().servedOnly("v2")).isTrue();
        } finally {
            stacks.swarm.succeeded(stacks.swarm.delete("/stacks/" + stackId));
        }
    }

    @Test
    void aCanaryOfABrokenReleaseIsRolledBackByItselfWhileTheStableVersionServesThroughout() {
        int port = HostPorts.next();
        String stackId = RolloutStacks.deployV1(stacks, swarm, clusterId, port);
        try (TrafficWatch traffic = new TrafficWatch(swarm, port).start(Duration.ofMillis(300))) {
            JsonNode accepted = stacks.updateStack(stackId, RolloutStacks.web(TestDockerEngine.BROKEN_IMAGE, port, 2),
                    RolloutStacks.canary(port, List.of(Map.of("weight", 50, "pause", "10s"))));

            JsonNode rolledBack = stacks.awaitPhase(accepted.path("deployment").path("id").asText(), "rolled_back",
                    ROLLOUT);

            assertThat(StackApi.timeline(rolledBack)).contains("analysis_failed", "rollback_started", "rolled_back")
                    .doesNotContain("completed");
            stacks.awaitServices(stackId, "the canary removed, stable back to its replicas", services ->
                    services.size() == 1 && services.get(0).path("image").asText().startsWith(TestDockerEngine.WEB_V1_IMAGE)
                            && services.get(0).path("running_tasks").asInt() == 2, Duration.ofSeconds(60));
            assertThat(traffic.rounds()).isNotEmpty().allSatisfy(round ->
                    assertThat(round.servedOnly("v1")).as("what the nodes answered: %s", round.answers()).isTrue());
        } finally {
            stacks.swarm.succeeded(stacks.swarm.delete("/stacks/" + stackId));
        }
    }
}
