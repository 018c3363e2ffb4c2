package io.powernode.devops.commands;

import io.powernode.devops.docker.Backoff;
import io.powernode.devops.kernel.common.DomainError;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sends what the platform itself reports or asks for (an operation's outcome, a rollout's request or progress) and
 * waits until it is handled. A refusal is final; anything else is retried briefly, because a report that is never
 * recorded leaves whatever waits for it waiting. Logs name command types and refusal codes only: commands may carry
 * what Docker said.
 */
public final class RetryingSender {

    private static final long SEND_TIMEOUT_SECONDS = 30;
    private static final int ATTEMPTS = 5;
    private static final Backoff RETRY = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(3));
    private static final Logger log = LoggerFactory.getLogger(RetryingSender.class);

    private final CommandGateway commandGateway;

    public RetryingSender(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /** What became of a command. */
    public sealed interface Delivery {
        default boolean accepted() {
            return this instanceof Accepted;
        }
    }

    public record Accepted() implements Delivery {
    }

    /** The handler refused it: sending it again would be refused again. */
    public record Refused(DomainError.ErrorDetails refusal) implements Delivery {
    }

    /** It could not be handled in time, however often it was tried. */
    public record Undelivered(String failure) implements Delivery {
    }

    public Delivery send(Object command, MetaData metaData) {
        for (int attempt = 1; ; attempt++) {
            try {
                commandGateway.sendAndWait(command, metaData, SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return new Accepted();
            } catch (RuntimeException e) {
                DomainError.ErrorDetails refusal = Refusals.refusalOf(e);
                if (refusal != null) {
                    log.debug("{} refused ({})", command.getClass().getSimpleName(), refusal.code());
                    return new Refused(refusal);
                }
                if (attempt == ATTEMPTS || !Refusals.pause(RETRY.after(attempt))) {
                    log.error("{} was not accepted after {} attempt(s): {}", command.getClass().getSimpleName(),
                            attempt, e.getClass().getSimpleName());
                    return new Undelivered(e.getClass().getSimpleName());
                }
            }
        }
    }
}
