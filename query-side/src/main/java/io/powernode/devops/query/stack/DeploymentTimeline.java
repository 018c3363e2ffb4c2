package io.powernode.devops.query.stack;

import io.powernode.devops.kernel.stack.DeploymentPhase;
import io.powernode.devops.kernel.stack.DeploymentProgress;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentAbortRequested;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentOrder;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPaused;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentProgressed;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPromoted;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentResumed;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentRetried;
import io.powernode.devops.kernel.stack.StackEvents.StackDeploymentRequested;
import io.powernode.devops.kernel.stack.StackViews.DeploymentEventView;
import io.powernode.devops.kernel.stack.Strategy;

import static io.powernode.devops.query.feed.FeedChanges.change;
import static io.powernode.devops.query.mongo.DocumentValues.name;

/**
 * Each deployment event as one entry of its timeline: what the deployment's page lists and what the deployment feed
 * streams, so both tell the same story in the same words. Progress entries are named by their kind and detailed by
 * all their fields; a user's actions by the verbs below.
 * <p>
 * Only the rollout's reports name the phase they leave the deployment in. For a user's action the phase is the one
 * the stack moves the deployment to: a promote or a resume sets it going again, a pause holds it, and an abort only
 * asks the rollout to undo it (its report says how that ended), so the phase it leaves is the one it found.
 */
final class DeploymentTimeline {
    static final String REQUESTED = "requested";
    static final String RETRIED = "retried";
    static final String PROMOTED = "promoted";
    static final String PAUSED = "paused";
    static final String RESUMED = "resumed";
    static final String ABORT_REQUESTED = "abort_requested";

    private DeploymentTimeline() {
    }

    static DeploymentEventView requested(StackDeploymentRequested event, String actor) {
        DeploymentOrder order = event.order();
        return new DeploymentEventView(REQUESTED, event.requestedAt(), DeploymentPhase.progressing, actor,
                change("stack_name", order.stackName(), "cluster_id", order.clusterId(),
                        "revision", order.revision().number(), "previous_revision", event.previousRevision(),
                        "trigger", name(event.trigger()), "based_on_deployment_id", event.basedOnDeploymentId(),
                        "strategy", Strategy.typeOf(order.strategy()),
                        "changed_services", order.changedServices(), "warnings", event.warnings()));
    }

    static DeploymentEventView retried(DeploymentRetried event, String actor) {
        return new DeploymentEventView(RETRIED, event.retriedAt(), DeploymentPhase.progressing, actor,
                change("attempt", event.order().attempt(), "changed_services", event.order().changedServices()));
    }

    static DeploymentEventView progressed(DeploymentProgressed event, String actor) {
        DeploymentProgress progress = event.progress();
        return new DeploymentEventView(DeploymentProgress.typeOf(progress), event.at(), event.phase(), actor,
                RecordFields.of((Record) progress));
    }

    static DeploymentEventView promoted(DeploymentPromoted event, String actor) {
        return new DeploymentEventView(PROMOTED, event.promotedAt(), DeploymentPhase.progressing, actor,
                change("full", event.full()));
    }

    static DeploymentEventView paused(DeploymentPaused event, String actor) {
        return new DeploymentEventView(PAUSED, event.pausedAt(), DeploymentPhase.paused, actor, change());
    }

    static DeploymentEventView resumed(DeploymentResumed event, String actor) {
        return new DeploymentEventView(RESUMED, event.resumedAt(), DeploymentPhase.progressing, actor, change());
    }

    /** @param phase the deployment's phase when the abort was asked for; null where it is not known */
    static DeploymentEventView abortRequested(DeploymentAbortRequested event, String actor, DeploymentPhase phase) {
        return new DeploymentEventView(ABORT_REQUESTED, event.requestedAt(), phase, actor,
                change("as_rollback", event.asRollback()));
    }
}
