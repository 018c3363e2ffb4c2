package io.powernode.devops.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a request body wrapped as the spec wraps it ({@code {"host": {...}}}) and collects field errors,
 * so one response names every field at fault instead of the first.
 */
@Component
public class JsonBody {

    private final ObjectMapper json;

    public JsonBody(ObjectMapper json) {
        this.json = json;
    }

    /** The object under {@code root}, refusing malformed JSON and fields outside {@code known}. */
    public Fields open(String body, String root, Set<String> known) {
        if (body == null || body.isBlank()) {
            throw ApiProblem.invalid(root, "is required: send {\"" + root + "\": {...}}");
        }
        JsonNode document;
        try {
            document = json.readTree(body);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw ApiProblem.invalid("body", "is not valid JSON" + (at == null ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (!(document instanceof ObjectNode) || !(document.get(root) instanceof ObjectNode object)) {
            throw ApiProblem.invalid(root, "is required and must be an object");
        }
        return new Fields(root, object, known, new ArrayList<>());
    }

    /** Typed access to one object's fields; every problem is collected, {@link #done()} throws them all. */
    public static final class Fields {
        private final String prefix;
        private final ObjectNode object;
        private final List<ApiProblem.FieldError> errors;

        private Fields(String prefix, ObjectNode object, Set<String> known, List<ApiProblem.FieldError> errors) {
            this.prefix = prefix;
            this.object = object;
            this.errors = errors;
            object.fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) {
                    reject(name, "is not a known field");
                }
            });
        }

        public boolean isNull(String name) {
            return object.has(name) && object.get(name).isNull();
        }

        public String path(String name) {
            return prefix + "." + name;
        }

        public void reject(String name, String message) {
            errors.add(new ApiProblem.FieldError(path(name), message));
        }

        public String string(String name, boolean required) {
            JsonNode node = object.get(name);
            if (node == null || node.isNull()) {
                if (required) {
                    reject(name, "is required");
                }
                return null;
            }
            if (!node.isTextual()) {
                reject(name, "must be a string");
                return null;
            }
            return node.textValue();
        }

        public Boolean bool(String name) {
            JsonNode node = object.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isBoolean()) {
                reject(name, "must be true or false");
                return null;
            }
            return node.booleanValue();
        }

        public Integer integer(String name, int min, int max) {
            JsonNode node = object.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
                reject(name, "must be a whole number from " + min + " to " + max);
                return null;
            }
            return node.intValue();
        }

        /** A nested object, or null when absent or null; anything else is rejected. */
        public Fields object(String name, Set<String> known) {
            JsonNode node = object.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!(node instanceof ObjectNode nested)) {
                reject(name, "must be an object");
                return null;
            }
            return new Fields(path(name), nested, known, errors);
        }

        public void done() {
            if (!errors.isEmpty()) {
                throw ApiProblem.invalid(errors);
            }
        }
    }
}
