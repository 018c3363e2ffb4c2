package io.powernode.devops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.powernode.devops.testing.TestDockerEngine;
import io.powernode.devops.testing.TestSwarm;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The stack the rollout tests roll out: one web service of the test harness's images, whose page says its version
 * ({@code v1}, {@code v2}), published in host mode on every node that runs a task (the ingress mesh does not work
 * on this machine), so that the tests see the published endpoint as an external load balancer does.
 */
final class RolloutStacks {

    private RolloutStacks() {
    }

    static String web(String image, int port, int replicas) {
        return """
                version: "3.9"
                services:
                  web:
                    image: %s
                    ports:
                      - target: 80
                        published: %d
                        mode: host
                    deploy:
                      replicas: %d
                      endpoint_mode: dnsrr
                """.formatted(image, port, replicas);
    }

    /** {@code web}'s service with a container health check that always fails, one failure making it unhealthy. */
    static String failingHealthCheck(String web) {
        return web + """
                    healthcheck:
                      test: ["CMD", "false"]
                      interval: 1s
                      retries: 1
                """;
    }

    /** An HTTP probe of the new version's tasks on {@code port}, every answer required. */
    static Map<String, Object> analysis(int port) {
        return Map.of("interval", "1s", "http", Map.of("path", "/", "port", port, "requests", 3,
                "min_success_rate", 1, "timeout", "2s"));
    }

    static Map<String, Object> blueGreen(int port, String scaleDownDelay) {
        return Map.of("strategy", Map.of("type", "blue_green", "monitor", "3s", "scale_down_delay", scaleDownDelay,
                "progress_deadline", "90s", "analysis", analysis(port),
                "preview_ports", List.of(Map.of("published", port, "preview", port + 1))));
    }

    static Map<String, Object> canary(int port, List<Map<String, Object>> steps) {
        return Map.of("strategy", Map.of("type", "canary", "steps", steps, "progress_deadline", "90s",
                "analysis", analysis(port)));
    }

    /** A stack serving v1 on {@code port}, deployed the plain way; answers its id once both tasks answer. */
    static String deployV1(StackApi stacks, TestSwarm swarm, String clusterId, int port) {
        JsonNode accepted = stacks.deployStack(clusterId, "rollout-" + StackDeployTest.shortId(),
                web(TestDockerEngine.WEB_V1_IMAGE, port, 2), Map.of());
        stacks.awaitPhase(accepted.path("deployment").path("id").asText(), "completed", Duration.ofMinutes(3));
        TrafficWatch traffic = new TrafficWatch(swarm, port);
        await("the endpoint serves v1").atMost(Duration.ofSeconds(30))
                .until(() -> traffic.ask().answers().equals(List.of("v1", "v1")));
        return accepted.path("stack").path("id").asText();
    }
}
