package io.powernode.devops.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import com.github.dockerjava.transport.DockerHttpClient.Request.Method;
import com.github.dockerjava.transport.DockerHttpClient.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The Docker Engine API's own JSON over a docker-java transport, for what docker-java's model cannot say
 * (config templating, placement MaxReplicas, swarm encryption settings, unlock-key rotation …) and for
 * read-modify-write of specs, where a model that does not know a field would silently drop it. Paths carry no
 * version prefix, so the daemon answers in its own default version, as docker-java's requests do.
 * <p>
 * An error answer is thrown as docker-java's exception for its status, so callers handle one family of
 * failures; it quotes only the daemon's message, never a request body (which may hold a secret's value).
 */
public final class EngineApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> JSON_CONTENT = Map.of("Content-Type", "application/json");

    private final DockerHttpClient http;

    EngineApi(DockerHttpClient http) {
        this.http = http;
    }

    /** The JSON the daemon answers; a missing node when it answers nothing. */
    public JsonNode get(String path) {
        return get(path, Map.of());
    }

    /** As {@link #get(String)}, with extra headers such as {@code X-Registry-Auth}. */
    public JsonNode get(String path, Map<String, String> headers) {
        return execute(Request.builder().method(Method.GET).path(path).putAllHeaders(headers).build());
    }

    /** The daemon's answer as it comes, for what is not JSON (logs); read whole, so ask for a bounded one. */
    public byte[] getBytes(String path) {
        return exchange(Request.builder().method(Method.GET).path(path).build());
    }

    /** @param body serialised as JSON; null sends none */
    public JsonNode post(String path, Object body) {
        return post(path, body, Map.of());
    }

    /** As {@link #post(String, Object)}, with extra headers such as {@code X-Registry-Auth}. */
    public JsonNode post(String path, Object body, Map<String, String> headers) {
        Request.Builder request = Request.builder().method(Method.POST).path(path).putAllHeaders(headers);
        if (body != null) {
            request.putAllHeaders(JSON_CONTENT).bodyBytes(toJson(body));
        }
        return execute(request.build());
    }

    public void delete(String path) {
        execute(Request.builder().method(Method.DELETE).path(path).build());
    }

    /** {@code path?name=value&…} with the values URL-encoded; null values are left out. */
    public static String query(String path, Map<String, ?> parameters) {
        StringJoiner query = new StringJoiner("&", path + "?", "").setEmptyValue(path);
        parameters.forEach((name, value) -> {
            if (value != null) {
                query.add(name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    /** {@code path?filters={"filter":["value"]}}: a list narrowed by one of Docker's filters. */
    public static String filtered(String path, String filter, String value) {
        ObjectNode filters = JSON.createObjectNode();
        filters.putArray(filter).add(value);
        return query(path, Map.of("filters", filters.toString()));
    }

    /** A path segment (an id or name a user gave), URL-encoded so it cannot change the path. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode execute(Request request) {
        byte[] body = exchange(request);
        try {
            return body.length == 0 ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("the daemon's answer is not JSON", e);
        }
    }

    private byte[] exchange(Request request) {
        try (Response response = http.execute(request)) {
            byte[] body = readAll(response.getBody());
            int status = response.getStatusCode();
            if (status >= 300) {
                throw failure(status, daemonMessage(body));
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the daemon's answer failed", e);
        }
    }

    private static byte[] toJson(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // the message would quote the body: say only what could not be written
            throw new IllegalArgumentException("cannot write a " + body.getClass().getSimpleName() + " as JSON");
        }
    }

    private static byte[] readAll(InputStream body) throws IOException {
        return body == null ? new byte[0] : body.readAllBytes();
    }

    /** Docker answers errors as {@code {"message": "…"}}; anything else is quoted as text. */
    private static String daemonMessage(byte[] body) {
        try {
            JsonNode message = JSON.readTree(body).path("message");
            if (message.isTextual()) {
                return message.asText();
            }
        } catch (IOException e) {
            // not JSON: quoted as it is below
        }
        return new String(body, StandardCharsets.UTF_8).trim();
    }

    /** The exception docker-java itself throws for the status; it puts the status before the message. */
    private static DockerException failure(int status, String message) {
        return switch (status) {
            case 400 -> new BadRequestException(message);
            case 404 -> new NotFoundException(message);
            case 409 -> new ConflictException(message);
            case 500 -> new InternalServerErrorException(message);
            default -> new DockerException(message, status);
        };
    }
}
