package io.powernode.devops.api.stack;

import io.powernode.devops.api.ApiProblem;
import io.powernode.devops.api.AuditedCommands;
import io.powernode.devops.api.AuditedCommands.Activity;
import io.powernode.devops.api.Queries;
import io.powernode.devops.api.ReadModelWait;
import io.powernode.devops.api.RequestContext;
import io.powernode.devops.api.StableIds;
import io.powernode.devops.kernel.stack.StackQueries.FindDeployment;
import io.powernode.devops.kernel.stack.StackViews.DeploymentView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Sends a deployment command with its audited activity and answers with the deployment as the read model shows it
 * once the command's effect is there. A rollout runs for minutes, so nothing waits for it: a command that starts
 * one answers 202 with the deployment's address to follow (or its stream); one that steers it (promote, pause …)
 * answers 200 once the deployment shows the step, 202 if the read model is slower than the wait.
 */
@Component
class DeploymentAnswers {

    static final String DEPLOYMENTS = StackController.SWARM + "/deployments";
    private static final Duration POLL = Duration.ofMillis(50);

    private final AuditedCommands commands;
    private final Queries queries;
    private final Duration readModelWait;

    DeploymentAnswers(AuditedCommands commands, Queries queries,
                      @Value("${powernode.api.read-model-wait}") Duration readModelWait) {
        this.commands = commands;
        this.queries = queries;
        this.readModelWait = readModelWait;
    }

    /**
     * The id of the deployment a request starts on {@code stackId}: derived from its Idempotency-Key when it has one,
     * so that a retried request finds the deployment it started. Per stack: a key reused on another stack must not
     * give that stack a deployment id this one has, which would make two stacks' rollouts and read models one.
     */
    static String newDeploymentId(RequestContext context, String stackId) {
        return StableIds.forRequest(context, "stack_deployment:" + stackId);
    }

    /** The account's deployment, or 404. */
    Mono<DeploymentView> find(String accountId, String deploymentId) {
        return queries.ask(new FindDeployment(accountId, deploymentId), DeploymentView.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("deployment " + deploymentId)));
    }

    /**
     * Sends a command that starts a deployment (or a new attempt of one) and answers 202 with it, located at its
     * address. The command answers the deployment's id when the stack decides it (a rollback in place answers the
     * rolled back deployment's own id), else {@code deploymentId} is it.
     *
     * @param started whether the read model shows what the command started
     * @param extra   further members of the answer, e.g. the stack and the conversion's warnings
     */
    Mono<ResponseEntity<Map<String, Object>>> started(RequestContext context, Activity activity, Object command,
                                                      String deploymentId, Predicate<DeploymentView> started,
                                                      Map<String, Object> extra) {
        return commands.send(context, activity, command)
                .map(answer -> answer instanceof String id ? id : deploymentId)
                .defaultIfEmpty(deploymentId)
                .flatMap(id -> current(context.accountId(), id, started)
                        .map(view -> accepted(id, DeploymentJson.of(view), extra))
                        .defaultIfEmpty(accepted(id, Map.of("id", id), extra)));
    }

    /**
     * Sends a command that steers a running deployment and answers it once its timeline shows the step: 200, or
     * 202 when the read model has not caught up within the wait.
     */
    Mono<ResponseEntity<Map<String, Object>>> steered(RequestContext context, Activity activity, Object command,
                                                      DeploymentView before) {
        int seen = before.timeline().size();
        return commands.send(context, activity, command)
                .then(current(context.accountId(), before.id(), view -> view.timeline().size() > seen)
                        .map(view -> ResponseEntity.ok(body(DeploymentJson.of(view), Map.of())))
                        .switchIfEmpty(Mono.fromSupplier(() -> accepted(before.id(), DeploymentJson.of(before),
                                Map.of()))));
    }

    private Mono<DeploymentView> current(String accountId, String deploymentId, Predicate<DeploymentView> done) {
        return ReadModelWait.until(() -> queries.ask(new FindDeployment(accountId, deploymentId), DeploymentView.class),
                done, POLL, readModelWait);
    }

    private static ResponseEntity<Map<String, Object>> accepted(String deploymentId, Map<String, Object> deployment,
                                                                Map<String, Object> extra) {
        return ResponseEntity.accepted().location(URI.create(DEPLOYMENTS + "/" + deploymentId))
                .body(body(deployment, extra));
    }

    private static Map<String, Object> body(Map<String, Object> deployment, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(extra);
        body.put("deployment", deployment);
        return body;
    }
}
