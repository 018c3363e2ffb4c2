package io.powernode.devops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.powernode.devops.testing.SwarmNode;
import io.powernode.devops.testing.TestSwarm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A swarm of its own loses managers one by one: with one of three down the platform says degraded and refuses a
 * demote that would leave too few managers; with two down it says quorum_lost and why; with both back, healthy.
 */
class SwarmQuorumTest {

    /** A follower needs about 20 s to notice a manager is gone; the platform then syncs within seconds. */
    private static final Duration NOTICED = Duration.ofSeconds(120);

    private static TestSwarm swarm;
    private static SwarmApi api;
    private static String clusterId;

    @BeforeAll
    static void registerASwarmOfItsOwn() {
        swarm = TestSwarm.startNew(3, 1);
        api = SwarmApi.freshAccount(SharedPlatform.get());
        // the platform talks to the first manager, which stays up throughout
        clusterId = api.registerConnected("quorum-swarm", swarm.managers().get(0).tcpEndpoint());
    }

    @AfterAll
    static void removeTheSwarm() {
        swarm.close();
    }

    @Test
    void oneManagerDownDegradesTwoLoseQuorumAndTheirReturnHeals() {
        SwarmNode second = swarm.managers().get(1);
        SwarmNode third = swarm.managers().get(2);
        awaitHealth(health -> "healthy".equals(health.path("state").asText())
                && health.path("managers_reachable").asInt() == 3);

        third.stop();
        JsonNode degraded = awaitHealth(health -> "degraded".equals(health.path("state").asText())
                && health.path("managers_reachable").asInt() == 2);
        assertThat(degraded.path("quorum").asInt()).isEqualTo(2);
        assertThat(degraded.path("reasons").toString()).contains("1 of 3 managers unreachable");

        api.post("/nodes/" + nodeId(second) + "/demote", "{}")
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("would_lose_quorum");

        second.stop();
        JsonNode lost = awaitHealth(health -> "quorum_lost".equals(health.path("state").asText()));
        assertThat(lost.path("reasons")).isNotEmpty();

        second.start();
        third.start();
        awaitHealth(health -> "healthy".equals(health.path("state").asText())
                && health.path("managers_reachable").asInt() == 3);
    }

    private static JsonNode awaitHealth(java.util.function.Predicate<JsonNode> condition) {
        return api.awaitGet("/clusters/" + clusterId + "/health", body -> condition.test(body.path("health")), NOTICED)
                .path("health");
    }

    private static String nodeId(SwarmNode node) {
        JsonNode nodes = api.get("/nodes?cluster_id=" + clusterId).path("nodes");
        return StreamSupport.stream(nodes.spliterator(), false)
                .filter(view -> node.name().equals(view.path("hostname").asText()))
                .findFirst().orElseThrow().path("id").asText();
    }
}
