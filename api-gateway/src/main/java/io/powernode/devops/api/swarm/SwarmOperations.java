package io.powernode.devops.api.swarm;

import io.powernode.devops.api.ApiProblem;
import io.powernode.devops.api.AuditedCommands;
import io.powernode.devops.api.AuditedCommands.Activity;
import io.powernode.devops.api.Queries;
import io.powernode.devops.api.ReadModelWait;
import io.powernode.devops.api.RequestContext;
import io.powernode.devops.api.StableIds;
import io.powernode.devops.kernel.swarm.ClusterCommands.RequestSwarmOperation;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindSwarmOperation;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmOperationView;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.OperationSummary;
import io.powernode.devops.kernel.swarm.SwarmOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks Docker, through the cluster, to do something, and answers with the outcome. The request is recorded as
 * a {@link RequestSwarmOperation} with its audited activity; the Docker gateway carries it out and reports back.
 * The call waits (within {@code powernode.api.operation-wait}) for that outcome: success answers 201 for a
 * creation and 200 otherwise, a failure answers the problem Docker reported, and an operation still running
 * answers 202 with the operation's address to follow.
 * <p>
 * With an Idempotency-Key the operation id is derived from it: a retried request finds its operation and
 * answers its outcome, without asking Docker again.
 */
@Component
public class SwarmOperations {

    static final String BASE = SwarmPaths.BASE + "/operations";
    private static final Logger log = LoggerFactory.getLogger(SwarmOperations.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final AuditedCommands commands;
    private final Queries queries;
    private final Duration operationWait;

    SwarmOperations(AuditedCommands commands, Queries queries,
                    @Value("${powernode.api.operation-wait}") Duration operationWait) {
        this.commands = commands;
        this.queries = queries;
        this.operationWait = operationWait;
    }

    /** What an operation acts on, as the audit trail names it, e.g. {@code swarm_service} and the service's id. */
    public record Target(String type, String id) {
        static Target cluster(String clusterId) {
            return new Target(ClusterController.TARGET, clusterId);
        }
    }

    /**
     * What a successful operation answers: its status and the resource it created or changed, under the
     * resource's name ({@code "service": {"id": …}}), with the resource's address when it was created.
     *
     * @param resourceId the resource's id when the request names it; null takes the one the operation reports
     * @param basePath   where created resources of this kind live, or null when nothing is created
     */
    public record Outcome(HttpStatus status, String resource, String resourceId, String basePath) {

        /** A new resource whose id Docker gives, e.g. a service at {@code /swarm/services/:id}. */
        public static Outcome created(String resource, String basePath) {
            return new Outcome(HttpStatus.CREATED, resource, null, basePath);
        }

        /** A new resource whose id the request decides, e.g. a cluster created by initialising its swarm. */
        public static Outcome createdAs(String resource, String basePath, String resourceId) {
            return new Outcome(HttpStatus.CREATED, resource, resourceId, basePath);
        }

        /** A change of (or the removal of) the resource the request named. */
        public static Outcome changed(String resource, String resourceId) {
            return new Outcome(HttpStatus.OK, resource, resourceId, null);
        }

        /** A change that leaves a new resource in the old one's place, e.g. a rotated secret's new version. */
        public static Outcome replaced(String resource) {
            return new Outcome(HttpStatus.OK, resource, null, null);
        }
    }

    /**
     * Requests {@code operation} on the cluster and answers its outcome (see the class comment). The audit shows
     * the operation as the operations read model does ({@link OperationSummary}).
     */
    public Mono<ResponseEntity<Map<String, Object>>> run(RequestContext context, String clusterId,
                                                         SwarmOperation operation, Target target, Outcome outcome) {
        String operationId = operationId(context);
        return submit(context, clusterId, operationId,
                new Activity(SwarmOperation.typeOf(operation), target.type(), target.id(),
                        OperationSummary.of(operation, clusterId).parameters()),
                new RequestSwarmOperation(clusterId, context.accountId(), operationId, operation), outcome);
    }

    /** The id of the operation a request asks for: derived from its Idempotency-Key, when it has one. */
    public String operationId(RequestContext context) {
        return StableIds.forRequest(context, "swarm_operation");
    }

    /**
     * Sends a command that records the operation {@code operationId} (a {@link RequestSwarmOperation}, or a
     * command that creates a cluster with its first operation) with its activity, whose parameters get the
     * operation's id, then answers the operation's outcome.
     */
    public Mono<ResponseEntity<Map<String, Object>>> submit(RequestContext context, String clusterId, String operationId,
                                                     Activity activity, Object command, Outcome outcome) {
        String accountId = context.accountId();
        Activity recorded = new Activity(activity.action(), activity.targetType(), activity.targetId(),
                withOperationId(activity.parameters(), operationId));
        Mono<Void> send = commands.send(context, recorded, command).then();
        Mono<Void> sendOnce = context.idempotencyKey() == null ? send
                : find(accountId, operationId).hasElement().flatMap(known -> known ? Mono.<Void>empty() : send);
        return sendOnce
                .then(awaitOutcome(accountId, operationId))
                .map(view -> answer(view, outcome))
                .switchIfEmpty(Mono.fromSupplier(() -> stillRunning(OperationJson.requested(operationId, clusterId),
                        operationId, outcome)));
    }

    private Mono<SwarmOperationView> find(String accountId, String operationId) {
        return queries.ask(new FindSwarmOperation(accountId, operationId), SwarmOperationView.class);
    }

    /** The operation once it ended, or as it stands when the wait ends; empty when the read model cannot say. */
    private Mono<SwarmOperationView> awaitOutcome(String accountId, String operationId) {
        return ReadModelWait.until(() -> find(accountId, operationId), SwarmOperations::ended, POLL, operationWait)
                .switchIfEmpty(Mono.defer(() -> find(accountId, operationId)))
                .onErrorResume(e -> {
                    // the operation is recorded: the client follows it at its address instead of getting an error
                    log.warn("cannot read swarm operation {} to answer its request: {}", operationId, e.toString());
                    return Mono.empty();
                });
    }

    private static boolean ended(SwarmOperationView view) {
        return SwarmOperationView.SUCCEEDED.equals(view.status()) || SwarmOperationView.FAILED.equals(view.status());
    }

    private static ResponseEntity<Map<String, Object>> answer(SwarmOperationView view, Outcome outcome) {
        return switch (view.status()) {
            case SwarmOperationView.SUCCEEDED -> succeeded(view, outcome);
            case SwarmOperationView.FAILED -> throw failed(view);
            default -> stillRunning(OperationJson.of(view), view.id(), outcome);
        };
    }

    private static ResponseEntity<Map<String, Object>> succeeded(SwarmOperationView view, Outcome outcome) {
        String resourceId = outcome.resourceId() != null ? outcome.resourceId() : view.resourceId();
        ResponseEntity.BodyBuilder response = ResponseEntity.status(outcome.status());
        if (outcome.basePath() != null && resourceId != null) {
            response.location(URI.create(outcome.basePath() + "/" + resourceId));
        }
        return response.body(body(OperationJson.of(view), outcome.resource(), resourceId));
    }

    private static ResponseEntity<Map<String, Object>> stillRunning(Map<String, Object> operation, String operationId,
                                                                    Outcome outcome) {
        return ResponseEntity.accepted().location(URI.create(BASE + "/" + operationId))
                .body(body(operation, outcome.resource(), outcome.resourceId()));
    }

    private static Map<String, Object> body(Map<String, Object> operation, String resource, String resourceId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("operation", operation);
        if (resourceId != null) {
            body.put(resource, Map.of("id", resourceId));
        }
        return body;
    }

    /** Docker's refusal as the API's: the status its kind calls for, the operation to look up, Docker's reason. */
    private static ApiProblem failed(SwarmOperationView view) {
        OperationFailure.Kind kind = kindOf(view.failureKind());
        HttpStatus status = switch (kind) {
            case invalid, refused -> HttpStatus.UNPROCESSABLE_ENTITY;
            case not_found -> HttpStatus.NOT_FOUND;
            case conflict -> HttpStatus.CONFLICT;
            case unavailable -> HttpStatus.SERVICE_UNAVAILABLE;
            case failed -> HttpStatus.BAD_GATEWAY;
        };
        String detail = view.failureMessage() == null ? "Docker did not carry out the " + view.type() : view.failureMessage();
        return new ApiProblem(status, "Swarm operation failed", detail, List.of(), "operation_" + kind.name(),
                Map.of("operation_id", view.id(), "failure_kind", kind.name()));
    }

    private static OperationFailure.Kind kindOf(String name) {
        try {
            return name == null ? OperationFailure.Kind.failed : OperationFailure.Kind.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return OperationFailure.Kind.failed;
        }
    }

    private static Map<String, Object> withOperationId(Map<String, Object> parameters, String operationId) {
        Map<String, Object> withId = new LinkedHashMap<>(parameters);
        withId.put("operation_id", operationId);
        return withId;
    }
}
