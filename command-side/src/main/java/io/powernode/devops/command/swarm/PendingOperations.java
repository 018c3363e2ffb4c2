package io.powernode.devops.command.swarm;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * The swarm operations of a cluster that Docker has not finished yet, by operation id. Finished ones are forgotten
 * but for the ids of the last {@link #REMEMBERED_FINISHED}: their outcome lives in the events, and a cluster that runs
 * operations for years keeps a small snapshot, yet a request retried just after its operation finished (its answer
 * lost on the way) is still recognised instead of running again. Only the operation's type is kept, which is all the
 * outcome events need; the request itself (with its sealed values) stays in its event.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class PendingOperations {

    static final int REMEMBERED_FINISHED = 100;

    private final Map<String, PendingOperation> byId = new LinkedHashMap<>();
    private final LinkedHashSet<String> recentlyFinished = new LinkedHashSet<>();

    /** Pending, or among the recently finished: a request with this id was already recorded. */
    boolean isKnown(String operationId) {
        return byId.containsKey(operationId) || recentlyFinished.contains(operationId);
    }

    /** Requested, begun or not, and not finished. */
    boolean isPending(String operationId) {
        return byId.containsKey(operationId);
    }

    /** Requested and not begun: the only state in which the Docker gateway may carry it out. */
    boolean awaitsStart(String operationId) {
        PendingOperation operation = byId.get(operationId);
        return operation != null && operation.attemptId() == null;
    }

    /** Begun by that very attempt of the Docker gateway, which asks again because it lost the answer. */
    boolean startedBy(String operationId, String attemptId) {
        PendingOperation operation = byId.get(operationId);
        return operation != null && attemptId != null && attemptId.equals(operation.attemptId());
    }

    /** The stable type name of a pending operation. */
    String typeOf(String operationId) {
        return byId.get(operationId).type();
    }

    void requested(String operationId, String type) {
        byId.put(operationId, new PendingOperation(type, null));
    }

    void started(String operationId, String attemptId) {
        byId.computeIfPresent(operationId, (id, operation) -> new PendingOperation(operation.type(), attemptId));
    }

    void finished(String operationId) {
        byId.remove(operationId);
        recentlyFinished.add(operationId);
        if (recentlyFinished.size() > REMEMBERED_FINISHED) {
            recentlyFinished.remove(recentlyFinished.iterator().next());
        }
    }

    /** @param attemptId the gateway's attempt that began it; null while it waits to start */
    record PendingOperation(String type, String attemptId) {
    }
}
