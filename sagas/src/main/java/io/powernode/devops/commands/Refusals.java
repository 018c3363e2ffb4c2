package io.powernode.devops.commands;

import io.powernode.devops.kernel.common.DomainError;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.time.Duration;

/**
 * How the platform's own senders (the sync, the operation executor) tell a command an aggregate refused, which
 * is final, from one that failed on the way, which is worth retrying.
 */
public final class Refusals {

    /** The code of a refusal of an aggregate that does not exist (removed meanwhile). */
    public static final String NOT_FOUND = "aggregate_not_found";

    private Refusals() {
    }

    /**
     * A refusal arrives as is from a local bus, or as a CommandExecutionException carrying its details.
     *
     * @return the refusal's code, or null when the failure is no refusal
     */
    public static String codeOf(Throwable failure) {
        DomainError.ErrorDetails refusal = refusalOf(failure);
        return refusal == null ? null : refusal.code();
    }

    /** @return the refusal's details (its code and its message for people), or null when the failure is no refusal */
    public static DomainError.ErrorDetails refusalOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DomainError error) {
                return error.details();
            }
            if (t instanceof AggregateNotFoundException) {
                return new DomainError.ErrorDetails(DomainError.Kind.NOT_FOUND, NOT_FOUND, null, t.getMessage());
            }
            if (t instanceof CommandExecutionException wrapped
                    && wrapped.getDetails().orElse(null) instanceof DomainError.ErrorDetails details) {
                return details;
            }
        }
        return null;
    }

    /** Waits between attempts. @return false when interrupted, which ends the retries */
    public static boolean pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
