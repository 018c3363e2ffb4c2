package io.powernode.devops.e2e;

import java.util.Map;

/** Short intervals so that outages, retries and five consecutive failures play out in seconds. */
final class TestSettings {

    static final Map<String, Object> PROPERTIES = Map.of(
            "server.port", 0,
            "powernode.api.read-model-wait", "5s",
            "powernode.api.operation-wait", "5s",
            "powernode.sync.retry-initial", "200ms",
            "powernode.sync.retry-max", "1s",
            "powernode.sync.event-debounce", "200ms",
            "powernode.sync.follower-reconnect-initial", "200ms",
            "powernode.sync.follower-reconnect-max", "1s",
            "powernode.sync.settling-interval", "1s",
            "db-scheduler.polling-interval", "200ms");

    private TestSettings() {
    }
}
