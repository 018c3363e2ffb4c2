package io.powernode.devops.sync;

import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The strategy of each {@link EndpointKind}; every kind must have exactly one. */
@Component
public class SyncStrategies {

    private final Map<EndpointKind, EndpointSyncStrategy> byKind = new EnumMap<>(EndpointKind.class);

    public SyncStrategies(List<EndpointSyncStrategy> strategies) {
        for (EndpointSyncStrategy strategy : strategies) {
            if (byKind.put(strategy.kind(), strategy) != null) {
                throw new IllegalArgumentException("two sync strategies for " + strategy.kind());
            }
        }
        // checked at startup rather than when the first target of a missing kind turns up
        for (EndpointKind kind : EndpointKind.values()) {
            if (!byKind.containsKey(kind)) {
                throw new IllegalArgumentException("no sync strategy for " + kind);
            }
        }
    }

    public EndpointSyncStrategy of(EndpointKind kind) {
        return byKind.get(kind);
    }
}
