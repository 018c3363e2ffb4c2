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
 * When each host last answered a sync. Kept here, in memory, because a sync that finds nothing new records
 * no event, so the event stream cannot tell "synced a second ago" from "synced an hour ago".
 */
@Component
public class SyncLedger {

    private final Map<String, Instant> lastAnswers = new ConcurrentHashMap<>();

    public void answered(String hostId, Instant at) {
        lastAnswers.merge(hostId, at, (earlier, later) -> later.isAfter(earlier) ? later : earlier);
    }

    public void forget(String hostId) {
        lastAnswers.remove(hostId);
    }

    public Optional<Instant> lastAnswer(String hostId) {
        return Optional.ofNullable(lastAnswers.get(hostId));
    }

    /** Hosts that have not answered since this process started are left out. */
    @QueryHandler
    public LastSyncTimes handle(FindLastSyncTimes query) {
        Map<String, Instant> times = new HashMap<>();
        query.hostIds().forEach(id -> lastAnswer(id).ifPresent(at -> times.put(id, at)));
        return new LastSyncTimes(times);
    }
}
