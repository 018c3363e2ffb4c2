package io.powernode.devops.api.stack;

import io.powernode.devops.api.ApiProblem;
import io.powernode.devops.api.AuditedCommands.Activity;
import io.powernode.devops.api.OffEventLoop;
import io.powernode.devops.api.Paging;
import io.powernode.devops.api.Queries;
import io.powernode.devops.api.RequestContext;
import io.powernode.devops.app.security.ApiCaller;
import io.powernode.devops.kernel.stack.DeploymentPhase;
import io.powernode.devops.kernel.stack.StackCommands.AbortDeployment;
import io.powernode.devops.kernel.stack.StackCommands.PauseDeployment;
import io.powernode.devops.kernel.stack.StackCommands.PromoteDeployment;
import io.powernode.devops.kernel.stack.StackCommands.RedeployRevision;
import io.powernode.devops.kernel.stack.StackCommands.ResumeDeployment;
import io.powernode.devops.kernel.stack.StackCommands.RetryDeployment;
import io.powernode.devops.kernel.stack.StackCommands.RollbackDeployment;
import io.powernode.devops.kernel.stack.StackQueries.ListDeployments;
import io.powernode.devops.kernel.stack.StackViews.DeploymentPage;
import io.powernode.devops.kernel.stack.StackViews.DeploymentView;
import io.powernode.devops.kernel.stack.Strategy;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Deployments: the history of every deploy of a stack, each with its revision, strategy, phase and timeline; the
 * runbook's stack rollback ({@code redeploy} of an earlier revision), {@code rollback} of a deployment, and the
 * controls of a rollout: promote, pause, resume, abort, retry. What starts a deployment (redeploy, rollback, retry)
 * is refused while the stack's cluster is in maintenance, as a deploy is.
 */
@RestController
@RequestMapping(DeploymentAnswers.DEPLOYMENTS)
class DeploymentController {

    static final String TARGET = "swarm_deployment";

    private final DeploymentAnswers deployments;
    private final StackRequests requests;
    private final DeployableClusters clusters;
    private final Queries queries;

    DeploymentController(DeploymentAnswers deployments, StackRequests requests, DeployableClusters clusters,
                         Queries queries) {
        this.deployments = deployments;
        this.requests = requests;
        this.clusters = clusters;
        this.queries = queries;
    }

    @GetMapping
    Mono<Map<String, Object>> list(@AuthenticationPrincipal Jwt jwt, @RequestParam MultiValueMap<String, String> query) {
        ListDeployments list = new ListDeployments(ApiCaller.of(jwt).accountId(), query.getFirst("cluster_id"),
                query.getFirst("stack_id"), query.getFirst("service"),
                Paging.enumFilter(query, "phase", DeploymentPhase.class), Paging.from(query));
        return queries.ask(list, DeploymentPage.class).map(page -> Paging.body("deployments",
                page.items().stream().map(DeploymentJson::of).toList(), page.page()));
    }

    @GetMapping("/{id}")
    Mono<Map<String, Object>> show(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return deployments.find(ApiCaller.of(jwt).accountId(), id)
                .map(deployment -> Map.of("deployment", DeploymentJson.of(deployment)));
    }

    /** The deployment's revision deployed again (the runbook's stack rollback), rolling unless a strategy is given. */
    @PostMapping("/{id}/redeploy")
    Mono<ResponseEntity<Map<String, Object>>> redeploy(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                       @PathVariable String id,
                                                       @RequestBody(required = false) String body) {
        return startsAnother(jwt, exchange, id, body, "redeploy_deployment",
                (deployment, strategy, newId) -> new RedeployRevision(deployment.stackId(), deployment.accountId(),
                        deployment.id(), newId, strategy));
    }

    /**
     * Undoes the deployment: in place while a blue-green or canary one runs (the stable version gets the endpoint
     * back), else by deploying the revision before it, every service of the stack restored.
     */
    @PostMapping("/{id}/rollback")
    Mono<ResponseEntity<Map<String, Object>>> rollback(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                       @PathVariable String id,
                                                       @RequestBody(required = false) String body) {
        return startsAnother(jwt, exchange, id, body, "rollback_deployment",
                (deployment, strategy, newId) -> new RollbackDeployment(deployment.stackId(), deployment.accountId(),
                        deployment.id(), newId, strategy));
    }

    /** Runs an aborted, rolled back, failed or degraded deployment again, from its start. */
    @PostMapping("/{id}/retry")
    Mono<ResponseEntity<Map<String, Object>>> retry(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                    @PathVariable String id) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        return deployments.find(context.accountId(), id).flatMap(deployment -> clusters
                .require(context.accountId(), deployment.clusterId())
                .then(deployments.started(context, activity("retry_deployment", deployment, Map.of()),
                        new RetryDeployment(deployment.stackId(), context.accountId(), id), id,
                        view -> view.attempt() > deployment.attempt(), Map.of())));
    }

    /** Passes a step that waits for a promote, or the current one; {@code ?full=true} skips every step left. */
    @PostMapping("/{id}/promote")
    Mono<ResponseEntity<Map<String, Object>>> promote(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                      @PathVariable String id,
                                                      @RequestParam(value = "full", required = false) String full) {
        boolean fully = Paging.flag("full", full);
        return steer(jwt, exchange, id, "promote_deployment", Map.of("full", fully), true,
                deployment -> new PromoteDeployment(deployment.stackId(), deployment.accountId(), id, fully));
    }

    @PostMapping("/{id}/pause")
    Mono<ResponseEntity<Map<String, Object>>> pause(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                    @PathVariable String id) {
        return steer(jwt, exchange, id, "pause_deployment", Map.of(), false,
                deployment -> new PauseDeployment(deployment.stackId(), deployment.accountId(), id));
    }

    @PostMapping("/{id}/resume")
    Mono<ResponseEntity<Map<String, Object>>> resume(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                     @PathVariable String id) {
        return steer(jwt, exchange, id, "resume_deployment", Map.of(), true,
                deployment -> new ResumeDeployment(deployment.stackId(), deployment.accountId(), id));
    }

    /** The stable version gets the endpoint back at once; the new one is removed. */
    @PostMapping("/{id}/abort")
    Mono<ResponseEntity<Map<String, Object>>> abort(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange,
                                                    @PathVariable String id) {
        return steer(jwt, exchange, id, "abort_deployment", Map.of(), true,
                deployment -> new AbortDeployment(deployment.stackId(), deployment.accountId(), id));
    }

    /** A command that makes a new deployment of a revision the deployment {@code id} names. */
    private interface AnotherDeployment {
        Object command(DeploymentView deployment, Strategy strategy, String newDeploymentId);
    }

    private Mono<ResponseEntity<Map<String, Object>>> startsAnother(Jwt jwt, ServerWebExchange exchange, String id,
                                                                    String body, String action,
                                                                    AnotherDeployment another) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        return deployments.find(context.accountId(), id).flatMap(deployment -> OffEventLoop
                .call(() -> requests.deploymentStrategy(body))
                .flatMap(strategy -> {
                    String newId = DeploymentAnswers.newDeploymentId(context, deployment.stackId());
                    return clusters.require(context.accountId(), deployment.clusterId())
                            .then(deployments.started(context, activity(action, deployment,
                                            Map.of("new_deployment_id", newId, "strategy", Strategy.typeOf(strategy))),
                                    another.command(deployment, strategy, newId), newId, view -> true, Map.of()));
                }));
    }

    /**
     * @param movesRollout whether the command sets the rollout acting on Docker again (promote, resume, abort): then
     *                     a cluster in maintenance refuses it, where its operations would be refused one by one and
     *                     the deployment fail; a pause acts on nothing and is taken
     */
    private Mono<ResponseEntity<Map<String, Object>>> steer(Jwt jwt, ServerWebExchange exchange, String id,
                                                            String action, Map<String, Object> parameters,
                                                            boolean movesRollout,
                                                            Function<DeploymentView, Object> command) {
        RequestContext context = RequestContext.of(ApiCaller.of(jwt), exchange);
        return deployments.find(context.accountId(), id).flatMap(deployment -> (movesRollout
                ? clusters.require(context.accountId(), deployment.clusterId()).then()
                : Mono.<Void>empty())
                .then(deployments.steered(context, activity(action, deployment, parameters),
                        command.apply(deployment), deployment)));
    }

    private static Activity activity(String action, DeploymentView deployment, Map<String, Object> parameters) {
        Map<String, Object> all = new LinkedHashMap<>(parameters);
        all.put("stack_id", deployment.stackId());
        all.put("revision", deployment.revision());
        return new Activity(action, TARGET, deployment.id(), all);
    }
}
