package io.powernode.devops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import io.powernode.devops.testing.TestDockerEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stop the application and start it again on the same data directory: nothing lost, nothing twice. */
class RestartTest {

    private static final Duration SOON = Duration.ofSeconds(30);

    private static Platform platform;

    @BeforeAll
    static void start() {
        TestDockerEngine.ensureReady();
        platform = Platform.start(Map.of(), DeliveryLedger.class);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void hostsStatusesInventoryAndAuditSurviveARestartAndNoEventIsHandledTwice() {
        HostApi api = HostApi.freshAccount(platform);
        String connectedId = api.register("survivor", TestDockerEngine.ENDPOINT, Map.of());
        api.awaitStatus(connectedId, "connected", SOON);
        String maintenanceId = api.register("parked", TestDockerEngine.ENDPOINT, Map.of());
        api.awaitStatus(maintenanceId, "connected", SOON);
        api.post("/hosts/" + maintenanceId + "/maintenance", "").expectStatus().isOk();
        awaitEveryEventDelivered();

        JsonNode before = api.host(connectedId);
        long images = api.get("/images?host_id=" + connectedId).path("pagination").path("total_count").asLong();
        long activities = api.get("/activities").path("pagination").path("total_count").asLong();
        long feed = feedEntries();

        platform.restart();
        api = new HostApi(platform, api.account);

        JsonNode after = api.host(connectedId);
        assertThat(after.path("status").asText()).isEqualTo("connected");
        assertThat(after.path("name").asText()).isEqualTo(before.path("name").asText());
        assertThat(after.path("image_count").asInt()).isEqualTo(before.path("image_count").asInt());
        assertThat(after.path("created_at").asText()).isEqualTo(before.path("created_at").asText());
        assertThat(api.host(maintenanceId).path("status").asText()).isEqualTo("maintenance");
        assertThat(api.get("/images?host_id=" + connectedId).path("pagination").path("total_count").asLong()).isEqualTo(images);
        assertThat(api.get("/activities").path("pagination").path("total_count").asLong()).isEqualTo(activities);

        // the restarted platform goes on working, and its processors pick up exactly where they stopped
        api.client.delete().uri(Platform.API + "/hosts/" + maintenanceId + "/maintenance").exchange().expectStatus().isOk();
        api.awaitStatus(maintenanceId, "connected", SOON);
        awaitEveryEventDelivered();
        assertThat(database().getCollection(DeliveryLedger.DUPLICATES).countDocuments()).isZero();
        assertThat(api.get("/activities").path("pagination").path("total_count").asLong()).isEqualTo(activities + 1);
        assertThat(feedEntries()).isGreaterThan(feed);
    }

    /** Every event in the store has reached the ledger once. */
    private static void awaitEveryEventDelivered() {
        JdbcTemplate jdbc = platform.bean(JdbcTemplate.class);
        await().atMost(SOON).until(() -> {
            long stored = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
            return database().getCollection(DeliveryLedger.DELIVERED).countDocuments() == stored;
        });
    }

    private static long feedEntries() {
        return database().getCollection("host_feed").countDocuments();
    }

    private static MongoDatabase database() {
        return platform.bean(MongoDatabase.class);
    }
}
