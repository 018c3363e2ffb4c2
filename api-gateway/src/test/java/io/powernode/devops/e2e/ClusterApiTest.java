package io.powernode.devops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.Map;

import static io.powernode.devops.e2e.SwarmApi.UNREACHABLE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registering, reading, changing and removing swarm clusters, with maintenance, manual recovery and health, as
 * for hosts. The clusters sit at an endpoint nothing answers on: none of this needs a swarm.
 */
class ClusterApiTest {

    private static final Duration SOON = Duration.ofSeconds(30);

    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = SharedPlatform.get();
    }

    @Test
    void aRegisteredClusterIsShownListedAndRemovable() {
        SwarmApi api = SwarmApi.freshAccount(platform);
        var created = api.post("/clusters", SwarmApi.body(Map.of("name", "edge-swarm", "manager_endpoint", UNREACHABLE,
                        "environment", "staging")))
                .expectStatus().isCreated()
                .expectHeader().exists("ETag")
                .expectBody(JsonNode.class).returnResult();
        JsonNode cluster = created.getResponseBody().path("cluster");
        String id = cluster.path("id").asText();
        assertThat(created.getResponseHeaders().getLocation()).hasToString(SwarmApi.SWARM + "/clusters/" + id);
        assertThat(cluster.path("name").asText()).isEqualTo("edge-swarm");
        assertThat(cluster.path("manager_endpoint").asText()).isEqualTo(UNREACHABLE);
        assertThat(cluster.path("environment").asText()).isEqualTo("staging");
        assertThat(cluster.path("tls_verify").asBoolean()).isFalse();
        assertThat(cluster.path("has_tls_credentials").asBoolean()).isFalse();
        assertThat(cluster.path("sync_interval_seconds").asInt()).isEqualTo(60);
        assertThat(cluster.has("account_id")).isFalse();

        api.client.get().uri(SwarmApi.SWARM + "/clusters/" + id).exchange().expectStatus().isOk()
                .expectHeader().value("ETag", etag -> assertThat(etag).matches("\"\\d+\""))
                .expectBody().jsonPath("$.cluster.id").isEqualTo(id);
        assertThat(api.get("/clusters?environment=staging").path("clusters").findValuesAsText("id")).containsExactly(id);
        assertThat(api.get("/clusters?environment=production").path("pagination").path("total_count").asInt()).isZero();
        assertThat(api.get("/clusters?per_page=1&page=2").path("clusters")).isEmpty();
        assertThat(api.activities(id).findValuesAsText("action")).containsExactly("register_cluster");

        api.client.delete().uri(SwarmApi.SWARM + "/clusters/" + id).exchange().expectStatus().isNoContent();
        api.client.get().uri(SwarmApi.SWARM + "/clusters/" + id).exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.clusterCount()).isZero();
        // the name is free again
        api.register("edge-swarm", UNREACHABLE, Map.of());
    }

    @Test
    void anUpdateNamingTheCurrentVersionChangesTheClusterAndAStaleOneIsAConflict() {
        SwarmApi api = SwarmApi.freshAccount(platform);
        String id = api.register("blue", UNREACHABLE, Map.of());
        // maintenance stops the syncs, whose failures would otherwise move the version under the test's feet
        api.post("/clusters/" + id + "/maintenance?reason=upgrade", "").expectStatus().isOk();
        String etag = api.client.get().uri(SwarmApi.SWARM + "/clusters/" + id).exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getETag();

        JsonNode updated = api.put("/clusters/" + id, etag,
                        "{\"cluster\": {\"name\": \"green\", \"environment\": \"production\", \"sync_interval_seconds\": 120}}")
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().path("cluster");
        assertThat(updated.path("name").asText()).isEqualTo("green");
        assertThat(updated.path("environment").asText()).isEqualTo("production");
        assertThat(updated.path("sync_interval_seconds").asInt()).isEqualTo(120);
        assertThat(updated.path("status").asText()).isEqualTo("maintenance");

        api.put("/clusters/" + id, etag, "{\"cluster\": {\"name\": \"again\"}}")
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("stale_version");
        assertThat(api.cluster(id).path("name").asText()).isEqualTo("green");
    }

    @Test
    void maintenanceStopsAndResumesTheClusterAndRecordSuccessIsRefusedMeanwhile() {
        SwarmApi api = SwarmApi.freshAccount(platform);
        String id = api.register("maint", UNREACHABLE, Map.of());

        JsonNode inMaintenance = api.post("/clusters/" + id + "/maintenance?reason=kernel-upgrade", "")
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().path("cluster");
        assertThat(inMaintenance.path("status").asText()).isEqualTo("maintenance");
        assertThat(api.get("/clusters?status=maintenance").path("clusters").findValuesAsText("id")).containsExactly(id);
        api.post("/clusters/" + id + "/record_success", "").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("cluster_in_maintenance");

        api.client.delete().uri(SwarmApi.SWARM + "/clusters/" + id + "/maintenance").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.cluster.status").value(status -> assertThat(status).isNotEqualTo("maintenance"));
        api.client.delete().uri(SwarmApi.SWARM + "/clusters/" + id + "/maintenance").exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("cluster_not_in_maintenance");
        assertThat(api.activities(id).findValuesAsText("action")).contains("start_cluster_maintenance",
                "end_cluster_maintenance");
        assertThat(api.activities(id).findValues("parameters").stream().map(p -> p.path("reason").asText()))
                .contains("kernel-upgrade");
    }

    @Test
    void recordSuccessClearsAClusterInError() {
        SwarmApi api = SwarmApi.freshAccount(platform);
        String id = api.register("flaky", UNREACHABLE, Map.of());
        JsonNode failing = api.awaitStatus(id, "error", SOON);
        assertThat(failing.path("consecutive_failures").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(failing.path("last_error").asText()).isNotBlank();

        JsonNode recovered = api.post("/clusters/" + id + "/record_success", "").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("cluster");
        // the endpoint still does not answer: the next sync fails again, counting from one
        assertThat(recovered.path("consecutive_failures").asInt()).isLessThan(5);
        assertThat(api.activities(id).findValuesAsText("action")).contains("record_cluster_success");
    }

    @Test
    void healthOfAClusterThatNeverAnsweredIsReportedWithItsReasons() {
        SwarmApi api = SwarmApi.freshAccount(platform);
        String id = api.register("dark", UNREACHABLE, Map.of());

        JsonNode health = api.get("/clusters/" + id + "/health").path("health");
        assertThat(health.path("cluster_id").asText()).isEqualTo(id);
        assertThat(health.path("state").asText()).isIn("healthy", "degraded", "quorum_lost");
        assertThat(health.path("reasons").isArray()).isTrue();
        assertThat(health.has("tolerated_manager_losses")).isTrue();
    }

    @Test
    void aClusterRegisteredOnAHostUsesTheHostsEndpointAndEnvironment() {
        SwarmApi api = SwarmApi.freshAccount(platform);
        String hostId = api.hosts.register("manager-1", "tcp://127.0.0.1:2", Map.of("environment", "production"));

        JsonNode cluster = api.post("/clusters", SwarmApi.body(Map.of("name", "on-host", "host_id", hostId)))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().path("cluster");
        assertThat(cluster.path("manager_endpoint").asText()).isEqualTo("tcp://127.0.0.1:2");
        assertThat(cluster.path("environment").asText()).isEqualTo("production");
        assertThat(api.activities(cluster.path("id").asText()).findValues("parameters").get(0).path("host_id").asText())
                .isEqualTo(hostId);
    }

    @Test
    void aRetriedRegistrationWithTheSameIdempotencyKeyCreatesOneCluster() {
        SwarmApi api = SwarmApi.freshAccount(platform);
        String body = SwarmApi.body(Map.of("name", "once", "manager_endpoint", UNREACHABLE, "environment", "staging"));
        String first = api.client.post().uri(SwarmApi.SWARM + "/clusters").header("Idempotency-Key", "swarm-7")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("cluster").path("id").asText();
        String retried = api.client.post().uri(SwarmApi.SWARM + "/clusters").header("Idempotency-Key", "swarm-7")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("cluster").path("id").asText();

        assertThat(retried).isEqualTo(first);
        assertThat(api.clusterCount()).isEqualTo(1);
        assertThat(api.activities(first)).hasSize(1);
    }

    @Test
    void clusterNamesAreUniquePerAccountOnly() {
        SwarmApi api = SwarmApi.freshAccount(platform);
        api.register("prod", UNREACHABLE, Map.of());
        api.post("/clusters", SwarmApi.body(Map.of("name", "PROD", "manager_endpoint", UNREACHABLE, "environment", "custom")))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("cluster_name_taken");
        assertThat(api.clusterCount()).isEqualTo(1);

        SwarmApi.freshAccount(platform).register("prod", UNREACHABLE, Map.of());
    }
}
