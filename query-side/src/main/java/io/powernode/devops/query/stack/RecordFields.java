package io.powernode.devops.query.stack;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A kernel record as plain BSON-ready values: its components by their snake_case names, nested records as maps,
 * durations (and anything else BSON has no type for) as their text. Read by reflection rather than written out
 * kind by kind, so a progress kind or a strategy field the kernel adds shows up without a change here, under the
 * name the API's JSON gives it.
 */
final class RecordFields {
    private static final Pattern WORD_START = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    private RecordFields() {
    }

    static Map<String, Object> of(Record record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            fields.put(snakeCase(component.getName()), plain(read(component, record)));
        }
        return fields;
    }

    private static String snakeCase(String camelCase) {
        return WORD_START.matcher(camelCase).replaceAll("_").toLowerCase();
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Record record) {
            return of(record);
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(RecordFields::plain).toList();
        }
        if (value instanceof Map<?, ?> map) {
            // BSON keys are strings (a preview port map's integer keys become their text); sorted, so that a map
            // reads the same on every page and in every stream
            Map<String, Object> plain = new TreeMap<>();
            map.forEach((key, item) -> plain.put(String.valueOf(key), plain(item)));
            return plain;
        }
        return value.toString();
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }
}
