package io.powernode.devops.swarm;

import io.powernode.devops.kernel.swarm.OperationFailure;
import org.axonframework.queryhandling.QueryExecutionException;

/**
 * A live query the cluster's manager could not answer (unreachable, no leader …), classified as an operation's
 * failure is, so the API can answer 503 or 502 with the same words. The failure travels as the exception's
 * details, which survive a distributed query bus. The message never holds a token or key.
 */
public class SwarmQueryFailed extends QueryExecutionException {

    public SwarmQueryFailed(OperationFailure failure) {
        super(failure.message(), null, failure);
    }

    public OperationFailure failure() {
        return (OperationFailure) getDetails().orElseThrow();
    }
}
