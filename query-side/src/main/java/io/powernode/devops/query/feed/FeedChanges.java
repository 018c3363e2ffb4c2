package io.powernode.devops.query.feed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** How feed entries describe a change: snake_case names and plain values, as the API shows them. */
public final class FeedChanges {
    private FeedChanges() {
    }

    /** Alternating names and values; unlike {@code Map.of} it keeps nulls (a reason may be absent). */
    public static Map<String, Object> change(Object... namesAndValues) {
        Map<String, Object> change = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            change.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return change;
    }

    /** An inventory diff by the keys of what it added, changed and removed. */
    public static <T> Map<String, Object> inventory(List<T> added, List<T> changed, List<String> removed,
                                                    Function<T, String> key) {
        return change("added", added.stream().map(key).toList(), "changed", changed.stream().map(key).toList(),
                "removed", removed);
    }
}
