package io.powernode.devops.swarm;

import io.powernode.devops.kernel.swarm.OperationFailure;

import java.util.ArrayList;
import java.util.List;

/**
 * What an operation of several Docker requests has done so far, one line per step, and the warnings met on the
 * way: its notes when it succeeds. When a step fails, the steps done start the failure's message, so the operator
 * knows where things stand (Docker has no transactions: what was done stays done).
 */
final class StepLog {

    private final List<String> done = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void done(String step) {
        done.add(step);
        notes.add(step);
    }

    /** Docker's warnings may span lines; a note is one. */
    void warn(String warning) {
        notes.add(warning.strip().replaceAll("\\s*\\n\\s*", " "));
    }

    /** The steps done and the warnings, in the order they came. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    /** @param step what could not be done, e.g. "could not update service shop_web" */
    OperationFailed failed(String step, RuntimeException cause) {
        return failed(step, cause, null);
    }

    /**
     * The failure keeps the kind of Docker's answer (or of an {@link OperationFailed} cause) and says what had been
     * done before it.
     *
     * @param consequence what the failure leaves behind, or null
     */
    OperationFailed failed(String step, RuntimeException cause, String consequence) {
        OperationFailure failure = OperationFailures.classify(cause);
        String before = done.isEmpty() ? "" : String.join("; ", done) + "; but ";
        return new OperationFailed(failure.kind(), before + step + ": " + failure.message()
                + (consequence == null ? "" : "; " + consequence));
    }
}
