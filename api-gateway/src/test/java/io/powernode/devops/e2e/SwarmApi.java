package io.powernode.devops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The swarm endpoints as a test drives them: one account, one actor with both swarm permissions (and the host
 * ones, to register the hosts a cluster may live on and to read the activity audit).
 */
final class SwarmApi {

    static final String SWARM = "/api/v1/devops/swarm";
    static final String READ = "swarm.clusters.read";
    static final String MANAGE = "swarm.clusters.manage";
    /** Nothing answers on port 1 of loopback: a cluster there never connects, which is all CRUD tests need. */
    static final String UNREACHABLE = "tcp://127.0.0.1:1";
    private static final ObjectMapper JSON = new ObjectMapper();

    final String account;
    final WebTestClient client;
    final HostApi hosts;

    SwarmApi(Platform platform, String account) {
        this.account = account;
        this.client = platform.as(account, "alice", READ, MANAGE, HostApi.READ, HostApi.MANAGE);
        this.hosts = new HostApi(platform, account);
    }

    static SwarmApi freshAccount(Platform platform) {
        return new SwarmApi(platform, "acct-" + UUID.randomUUID());
    }

    static String body(Map<String, Object> cluster) {
        try {
            return JSON.writeValueAsString(Map.of("cluster", cluster));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    WebTestClient.ResponseSpec post(String path, String json) {
        return client.post().uri(SWARM + path).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    WebTestClient.ResponseSpec put(String path, String ifMatch, String json) {
        WebTestClient.RequestBodySpec request = client.put().uri(SWARM + path).contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.bodyValue(json).exchange();
    }

    /** Registers a cluster on its manager endpoint and answers its id. */
    String register(String name, String endpoint, Map<String, Object> more) {
        Map<String, Object> cluster = new HashMap<>(Map.of("name", name, "manager_endpoint", endpoint,
                "environment", "development"));
        cluster.putAll(more);
        return post("/clusters", body(cluster)).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("cluster").path("id").asText();
    }

    JsonNode get(String path) {
        return client.get().uri(SWARM + path).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    JsonNode cluster(String id) {
        return get("/clusters/" + id).path("cluster");
    }

    int clusterCount() {
        return get("/clusters").path("pagination").path("total_count").asInt();
    }

    /** The audit entries of the account, optionally of one target (cluster, host …). */
    JsonNode activities(String targetId) {
        return hosts.get("/activities" + (targetId == null ? "" : "?target_id=" + targetId)).path("activities");
    }

    long activityCount() {
        return hosts.get("/activities").path("pagination").path("total_count").asLong();
    }

    /** Registers a cluster on its manager endpoint, waits until it is connected, and answers its id. */
    String registerConnected(String name, String endpoint) {
        String id = register(name, endpoint, Map.of());
        awaitStatus(id, "connected", Duration.ofSeconds(60));
        return id;
    }

    /** Waits until the cluster shows {@code status}, and answers it as it was then. */
    JsonNode awaitStatus(String id, String status, Duration within) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> {
            seen[0] = cluster(id);
            return status.equals(seen[0].path("status").asText());
        });
        return seen[0];
    }

    static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    WebTestClient.ResponseSpec delete(String path) {
        return client.delete().uri(SWARM + path).exchange();
    }

    /**
     * The answer of an operation that must succeed: 200 or 201 at once, or 202 followed until the operation
     * succeeds. Answers the response body (the operation and the resource it made or changed).
     */
    JsonNode succeeded(WebTestClient.ResponseSpec response) {
        var result = response.expectBody(JsonNode.class).returnResult();
        JsonNode body = result.getResponseBody();
        int status = result.getStatus().value();
        if (status == 202) {
            String operationId = body.path("operation").path("id").asText();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                    !"requested running".contains(get("/operations/" + operationId).path("operation").path("status").asText()));
            JsonNode operation = get("/operations/" + operationId).path("operation");
            if (!"succeeded".equals(operation.path("status").asText())) {
                throw new AssertionError("operation " + operationId + " did not succeed: " + operation);
            }
            return body;
        }
        if (status != 200 && status != 201) {
            throw new AssertionError("expected the operation to succeed, got " + status + ": " + body);
        }
        return body;
    }

    /** Waits until {@code path} answers a document satisfying {@code condition}, and answers that document. */
    JsonNode awaitGet(String path, java.util.function.Predicate<JsonNode> condition, Duration within) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(within).pollInterval(Duration.ofMillis(300)).until(() -> {
            seen[0] = client.get().uri(SWARM + path).exchange().expectBody(JsonNode.class).returnResult()
                    .getResponseBody();
            return seen[0] != null && condition.test(seen[0]);
        });
        return seen[0];
    }
}
