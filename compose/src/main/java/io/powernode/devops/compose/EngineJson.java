package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writing Engine API bodies (API 1.41 field names) as the CLI's Go client writes them: a field the Go type marks
 * {@code omitempty} is left out when it is empty, so Docker applies the same defaults to both.
 */
final class EngineJson {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EngineJson() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static void text(ObjectNode json, String field, String value) {
        if (value != null && !value.isEmpty()) {
            json.put(field, value);
        }
    }

    static void flag(ObjectNode json, String field, boolean value) {
        if (value) {
            json.put(field, true);
        }
    }

    /** A count or a duration in nanoseconds; zero is Go's empty value. */
    static void number(ObjectNode json, String field, Long value) {
        if (value != null && value != 0) {
            json.put(field, value);
        }
    }

    static void strings(ObjectNode json, String field, Collection<String> values) {
        if (values != null && !values.isEmpty()) {
            ArrayNode array = json.putArray(field);
            values.forEach(array::add);
        }
    }

    /** A string map, written in key order. */
    static void map(ObjectNode json, String field, Map<String, String> values) {
        if (values != null && !values.isEmpty()) {
            ObjectNode map = json.putObject(field);
            new TreeMap<>(values).forEach(map::put);
        }
    }

    /** A nested object; {@code keepEmpty} for a Go pointer the CLI always sets, which Docker stores even empty. */
    static void child(ObjectNode json, String field, ObjectNode child, boolean keepEmpty) {
        if (child != null && (keepEmpty || !child.isEmpty())) {
            json.set(field, child);
        }
    }
}
