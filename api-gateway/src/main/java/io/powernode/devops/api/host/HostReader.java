package io.powernode.devops.api.host;

import io.powernode.devops.kernel.host.HostQueries.FindHost;
import io.powernode.devops.kernel.host.HostQueries.FindLastSyncTimes;
import io.powernode.devops.kernel.host.HostQueries.LastSyncTimes;
import io.powernode.devops.kernel.host.HostViews.HostView;
import io.powernode.devops.api.Queries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads hosts for the API: the read model, completed with the sync process's own record of the last
 * successful sync (a sync that finds nothing new writes no event, so the read model alone lags).
 */
@Component
class HostReader {

    private static final Duration POLL = Duration.ofMillis(40);

    private final Queries queries;
    private final Duration readModelWait;

    HostReader(Queries queries, @Value("${powernode.api.read-model-wait}") Duration readModelWait) {
        this.queries = queries;
        this.readModelWait = readModelWait;
    }

    Mono<HostView> find(String accountId, String hostId) {
        return queries.ask(new FindHost(accountId, hostId), HostView.class);
    }

    /**
     * The host once the read model has caught up with {@code version} — or, after the bounded wait, what it
     * shows then (flagged stale so the API answers 202 instead of pretending it is current).
     */
    Mono<Fresh> awaitVersion(String accountId, String hostId, long version) {
        return find(accountId, hostId)
                .filter(view -> view.version() >= version)
                .repeatWhenEmpty(repeats -> repeats.delayElements(POLL))
                .map(view -> new Fresh(view, true))
                .timeout(readModelWait, find(accountId, hostId).map(view -> new Fresh(view, false)));
    }

    /** True once the read model no longer shows the host; false if it still does after the bounded wait. */
    Mono<Boolean> awaitGone(String accountId, String hostId) {
        return find(accountId, hostId)
                .map(stillThere -> false)
                .defaultIfEmpty(true)
                .filter(gone -> gone)
                .repeatWhenEmpty(repeats -> repeats.delayElements(POLL))
                .timeout(readModelWait, Mono.just(false));
    }

    /** When each host last answered a sync, as the sync process knows it; empty when it cannot say. */
    Mono<Map<String, Instant>> lastSyncTimes(List<String> hostIds) {
        return queries.ask(new FindLastSyncTimes(hostIds), LastSyncTimes.class)
                .map(LastSyncTimes::byHostId)
                .onErrorReturn(Map.of())
                .defaultIfEmpty(Map.of());
    }

    record Fresh(HostView host, boolean current) {
    }
}
