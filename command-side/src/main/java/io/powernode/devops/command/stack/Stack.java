package io.powernode.devops.command.stack;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.powernode.devops.kernel.stack.DeploymentPhase;
import io.powernode.devops.kernel.stack.DeploymentProgress;
import io.powernode.devops.kernel.stack.DeploymentProgress.Completed;
import io.powernode.devops.kernel.stack.DeploymentProgress.Degraded;
import io.powernode.devops.kernel.stack.DeploymentProgress.RolledBack;
import io.powernode.devops.kernel.stack.DeploymentProgress.TrafficSwitched;
import io.powernode.devops.kernel.stack.DeploymentTrigger;
import io.powernode.devops.kernel.stack.StackCommands.AbortDeployment;
import io.powernode.devops.kernel.stack.StackCommands.DeployStack;
import io.powernode.devops.kernel.stack.StackCommands.PauseDeployment;
import io.powernode.devops.kernel.stack.StackCommands.PromoteDeployment;
import io.powernode.devops.kernel.stack.StackCommands.RecordDeploymentProgress;
import io.powernode.devops.kernel.stack.StackCommands.RecordStackRemovalFailed;
import io.powernode.devops.kernel.stack.StackCommands.RecordStackRemoved;
import io.powernode.devops.kernel.stack.StackCommands.RedeployRevision;
import io.powernode.devops.kernel.stack.StackCommands.RemoveStack;
import io.powernode.devops.kernel.stack.StackCommands.ResumeDeployment;
import io.powernode.devops.kernel.stack.StackCommands.RetryDeployment;
import io.powernode.devops.kernel.stack.StackCommands.RollbackDeployment;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentAbortRequested;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentOrder;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPaused;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentProgressed;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPromoted;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentResumed;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentRetried;
import io.powernode.devops.kernel.stack.StackEvents.StackDeploymentRequested;
import io.powernode.devops.kernel.stack.StackEvents.StackRemovalFailed;
import io.powernode.devops.kernel.stack.StackEvents.StackRemovalRequested;
import io.powernode.devops.kernel.stack.StackEvents.StackRemoved;
import io.powernode.devops.kernel.stack.StackPlan.ServicePlan;
import io.powernode.devops.kernel.stack.StackRevision;
import io.powernode.devops.kernel.stack.StackRevision.DeployOptions;
import io.powernode.devops.kernel.stack.Strategy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.powernode.devops.command.endpoint.AggregateMoment.currentVersion;
import static io.powernode.devops.command.endpoint.AggregateMoment.now;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A stack on a cluster, its revisions and its deployments, as one consistency boundary: one deployment at a time,
 * revision numbers without gaps, and "the revision before" known for every deployment. The rollout sagas carry
 * deployments out and report back; the stack decides what each report means for the deployment's phase, the live
 * revision and which Docker service serves each compose service.
 * <p>
 * A stack exists as soon as its first deployment or removal is asked for, also one that only the CLI deployed
 * (its id is derived from cluster and name). A removed stack stays, empty: deploying it again goes on numbering
 * its revisions. Fields are visible to Jackson because snapshots of this aggregate are serialized with it.
 */
@Aggregate(snapshotTriggerDefinition = "stackSnapshotTrigger", cache = "stackCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Stack {

    /** The progress deadline of a rolling deployment asked for without a strategy; Kubernetes' default. */
    static final Duration DEFAULT_PROGRESS_DEADLINE = Duration.ofMinutes(10);

    @AggregateIdentifier
    private String stackId;
    private StackAddress address;
    private final RevisionHistory revisions = new RevisionHistory();
    private final Deployments deployments = new Deployments();
    /** The revision that last completed; null before, and after a removal. */
    private Integer liveRevision;
    /**
     * A revision after the live one that Docker was given and that ended degraded: its specs, not the live
     * revision's, are what Docker holds. Null when Docker holds the live revision.
     */
    private DegradedRevision degraded;
    /** Compose service to the Docker service serving it, where a rollout reported one. */
    private final Map<String, String> activeServices = new LinkedHashMap<>();
    private String pendingRemovalId;

    protected Stack() {
        // for Axon, which rebuilds the stack from its events, or creates it for its first command
    }

    /** Answers the deployment's id, also when the same request comes again (the API retries with the same id). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(DeployStack command) {
        requireAccount(command.accountId());
        StackAddress addressed = StackAddress.addressedBy(command.stackId(), command.accountId(),
                command.clusterId(), command.stackName());
        if (deployments.isKnown(command.deploymentId())) {
            return command.deploymentId();
        }
        if (!command.plan().stack().equals(command.stackName())) {
            throw StackErrors.planForAnotherStack(command.plan().stack(), command.stackName());
        }
        requireNothingUnderWay();
        StackRevision revision = new StackRevision(revisions.nextNumber(), command.source(), command.plan(),
                command.options());
        requestDeployment(addressed, command.deploymentId(), revision, command.strategy(), DeploymentTrigger.deploy,
                null, command.warnings());
        return command.deploymentId();
    }

    @CommandHandler
    public String handle(RedeployRevision command) {
        requireAccount(command.accountId());
        if (deployments.isKnown(command.deploymentId())) {
            return command.deploymentId();
        }
        DeploymentRecord source = deployments.find(command.sourceDeploymentId());
        StackRevision revision = revisions.kept(source.revision());
        requireNothingUnderWay();
        requestDeployment(address, command.deploymentId(), revision, command.strategy(), DeploymentTrigger.redeploy,
                command.sourceDeploymentId(), List.of());
        return command.deploymentId();
    }

    /**
     * Answers the id of the deployment that rolls back: the one asked about when it is rolled back in place (a
     * blue-green or canary one under way), else the new deployment of the revision that was live before it.
     */
    @CommandHandler
    public String handle(RollbackDeployment command) {
        requireAccount(command.accountId());
        if (deployments.isKnown(command.newDeploymentId())) {
            return command.newDeploymentId();
        }
        DeploymentRecord target = deployments.find(command.deploymentId());
        LatestDeployment underWay = deployments.activeOne(command.deploymentId());
        if (underWay != null) {
            return rollBackInPlace(underWay);
        }
        if (target.previousRevision() == null) {
            throw StackErrors.noEarlierRevision(command.deploymentId());
        }
        StackRevision previous = revisions.kept(target.previousRevision());
        requireNothingUnderWay();
        requestDeployment(address, command.newDeploymentId(), pruned(previous), command.strategy(),
                DeploymentTrigger.rollback, command.deploymentId(), List.of());
        return command.newDeploymentId();
    }

    /** Asked again while the undo runs, it answers the same without asking twice. */
    private String rollBackInPlace(LatestDeployment deployment) {
        if (deployment.isRolling()) {
            throw StackErrors.rollingUpdateInProgress(deployment.id());
        }
        if (!deployment.isBeingUndone()) {
            apply(new DeploymentAbortRequested(stackId, address.accountId(), deployment.id(), true, now()));
        }
        return deployment.id();
    }

    @CommandHandler
    public long handle(PromoteDeployment command) {
        requireAccount(command.accountId());
        deployments.steerable(command.deploymentId(), "promoted").checkPromote(command.full());
        apply(new DeploymentPromoted(stackId, address.accountId(), command.deploymentId(), command.full(), now()));
        return currentVersion();
    }

    @CommandHandler
    public long handle(PauseDeployment command) {
        requireAccount(command.accountId());
        deployments.steerable(command.deploymentId(), "paused").checkPause();
        apply(new DeploymentPaused(stackId, address.accountId(), command.deploymentId(), now()));
        return currentVersion();
    }

    @CommandHandler
    public long handle(ResumeDeployment command) {
        requireAccount(command.accountId());
        deployments.steerable(command.deploymentId(), "resumed").checkResume();
        apply(new DeploymentResumed(stackId, address.accountId(), command.deploymentId(), now()));
        return currentVersion();
    }

    /** An abort asked again, or after a rollback was, changes nothing: the undo already runs. */
    @CommandHandler
    public long handle(AbortDeployment command) {
        requireAccount(command.accountId());
        LatestDeployment deployment = deployments.steerable(command.deploymentId(), "aborted");
        if (!deployment.isBeingUndone()) {
            apply(new DeploymentAbortRequested(stackId, address.accountId(), command.deploymentId(), false, now()));
        }
        return currentVersion();
    }

    /** The order is built again: what changed and what serves are judged against the stack as it is now. */
    @CommandHandler
    public long handle(RetryDeployment command) {
        requireAccount(command.accountId());
        LatestDeployment deployment = deployments.latestOne(command.deploymentId());
        deployment.checkRetryable();
        requireNoRemovalUnderWay();
        StackRevision revision = deployment.asApplied(revisions.kept(deployment.revision()));
        apply(new DeploymentRetried(stackId, address.accountId(), order(address, deployment.id(),
                deployment.attempt() + 1, revision, deployment.strategy()), now()));
        return currentVersion();
    }

    /**
     * Never refused: the rollout reports what it did, and a report the stack cannot use (of another deployment or
     * attempt, sent again, or come after the deployment ended) is dropped.
     */
    @CommandHandler
    public void handle(RecordDeploymentProgress command) {
        LatestDeployment deployment = deployments.active();
        if (deployment == null || !deployment.accepts(command.deploymentId(), command.attempt(), command.key())) {
            return;
        }
        DeploymentPhase phase = deployment.phaseAfter(command.progress());
        apply(new DeploymentProgressed(stackId, address.accountId(), command.deploymentId(), command.attempt(),
                command.key(), command.progress(), phase, now()));
    }

    /** Answers the removal's id; while one is pending, a second request answers that one's id. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(RemoveStack command) {
        requireAccount(command.accountId());
        StackAddress addressed = StackAddress.addressedBy(command.stackId(), command.accountId(),
                command.clusterId(), command.stackName());
        if (pendingRemovalId != null) {
            return pendingRemovalId;
        }
        requireNoDeploymentUnderWay();
        apply(new StackRemovalRequested(addressed.stackId(), addressed.accountId(), addressed.clusterId(),
                addressed.stackName(), command.removalId(), now()));
        return command.removalId();
    }

    /** An outcome reported again, or of a removal that is not the pending one, records nothing. */
    @CommandHandler
    public void handle(RecordStackRemoved command) {
        if (isPendingRemoval(command.removalId())) {
            apply(new StackRemoved(stackId, address.accountId(), address.clusterId(), address.stackName(), now()));
        }
    }

    @CommandHandler
    public void handle(RecordStackRemovalFailed command) {
        if (isPendingRemoval(command.removalId())) {
            apply(new StackRemovalFailed(stackId, address.accountId(), address.clusterId(), address.stackName(),
                    command.reason(), now()));
        }
    }

    @EventSourcingHandler
    void on(StackDeploymentRequested event) {
        DeploymentOrder order = event.order();
        identify(new StackAddress(event.stackId(), event.accountId(), order.clusterId(), order.stackName()));
        if (event.trigger() == DeploymentTrigger.deploy) {
            revisions.add(order.revision(), revisionsInDocker());
        }
        deployments.requested(order, event.previousRevision());
    }

    @EventSourcingHandler
    void on(DeploymentRetried event) {
        deployments.latest().retried(event.order().attempt());
    }

    @EventSourcingHandler
    void on(DeploymentProgressed event) {
        DeploymentProgress progress = event.progress();
        LatestDeployment deployment = deployments.latest();
        deployment.progressed(progress, event.phase(), event.key());
        if (progress instanceof Completed completed) {
            liveRevision = deployment.revision();
            degraded = null;
            revisions.forgetOldest(revisionsInDocker());
            replaceActiveServices(completed.activeServices());
        } else if (progress instanceof Degraded) {
            degraded = new DegradedRevision(deployment.id(), deployment.revision());
        } else if (progress instanceof RolledBack rolledBack) {
            replaceActiveServices(rolledBack.activeServices());
        } else if (progress instanceof TrafficSwitched switched) {
            // names only the services whose endpoint moved; the others serve as before
            activeServices.putAll(switched.to());
        }
    }

    @EventSourcingHandler
    void on(DeploymentPromoted event) {
        deployments.latest().continued();
    }

    @EventSourcingHandler
    void on(DeploymentPaused event) {
        deployments.latest().pausedByUser();
    }

    @EventSourcingHandler
    void on(DeploymentResumed event) {
        deployments.latest().continued();
    }

    @EventSourcingHandler
    void on(DeploymentAbortRequested event) {
        deployments.latest().undoRequested(event.asRollback());
    }

    @EventSourcingHandler
    void on(StackRemovalRequested event) {
        identify(new StackAddress(event.stackId(), event.accountId(), event.clusterId(), event.stackName()));
        pendingRemovalId = event.removalId();
    }

    /** Nothing of the stack runs any more: its next deployment starts from nothing, as its first did. */
    @EventSourcingHandler
    void on(StackRemoved event) {
        pendingRemovalId = null;
        liveRevision = null;
        degraded = null;
        revisions.forgetOldest(revisionsInDocker());
        activeServices.clear();
    }

    @EventSourcingHandler
    void on(StackRemovalFailed event) {
        pendingRemovalId = null;
    }

    /** A stack that a DeployStack or RemoveStack is creating has no account yet: the command's becomes its own. */
    private void requireAccount(String commandAccountId) {
        if (address != null && !address.accountId().equals(commandAccountId)) {
            throw StackErrors.stackNotFound(stackId);
        }
    }

    private boolean isPendingRemoval(String removalId) {
        return pendingRemovalId != null && pendingRemovalId.equals(removalId);
    }

    private void requireNothingUnderWay() {
        requireNoRemovalUnderWay();
        requireNoDeploymentUnderWay();
    }

    private void requireNoRemovalUnderWay() {
        if (pendingRemovalId != null) {
            throw StackErrors.removalInProgress(pendingRemovalId);
        }
    }

    private void requireNoDeploymentUnderWay() {
        LatestDeployment active = deployments.active();
        if (active != null) {
            throw StackErrors.deploymentInProgress(active.id(), active.phase());
        }
    }

    /**
     * A deployment asked for without a strategy is a rolling one: what {@code docker stack deploy} does. A strategy
     * may only narrow the rollout to services of the revision: one it lacks would be rolled out by nothing, and
     * every change of the revision applied at once instead.
     */
    private void requestDeployment(StackAddress at, String deploymentId, StackRevision revision, Strategy strategy,
                                   DeploymentTrigger trigger, String basedOnDeploymentId, List<String> warnings) {
        Strategy applied = strategy == null ? new Strategy.Rolling(DEFAULT_PROGRESS_DEADLINE) : strategy;
        Set<String> declared = revision.plan().services().stream().map(ServicePlan::service)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> unknown = applied.services().stream().filter(service -> !declared.contains(service)).toList();
        if (!unknown.isEmpty()) {
            throw StackErrors.unknownStrategyServices(unknown, revision.number(), declared);
        }
        apply(new StackDeploymentRequested(at.stackId(), at.accountId(), order(at, deploymentId, 1, revision, applied),
                trigger, basedOnDeploymentId, liveRevision, warnings, now()));
    }

    private DeploymentOrder order(StackAddress at, String deploymentId, int attempt, StackRevision revision,
                                  Strategy strategy) {
        List<String> changed = ChangedServices.between(revisions.planInDocker(revisionInDocker(deploymentId)),
                revision.plan());
        return new DeploymentOrder(at.clusterId(), at.stackName(), deploymentId, attempt, revision, strategy, changed,
                activeServices);
    }

    /**
     * The revision whose specs Docker holds, which a deployment's changes are judged against: the live one, or one
     * that ended degraded after it. A retry of the degraded deployment is judged, as its first attempt was, against
     * the live revision: it is run again from its start.
     */
    private Integer revisionInDocker(String deploymentId) {
        if (degraded == null || degraded.deploymentId().equals(deploymentId)) {
            return liveRevision;
        }
        return degraded.revision();
    }

    /** The revisions Docker holds specs of, which the history keeps however old. */
    private List<Integer> revisionsInDocker() {
        return Stream.of(liveRevision, degraded == null ? null : degraded.revision()).filter(Objects::nonNull)
                .toList();
    }

    /**
     * A rollback makes the stack equal the earlier revision: with prune, the services the newer revision added are
     * removed as well.
     */
    private static StackRevision pruned(StackRevision revision) {
        DeployOptions options = revision.options();
        return new StackRevision(revision.number(), revision.source(), revision.plan(),
                new DeployOptions(true, options.resolveImage(), options.registryAuth()));
    }

    private void identify(StackAddress identified) {
        if (address == null) {
            stackId = identified.stackId();
            address = identified;
        }
    }

    private void replaceActiveServices(Map<String, String> reported) {
        activeServices.clear();
        activeServices.putAll(reported);
    }
}
