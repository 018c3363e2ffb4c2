package io.powernode.devops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.powernode.devops.app.security.TokenMinter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** How the refusal tests call an endpoint and read its refusal, whatever part of the API they test. */
final class Refusals {

    private Refusals() {
    }

    /** Calls {@code uri}, with {@code json} as the body when it is not null. */
    static WebTestClient.ResponseSpec call(WebTestClient client, HttpMethod method, String uri, String json) {
        WebTestClient.RequestBodySpec request = client.method(method).uri(uri);
        return json == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    /**
     * The refusal as RFC 9457 problem+json with {@code status}, read to the end (an unread body holds its pooled
     * connection until garbage collection).
     */
    static JsonNode problem(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The fields a problem names, in its order. */
    static List<String> fields(JsonNode problem) {
        return StackApi.entries(problem.path("errors")).stream().map(error -> error.path("field").asText()).toList();
    }

    /** The message a problem gives for {@code field}, or fails when it names no such field. */
    static String message(JsonNode problem, String field) {
        return StackApi.entries(problem.path("errors")).stream().filter(error -> field.equals(error.path("field").asText()))
                .map(error -> error.path("message").asText()).findFirst()
                .orElseThrow(() -> new AssertionError("the problem names no field " + field + ": " + problem));
    }

    /**
     * Clients of {@code account} without a valid token, each to be answered 401: none at all, one that is no JWT,
     * one signed with another key, and an expired one, all claiming {@code permissions}.
     */
    static List<WebTestClient> withoutValidToken(Platform platform, String account, String... permissions) {
        String forged = Platform.token(account, "mallory", permissions);
        String expired = TokenMinter.mint(Platform.JWT_SECRET.getBytes(StandardCharsets.UTF_8), "alice", account,
                List.of(permissions), Duration.ofMinutes(-5));
        List<WebTestClient> clients = new ArrayList<>();
        clients.add(platform.client());
        clients.add(bearer(platform, "not.a.jwt"));
        clients.add(bearer(platform, forged.substring(0, forged.lastIndexOf('.') + 1) + "c2lnbmF0dXJl"));
        clients.add(bearer(platform, expired));
        return clients;
    }

    private static WebTestClient bearer(Platform platform, String token) {
        return platform.client().mutate().defaultHeader("Authorization", "Bearer " + token).build();
    }
}
