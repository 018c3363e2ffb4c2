package io.powernode.devops.api.swarm;

import io.powernode.devops.api.ApiProblem;
import io.powernode.devops.api.AuditedCommands.Activity;
import io.powernode.devops.api.OffEventLoop;
import io.powernode.devops.api.Paging;
import io.powernode.devops.api.Queries;
import io.powernode.devops.api.RequestContext;
import io.powernode.devops.api.StableIds;
import io.powernode.devops.api.VersionedResource;
import io.powernode.devops.api.VersionedResources;
import io.powernode.devops.api.Versions;
import io.powernode.devops.api.endpoint.EndpointInput;
import io.powernode.devops.api.endpoint.MaintenanceReason;
import io.powernode.devops.api.endpoint.SyncTimes;
import io.powernode.devops.api.swarm.ClusterRequests.OnEndpoint;
import io.powernode.devops.api.swarm.ClusterRequests.OnHost;
import io.powernode.devops.api.swarm.ClusterRequests.Registration;
import io.powernode.devops.app.security.ApiCaller;
import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.swarm.ClusterCommands.EndClusterMaintenance;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordClusterRecovery;
import io.powernode.devops.kernel.swarm.ClusterCommands.RegisterCluster;
import io.powernode.devops.kernel.swarm.ClusterCommands.RemoveCluster;
import io.powernode.devops.kernel.swarm.ClusterCommands.StartClusterMaintenance;
import io.powernode.devops.kernel.swarm.ClusterCommands.UpdateCluster;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindCluster;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindClusterHealth;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListClusters;
import io.powernode.devops.kernel.swarm.ClusterViews.ClusterHealth;
import io.powernode.devops.kernel.swarm.ClusterViews.ClusterPage;
import io.powernode.devops.kernel.swarm.ClusterViews.ClusterView;
import io.powernode.devops.secrets.CredentialSealer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * The runbook's swarm cluster endpoints: registration (by manager endpoint, or on a registered host), reads,
 * settings, removal, maintenance, manual recovery and health. Operations on the swarm itself are in
 * {@link SwarmOperationController}.
 */
@RestController
@RequestMapping(ClusterController.BASE)
class ClusterController {

    static final String BASE = SwarmPaths.BASE + "/clusters";
    static final String TARGET = "swarm_cluster";

    private final ClusterRequests requests;
    private final VersionedResource<ClusterView> clusters;
    private final HostEndpoints hostEndpoints;
    private final Queries queries;
    private final CredentialSealer sealer;

    ClusterController(ClusterRequests requests, VersionedResources resources, HostEndpoints hostEndpoints,
                      Queries queries, SyncTimes syncTimes, CredentialSealer sealer) {
        this.requests = requests;
        this.hostEndpoints = hostEndpoints;
        this.queries = queries;
        this.sealer = sealer;
        this.clusters = resources.of(new VersionedResource.Shape<>("cluster", "clusters", BASE,
                (account, id) -> queries.ask(new FindCluster(account, id), ClusterView.class), ClusterView::version,
                views -> syncTimes.lastAnswers(views.stream().map(ClusterView::id).toList())
                        .map(answered -> views.stream().map(c -> ClusterJson.of(c, answered.get(c.id()))).toList())));
    }

    @PostMapping
    Mono<ResponseEntity<Map<String, Object>>> register(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                       @RequestBody(required = false) String body) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        String clusterId = StableIds.forRequest(context, TARGET);
        return OffEventLoop.call(() -> requests.registration(body))
                .flatMap(registration -> command(context, clusterId, registration)
                        .flatMap(command -> clusters.create(context, clusterId,
                                new Activity("register_cluster", TARGET, clusterId, registration.auditParameters()),
                                command)));
    }

    private Mono<RegisterCluster> command(RequestContext context, String clusterId, Registration registration) {
        if (registration instanceof OnEndpoint onEndpoint) {
            EndpointInput input = onEndpoint.input();
            return Mono.just(new RegisterCluster(clusterId, context.accountId(), input.name(), input.endpoint(),
                    input.environment(), input.tlsVerify(), input.sealedWith(sealer), input.syncIntervalSeconds()));
        }
        OnHost onHost = (OnHost) registration;
        return hostEndpoints.of(context.accountId(), onHost.hostId(), ClusterRequests.FORM.root() + "." + ClusterRequests.HOST_ID)
                .map(host -> new RegisterCluster(clusterId, context.accountId(), onHost.name(),
                        host.connection().apiEndpoint(),
                        onHost.environment() != null ? onHost.environment() : host.environment(),
                        host.connection().tlsVerify(), host.connection().credentials(), onHost.syncIntervalSeconds()));
    }

    @GetMapping
    Mono<Map<String, Object>> list(@AuthenticationPrincipal Jwt jwt, @RequestParam MultiValueMap<String, String> query) {
        ListClusters list = new ListClusters(ApiCaller.of(jwt).accountId(),
                Paging.enumFilter(query, "status", ConnectionStatus.class),
                Paging.enumFilter(query, "environment", DeploymentEnvironment.class), Paging.from(query));
        return queries.ask(list, ClusterPage.class).flatMap(page -> clusters.page(page.items(), page.page()));
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<Map<String, Object>>> show(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return clusters.show(ApiCaller.of(jwt).accountId(), id);
    }

    @PutMapping("/{id}")
    Mono<ResponseEntity<Map<String, Object>>> update(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                     @PathVariable String id,
                                                     @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                     @RequestBody(required = false) String body) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        Long expectedVersion = Versions.expected(ifMatch, "cluster");
        // the input is parsed and its credentials sealed off the event loop: the flatMap runs where the parse ended
        return OffEventLoop.call(() -> requests.update(body)).flatMap(input -> clusters.change(context, id,
                new Activity("update_cluster", TARGET, id, input.auditParameters()),
                new UpdateCluster(id, context.accountId(), input.name(), input.endpoint(), input.environment(),
                        input.tlsVerify(), input.sealedWith(sealer), input.removeTls(), input.syncIntervalSeconds(),
                        expectedVersion)));
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> remove(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange, @PathVariable String id) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        return clusters.remove(context, id, new Activity("remove_cluster", TARGET, id, Map.of()),
                new RemoveCluster(id, context.accountId()));
    }

    @PostMapping("/{id}/maintenance")
    Mono<ResponseEntity<Map<String, Object>>> startMaintenance(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                               @PathVariable String id,
                                                               @RequestParam(value = "reason", required = false) String reason) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        String why = MaintenanceReason.of(reason);
        return clusters.change(context, id, new Activity("start_cluster_maintenance", TARGET, id, Map.of("reason", why)),
                new StartClusterMaintenance(id, context.accountId(), why));
    }

    @DeleteMapping("/{id}/maintenance")
    Mono<ResponseEntity<Map<String, Object>>> endMaintenance(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                             @PathVariable String id) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        return clusters.change(context, id, new Activity("end_cluster_maintenance", TARGET, id, Map.of()),
                new EndClusterMaintenance(id, context.accountId()));
    }

    @PostMapping("/{id}/record_success")
    Mono<ResponseEntity<Map<String, Object>>> recordSuccess(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                            @PathVariable String id) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        return clusters.change(context, id, new Activity("record_cluster_success", TARGET, id, Map.of()),
                new RecordClusterRecovery(id, context.accountId()));
    }

    @GetMapping("/{id}/health")
    Mono<Map<String, Object>> health(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return queries.ask(new FindClusterHealth(ApiCaller.of(jwt).accountId(), id), ClusterHealth.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("cluster " + id)))
                .map(health -> Map.of("health", health));
    }
}
