package io.powernode.devops.command.stack;

import io.powernode.devops.kernel.common.DomainError;
import io.powernode.devops.kernel.stack.DeploymentPhase;

import java.util.List;
import java.util.Set;

/**
 * Every refusal of a stack, in one place: clients rely on the codes; the messages say what to do instead.
 * NOT_FOUND for what the account cannot see, CONFLICT for what waiting resolves (a deployment or a removal under
 * way), RULE_VIOLATION for what no waiting changes.
 */
final class StackErrors {

    private StackErrors() {
    }

    /** Another account must not learn that the stack exists: the same answer as for a stack that does not. */
    static DomainError stackNotFound(String stackId) {
        return DomainError.notFound("stack_not_found", "No stack " + stackId + " in this account");
    }

    static DomainError deploymentNotFound(String deploymentId) {
        return DomainError.notFound("deployment_not_found", "No deployment " + deploymentId + " in this stack");
    }

    static DomainError deploymentInProgress(String deploymentId, DeploymentPhase phase) {
        return DomainError.conflict("deployment_in_progress", null, "Deployment " + deploymentId
                + " of this stack is " + phase + "; a stack takes one deployment at a time: wait until it ends,"
                + " or abort it");
    }

    static DomainError removalInProgress(String removalId) {
        return DomainError.conflict("removal_in_progress", null, "The stack is being removed (removal " + removalId
                + "); deploy it again once the removal has ended");
    }

    static DomainError rollingUpdateInProgress(String deploymentId) {
        return DomainError.conflict("rolling_update_in_progress", null, "Deployment " + deploymentId
                + " is a rolling update that Docker carries out, and it ends by itself (Docker rolls a failing"
                + " update back as its update_config says); roll it back once it has ended");
    }

    static DomainError rollingNotSteerable(String deploymentId, String action) {
        return DomainError.ruleViolation("rolling_deployment", "Deployment " + deploymentId
                + " is a rolling update that Docker carries out: it cannot be " + action
                + "; only blue-green and canary deployments can");
    }

    static DomainError notUnderWay(String deploymentId, String action) {
        return DomainError.ruleViolation("deployment_not_active", "Deployment " + deploymentId
                + " is not under way: only a deployment under way can be " + action);
    }

    static DomainError beingUndone(String deploymentId, String action) {
        return DomainError.ruleViolation("deployment_being_undone", "Deployment " + deploymentId
                + " is being aborted or rolled back: it can no longer be " + action);
    }

    static DomainError notProgressing(String deploymentId, DeploymentPhase phase) {
        return DomainError.ruleViolation("deployment_not_progressing", "Deployment " + deploymentId + " is "
                + phase + ": only a progressing deployment can be paused");
    }

    static DomainError notPaused(String deploymentId, DeploymentPhase phase) {
        return DomainError.ruleViolation("deployment_not_paused", "Deployment " + deploymentId + " is " + phase
                + ", not paused: there is nothing to resume");
    }

    static DomainError stepWaitsForPromote(String deploymentId) {
        return DomainError.ruleViolation("step_waits_for_promote", "Deployment " + deploymentId
                + " waits at a step for a promote, not for a resume: promote it to go on");
    }

    static DomainError pausedByUser(String deploymentId) {
        return DomainError.ruleViolation("deployment_paused", "Deployment " + deploymentId
                + " is paused: resume it before promoting it");
    }

    static DomainError nothingToPromote(String deploymentId) {
        return DomainError.ruleViolation("nothing_to_promote", "Deployment " + deploymentId
                + " is healthy and no step waits for a promote; a full promote ends the scale-down delay now");
    }

    static DomainError notLatest(String deploymentId, String latestDeploymentId) {
        return DomainError.ruleViolation("not_latest_deployment", "Only the stack's latest deployment, "
                + latestDeploymentId + ", can be retried, not " + deploymentId
                + "; redeploy that one's revision instead");
    }

    static DomainError notRetryable(String deploymentId, DeploymentPhase phase) {
        return DomainError.ruleViolation("deployment_not_retryable", "Deployment " + deploymentId + " is " + phase
                + ": only an aborted, rolled back, failed or degraded deployment can be retried");
    }

    static DomainError noEarlierRevision(String deploymentId) {
        return DomainError.ruleViolation("no_earlier_revision", "Deployment " + deploymentId
                + " came when no revision of the stack was live: there is no earlier revision to roll back to");
    }

    static DomainError unknownStrategyServices(List<String> unknown, int revision, Set<String> services) {
        return DomainError.ruleViolation("unknown_strategy_service", "The strategy names " + unknown
                + ", which revision " + revision + " does not declare; its services are " + services);
    }

    static DomainError revisionNotKept(int revision) {
        return DomainError.ruleViolation("revision_not_kept", "Revision " + revision + " is no longer kept: a"
                + " stack keeps its last " + RevisionHistory.KEPT + " revisions and the live one");
    }

    static DomainError stackIdMismatch(String stackId, String clusterId, String stackName) {
        return DomainError.ruleViolation("stack_id_mismatch", "Stack id " + stackId + " is not the id of stack "
                + stackName + " in cluster " + clusterId);
    }

    static DomainError planForAnotherStack(String planStack, String stackName) {
        return DomainError.ruleViolation("plan_for_another_stack", "The compose file was converted for stack "
                + planStack + ", not " + stackName + ": every name and label in it would be wrong");
    }
}
