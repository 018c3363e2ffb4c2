package io.powernode.devops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.powernode.devops.testing.TestDockerEngine;
import io.powernode.devops.testing.TestSwarm;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A platform stopped in the middle of a canary step, and started again after the step's pause should have ended:
 * the rollout's state, its deadlines and its operations are all in the platform's stores, so it resumes at that
 * step — the step's end is not skipped, no step is done again, and Docker is asked for nothing twice.
 */
class RolloutRestartTest {

    private static final Duration ROLLOUT = Duration.ofMinutes(3);

    @Test
    void aCanaryResumesAtItsStepAfterARestartWithNoStepRepeatedAndNoDockerActionDoneTwice() throws Exception {
        TestSwarm swarm = TestSwarm.shared();
        String account = "acct-" + StackDeployTest.shortId();
        int port = HostPorts.next();
        try (Platform platform = Platform.start()) {
            StackApi stacks = new StackApi(new SwarmApi(platform, account));
            String clusterId = stacks.swarm.registerConnected("restart-swarm", swarm.managerEndpoint());
            String stackId = RolloutStacks.deployV1(stacks, swarm, clusterId, port);
            String deploymentId = stacks.updateStack(stackId, RolloutStacks.web(TestDockerEngine.WEB_V2_IMAGE, port, 2),
                            RolloutStacks.canary(port, List.of(Map.of("weight", 50, "pause", "15s"))))
                    .path("deployment").path("id").asText();
            await("the canary's step under way").atMost(ROLLOUT).pollInterval(Duration.ofMillis(250))
                    .until(() -> StackApi.timeline(stacks.deployment(deploymentId)).contains("traffic_weight_updated"));
            Thread.sleep(3_000);

            platform.stop();
            Thread.sleep(20_000);
            platform.restart();

            StackApi restarted = new StackApi(new SwarmApi(platform, account));
            JsonNode completed = restarted.awaitPhase(deploymentId, "completed", ROLLOUT);
            assertThat(occurrences(StackApi.timeline(completed))).containsEntry("traffic_weight_updated", 1L)
                    .containsEntry("step_completed", 2L).containsEntry("analysis_passed", 1L)
                    .containsEntry("completed", 1L);
            assertThat(occurrences(operationsOf(restarted, clusterId).stream()
                    .map(operation -> operation.path("type").asText() + " " + operation.path("target").asText()
                            + " " + operation.path("parameters"))
                    .toList())).allSatisfy((operation, times) -> assertThat(times).as(operation).isEqualTo(1L));
            assertThat(operationsOf(restarted, clusterId)).allSatisfy(operation ->
                    assertThat(operation.path("status").asText()).isEqualTo("succeeded"));
            assertThat(new TrafficWatch(swarm, port).ask().servedOnly("v2")).isTrue();
            restarted.swarm.succeeded(restarted.swarm.delete("/stacks/" + stackId));
        }
    }

    /** Every swarm operation asked of the cluster, the stack's first deploy and removal included. */
    private static List<JsonNode> operationsOf(StackApi stacks, String clusterId) {
        return StackApi.entries(stacks.swarm.get("/operations?per_page=100&cluster_id=" + clusterId)
                .path("operations"));
    }

    private static Map<String, Long> occurrences(List<String> values) {
        return values.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
