package io.powernode.devops.sync;

import io.powernode.devops.commands.Refusals;
import io.powernode.devops.docker.Backoff;
import io.powernode.devops.kernel.common.MessageMetadata;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Sends what the sync observed, as the platform itself: on the host's or cluster's account, by actor
 * "endpoint-sync" of type system, so audit trails tell observations apart from user decisions. Each send waits
 * for the host or cluster to handle the command, so reports sent one after another (under the endpoint's
 * lock, see {@link EndpointLocks}) arrive in the order they were made. Failures are logged, never thrown, and
 * name no payload contents.
 */
@Component
public class SyncCommands {

    static final String ACTOR_ID = "endpoint-sync";
    private static final long SEND_TIMEOUT_SECONDS = 30;
    /** Attempts at recording a Docker event, and the waits between them. */
    private static final int EVENT_ATTEMPTS = 4;
    private static final Backoff EVENT_RETRY = new Backoff(Duration.ofMillis(100), Duration.ofMillis(500));
    private static final Logger log = LoggerFactory.getLogger(SyncCommands.class);

    private final CommandGateway commandGateway;

    public SyncCommands(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /** One attempt: a sync that is not recorded is repeated by the next sync anyway. */
    public void send(String accountId, Object command) {
        try {
            dispatch(accountId, command);
        } catch (RuntimeException e) {
            log.warn("{} was not accepted: {}", command.getClass().getSimpleName(), describe(e));
        }
    }

    /**
     * Sends a command that records one Docker event (RecordDockerEvent, RecordSwarmEvent) on the endpoint's
     * host or cluster. Retries a transient failure a few times, briefly: an event that is not recorded is gone
     * for good. A refusal (the host or cluster was removed meanwhile, or a domain rule) is final and dropped
     * at once.
     *
     * @return whether the event was recorded
     */
    public boolean sendEvent(String accountId, String endpointId, Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                dispatch(accountId, command);
                return true;
            } catch (RuntimeException e) {
                if (Refusals.codeOf(e) != null || attempt == EVENT_ATTEMPTS || !Refusals.pause(EVENT_RETRY.after(attempt))) {
                    log.warn("a Docker event of {} was not recorded after {} attempt(s): {}",
                            endpointId, attempt, describe(e));
                    return false;
                }
            }
        }
    }

    private void dispatch(String accountId, Object command) {
        MetaData metaData = MetaData.from(Map.of(
                MessageMetadata.ACCOUNT_ID, accountId,
                MessageMetadata.ACTOR_ID, ACTOR_ID,
                MessageMetadata.ACTOR_TYPE, MessageMetadata.ActorType.system.name(),
                MessageMetadata.CORRELATION_ID, UUID.randomUUID().toString()));
        commandGateway.sendAndWait(command, metaData, SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Exception types and refusal codes only: messages may quote the command. */
    private static String describe(Throwable failure) {
        String refusal = Refusals.codeOf(failure);
        if (refusal != null) {
            return "refused (" + refusal + ")";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String type = failure.getClass().getSimpleName();
        return root == failure ? type : type + " caused by " + root.getClass().getSimpleName();
    }
}
