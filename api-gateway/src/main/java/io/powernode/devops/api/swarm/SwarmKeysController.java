package io.powernode.devops.api.swarm;

import io.powernode.devops.api.AuditedCommands;
import io.powernode.devops.api.AuditedCommands.Activity;
import io.powernode.devops.api.Queries;
import io.powernode.devops.api.RequestContext;
import io.powernode.devops.app.security.ApiCaller;
import io.powernode.devops.kernel.common.DomainError;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindCluster;
import io.powernode.devops.kernel.swarm.ClusterViews.ClusterView;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.FindJoinTokens;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.FindUnlockKey;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.JoinTokens;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.UnlockKey;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A swarm's join tokens and unlock key, read from the swarm at the moment they are asked for: the platform never
 * stores them. Only the manage permission reads them (see SecurityConfiguration), no cache may keep them, and
 * every read leaves an audited activity — which records that they were read, never what they are.
 */
@RestController
@RequestMapping(ClusterController.BASE + "/{id}")
class SwarmKeysController {

    private final AuditedCommands audit;
    private final Queries queries;
    private final SwarmLive live;

    SwarmKeysController(AuditedCommands audit, Queries queries, SwarmLive live) {
        this.audit = audit;
        this.queries = queries;
        this.live = live;
    }

    @GetMapping("/join_tokens")
    Mono<ResponseEntity<Map<String, Object>>> joinTokens(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                         @PathVariable String id) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        return read(context, "read_join_tokens", id, new FindJoinTokens(context.accountId(), id), JoinTokens.class)
                .map(tokens -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("worker", tokens.worker());
                    json.put("manager", tokens.manager());
                    json.put("manager_addresses", tokens.managerAddresses());
                    return unstored(Map.of("join_tokens", json));
                });
    }

    @GetMapping("/unlock_key")
    Mono<ResponseEntity<Map<String, Object>>> unlockKey(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                        @PathVariable String id) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        return read(context, "read_unlock_key", id, new FindUnlockKey(context.accountId(), id), UnlockKey.class)
                .map(key -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("autolock", key.key() != null);
                    json.put("key", key.key());
                    return unstored(Map.of("unlock_key", json));
                });
    }

    /** Asks the swarm, as an audited activity of the caller; a cluster the account does not have is refused as missing. */
    private <T> Mono<T> read(RequestContext context, String action, String clusterId, Object query, Class<T> answer) {
        Mono<T> missing = Mono.error(() -> DomainError.notFound("cluster_not_found",
                "No cluster " + clusterId + " in this account"));
        return audit.perform(context, new Activity(action, ClusterController.TARGET, clusterId, Map.of()),
                metaData -> queries.ask(new FindCluster(context.accountId(), clusterId), ClusterView.class)
                        .switchIfEmpty(missing.cast(ClusterView.class))
                        .flatMap(cluster -> live.ask(query, answer))
                        .switchIfEmpty(missing));
    }

    private static ResponseEntity<Map<String, Object>> unstored(Map<String, Object> body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
    }
}
