package io.powernode.devops.sync;

import io.powernode.devops.kernel.common.MessageMetadata;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Sends what the sync observed, as the platform itself: on the host's account, by actor "host-sync" of type
 * system, so audit trails tell observations apart from user decisions.
 */
@Component
public class SyncCommands {

    static final String ACTOR_ID = "host-sync";
    private static final long SEND_TIMEOUT_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(SyncCommands.class);

    private final CommandGateway commandGateway;

    public SyncCommands(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /**
     * Waits for the host to handle the command, so one host's observations arrive in the order they were made.
     * A refusal (the host was removed meanwhile) is logged, not thrown: the observation is simply moot.
     */
    public void send(String accountId, Object command) {
        MetaData metaData = MetaData.from(Map.of(
                MessageMetadata.ACCOUNT_ID, accountId,
                MessageMetadata.ACTOR_ID, ACTOR_ID,
                MessageMetadata.ACTOR_TYPE, MessageMetadata.ActorType.system.name(),
                MessageMetadata.CORRELATION_ID, UUID.randomUUID().toString()));
        try {
            commandGateway.sendAndWait(command, metaData, SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            log.warn("{} was not accepted: {}", command.getClass().getSimpleName(), e.getMessage());
        }
    }
}
