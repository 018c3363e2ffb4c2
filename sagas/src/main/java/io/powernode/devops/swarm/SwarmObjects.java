package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powernode.devops.docker.EngineApi;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reading swarm objects as the Engine API answers them ({@code {ID, Version: {Index}, Spec: {…}}}). An update
 * sends the whole spec back with the version it was read at, so a concurrent change is refused, never overwritten.
 */
final class SwarmObjects {

    private static final int STALE_VERSION_ATTEMPTS = 3;

    private SwarmObjects() {
    }

    /** {@code /services/<id>}: the id as a path segment. */
    static String path(String collection, String id) {
        return collection + "/" + EngineApi.segment(id);
    }

    static long version(JsonNode object) {
        return object.path("Version").path("Index").asLong();
    }

    /** A copy of the object's spec, to change and send back. */
    static ObjectNode specOf(JsonNode object) {
        JsonNode spec = object.path("Spec");
        return spec.isObject() ? ((ObjectNode) spec).deepCopy() : JsonNodeFactory.instance.objectNode();
    }

    /** Sends {@code spec} as the object's new spec, at the version it was read at. */
    static JsonNode update(EngineApi api, String collection, JsonNode current, ObjectNode spec,
                           Map<String, ?> extraParameters) {
        return update(api, collection, current, spec, extraParameters, Map.of());
    }

    /** As above, with headers such as {@code X-Registry-Auth}. */
    static JsonNode update(EngineApi api, String collection, JsonNode current, ObjectNode spec,
                           Map<String, ?> extraParameters, Map<String, String> headers) {
        Map<String, Object> parameters = new HashMap<>(extraParameters);
        parameters.put("version", version(current));
        return api.post(EngineApi.query(path(collection, current.path("ID").asText()) + "/update", parameters),
                spec, headers);
    }

    /**
     * A read-modify-write of an object, done again from a fresh read when Docker answers that the version it was
     * read at is stale: Docker moves a service's version itself while it records the progress of an update, so
     * that answer means "read again", not that someone else changed it. A refused update changed nothing, so
     * trying again is safe.
     *
     * @param write sends the change computed from the object as read; called again with each fresh read
     */
    static <T> T updateFresh(EngineApi api, String collection, JsonNode current, Function<JsonNode, T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.apply(current);
            } catch (RuntimeException e) {
                if (attempt == STALE_VERSION_ATTEMPTS || !isStaleVersion(e)) {
                    throw e;
                }
                current = api.get(path(collection, current.path("ID").asText()));
            }
        }
    }

    private static boolean isStaleVersion(RuntimeException failure) {
        OperationFailure classified = OperationFailures.classify(failure);
        return classified.kind() == Kind.conflict && classified.message().contains("out of sequence");
    }

    /**
     * The ids of the named secrets or configs. Docker's name filter matches prefixes, so all are listed and
     * matched exactly; a name not found is simply absent from the answer.
     */
    static Map<String, String> idsByName(EngineApi api, FileKind kind, Collection<String> names) {
        Map<String, String> ids = new HashMap<>();
        if (names.isEmpty()) {
            return ids;
        }
        Set<String> wanted = Set.copyOf(names);
        for (JsonNode object : api.get(kind.path())) {
            String name = object.path("Spec").path("Name").asText();
            if (wanted.contains(name)) {
                ids.put(name, object.path("ID").asText());
            }
        }
        return ids;
    }

    /** Where nodes join: the addresses of the managers that are reachable now, the leader's first. */
    static List<String> managerAddresses(EngineApi api) {
        List<String> addresses = new ArrayList<>();
        JsonNode managers = api.get(EngineApi.query("/nodes", Map.of("filters", "{\"role\":[\"manager\"]}")));
        for (JsonNode node : managers) {
            JsonNode status = node.path("ManagerStatus");
            if ("reachable".equals(status.path("Reachability").asText()) && status.hasNonNull("Addr")) {
                addresses.add(status.path("Leader").asBoolean() ? 0 : addresses.size(), status.path("Addr").asText());
            }
        }
        return addresses;
    }

    /** Docker's warnings in an answer (e.g. an image it could not resolve on a registry), as notes. */
    static List<String> warnings(JsonNode answer) {
        List<String> warnings = new ArrayList<>();
        answer.path("Warnings").forEach(warning -> warnings.add(warning.asText()));
        return warnings;
    }
}
