package io.powernode.devops.api.host;

import io.powernode.devops.api.ApiProblem;
import io.powernode.devops.api.AuditedCommands;
import io.powernode.devops.api.AuditedCommands.Activity;
import io.powernode.devops.api.Paging;
import io.powernode.devops.api.Queries;
import io.powernode.devops.api.RequestContext;
import io.powernode.devops.app.security.ApiCaller;
import io.powernode.devops.kernel.common.PageRequest;
import io.powernode.devops.kernel.host.HostCommands.EndHostMaintenance;
import io.powernode.devops.kernel.host.HostCommands.RecordHostRecovery;
import io.powernode.devops.kernel.host.HostCommands.RegisterHost;
import io.powernode.devops.kernel.host.HostCommands.RemoveHost;
import io.powernode.devops.kernel.host.HostCommands.StartHostMaintenance;
import io.powernode.devops.kernel.host.HostCommands.UpdateHost;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.host.HostQueries.ListHosts;
import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.host.HostViews.HostPage;
import io.powernode.devops.kernel.host.HostViews.HostView;
import io.powernode.devops.kernel.host.SealedCredentials;
import io.powernode.devops.secrets.CredentialSealer;
import org.springframework.http.HttpStatus;
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
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/** The runbook's Docker host endpoints, plus maintenance and manual recovery. */
@RestController
@RequestMapping("/api/v1/devops/docker/hosts")
class HostController {

    private static final String TARGET = "docker_host";

    private final HostRequests requests;
    private final AuditedCommands commands;
    private final HostReader hosts;
    private final Queries queries;
    private final CredentialSealer sealer;

    HostController(HostRequests requests, AuditedCommands commands, HostReader hosts, Queries queries,
                   CredentialSealer sealer) {
        this.requests = requests;
        this.commands = commands;
        this.hosts = hosts;
        this.queries = queries;
        this.sealer = sealer;
    }

    @PostMapping
    Mono<ResponseEntity<Map<String, Object>>> register(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                       @RequestBody(required = false) String body) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        return offEventLoop(() -> requests.registration(body)).flatMap(input -> register(context, input));
    }

    private Mono<ResponseEntity<Map<String, Object>>> register(RequestContext context, HostInput input) {
        String hostId = hostIdFor(context);
        RegisterHost command = new RegisterHost(hostId, context.accountId(), input.name(), input.apiEndpoint(),
                input.environment(), input.tlsVerify(), seal(input), input.syncIntervalSeconds());
        Mono<ResponseEntity<Map<String, Object>>> registered = commands
                .send(context, new Activity("register_host", TARGET, hostId, input.auditParameters()), command)
                .then(respond(context, hostId, 0L, HttpStatus.CREATED));
        if (context.idempotencyKey() == null) {
            return registered;
        }
        // a retried POST with the same Idempotency-Key finds the host it already created
        return hosts.find(context.accountId(), hostId)
                .flatMap(existing -> respond(context, hostId, 0L, HttpStatus.OK))
                .switchIfEmpty(registered);
    }

    @GetMapping
    Mono<Map<String, Object>> list(@AuthenticationPrincipal Jwt jwt, @RequestParam MultiValueMap<String, String> query) {
        ApiCaller caller = ApiCaller.of(jwt);
        PageRequest page = Paging.from(query);
        ConnectionStatus status = enumFilter(query, "status", ConnectionStatus.values(), ConnectionStatus::valueOf);
        DeploymentEnvironment environment = enumFilter(query, "environment", DeploymentEnvironment.values(), DeploymentEnvironment::valueOf);
        return queries.ask(new ListHosts(caller.accountId(), status, environment, page), HostPage.class)
                .flatMap(result -> hosts.lastSyncTimes(result.items().stream().map(HostView::id).toList())
                        .map(synced -> Paging.body("hosts",
                                result.items().stream().map(h -> HostJson.of(h, synced.get(h.id()))).toList(),
                                result.page())));
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<Map<String, Object>>> show(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        ApiCaller caller = ApiCaller.of(jwt);
        return hosts.find(caller.accountId(), id)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("host " + id)))
                .flatMap(host -> body(host).map(json -> ResponseEntity.ok().eTag(etag(host)).body(json)));
    }

    @PutMapping("/{id}")
    Mono<ResponseEntity<Map<String, Object>>> update(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                     @PathVariable String id,
                                                     @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                     @RequestBody(required = false) String body) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        Long expectedVersion = expectedVersion(ifMatch);
        return offEventLoop(() -> requests.update(body)).flatMap(input -> run(context,
                new Activity("update_host", TARGET, id, input.auditParameters()), id,
                new UpdateHost(id, context.accountId(), input.name(), input.apiEndpoint(), input.environment(),
                        input.tlsVerify(), seal(input), input.removeTls(), input.syncIntervalSeconds(), expectedVersion)));
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> remove(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange, @PathVariable String id) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        return commands.send(context, new Activity("remove_host", TARGET, id, Map.of()), new RemoveHost(id, context.accountId()))
                .then(hosts.awaitGone(context.accountId(), id))
                .map(gone -> gone ? ResponseEntity.noContent().build() : ResponseEntity.accepted().build());
    }

    @PostMapping("/{id}/maintenance")
    Mono<ResponseEntity<Map<String, Object>>> startMaintenance(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                               @PathVariable String id,
                                                               @RequestParam(value = "reason", required = false) String reason) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        String why = reason == null || reason.isBlank() ? "taken offline by an operator" : reason.trim();
        if (why.length() > 500) {
            throw ApiProblem.invalid("reason", "must be at most 500 characters");
        }
        return run(context, new Activity("start_host_maintenance", TARGET, id, Map.of("reason", why)), id,
                new StartHostMaintenance(id, context.accountId(), why));
    }

    @DeleteMapping("/{id}/maintenance")
    Mono<ResponseEntity<Map<String, Object>>> endMaintenance(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                             @PathVariable String id) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        return run(context, new Activity("end_host_maintenance", TARGET, id, Map.of()), id,
                new EndHostMaintenance(id, context.accountId()));
    }

    @PostMapping("/{id}/record_success")
    Mono<ResponseEntity<Map<String, Object>>> recordSuccess(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                            @PathVariable String id) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        return run(context, new Activity("record_host_success", TARGET, id, Map.of()), id,
                new RecordHostRecovery(id, context.accountId()));
    }

    /** Sends a command on an existing host, then answers with the host as of the version it produced. */
    private Mono<ResponseEntity<Map<String, Object>>> run(RequestContext context, Activity activity, String hostId,
                                                          Object command) {
        return commands.send(context, activity, command)
                .map(version -> ((Number) version).longValue())
                .defaultIfEmpty(0L)
                .flatMap(version -> respond(context, hostId, version, HttpStatus.OK));
    }

    /** 2xx with the host once the read model shows it; 202 with what it shows if it lags past the bounded wait. */
    private Mono<ResponseEntity<Map<String, Object>>> respond(RequestContext context, String hostId, long version,
                                                              HttpStatus status) {
        URI location = URI.create("/api/v1/devops/docker/hosts/" + hostId);
        return hosts.awaitVersion(context.accountId(), hostId, version)
                .flatMap(fresh -> body(fresh.host()).map(json -> ResponseEntity
                        .status(fresh.current() ? status : HttpStatus.ACCEPTED)
                        .location(location).eTag(etag(fresh.host())).body(json)))
                .defaultIfEmpty(ResponseEntity.status(HttpStatus.ACCEPTED).location(location)
                        .body(Map.of("host", Map.of("id", hostId))));
    }

    private Mono<Map<String, Object>> body(HostView host) {
        return hosts.lastSyncTimes(List.of(host.id()))
                .map(synced -> Map.of("host", HostJson.of(host, synced.get(host.id()))));
    }

    /** Parsing PEM, checking a key against its certificate and sealing are CPU work Netty's event loop must not do. */
    private static <T> Mono<T> offEventLoop(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }

    private SealedCredentials seal(HostInput input) {
        return input.tls() == null ? null : sealer.seal(input.tls());
    }

    /** With an Idempotency-Key the id is derived from it, so a retried registration targets the same host. */
    private static String hostIdFor(RequestContext context) {
        if (context.idempotencyKey() == null) {
            return UUID.randomUUID().toString();
        }
        String seed = "docker_host:" + context.accountId() + ":" + context.idempotencyKey();
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String etag(HostView host) {
        return "\"" + host.version() + "\"";
    }

    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String value = ifMatch.trim().replace("W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("If-Match", "must be the host's version as its ETag gives it, e.g. \"7\"");
        }
    }

    private static <E extends Enum<E>> E enumFilter(MultiValueMap<String, String> query, String name, E[] values,
                                                    java.util.function.Function<String, E> parse) {
        String value = Paging.oneOf(query, name, Arrays.stream(values).map(Enum::name).toList());
        return value == null ? null : parse.apply(value);
    }
}
