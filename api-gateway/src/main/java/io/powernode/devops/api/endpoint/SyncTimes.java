package io.powernode.devops.api.endpoint;

import io.powernode.devops.api.Queries;
import io.powernode.devops.kernel.host.HostQueries.FindLastSyncTimes;
import io.powernode.devops.kernel.host.HostQueries.LastSyncTimes;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * When each host or cluster last answered a sync, as the sync process records it. A sync that finds nothing new
 * writes no event, so the read model's last sync time alone lags; the API shows the later of the two.
 */
@Component
public class SyncTimes {

    private final Queries queries;

    public SyncTimes(Queries queries) {
        this.queries = queries;
    }

    /** By endpoint id; empty when the sync process cannot say (e.g. it runs elsewhere and is down). */
    public Mono<Map<String, Instant>> lastAnswers(List<String> endpointIds) {
        return queries.ask(new FindLastSyncTimes(endpointIds), LastSyncTimes.class)
                .map(LastSyncTimes::byHostId)
                .onErrorReturn(Map.of())
                .defaultIfEmpty(Map.of());
    }

    /** The later of the read model's time and the sync process's; either may be null. */
    public static Instant latest(Instant recorded, Instant answered) {
        if (recorded == null) {
            return answered;
        }
        return answered == null || recorded.isAfter(answered) ? recorded : answered;
    }
}
