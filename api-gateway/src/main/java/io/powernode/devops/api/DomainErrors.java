package io.powernode.devops.api;

import io.powernode.devops.kernel.common.DomainError;
import org.axonframework.messaging.HandlerExecutionException;

/**
 * Recovers the domain refusal from what a command or query bus hands back (see DomainErrorDetailsInterceptor):
 * the serializable details when the refusal crossed a bus, the error itself when a local handler threw it.
 */
public final class DomainErrors {

    private DomainErrors() {
    }

    public static Throwable unwrap(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DomainError error) {
                return error;
            }
            if (t instanceof HandlerExecutionException wrapped
                    && wrapped.getDetails().orElse(null) instanceof DomainError.ErrorDetails details) {
                return details.toError();
            }
        }
        return failure;
    }
}
