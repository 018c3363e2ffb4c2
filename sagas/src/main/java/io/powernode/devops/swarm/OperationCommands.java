package io.powernode.devops.swarm;

import io.powernode.devops.commands.RetryingSender;
import io.powernode.devops.kernel.common.MessageMetadata;
import io.powernode.devops.kernel.swarm.ClusterCommands.BeginSwarmOperation;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationRequested;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sends what the operation executor reports to the cluster, as the platform itself: on the event's account, by
 * actor "swarm-operations" of type system, in the request's correlation and caused by its event, so the audit
 * trail leads from a user's request to what Docker did. A refusal is final; anything else is retried briefly
 * (see {@link RetryingSender}), since an outcome that is not recorded leaves the operation running forever.
 */
@Component
class OperationCommands {

    static final String ACTOR_ID = "swarm-operations";

    private final RetryingSender sender;

    OperationCommands(CommandGateway commandGateway) {
        this.sender = new RetryingSender(commandGateway);
    }

    /**
     * @return whether the cluster let the operation begin; a refusal means it began before (the event is handled
     * again) or is no longer pending, and Docker must not be asked
     */
    boolean begin(Causation causation, BeginSwarmOperation begin) {
        return send(causation, begin);
    }

    /** Sends an outcome; a refusal or a failure that outlasts the retries is logged, not thrown. */
    void report(Causation causation, Object outcome) {
        send(causation, outcome);
    }

    /** @return whether the command was accepted */
    private boolean send(Causation causation, Object command) {
        return sender.send(command, causation.metaData()).accepted();
    }

    /** Who the commands are sent as, and what caused them: the request's event. */
    record Causation(String accountId, String correlationId, String causationId, String traceId) {

        static Causation of(SwarmOperationRequested event, MetaData eventMetaData, String eventId) {
            Object correlation = eventMetaData.get(MessageMetadata.CORRELATION_ID);
            Object trace = eventMetaData.get(MessageMetadata.TRACE_ID);
            return new Causation(event.accountId(),
                    correlation == null ? UUID.randomUUID().toString() : correlation.toString(),
                    eventId, trace == null ? null : trace.toString());
        }

        MetaData metaData() {
            Map<String, String> values = new HashMap<>(Map.of(
                    MessageMetadata.ACCOUNT_ID, accountId,
                    MessageMetadata.ACTOR_ID, ACTOR_ID,
                    MessageMetadata.ACTOR_TYPE, MessageMetadata.ActorType.system.name(),
                    MessageMetadata.CORRELATION_ID, correlationId,
                    MessageMetadata.CAUSATION_ID, causationId));
            if (traceId != null) {
                values.put(MessageMetadata.TRACE_ID, traceId);
            }
            return MetaData.from(values);
        }
    }
}
