package io.powernode.devops.compose.parity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The Engine API of one test daemon, spoken raw over plain TCP ({@code tcp://<address>:2375}), version 1.41 as
 * the daemons here offer: what a stack test needs to create and read swarm objects without the CLI.
 */
public final class EngineApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION = "/v1.41";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    /** @param endpoint {@code tcp://<address>:<port>} */
    public EngineApi(String endpoint) {
        this.base = URI.create(endpoint.replaceFirst("^tcp://", "http://") + VERSION);
    }

    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public JsonNode post(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** A list filtered by label, e.g. {@code list("services", "com.docker.stack.namespace=shop")}. */
    public JsonNode listByLabel(String kind, String label) {
        ObjectNode filters = JSON.createObjectNode();
        filters.putArray("label").add(label);
        return get("/" + kind + "?filters=" + URLEncoder.encode(filters.toString(), StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                        + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
