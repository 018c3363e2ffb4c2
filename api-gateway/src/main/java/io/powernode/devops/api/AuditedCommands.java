package io.powernode.devops.api;

import io.powernode.devops.kernel.audit.AuditEvents.ActivityRecorded;
import io.powernode.devops.kernel.audit.AuditEvents.Outcome;
import io.powernode.devops.kernel.common.DomainError;
import io.powernode.devops.kernel.common.MessageMetadata;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.extensions.reactor.commandhandling.gateway.ReactorCommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Sends a user's command with the metadata audit needs, and leaves exactly one activity record for it,
 * whatever the outcome: succeeded, rejected by a domain rule, or failed. The record is an event, so the
 * audit trail replays with everything else.
 */
@Component
public class AuditedCommands {

    private final ReactorCommandGateway commands;
    private final EventGateway events;

    public AuditedCommands(ReactorCommandGateway commands, EventGateway events) {
        this.commands = commands;
        this.events = events;
    }

    /** What the user asked for, as the audit shows it: parameters must already be free of secrets. */
    public record Activity(String action, String targetType, String targetId, Map<String, Object> parameters) {
    }

    /**
     * @return what the command handler answered (the aggregate version for host commands), or empty. Once
     * subscribed, the command and its activity record run to the end even if the caller goes away.
     */
    public Mono<Object> send(RequestContext context, Activity activity, Object command) {
        return perform(context, activity, metaData -> commands
                .send(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData))
                // the command bus handles the command on the calling thread, in a JDBC transaction: not on the event loop
                .subscribeOn(Schedulers.boundedElastic()));
    }

    /**
     * Does what the user asked that is not a command, e.g. reading a swarm's join tokens, and leaves its activity
     * record the same way. {@code action} gets the metadata to carry; a {@link DomainError} it fails with is a
     * refusal, anything else a failure.
     */
    public <T> Mono<T> perform(RequestContext context, Activity activity, Function<MetaData, Mono<T>> action) {
        return Mono.defer(() -> Mono.fromFuture(dispatch(context, activity, action), true))
                .flatMap(Mono::justOrEmpty);
    }

    private <T> CompletableFuture<Optional<T>> dispatch(RequestContext context, Activity activity,
                                                        Function<MetaData, Mono<T>> action) {
        MetaData metaData = metaData(context);
        return Mono.defer(() -> action.apply(metaData))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorMap(DomainErrors::unwrap)
                .materialize()
                .flatMap(signal -> record(context, activity, metaData, signal.getThrowable()).thenReturn(signal))
                .<Optional<T>>dematerialize()
                .toFuture();
    }

    private Mono<Void> record(RequestContext context, Activity activity, MetaData metaData, Throwable error) {
        Outcome outcome = error == null ? Outcome.succeeded : error instanceof DomainError ? Outcome.rejected : Outcome.failed;
        // a rule's refusal is worded for users; anything else may be infrastructure text, which stays in the log
        String detail = switch (outcome) {
            case succeeded -> null;
            case rejected -> error.getMessage();
            case failed -> "the platform could not complete the command";
        };
        ActivityRecorded record = new ActivityRecorded(UUID.randomUUID().toString(), context.accountId(),
                context.caller().actorId(), MessageMetadata.ActorType.user.name(), activity.action(),
                activity.targetType(), activity.targetId(), activity.parameters(), outcome, detail, Instant.now(),
                context.correlationId());
        // publishing appends to the event store: blocking I/O, kept off the event loop
        return Mono.fromRunnable(() -> events.publish(GenericEventMessage.asEventMessage(record).andMetaData(metaData)))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    private static MetaData metaData(RequestContext context) {
        MetaData metaData = MetaData.with(MessageMetadata.ACCOUNT_ID, context.accountId())
                .and(MessageMetadata.ACTOR_ID, context.caller().actorId())
                .and(MessageMetadata.ACTOR_TYPE, MessageMetadata.ActorType.user.name())
                .and(MessageMetadata.CORRELATION_ID, context.correlationId())
                .and(MessageMetadata.TRACE_ID, context.correlationId());
        return context.idempotencyKey() == null ? metaData
                : metaData.and(MessageMetadata.IDEMPOTENCY_KEY, context.idempotencyKey());
    }
}
