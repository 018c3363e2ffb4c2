package io.powernode.devops.api.swarm;

import io.powernode.devops.api.ApiProblem;
import io.powernode.devops.api.DomainErrors;
import io.powernode.devops.api.Queries;
import io.powernode.devops.kernel.common.DomainError;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.InspectSwarmObject;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.Inspection;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.ObjectKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks a swarm itself (through the Docker gateway's {@code SwarmLiveQueries}) for what no read model holds,
 * within {@code powernode.api.live-query-wait}. A swarm that does not answer is the API's 503, worded for users:
 * what went wrong inside stays in the log.
 */
@Component
class SwarmLive {

    private static final Logger log = LoggerFactory.getLogger(SwarmLive.class);

    private final Queries queries;
    private final Duration wait;

    SwarmLive(Queries queries, @Value("${powernode.api.live-query-wait}") Duration wait) {
        this.queries = queries;
        this.wait = wait;
    }

    /** The swarm's answer, empty when the account has no such cluster; a 503 problem when the swarm cannot answer. */
    <R> Mono<R> ask(Object query, Class<R> answerType) {
        return queries.ask(query, answerType)
                .timeout(wait)
                .onErrorMap(e -> !(e instanceof ApiProblem), e -> unavailable(query, e));
    }

    /**
     * {@code json} (an object's read-model view) with Docker's full inspection under {@code inspect}, or, when the
     * swarm cannot answer, with {@code inspect_error} saying so: the read model is still worth showing.
     */
    Mono<Map<String, Object>> withInspection(Map<String, Object> json, String accountId, String clusterId,
                                             ObjectKind kind, String id) {
        Map<String, Object> inspected = new LinkedHashMap<>(json);
        return ask(new InspectSwarmObject(accountId, clusterId, kind, id), Inspection.class)
                .map(inspection -> {
                    inspected.put("inspect", inspection.body());
                    return inspected;
                })
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    inspected.put("inspect_error", "the swarm no longer knows this " + kind);
                    return inspected;
                }))
                // both are worded for users (see ask)
                .onErrorResume(e -> e instanceof ApiProblem || e instanceof DomainError, refused -> {
                    inspected.put("inspect_error", refused.getMessage());
                    return Mono.just(inspected);
                });
    }

    private static Throwable unavailable(Object query, Throwable failure) {
        Throwable cause = DomainErrors.unwrap(failure);
        if (cause instanceof DomainError refused) {
            return refused;
        }
        log.warn("the swarm did not answer {}: {}", query.getClass().getSimpleName(), cause.toString());
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Swarm unavailable",
                "the swarm did not answer; the read model shows its last synced state", List.of(),
                "swarm_unavailable", Map.of());
    }
}
