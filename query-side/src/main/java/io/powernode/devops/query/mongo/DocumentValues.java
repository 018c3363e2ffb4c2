package io.powernode.devops.query.mongo;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversions between Java values and what BSON stores. Instants are written as BSON dates explicitly (rather
 * than relying on the client's codec registry) and so keep millisecond precision; enums are written by name.
 */
public final class DocumentValues {
    private DocumentValues() {
    }

    public static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    public static <E extends Enum<E>> E enumValue(Document document, String field, Class<E> type) {
        String name = document.getString(field);
        return name == null ? null : Enum.valueOf(type, name);
    }

    public static Map<String, String> stringMap(Document document, String field) {
        Document nested = document.get(field, Document.class);
        if (nested == null) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        nested.forEach((key, value) -> values.put(key, (String) value));
        return values;
    }

    public static Map<String, Object> map(Document document, String field) {
        Document nested = document.get(field, Document.class);
        return nested == null ? null : plainMap(nested);
    }

    public static List<String> stringList(Document document, String field) {
        return document.getList(field, String.class);
    }

    /** Nested BSON documents become plain maps: a view should hold what was stored, not the driver's types. */
    private static Map<String, Object> plainMap(Document document) {
        Map<String, Object> values = new LinkedHashMap<>();
        document.forEach((key, value) -> values.put(key, plain(value)));
        return values;
    }

    private static Object plain(Object value) {
        if (value instanceof Document document) {
            return plainMap(document);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DocumentValues::plain).toList();
        }
        return value;
    }
}
