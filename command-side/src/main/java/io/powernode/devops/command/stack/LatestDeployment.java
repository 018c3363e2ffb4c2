package io.powernode.devops.command.stack;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.powernode.devops.kernel.stack.DeploymentPhase;
import io.powernode.devops.kernel.stack.DeploymentProgress;
import io.powernode.devops.kernel.stack.DeploymentProgress.Completed;
import io.powernode.devops.kernel.stack.DeploymentProgress.Degraded;
import io.powernode.devops.kernel.stack.DeploymentProgress.Failed;
import io.powernode.devops.kernel.stack.DeploymentProgress.Healthy;
import io.powernode.devops.kernel.stack.DeploymentProgress.PausedAtStep;
import io.powernode.devops.kernel.stack.DeploymentProgress.RolledBack;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentOrder;
import io.powernode.devops.kernel.stack.StackRevision;
import io.powernode.devops.kernel.stack.StackRevision.DeployOptions;
import io.powernode.devops.kernel.stack.Strategy;

import java.util.HashSet;
import java.util.Set;

import static io.powernode.devops.kernel.stack.DeploymentPhase.healthy;
import static io.powernode.devops.kernel.stack.DeploymentPhase.paused;
import static io.powernode.devops.kernel.stack.DeploymentPhase.progressing;

/**
 * The stack's newest deployment, the only one that can be under way (a stack takes one at a time, so an active
 * deployment is always the newest) and the only one that can be retried. It keeps what steering and retrying it
 * need: its strategy, phase, attempt, who paused it, whether it is being undone, and the keys of the reports its
 * current attempt sent, by which a report sent again is recognised.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class LatestDeployment {

    /** Why a paused deployment waits: a user's pause waits for a resume, a step's for a promote. */
    enum Pause { NONE, USER, STEP }

    /** An undo asked for: an abort ends {@code aborted}, a rollback {@code rolled_back}. */
    enum Undo { NONE, ABORT, ROLLBACK }

    private String id;
    private int revision;
    /** As applied, which for a rollback is the revision's own options with prune. */
    private DeployOptions options;
    private Strategy strategy;
    private int attempt;
    private DeploymentPhase phase;
    private Pause pause;
    private Undo undo;
    /** Only while under way: a report that comes later is dropped whatever its key. */
    private final Set<String> recordedKeys = new HashSet<>();

    private LatestDeployment() {
        // for Jackson, which restores it from a snapshot
    }

    static LatestDeployment requested(DeploymentOrder order) {
        LatestDeployment deployment = new LatestDeployment();
        deployment.id = order.deploymentId();
        deployment.revision = order.revision().number();
        deployment.options = order.revision().options();
        deployment.strategy = order.strategy();
        deployment.start(order.attempt());
        return deployment;
    }

    String id() {
        return id;
    }

    int revision() {
        return revision;
    }

    Strategy strategy() {
        return strategy;
    }

    int attempt() {
        return attempt;
    }

    DeploymentPhase phase() {
        return phase;
    }

    boolean isActive() {
        return phase.isActive();
    }

    /** Docker's own rolling update: it runs to its end, nothing of the platform's steers it. */
    boolean isRolling() {
        return strategy instanceof Strategy.Rolling;
    }

    boolean isBeingUndone() {
        return undo != Undo.NONE;
    }

    /** The revision as this deployment applies it, from the one the stack keeps. */
    StackRevision asApplied(StackRevision kept) {
        return new StackRevision(kept.number(), kept.source(), kept.plan(), options);
    }

    /** A report of this deployment's current attempt, not recorded yet, while it is under way. */
    boolean accepts(String deploymentId, int reportAttempt, String key) {
        return id.equals(deploymentId) && attempt == reportAttempt && isActive() && !recordedKeys.contains(key);
    }

    /** Where a report leaves the deployment; the kinds not named here report on a phase without changing it. */
    DeploymentPhase phaseAfter(DeploymentProgress progress) {
        if (progress instanceof PausedAtStep) {
            return paused;
        } else if (progress instanceof Healthy) {
            return healthy;
        } else if (progress instanceof Completed) {
            return DeploymentPhase.completed;
        } else if (progress instanceof RolledBack) {
            return undo == Undo.ABORT ? DeploymentPhase.aborted : DeploymentPhase.rolled_back;
        } else if (progress instanceof Failed) {
            return DeploymentPhase.failed;
        } else if (progress instanceof Degraded) {
            return DeploymentPhase.degraded;
        }
        return phase;
    }

    /**
     * A promote passes a step that waits for one or ends the current one; a full one also skips every step left,
     * which once healthy means scaling the old version down now.
     */
    void checkPromote(boolean full) {
        requireNotUndone("promoted");
        if (phase == paused && pause == Pause.USER) {
            throw StackErrors.pausedByUser(id);
        }
        if (phase == healthy && !full) {
            throw StackErrors.nothingToPromote(id);
        }
    }

    void checkPause() {
        requireNotUndone("paused");
        if (phase != progressing) {
            throw StackErrors.notProgressing(id, phase);
        }
    }

    /** Only a user's pause: a step that waits for a promote is passed by a promote. */
    void checkResume() {
        requireNotUndone("resumed");
        if (phase != paused) {
            throw StackErrors.notPaused(id, phase);
        }
        if (pause == Pause.STEP) {
            throw StackErrors.stepWaitsForPromote(id);
        }
    }

    void checkRetryable() {
        if (!phase.isRetryable()) {
            throw StackErrors.notRetryable(id, phase);
        }
    }

    void retried(int nextAttempt) {
        start(nextAttempt);
    }

    void progressed(DeploymentProgress progress, DeploymentPhase next, String key) {
        moveTo(next);
        if (progress instanceof PausedAtStep) {
            pause = Pause.STEP;
        }
        if (isActive()) {
            recordedKeys.add(key);
        }
    }

    void pausedByUser() {
        moveTo(paused);
        pause = Pause.USER;
    }

    /**
     * Promoted or resumed: both set a deployment going again. A healthy one too, which a full promote sends on to
     * scaling the old version down: the read model follows the same rule from the same events.
     */
    void continued() {
        moveTo(progressing);
    }

    void undoRequested(boolean asRollback) {
        undo = asRollback ? Undo.ROLLBACK : Undo.ABORT;
    }

    private void start(int newAttempt) {
        attempt = newAttempt;
        undo = Undo.NONE;
        recordedKeys.clear();
        moveTo(progressing);
    }

    private void moveTo(DeploymentPhase next) {
        phase = next;
        if (next != paused) {
            pause = Pause.NONE;
        }
        if (!next.isActive()) {
            recordedKeys.clear();
        }
    }

    private void requireNotUndone(String action) {
        if (isBeingUndone()) {
            throw StackErrors.beingUndone(id, action);
        }
    }
}
