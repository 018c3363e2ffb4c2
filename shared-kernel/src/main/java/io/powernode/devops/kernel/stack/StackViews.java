package io.powernode.devops.kernel.stack;

import io.powernode.devops.kernel.common.PageInfo;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceMode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Read models of stacks and deployments, as the API shows them. */
public final class StackViews {
    private StackViews() {
    }

    /** The stack deploys or is being removed. */
    public static final String DEPLOYING = "deploying";
    public static final String REMOVING = "removing";
    /** Every service runs the replicas it asks for, and no update is stuck. */
    public static final String RUNNING = "running";
    /**
     * A service runs fewer tasks than it asks for, Docker paused or rolled back its update, or the last deployment
     * failed or ended degraded.
     */
    public static final String DEGRADED = "degraded";
    /** The platform removed the stack and nothing runs under its name; its deployments stay as history. */
    public static final String REMOVED = "removed";

    /**
     * @param managed          deployed by the platform at least once (else found by its namespace label only)
     * @param status           {@link #DEPLOYING}, {@link #REMOVING}, {@link #RUNNING}, {@link #DEGRADED} or
     *                         {@link #REMOVED}
     * @param liveRevision     the revision that last completed; null when none has
     * @param latestRevision   the newest revision; null for a stack the platform has not deployed
     * @param activeDeploymentId the deployment under way, or null
     * @param activeServices   compose service to the Docker service serving it, where a blue-green deployment left
     *                         one not named {@code <stack>_<service>}
     */
    public record StackView(String id, String accountId, String clusterId, String name, boolean managed,
                            String status, Integer liveRevision, Integer latestRevision, String activeDeploymentId,
                            String lastDeploymentId, DeploymentPhase lastDeploymentPhase,
                            Map<String, String> activeServices, List<StackServiceView> services, Instant createdAt,
                            Instant updatedAt) {
    }

    /**
     * One Docker service of a stack, as the swarm's last sync saw it.
     *
     * @param service the compose service it runs
     * @param role    {@code active} for the service serving its compose service, else the role a rollout gave it:
     *                {@code green}, {@code blue} or {@code canary}
     */
    public record StackServiceView(String id, String name, String service, String role, ServiceMode mode,
                                   String image, Integer desiredReplicas, int runningTasks, String updateState,
                                   String updateMessage) {
    }

    public record StackPage(List<StackView> items, PageInfo page) {
    }

    /**
     * A deployment with, for {@code FindDeployment}, its timeline.
     *
     * @param message         the latest reason worth reading: why it failed, rolled back or waits
     * @param step            the rollout step under way or last done, null before the first
     * @param weight          a canary's current weight in percent, null otherwise
     * @param requestedBy     the actor who asked for it
     * @param environmentKeys the interpolation variables it was given, by name only
     * @param fileNames       the files it was given, by name only
     * @param timeline        oldest first; null in lists
     */
    public record DeploymentView(String id, String accountId, String stackId, String stackName, String clusterId,
                                 int revision, Integer previousRevision, DeploymentTrigger trigger,
                                 String basedOnDeploymentId, Strategy strategy, DeploymentPhase phase,
                                 String message, int attempt, Integer step, Integer weight, String requestedBy,
                                 Instant requestedAt, Instant updatedAt, Instant finishedAt,
                                 List<String> changedServices, Map<String, String> activeServices,
                                 List<String> warnings, String compose, List<String> environmentKeys,
                                 List<String> fileNames, List<DeploymentEventView> timeline) {
    }

    /**
     * One timeline entry: a {@link DeploymentProgress} by its type name, or a user's action ({@code requested},
     * {@code promoted}, {@code paused}, {@code resumed}, {@code abort_requested}, {@code retried}).
     *
     * @param actor   who caused it: a user's id, or the rollout
     * @param details the entry's fields, snake_case
     */
    public record DeploymentEventView(String type, Instant at, DeploymentPhase phase, String actor,
                                      Map<String, Object> details) {
    }

    public record DeploymentPage(List<DeploymentView> items, PageInfo page) {
    }

    /** An entry of the account's deployment feed, as SSE clients receive it; its position is the SSE id. */
    public record DeploymentFeedEntry(long position, String accountId, String deploymentId, String stackId,
                                      String eventType, DeploymentPhase phase, Instant occurredAt,
                                      Map<String, Object> change) {
    }
}
