package io.powernode.devops.sync;

import io.powernode.devops.kernel.host.HostQueries.FindLastSyncTimes;
import io.powernode.devops.kernel.host.HostQueries.LastSyncTimes;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each host or cluster last answered a sync, by endpoint id. Kept here, in memory, because a sync that
 * finds nothing new records no event, so the event stream cannot tell "synced a second ago" from "synced an
 * hour ago".
 */
@Component
public class SyncLedger {

    private final Map<String, Instant> lastAnswers = new ConcurrentHashMap<>();

    public void answered(String endpointId, Instant at) {
        lastAnswers.merge(endpointId, at, (earlier, later) -> later.isAfter(earlier) ? later : earlier);
    }

    public void forget(String endpointId) {
        lastAnswers.remove(endpointId);
    }

    public Optional<Instant> lastAnswer(String endpointId) {
        return Optional.ofNullable(lastAnswers.get(endpointId));
    }

    /**
     * Answers for host and cluster ids alike (the query's {@code hostIds} may hold either, as both are unique
     * ids); those that have not answered since this process started are left out.
     */
    @QueryHandler
    public LastSyncTimes handle(FindLastSyncTimes query) {
        Map<String, Instant> times = new HashMap<>();
        query.hostIds().forEach(id -> lastAnswer(id).ifPresent(at -> times.put(id, at)));
        return new LastSyncTimes(times);
    }
}
