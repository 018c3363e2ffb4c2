package io.powernode.devops.api.stack;

import io.powernode.devops.api.ApiProblem;
import io.powernode.devops.api.AuditedCommands.Activity;
import io.powernode.devops.api.OffEventLoop;
import io.powernode.devops.api.Paging;
import io.powernode.devops.api.Queries;
import io.powernode.devops.api.RequestContext;
import io.powernode.devops.api.stack.StackConversion.Converted;
import io.powernode.devops.api.stack.StackRequests.StackDeploy;
import io.powernode.devops.api.swarm.SwarmOperations;
import io.powernode.devops.api.swarm.SwarmOperations.Outcome;
import io.powernode.devops.api.swarm.SwarmPaths;
import io.powernode.devops.app.security.ApiCaller;
import io.powernode.devops.kernel.stack.StackCommands.DeployStack;
import io.powernode.devops.kernel.stack.StackCommands.RemoveStack;
import io.powernode.devops.kernel.stack.StackIds;
import io.powernode.devops.kernel.stack.StackQueries.FindStack;
import io.powernode.devops.kernel.stack.StackQueries.ListStacks;
import io.powernode.devops.kernel.stack.StackViews.StackPage;
import io.powernode.devops.kernel.stack.StackViews.StackView;
import io.powernode.devops.kernel.stack.Strategy;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The runbook's StackManager: deploy (a compose file, as {@code docker stack deploy}), list, show, the services of
 * a stack and its status, update (a new compose file), remove (as {@code docker stack rm}). Stacks the CLI deployed
 * are listed beside the platform's and can be updated and removed the same way. Every deploy is a deployment,
 * followed at {@code /deployments/:id}.
 */
@RestController
@RequestMapping(StackController.BASE)
class StackController {

    static final String SWARM = SwarmPaths.BASE;
    static final String BASE = SWARM + "/stacks";
    static final String TARGET = "swarm_stack";

    private final StackRequests requests;
    private final StackConversion conversion;
    private final DeploymentAnswers deployments;
    private final SwarmOperations operations;
    private final DeployableClusters clusters;
    private final Queries queries;

    StackController(StackRequests requests, StackConversion conversion, DeploymentAnswers deployments,
                    SwarmOperations operations, DeployableClusters clusters, Queries queries) {
        this.requests = requests;
        this.conversion = conversion;
        this.deployments = deployments;
        this.operations = operations;
        this.clusters = clusters;
        this.queries = queries;
    }

    @PostMapping
    Mono<ResponseEntity<Map<String, Object>>> deploy(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                     @RequestBody(required = false) String body) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        return OffEventLoop.call(() -> requests.creation(body))
                .flatMap(deploy -> clusters.require(context.accountId(), deploy.clusterId())
                        .then(deploy(context, StackIds.of(deploy.clusterId(), deploy.name()), deploy, "deploy_stack")));
    }

    @PutMapping("/{id}")
    Mono<ResponseEntity<Map<String, Object>>> update(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                     @PathVariable String id, @RequestBody(required = false) String body) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        return stack(context.accountId(), id).flatMap(stack -> OffEventLoop.call(() -> requests.update(body, stack.name()))
                .flatMap(deploy -> clusters.require(context.accountId(), stack.clusterId())
                        .then(deploy(context, stack.id(), new StackDeploy(stack.clusterId(), stack.name(),
                                deploy.compose(), deploy.environment(), deploy.files(), deploy.options(),
                                deploy.strategy()), "update_stack"))));
    }

    @GetMapping
    Mono<Map<String, Object>> list(@AuthenticationPrincipal Jwt jwt, @RequestParam MultiValueMap<String, String> query) {
        ListStacks list = new ListStacks(ApiCaller.of(jwt).accountId(), query.getFirst("cluster_id"), Paging.from(query));
        return queries.ask(list, StackPage.class).map(page -> Paging.body("stacks",
                page.items().stream().map(StackJson::of).toList(), page.page()));
    }

    @GetMapping("/{id}")
    Mono<Map<String, Object>> show(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return stack(ApiCaller.of(jwt).accountId(), id).map(stack -> Map.of("stack", StackJson.of(stack)));
    }

    /** {@code docker stack services}: what the stack runs, rollout companions (green, canary, blue) included. */
    @GetMapping("/{id}/services")
    Mono<Map<String, Object>> services(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return stack(ApiCaller.of(jwt).accountId(), id)
                .map(stack -> Map.of("services", StackJson.services(stack.services())));
    }

    /** Whether the stack runs as asked: its status, each service's replicas and update, the deployment under way. */
    @GetMapping("/{id}/status")
    Mono<Map<String, Object>> status(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return stack(ApiCaller.of(jwt).accountId(), id).map(stack -> {
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("stack_id", stack.id());
            status.put("status", stack.status());
            status.put("active_deployment_id", stack.activeDeploymentId());
            status.put("last_deployment_id", stack.lastDeploymentId());
            status.put("last_deployment_phase", stack.lastDeploymentPhase());
            status.put("live_revision", stack.liveRevision());
            status.put("services", StackJson.services(stack.services()));
            return Map.of("status", status);
        });
    }

    /** Removes what the stack holds, as {@code docker stack rm}; answered with the removal's swarm operation. */
    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Map<String, Object>>> remove(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                     @PathVariable String id) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        String removalId = operations.operationId(context);
        return stack(context.accountId(), id).flatMap(stack -> clusters.require(context.accountId(), stack.clusterId())
                .then(operations.submit(context, stack.clusterId(), removalId,
                        new Activity("remove_stack", TARGET, stack.id(), Map.of("name", stack.name(),
                                "cluster_id", stack.clusterId())),
                        new RemoveStack(stack.id(), context.accountId(), stack.clusterId(), stack.name(), removalId),
                        Outcome.changed("stack", stack.id()))));
    }

    private Mono<ResponseEntity<Map<String, Object>>> deploy(RequestContext context, String stackId, StackDeploy deploy,
                                                             String action) {
        String deploymentId = DeploymentAnswers.newDeploymentId(context, stackId);
        return OffEventLoop.call(() -> conversion.convert(deploy)).flatMap(converted -> {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("stack", Map.of("id", stackId, "name", deploy.name(), "cluster_id", deploy.clusterId()));
            extra.put("warnings", converted.conversion().warnings());
            return deployments.started(context, new Activity(action, TARGET, stackId,
                            auditParameters(deploy, deploymentId, converted)),
                    new DeployStack(stackId, context.accountId(), deploy.clusterId(), deploy.name(), deploymentId,
                            converted.source(), converted.conversion().plan(), deploy.options(), deploy.strategy(),
                            converted.conversion().warnings()),
                    deploymentId, view -> true, extra);
        });
    }

    /** What a deploy asked for, as the audit keeps it: names and sizes, never a value of the environment or a file. */
    private static Map<String, Object> auditParameters(StackDeploy deploy, String deploymentId, Converted converted) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("cluster_id", deploy.clusterId());
        parameters.put("name", deploy.name());
        parameters.put("deployment_id", deploymentId);
        parameters.put("strategy", Strategy.typeOf(deploy.strategy()));
        parameters.put("compose_bytes", deploy.compose().length());
        parameters.put("services", converted.conversion().plan().services().stream().map(s -> s.service()).toList());
        parameters.put("environment_keys", StackConversion.keys(deploy.environment()));
        parameters.put("file_names", StackConversion.keys(deploy.files()));
        parameters.put("prune", deploy.options().prune());
        parameters.put("resolve_image", deploy.options().resolveImage().name());
        parameters.put("with_registry_auth", deploy.options().registryAuth() != null);
        return parameters;
    }

    private Mono<StackView> stack(String accountId, String stackId) {
        return queries.ask(new FindStack(accountId, stackId), StackView.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("stack " + stackId)));
    }
}
