package io.powernode.devops.command.stack;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentOrder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stack's deployments: a {@link DeploymentRecord} of every one, so that any of them can be redeployed or rolled
 * back while its revisions are kept (and told apart from an id the stack never had when they are not), and the
 * {@link LatestDeployment}, the one that can be under way, steered and retried.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class Deployments {

    private final Map<String, DeploymentRecord> byId = new LinkedHashMap<>();
    private LatestDeployment latest;

    boolean isKnown(String deploymentId) {
        return byId.containsKey(deploymentId);
    }

    /** @throws io.powernode.devops.kernel.common.DomainError NOT_FOUND for an id the stack never had */
    DeploymentRecord find(String deploymentId) {
        requireKnown(deploymentId);
        return byId.get(deploymentId);
    }

    /** The newest deployment; null before the first. */
    LatestDeployment latest() {
        return latest;
    }

    /** The deployment under way; null when none is. */
    LatestDeployment active() {
        return latest != null && latest.isActive() ? latest : null;
    }

    /** The deployment under way if it is this one; null otherwise. */
    LatestDeployment activeOne(String deploymentId) {
        LatestDeployment active = active();
        return active != null && active.id().equals(deploymentId) ? active : null;
    }

    /** The newest deployment, which must be this one: only the newest can be retried. */
    LatestDeployment latestOne(String deploymentId) {
        requireKnown(deploymentId);
        if (!latest.id().equals(deploymentId)) {
            throw StackErrors.notLatest(deploymentId, latest.id());
        }
        return latest;
    }

    /** The deployment under way, to be steered by a user: only a blue-green or canary one can be. */
    LatestDeployment steerable(String deploymentId, String action) {
        requireKnown(deploymentId);
        LatestDeployment active = activeOne(deploymentId);
        if (active == null) {
            throw StackErrors.notUnderWay(deploymentId, action);
        }
        if (active.isRolling()) {
            throw StackErrors.rollingNotSteerable(deploymentId, action);
        }
        return active;
    }

    void requested(DeploymentOrder order, Integer previousRevision) {
        byId.put(order.deploymentId(), new DeploymentRecord(order.revision().number(), previousRevision));
        latest = LatestDeployment.requested(order);
    }

    private void requireKnown(String deploymentId) {
        if (!isKnown(deploymentId)) {
            throw StackErrors.deploymentNotFound(deploymentId);
        }
    }
}
