package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import io.powernode.devops.docker.EngineApi;
import io.powernode.devops.kernel.stack.StackPlan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A stack's objects as Docker holds them. Nothing but the namespace label ties them together, so they are listed
 * by it, as {@code docker stack} lists them; and Docker's name filters match prefixes, so names are matched here.
 */
final class StackObjects {

    static final String SERVICES = "/services";
    static final String NETWORKS = "/networks";

    private StackObjects() {
    }

    /**
     * The stack's objects of one collection ({@code /services}, {@code /networks}, {@code /secrets},
     * {@code /configs}) by name, in Docker's order.
     */
    static Map<String, JsonNode> labelled(EngineApi api, String collection, String stack) {
        return byName(api.get(EngineApi.filtered(collection, "label", StackPlan.NAMESPACE_LABEL + "=" + stack)));
    }

    /** Every object of the collection by name: secrets and configs a stack uses need not be its own. */
    static Map<String, JsonNode> all(EngineApi api, String collection) {
        return byName(api.get(collection));
    }

    /** The service whose name is exactly {@code name}. */
    static Optional<JsonNode> service(EngineApi api, String name) {
        return Optional.ofNullable(byName(api.get(EngineApi.filtered(SERVICES, "name", name))).get(name));
    }

    /** Networks answer their name at the top; swarm objects in their spec. */
    static String nameOf(JsonNode object) {
        return object.has("Spec") ? object.path("Spec").path("Name").asText() : object.path("Name").asText();
    }

    private static Map<String, JsonNode> byName(JsonNode objects) {
        Map<String, JsonNode> named = new LinkedHashMap<>();
        objects.forEach(object -> named.put(nameOf(object), object));
        return named;
    }
}
