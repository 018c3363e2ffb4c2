package io.powernode.devops.swarm;

import io.powernode.devops.commands.Refusals;
import io.powernode.devops.docker.Backoff;
import io.powernode.devops.kernel.common.MessageMetadata;
import io.powernode.devops.kernel.swarm.ClusterCommands.BeginSwarmOperation;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationRequested;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Sends what the operation executor reports to the cluster, as the platform itself: on the event's account, by
 * actor "swarm-operations" of type system, in the request's correlation and caused by its event, so the audit
 * trail leads from a user's request to what Docker did. A refusal is final; anything else is retried briefly,
 * since an outcome that is not recorded leaves the operation running forever. Logs name command types and
 * refusal codes only: commands may carry what Docker said.
 */
@Component
class OperationCommands {

    static final String ACTOR_ID = "swarm-operations";
    private static final long SEND_TIMEOUT_SECONDS = 30;
    private static final int ATTEMPTS = 5;
    private static final Backoff RETRY = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(3));
    private static final Logger log = LoggerFactory.getLogger(OperationCommands.class);

    private final CommandGateway commandGateway;

    OperationCommands(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
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
        for (int attempt = 1; ; attempt++) {
            try {
                commandGateway.sendAndWait(command, causation.metaData(), SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return true;
            } catch (RuntimeException e) {
                String refusal = Refusals.codeOf(e);
                if (refusal != null) {
                    log.debug("{} refused ({})", command.getClass().getSimpleName(), refusal);
                    return false;
                }
                if (attempt == ATTEMPTS || !Refusals.pause(RETRY.after(attempt))) {
                    log.error("{} was not accepted after {} attempt(s): {}", command.getClass().getSimpleName(),
                            attempt, e.getClass().getSimpleName());
                    return false;
                }
            }
        }
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
