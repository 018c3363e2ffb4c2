package io.powernode.devops.e2e;

import java.util.Map;

/** Short intervals so that outages, retries and five consecutive failures play out in seconds. */
final class TestSettings {

    static final Map<String, Object> PROPERTIES = Map.ofEntries(
            Map.entry("server.port", 0),
            Map.entry("powernode.api.read-model-wait", "5s"),
            Map.entry("powernode.api.operation-wait", "5s"),
            Map.entry("powernode.sync.retry-initial", "200ms"),
            Map.entry("powernode.sync.retry-max", "1s"),
            Map.entry("powernode.sync.event-debounce", "200ms"),
            Map.entry("powernode.sync.follower-reconnect-initial", "200ms"),
            Map.entry("powernode.sync.follower-reconnect-max", "1s"),
            Map.entry("powernode.sync.settling-interval", "1s"),
            Map.entry("powernode.rollout.check-interval", "500ms"),
            Map.entry("db-scheduler.polling-interval", "200ms"));

    private TestSettings() {
    }
}
