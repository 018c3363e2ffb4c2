package io.powernode.devops.swarm;

import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;

/**
 * An operation that cannot go on, already classified: a refusal the gateway makes itself (a host of another
 * account, a global service to scale), or a step of a multi-step operation that failed, whose message says what
 * had been done before it. The message is an operator's sentence and never holds a secret.
 */
final class OperationFailed extends RuntimeException {

    private final transient OperationFailure failure;

    OperationFailed(Kind kind, String message) {
        super(message, null, false, false);
        this.failure = new OperationFailure(kind, message);
    }

    OperationFailure failure() {
        return failure;
    }
}
