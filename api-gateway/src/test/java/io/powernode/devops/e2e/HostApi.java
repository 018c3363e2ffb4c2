package io.powernode.devops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** The host endpoints as a test drives them: one account, one actor with both host permissions. */
final class HostApi {

    static final String READ = "docker.hosts.read";
    static final String MANAGE = "docker.hosts.manage";
    private static final ObjectMapper JSON = new ObjectMapper();

    final String account;
    final WebTestClient client;

    HostApi(Platform platform, String account) {
        this.account = account;
        this.client = platform.as(account, "alice", READ, MANAGE);
    }

    static HostApi freshAccount(Platform platform) {
        return new HostApi(platform, "acct-" + UUID.randomUUID());
    }

    static String body(Map<String, Object> host) {
        try {
            return JSON.writeValueAsString(Map.of("host", host));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    WebTestClient.ResponseSpec post(String path, String json) {
        return client.post().uri(Platform.API + path).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    /** Registers a host and answers its id. */
    String register(String name, String endpoint, Map<String, Object> more) {
        Map<String, Object> host = new java.util.HashMap<>(Map.of("name", name, "api_endpoint", endpoint,
                "environment", "development"));
        host.putAll(more);
        JsonNode created = post("/hosts", body(host)).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return created.path("host").path("id").asText();
    }

    JsonNode get(String path) {
        return client.get().uri(Platform.API + path).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    JsonNode host(String id) {
        return get("/hosts/" + id).path("host");
    }

    /** Waits until the host shows {@code status}, and answers it as it was then. */
    JsonNode awaitStatus(String id, String status, Duration within) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> {
            seen[0] = host(id);
            return status.equals(seen[0].path("status").asText());
        });
        return seen[0];
    }
}
