package io.powernode.devops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.powernode.devops.testing.TestSwarm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.powernode.devops.e2e.SwarmApi.UNREACHABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The account's deployments as Server-Sent Events ({@code GET /swarm/deployments/stream}): every timeline entry of
 * every deployment as it happens, its type as the event name and its position as the id, with the phase it leaves
 * the deployment in; narrowed by {@code deployment_id} or {@code stack_id}; resumed with Last-Event-ID without loss
 * or repeat; never another account's. Deployments to an unreachable cluster, which fail at once (requested,
 * failed), serve where what matters is the stream, not Docker.
 */
class DeploymentStreamTest {

    private static final String PATH = SwarmApi.SWARM + "/deployments/stream";
    /** Resumes from before the account's first entry: the whole backlog, then what comes live. */
    private static final String FROM_THE_START = "0";
    private static final Duration SOON = Duration.ofSeconds(60);

    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = SharedPlatform.get();
    }

    @Test
    void aDeploymentsTimelineArrivesLiveFromRequestedToCompleted() {
        TestSwarm swarm = TestSwarm.shared();
        StackApi api = new StackApi(SwarmApi.freshAccount(platform));
        String clusterId = api.swarm.registerConnected("streamed", swarm.managerEndpoint());
        List<FeedStream.Received> seen;
        String stackId;
        String deploymentId;
        try (FeedStream stream = open(api, "", null)) {
            JsonNode accepted = api.deployStack(clusterId, "streamed-" + StackDeployTest.shortId(),
                    StackApi.web(1, 1), Map.of());
            stackId = accepted.path("stack").path("id").asText();
            deploymentId = accepted.path("deployment").path("id").asText();
            String id = deploymentId;
            stream.await("the deployment completed", e -> e.type().equals("completed")
                    && e.data().path("deployment_id").asText().equals(id), Duration.ofMinutes(3));
            seen = stream.received();
        }

        JsonNode deployment = api.deployment(deploymentId);
        assertThat(seen).extracting(FeedStream.Received::type).isEqualTo(StackApi.timeline(deployment))
                .startsWith("requested").contains("stack_applied").endsWith("completed");
        assertThat(seen).extracting(e -> e.data().path("phase").asText())
                .isEqualTo(StackApi.entries(deployment.path("timeline")).stream()
                        .map(entry -> entry.path("phase").asText()).toList())
                .startsWith("progressing").endsWith("completed");
        assertThat(seen).allSatisfy(e -> {
            assertThat(e.data().path("deployment_id").asText()).isEqualTo(deployment.path("id").asText());
            assertThat(e.data().path("stack_id").asText()).isEqualTo(deployment.path("stack_id").asText());
        });
        assertThat(seen).extracting(FeedStream.Received::id).isSorted().doesNotHaveDuplicates();

        api.swarm.succeeded(api.swarm.delete("/stacks/" + stackId));
    }

    /** A retry of the deployment adds to it live: its entries, backlog and live, and no other deployment's. */
    @Test
    void aStreamNarrowedToADeploymentCarriesThatDeploymentOnly() {
        StackApi api = new StackApi(SwarmApi.freshAccount(platform));
        String clusterId = api.swarm.register("unreachable", UNREACHABLE, Map.of());
        String followed = failedDeployment(api, clusterId, "followed");
        String other = failedDeployment(api, clusterId, "other");

        List<FeedStream.Received> seen;
        try (FeedStream stream = open(api, "?deployment_id=" + followed, FROM_THE_START)) {
            api.accepted(api.swarm.post("/deployments/" + followed + "/retry", ""));
            await("the retry failed").atMost(SOON).until(() -> stream.received().stream()
                    .filter(e -> e.type().equals("failed")).count() == 2);
            seen = stream.received();
        }

        assertThat(seen).extracting(FeedStream.Received::type).containsExactly("requested", "failed", "retried", "failed");
        assertThat(seen).allSatisfy(e -> assertThat(e.data().path("deployment_id").asText()).isEqualTo(followed));
        assertThat(seen).noneMatch(e -> e.data().path("deployment_id").asText().equals(other));
    }

    @Test
    void aStreamNarrowedToAStackCarriesEveryDeploymentOfThatStackOnly() {
        StackApi api = new StackApi(SwarmApi.freshAccount(platform));
        String clusterId = api.swarm.register("unreachable", UNREACHABLE, Map.of());
        JsonNode followed = api.deployStackUntil(clusterId, "followed", StackApi.web(1, 1), Map.of(), "failed", SOON);
        String stackId = followed.path("stack").path("id").asText();
        failedDeployment(api, clusterId, "other");

        List<FeedStream.Received> seen;
        String update;
        try (FeedStream stream = open(api, "?stack_id=" + stackId, FROM_THE_START)) {
            update = api.updateStack(stackId, StackApi.web(2, 1), Map.of()).path("deployment").path("id").asText();
            stream.await("the update failed", e -> e.type().equals("failed")
                    && e.data().path("deployment_id").asText().equals(update), SOON);
            seen = stream.received();
        }

        assertThat(seen).allSatisfy(e -> assertThat(e.data().path("stack_id").asText()).isEqualTo(stackId));
        assertThat(seen).extracting(e -> e.data().path("deployment_id").asText())
                .containsExactly(followed.path("deployment").path("id").asText(),
                        followed.path("deployment").path("id").asText(), update, update);
    }

    /**
     * Entries recorded while the client was away come first on its return, then the live ones: each exactly once,
     * and nothing from before the id it resumes from.
     */
    @Test
    void aStreamResumedWithLastEventIdGetsEveryLaterEntryOnce() {
        StackApi api = new StackApi(SwarmApi.freshAccount(platform));
        String clusterId = api.swarm.register("unreachable", UNREACHABLE, Map.of());
        long lastSeen;
        String before;
        try (FeedStream stream = open(api, "", null)) {
            before = api.deployStack(clusterId, "before", StackApi.web(1, 1), Map.of()).path("deployment")
                    .path("id").asText();
            lastSeen = stream.await("the first deployment failed", e -> e.type().equals("failed"), SOON).id();
        }
        String whileAway = failedDeployment(api, clusterId, "while-away");

        List<FeedStream.Received> resumed;
        String afterReturn;
        try (FeedStream stream = open(api, "", Long.toString(lastSeen))) {
            afterReturn = api.deployStack(clusterId, "after-return", StackApi.web(1, 1), Map.of())
                    .path("deployment").path("id").asText();
            stream.await("the last deployment failed", e -> e.type().equals("failed")
                    && e.data().path("deployment_id").asText().equals(afterReturn), SOON);
            resumed = stream.received();
        }

        assertThat(resumed).extracting(e -> e.data().path("deployment_id").asText() + " " + e.type())
                .containsExactly(whileAway + " requested", whileAway + " failed", afterReturn + " requested",
                        afterReturn + " failed");
        assertThat(resumed).extracting(FeedStream.Received::id).isSorted().doesNotHaveDuplicates()
                .allMatch(id -> id > lastSeen);
        assertThat(resumed).noneMatch(e -> e.data().path("deployment_id").asText().equals(before));
    }

    @Test
    void aStreamNeverCarriesAnotherAccountsDeployments() {
        StackApi api = new StackApi(SwarmApi.freshAccount(platform));
        StackApi other = new StackApi(SwarmApi.freshAccount(platform));
        String own = api.swarm.register("own", UNREACHABLE, Map.of());
        String foreign = other.swarm.register("foreign", UNREACHABLE, Map.of());
        String foreignBefore = failedDeployment(other, foreign, "earlier");

        try (FeedStream stream = open(api, "", FROM_THE_START)) {
            String foreignLive = other.deployStack(foreign, "later", StackApi.web(1, 1), Map.of())
                    .path("deployment").path("id").asText();
            other.awaitPhase(foreignLive, "failed", SOON);
            String ownId = api.deployStack(own, "own", StackApi.web(1, 1), Map.of()).path("deployment").path("id")
                    .asText();
            stream.await("own deployment failed", e -> e.type().equals("failed")
                    && e.data().path("deployment_id").asText().equals(ownId), SOON);

            assertThat(stream.received()).extracting(e -> e.data().path("deployment_id").asText())
                    .containsOnly(ownId).doesNotContain(foreignBefore, foreignLive);
        }
    }

    /** A deployment to the unreachable cluster, once it failed. */
    private static String failedDeployment(StackApi api, String clusterId, String stackName) {
        return api.deployStackUntil(clusterId, stackName, StackApi.web(1, 1), Map.of(), "failed", SOON)
                .path("deployment").path("id").asText();
    }

    private static FeedStream open(StackApi api, String query, String lastEventId) {
        return FeedStream.open(platform, PATH + query, Platform.token(api.swarm.account, "alice", SwarmApi.READ),
                lastEventId);
    }
}
