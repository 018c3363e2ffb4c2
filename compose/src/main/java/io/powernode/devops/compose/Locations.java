package io.powernode.devops.compose;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each key and value of the parsed document was written, by {@link ComposePath}, so that a problem found
 * long after parsing (by the schema, the interpolation or the conversion) still names a line and column. A value
 * reached through an alias is located where its anchor wrote it.
 */
final class Locations {

    private final Map<String, SourcePosition> keys = new HashMap<>();
    private final Map<String, SourcePosition> values = new HashMap<>();

    void key(String path, SourcePosition position) {
        keys.putIfAbsent(path, position);
    }

    void value(String path, SourcePosition position) {
        values.putIfAbsent(path, position);
    }

    /** Where the key naming this path was written; its value's place for list items and the root. */
    SourcePosition ofKey(String path) {
        SourcePosition key = keys.get(path);
        return key != null ? key : ofValue(path);
    }

    /** Where the value at this path was written, or the closest enclosing value's place when it is missing. */
    SourcePosition ofValue(String path) {
        for (String at = path; ; at = parent(at)) {
            SourcePosition value = values.get(at);
            if (value != null || at.isEmpty()) {
                return value;
            }
        }
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? ComposePath.ROOT : path.substring(0, cut);
    }
}
