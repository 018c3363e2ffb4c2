package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shapes compose lets a value take, read as the CLI's loader reads them once the schema has checked the
 * types: a mapping given as a mapping or as a list of {@code key=value}, a list given as one string.
 */
final class ComposeValues {

    private ComposeValues() {
    }

    /** The text at {@code key}, or null when it is missing or null. */
    static String text(JsonNode parent, String key) {
        JsonNode value = parent.get(key);
        return value == null || value.isNull() ? null : GoFormat.text(value);
    }

    /** The text at {@code key}, or {@code ""} (Go's zero value, which the CLI's types hold for a missing key). */
    static String textOrEmpty(JsonNode parent, String key) {
        String text = text(parent, key);
        return text == null ? "" : text;
    }

    static boolean flag(JsonNode parent, String key) {
        JsonNode value = parent.get(key);
        return value != null && value.asBoolean(false);
    }

    static boolean has(JsonNode parent, String key) {
        JsonNode value = parent.get(key);
        return value != null && !value.isNull();
    }

    /**
     * A mapping given as {@code {key: value}} or {@code [key=value]}, by key. A key without a value ({@code key:}
     * or a list item {@code key}) maps to null when {@code keepMissing}, as the environment keeps it, and to
     * {@code ""} otherwise, as labels do.
     */
    static Map<String, String> mapping(JsonNode value, boolean keepMissing) {
        Map<String, String> mapping = new TreeMap<>();
        if (value == null || value.isNull()) {
            return mapping;
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                String entry = item.asText();
                int equals = entry.indexOf('=');
                if (equals >= 0) {
                    mapping.put(entry.substring(0, equals), entry.substring(equals + 1));
                } else {
                    mapping.put(entry, keepMissing ? null : "");
                }
            }
            return mapping;
        }
        value.fields().forEachRemaining(field -> {
            String text = GoFormat.text(field.getValue());
            mapping.put(field.getKey(), text != null || keepMissing ? text : "");
        });
        return mapping;
    }

    /** A list that may be given as one string. */
    static List<String> strings(JsonNode value) {
        List<String> strings = new ArrayList<>();
        if (value == null || value.isNull()) {
            return strings;
        }
        if (value.isArray()) {
            value.forEach(item -> strings.add(GoFormat.text(item)));
        } else {
            strings.add(GoFormat.text(value));
        }
        return strings;
    }
}
