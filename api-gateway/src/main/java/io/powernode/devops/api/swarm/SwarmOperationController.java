package io.powernode.devops.api.swarm;

import io.powernode.devops.api.ApiProblem;
import io.powernode.devops.api.AuditedCommands.Activity;
import io.powernode.devops.api.OffEventLoop;
import io.powernode.devops.api.Paging;
import io.powernode.devops.api.Queries;
import io.powernode.devops.api.RequestContext;
import io.powernode.devops.api.StableIds;
import io.powernode.devops.api.swarm.SwarmOperations.Outcome;
import io.powernode.devops.api.swarm.SwarmOperations.Target;
import io.powernode.devops.app.security.ApiCaller;
import io.powernode.devops.kernel.swarm.ClusterCommands.InitSwarmCluster;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindCluster;
import io.powernode.devops.kernel.swarm.ClusterViews.ClusterView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmConfigView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmNetworkView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmNodeView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmSecretView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmServiceView;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;
import io.powernode.devops.kernel.swarm.SwarmOperation;
import io.powernode.devops.kernel.swarm.SwarmOperation.ChangeNodeRole;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveConfig;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveNetwork;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveNode;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveSecret;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveService;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveVolume;
import io.powernode.devops.kernel.swarm.SwarmOperation.RollbackService;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateUnlockKey;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Everything users ask Docker to do on a swarm (SwarmManager, NodeManager, ServiceManager, SecretManager,
 * NetworkManager, VolumeManager): each request becomes one audited swarm operation, answered with its outcome
 * by {@link SwarmOperations}. A request addressed to a cluster or an object is checked against the account's
 * read model first (404 when the account has none), then its body ({@link SwarmRequests}, 400 naming the fields).
 */
@RestController
@RequestMapping(SwarmPaths.BASE)
class SwarmOperationController {

    private static final String NODE = "swarm_node";
    private static final String SERVICE = "swarm_service";
    private static final String SECRET = "swarm_secret";
    private static final String CONFIG = "swarm_config";
    private static final String NETWORK = "swarm_network";
    private static final String VOLUME = "swarm_volume";

    private final SwarmRequests requests;
    private final SwarmOperations operations;
    private final SwarmObjects objects;
    private final HostEndpoints hostEndpoints;
    private final Queries queries;

    SwarmOperationController(SwarmRequests requests, SwarmOperations operations, SwarmObjects objects,
                             HostEndpoints hostEndpoints, Queries queries) {
        this.requests = requests;
        this.operations = operations;
        this.objects = objects;
        this.hostEndpoints = hostEndpoints;
        this.queries = queries;
    }

    // --- the swarm itself ---

    /** Creates a cluster by initialising a swarm on a registered host, reached with the host's stored credentials. */
    @PostMapping("/clusters/init")
    Mono<ResponseEntity<Map<String, Object>>> init(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                   @RequestBody(required = false) String body) {
        RequestContext context = context(jwt, exchange);
        String clusterId = StableIds.forRequest(context, ClusterController.TARGET);
        String operationId = operations.operationId(context);
        return OffEventLoop.call(() -> requests.clusterInit(body))
                .flatMap(init -> hostEndpoints.of(context.accountId(), init.hostId(), "cluster.host_id")
                        .flatMap(host -> operations.submit(context, clusterId, operationId,
                                new Activity(SwarmOperation.typeOf(init.init()), ClusterController.TARGET, clusterId,
                                        init.auditParameters(clusterId)),
                                new InitSwarmCluster(clusterId, context.accountId(), init.name(),
                                        host.connection().apiEndpoint(),
                                        init.environment() != null ? init.environment() : host.environment(),
                                        host.connection().tlsVerify(), host.connection().credentials(),
                                        init.syncIntervalSeconds(), operationId, init.init()),
                                Outcome.createdAs("cluster", ClusterController.BASE, clusterId))));
    }

    @PostMapping("/clusters/{id}/join")
    Mono<ResponseEntity<Map<String, Object>>> join(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                   @PathVariable String id, @RequestBody(required = false) String body) {
        return onCluster(context(jwt, exchange), id, () -> requests.join(body),
                Outcome.created("node", SwarmPaths.BASE + "/nodes"));
    }

    @PostMapping("/clusters/{id}/leave")
    Mono<ResponseEntity<Map<String, Object>>> leave(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                    @PathVariable String id, @RequestBody(required = false) String body) {
        return onCluster(context(jwt, exchange), id, () -> requests.leave(body), Outcome.changed("cluster", id));
    }

    @PutMapping("/clusters/{id}/swarm")
    Mono<ResponseEntity<Map<String, Object>>> settings(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                       @PathVariable String id, @RequestBody(required = false) String body) {
        return onCluster(context(jwt, exchange), id, () -> requests.swarmSettings(body), Outcome.changed("cluster", id));
    }

    @PostMapping("/clusters/{id}/join_tokens/rotate")
    Mono<ResponseEntity<Map<String, Object>>> rotateJoinTokens(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                               @PathVariable String id,
                                                               @RequestBody(required = false) String body) {
        return onCluster(context(jwt, exchange), id, () -> requests.tokenRotation(body), Outcome.changed("cluster", id));
    }

    @PostMapping("/clusters/{id}/unlock_key/rotate")
    Mono<ResponseEntity<Map<String, Object>>> rotateUnlockKey(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                              @PathVariable String id) {
        return onCluster(context(jwt, exchange), id, () -> new OperationRequest(null, new RotateUnlockKey()),
                Outcome.changed("cluster", id));
    }

    // --- nodes ---

    @PostMapping("/nodes/{id}/availability")
    Mono<ResponseEntity<Map<String, Object>>> availability(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                           @PathVariable String id, @RequestBody(required = false) String body) {
        RequestContext context = context(jwt, exchange);
        return onNode(context, id, () -> requests.nodeAvailability(id, body));
    }

    @PostMapping("/nodes/{id}/labels")
    Mono<ResponseEntity<Map<String, Object>>> labels(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                     @PathVariable String id, @RequestBody(required = false) String body) {
        RequestContext context = context(jwt, exchange);
        return onNode(context, id, () -> requests.nodeLabels(id, body));
    }

    @PostMapping("/nodes/{id}/promote")
    Mono<ResponseEntity<Map<String, Object>>> promote(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                      @PathVariable String id) {
        RequestContext context = context(jwt, exchange);
        return onNode(context, id, () -> new OperationRequest(null, new ChangeNodeRole(id, NodeRole.manager, false)));
    }

    /** A demote that would break quorum is refused unless {@code ?force=true}. */
    @PostMapping("/nodes/{id}/demote")
    Mono<ResponseEntity<Map<String, Object>>> demote(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                     @PathVariable String id,
                                                     @RequestParam(value = "force", required = false) String force) {
        RequestContext context = context(jwt, exchange);
        boolean forced = Paging.flag("force", force);
        return onNode(context, id, () -> new OperationRequest(null, new ChangeNodeRole(id, NodeRole.worker, forced)));
    }

    /** Removing a manager the quorum needs is refused unless {@code ?force=true}. */
    @DeleteMapping("/nodes/{id}")
    Mono<ResponseEntity<Map<String, Object>>> removeNode(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                         @PathVariable String id,
                                                         @RequestParam(value = "force", required = false) String force) {
        RequestContext context = context(jwt, exchange);
        boolean forced = Paging.flag("force", force);
        return onNode(context, id, () -> new OperationRequest(null, new RemoveNode(id, forced)));
    }

    // --- services ---

    @PostMapping("/services")
    Mono<ResponseEntity<Map<String, Object>>> createService(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                            @RequestBody(required = false) String body) {
        return creation(context(jwt, exchange), () -> requests.serviceCreation(body),
                Outcome.created("service", SwarmPaths.BASE + "/services"));
    }

    @PutMapping("/services/{id}")
    Mono<ResponseEntity<Map<String, Object>>> updateService(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                            @PathVariable String id, @RequestBody(required = false) String body) {
        RequestContext context = context(jwt, exchange);
        return onService(context, id, () -> requests.serviceUpdate(id, body));
    }

    @PostMapping("/services/{id}/scale")
    Mono<ResponseEntity<Map<String, Object>>> scale(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                    @PathVariable String id, @RequestBody(required = false) String body) {
        RequestContext context = context(jwt, exchange);
        return onService(context, id, () -> requests.serviceScale(id, body));
    }

    /** Docker's own rollback to the service's previous spec (the runbook's "Rolling Back a Swarm Service"). */
    @PostMapping("/services/{id}/rollback")
    Mono<ResponseEntity<Map<String, Object>>> rollback(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                       @PathVariable String id) {
        RequestContext context = context(jwt, exchange);
        return onService(context, id, () -> new OperationRequest(null, new RollbackService(id)));
    }

    @DeleteMapping("/services/{id}")
    Mono<ResponseEntity<Map<String, Object>>> removeService(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                            @PathVariable String id) {
        RequestContext context = context(jwt, exchange);
        return onService(context, id, () -> new OperationRequest(null, new RemoveService(id)));
    }

    // --- secrets and configs ---

    @PostMapping("/secrets")
    Mono<ResponseEntity<Map<String, Object>>> createSecret(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                           @RequestBody(required = false) String body) {
        return creation(context(jwt, exchange), () -> requests.secretCreation(body),
                Outcome.created("secret", SwarmPaths.BASE + "/secrets"));
    }

    @PutMapping("/secrets/{id}")
    Mono<ResponseEntity<Map<String, Object>>> secretLabels(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                           @PathVariable String id, @RequestBody(required = false) String body) {
        RequestContext context = context(jwt, exchange);
        return onSecret(context, id, () -> requests.secretLabels(id, body));
    }

    /** Answers the new version's id: the old one is gone once every service uses the new one. */
    @PostMapping("/secrets/{id}/rotate")
    Mono<ResponseEntity<Map<String, Object>>> rotateSecret(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                           @PathVariable String id, @RequestBody(required = false) String body) {
        RequestContext context = context(jwt, exchange);
        return onSecret(context, id, () -> requests.secretRotation(id, body), Outcome.replaced("secret"));
    }

    @DeleteMapping("/secrets/{id}")
    Mono<ResponseEntity<Map<String, Object>>> removeSecret(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                           @PathVariable String id) {
        RequestContext context = context(jwt, exchange);
        return onSecret(context, id, () -> new OperationRequest(null, new RemoveSecret(id)));
    }

    @PostMapping("/configs")
    Mono<ResponseEntity<Map<String, Object>>> createConfig(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                           @RequestBody(required = false) String body) {
        return creation(context(jwt, exchange), () -> requests.configCreation(body),
                Outcome.created("config", SwarmPaths.BASE + "/configs"));
    }

    /** Answers the new version's id, as a secret's rotation does. */
    @PostMapping("/configs/{id}/rotate")
    Mono<ResponseEntity<Map<String, Object>>> rotateConfig(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                           @PathVariable String id, @RequestBody(required = false) String body) {
        RequestContext context = context(jwt, exchange);
        return onConfig(context, id, () -> requests.configRotation(id, body), Outcome.replaced("config"));
    }

    @DeleteMapping("/configs/{id}")
    Mono<ResponseEntity<Map<String, Object>>> removeConfig(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                           @PathVariable String id) {
        RequestContext context = context(jwt, exchange);
        return onConfig(context, id, () -> new OperationRequest(null, new RemoveConfig(id)));
    }

    // --- networks and volumes ---

    @PostMapping("/networks")
    Mono<ResponseEntity<Map<String, Object>>> createNetwork(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                            @RequestBody(required = false) String body) {
        return creation(context(jwt, exchange), () -> requests.networkCreation(body),
                Outcome.created("network", SwarmPaths.BASE + "/networks"));
    }

    @DeleteMapping("/networks/{id}")
    Mono<ResponseEntity<Map<String, Object>>> removeNetwork(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                            @PathVariable String id) {
        RequestContext context = context(jwt, exchange);
        return onObject(context, objects.network(context.accountId(), id).map(SwarmNetworkView::clusterId),
                new Target(NETWORK, id), () -> new OperationRequest(null, new RemoveNetwork(id)),
                Outcome.changed("network", id));
    }

    /** A volume is addressed by its name and cluster ({@code GET /volumes/:name?cluster_id=}): no Location. */
    @PostMapping("/volumes")
    Mono<ResponseEntity<Map<String, Object>>> createVolume(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                           @RequestBody(required = false) String body) {
        return creation(context(jwt, exchange), () -> requests.volumeCreation(body), Outcome.created("volume", null));
    }

    @DeleteMapping("/volumes/{name}")
    Mono<ResponseEntity<Map<String, Object>>> removeVolume(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                           @PathVariable String name,
                                                           @RequestParam(value = "cluster_id", required = false) String clusterId,
                                                           @RequestParam(value = "force", required = false) String force) {
        RequestContext context = context(jwt, exchange);
        String cluster = SwarmInventoryController.requiredClusterId(clusterId);
        boolean forced = Paging.flag("force", force);
        return onObject(context, objects.volume(context.accountId(), cluster, name).map(volume -> cluster),
                new Target(VOLUME, name), () -> new OperationRequest(null, new RemoveVolume(name, forced)),
                Outcome.changed("volume", name));
    }

    // --- how each kind of request becomes an operation ---

    /** An operation on the swarm of a cluster the account has (404 otherwise), audited against the cluster. */
    private Mono<ResponseEntity<Map<String, Object>>> onCluster(RequestContext context, String clusterId,
                                                                Callable<OperationRequest> parse, Outcome outcome) {
        Mono<String> cluster = queries.ask(new FindCluster(context.accountId(), clusterId), ClusterView.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("cluster " + clusterId)))
                .map(ClusterView::id);
        return onObject(context, cluster, Target.cluster(clusterId), parse, outcome);
    }

    /** An operation on an object of the account's inventory, sent to the cluster that holds it. */
    private Mono<ResponseEntity<Map<String, Object>>> onObject(RequestContext context, Mono<String> clusterOfObject,
                                                               Target target, Callable<OperationRequest> parse,
                                                               Outcome outcome) {
        return clusterOfObject.flatMap(clusterId -> OffEventLoop.call(parse).flatMap(request -> operations.run(
                context, clusterId, request.operation(), target, outcome)));
    }

    /** A creation on the cluster its body names; the aggregate refuses a cluster of another account as missing. */
    private Mono<ResponseEntity<Map<String, Object>>> creation(RequestContext context, Callable<OperationRequest> parse,
                                                               Outcome outcome) {
        return OffEventLoop.call(parse).flatMap(request -> operations.run(context, request.clusterId(),
                request.operation(), Target.cluster(request.clusterId()), outcome));
    }

    private Mono<ResponseEntity<Map<String, Object>>> onNode(RequestContext context, String id,
                                                             Callable<OperationRequest> parse) {
        return onNode(context, id, parse, Outcome.changed("node", id));
    }

    private Mono<ResponseEntity<Map<String, Object>>> onNode(RequestContext context, String id,
                                                             Callable<OperationRequest> parse, Outcome outcome) {
        return onObject(context, objects.node(context.accountId(), id).map(SwarmNodeView::clusterId),
                new Target(NODE, id), parse, outcome);
    }

    private Mono<ResponseEntity<Map<String, Object>>> onService(RequestContext context, String id,
                                                             Callable<OperationRequest> parse) {
        return onService(context, id, parse, Outcome.changed("service", id));
    }

    private Mono<ResponseEntity<Map<String, Object>>> onService(RequestContext context, String id,
                                                             Callable<OperationRequest> parse, Outcome outcome) {
        return onObject(context, objects.service(context.accountId(), id).map(SwarmServiceView::clusterId),
                new Target(SERVICE, id), parse, outcome);
    }

    private Mono<ResponseEntity<Map<String, Object>>> onSecret(RequestContext context, String id,
                                                             Callable<OperationRequest> parse) {
        return onSecret(context, id, parse, Outcome.changed("secret", id));
    }

    private Mono<ResponseEntity<Map<String, Object>>> onSecret(RequestContext context, String id,
                                                             Callable<OperationRequest> parse, Outcome outcome) {
        return onObject(context, objects.secret(context.accountId(), id).map(SwarmSecretView::clusterId),
                new Target(SECRET, id), parse, outcome);
    }

    private Mono<ResponseEntity<Map<String, Object>>> onConfig(RequestContext context, String id,
                                                             Callable<OperationRequest> parse) {
        return onConfig(context, id, parse, Outcome.changed("config", id));
    }

    private Mono<ResponseEntity<Map<String, Object>>> onConfig(RequestContext context, String id,
                                                             Callable<OperationRequest> parse, Outcome outcome) {
        return onObject(context, objects.config(context.accountId(), id).map(SwarmConfigView::clusterId),
                new Target(CONFIG, id), parse, outcome);
    }

    private static RequestContext context(Jwt jwt, ServerWebExchange exchange) {
        return RequestContext.of(ApiCaller.of(jwt), exchange);
    }
}
