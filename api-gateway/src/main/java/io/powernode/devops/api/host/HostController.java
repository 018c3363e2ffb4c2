package io.powernode.devops.api.host;

import io.powernode.devops.api.AuditedCommands.Activity;
import io.powernode.devops.api.OffEventLoop;
import io.powernode.devops.api.Paging;
import io.powernode.devops.api.Queries;
import io.powernode.devops.api.RequestContext;
import io.powernode.devops.api.StableIds;
import io.powernode.devops.api.VersionedResource;
import io.powernode.devops.api.VersionedResources;
import io.powernode.devops.api.Versions;
import io.powernode.devops.api.endpoint.EndpointForm;
import io.powernode.devops.api.endpoint.EndpointInput;
import io.powernode.devops.api.endpoint.EndpointRequests;
import io.powernode.devops.api.endpoint.MaintenanceReason;
import io.powernode.devops.api.endpoint.SyncTimes;
import io.powernode.devops.app.security.ApiCaller;
import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.host.HostCommands.EndHostMaintenance;
import io.powernode.devops.kernel.host.HostCommands.RecordHostRecovery;
import io.powernode.devops.kernel.host.HostCommands.RegisterHost;
import io.powernode.devops.kernel.host.HostCommands.RemoveHost;
import io.powernode.devops.kernel.host.HostCommands.StartHostMaintenance;
import io.powernode.devops.kernel.host.HostCommands.UpdateHost;
import io.powernode.devops.kernel.host.HostQueries.FindHost;
import io.powernode.devops.kernel.host.HostQueries.ListHosts;
import io.powernode.devops.kernel.host.HostViews.HostPage;
import io.powernode.devops.kernel.host.HostViews.HostView;
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

/** The runbook's Docker host endpoints, plus maintenance and manual recovery. */
@RestController
@RequestMapping(HostController.BASE)
class HostController {

    static final String BASE = "/api/v1/devops/docker/hosts";
    private static final String TARGET = "docker_host";
    private static final EndpointForm FORM = new EndpointForm("host", "api_endpoint");

    private final EndpointRequests requests;
    private final VersionedResource<HostView> hosts;
    private final Queries queries;
    private final CredentialSealer sealer;

    HostController(EndpointRequests requests, VersionedResources resources, Queries queries, SyncTimes syncTimes,
                   CredentialSealer sealer) {
        this.requests = requests;
        this.queries = queries;
        this.sealer = sealer;
        this.hosts = resources.of(new VersionedResource.Shape<>("host", "hosts", BASE,
                (account, id) -> queries.ask(new FindHost(account, id), HostView.class), HostView::version,
                views -> syncTimes.lastAnswers(views.stream().map(HostView::id).toList())
                        .map(answered -> views.stream().map(h -> HostJson.of(h, answered.get(h.id()))).toList())));
    }

    @PostMapping
    Mono<ResponseEntity<Map<String, Object>>> register(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                       @RequestBody(required = false) String body) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        String hostId = StableIds.forRequest(context, TARGET);
        return OffEventLoop.call(() -> requests.registration(body, FORM)).flatMap(input -> hosts.create(context, hostId,
                new Activity("register_host", TARGET, hostId, input.auditParameters()),
                new RegisterHost(hostId, context.accountId(), input.name(), input.endpoint(), input.environment(),
                        input.tlsVerify(), input.sealedWith(sealer), input.syncIntervalSeconds())));
    }

    @GetMapping
    Mono<Map<String, Object>> list(@AuthenticationPrincipal Jwt jwt, @RequestParam MultiValueMap<String, String> query) {
        ApiCaller caller = ApiCaller.of(jwt);
        ListHosts list = new ListHosts(caller.accountId(), Paging.enumFilter(query, "status", ConnectionStatus.class),
                Paging.enumFilter(query, "environment", DeploymentEnvironment.class), Paging.from(query));
        return queries.ask(list, HostPage.class).flatMap(page -> hosts.page(page.items(), page.page()));
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<Map<String, Object>>> show(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return hosts.show(ApiCaller.of(jwt).accountId(), id);
    }

    @PutMapping("/{id}")
    Mono<ResponseEntity<Map<String, Object>>> update(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                     @PathVariable String id,
                                                     @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                     @RequestBody(required = false) String body) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        Long expectedVersion = Versions.expected(ifMatch, "host");
        return OffEventLoop.call(() -> requests.update(body, FORM)).flatMap(input -> hosts.change(context, id,
                new Activity("update_host", TARGET, id, input.auditParameters()), update(context, id, input, expectedVersion)));
    }

    private UpdateHost update(RequestContext context, String id, EndpointInput input, Long expectedVersion) {
        return new UpdateHost(id, context.accountId(), input.name(), input.endpoint(), input.environment(),
                input.tlsVerify(), input.sealedWith(sealer), input.removeTls(), input.syncIntervalSeconds(),
                expectedVersion);
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> remove(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange, @PathVariable String id) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        return hosts.remove(context, id, new Activity("remove_host", TARGET, id, Map.of()),
                new RemoveHost(id, context.accountId()));
    }

    @PostMapping("/{id}/maintenance")
    Mono<ResponseEntity<Map<String, Object>>> startMaintenance(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                               @PathVariable String id,
                                                               @RequestParam(value = "reason", required = false) String reason) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        String why = MaintenanceReason.of(reason);
        return hosts.change(context, id, new Activity("start_host_maintenance", TARGET, id, Map.of("reason", why)),
                new StartHostMaintenance(id, context.accountId(), why));
    }

    @DeleteMapping("/{id}/maintenance")
    Mono<ResponseEntity<Map<String, Object>>> endMaintenance(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                             @PathVariable String id) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        return hosts.change(context, id, new Activity("end_host_maintenance", TARGET, id, Map.of()),
                new EndHostMaintenance(id, context.accountId()));
    }

    @PostMapping("/{id}/record_success")
    Mono<ResponseEntity<Map<String, Object>>> recordSuccess(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                            @PathVariable String id) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        return hosts.change(context, id, new Activity("record_host_success", TARGET, id, Map.of()),
                new RecordHostRecovery(id, context.accountId()));
    }
}
