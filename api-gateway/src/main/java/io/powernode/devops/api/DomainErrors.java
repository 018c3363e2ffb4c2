package io.powernode.devops.api;

import io.powernode.devops.kernel.common.DomainError;
import org.axonframework.commandhandling.CommandExecutionException;

/** Recovers the domain refusal from what a command bus hands back (see DomainErrorDetailsInterceptor). */
public final class DomainErrors {

    private DomainErrors() {
    }

    public static Throwable unwrap(Throwable failure) {
        if (failure instanceof CommandExecutionException wrapped
                && wrapped.getDetails().orElse(null) instanceof DomainError.ErrorDetails details) {
            return details.toError();
        }
        return failure;
    }
}
