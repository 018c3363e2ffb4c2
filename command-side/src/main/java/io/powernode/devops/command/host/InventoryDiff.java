package io.powernode.devops.command.host;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * How one kind of inventory (containers, images, networks, volumes) moved between what a host last recorded
 * and what a sync observed. Items are compared by value, keyed by {@code keyOf}.
 */
record InventoryDiff<T>(List<T> added, List<T> changed, List<String> removedKeys) {

    static <T> InventoryDiff<T> between(Map<String, T> known, Collection<T> observed, Function<T, String> keyOf) {
        List<T> added = new ArrayList<>();
        List<T> changed = new ArrayList<>();
        Set<String> observedKeys = new HashSet<>();
        for (T item : observed) {
            String key = keyOf.apply(item);
            observedKeys.add(key);
            T before = known.get(key);
            if (before == null) {
                added.add(item);
            } else if (!Objects.equals(before, item)) {
                changed.add(item);
            }
        }
        List<String> removedKeys = known.keySet().stream().filter(key -> !observedKeys.contains(key)).toList();
        return new InventoryDiff<>(List.copyOf(added), List.copyOf(changed), removedKeys);
    }

    boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removedKeys.isEmpty();
    }

    void applyTo(Map<String, T> known, Function<T, String> keyOf) {
        added.forEach(item -> known.put(keyOf.apply(item), item));
        changed.forEach(item -> known.put(keyOf.apply(item), item));
        removedKeys.forEach(known::remove);
    }
}
