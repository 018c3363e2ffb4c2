package io.powernode.devops.command.endpoint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * How one kind of inventory (containers, images, nodes, services …) moved between what an endpoint last recorded
 * and what a sync observed. Items are compared by value, keyed by {@code keyOf}.
 */
public record InventoryDiff<T>(List<T> added, List<T> changed, List<String> removedKeys) {

    public static <T> InventoryDiff<T> between(Map<String, T> known, Collection<T> observed, Function<T, String> keyOf) {
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

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removedKeys.isEmpty();
    }

    public void applyTo(Map<String, T> known, Function<T, String> keyOf) {
        added.forEach(item -> known.put(keyOf.apply(item), item));
        changed.forEach(item -> known.put(keyOf.apply(item), item));
        removedKeys.forEach(known::remove);
    }

    /**
     * Applies the event that {@code toEvent} makes of what moved between {@code known} and {@code observed}, unless
     * nothing did: a sync that finds nothing new records nothing.
     */
    public static <T> void recordChanges(Map<String, T> known, Collection<T> observed, Function<T, String> keyOf,
                                         Function<InventoryDiff<T>, Object> toEvent) {
        InventoryDiff<T> diff = between(known, observed, keyOf);
        if (!diff.isEmpty()) {
            apply(toEvent.apply(diff));
        }
    }
}
