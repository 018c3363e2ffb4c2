package io.powernode.devops.command.swarm;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.powernode.devops.command.endpoint.ConnectionHealth;
import io.powernode.devops.command.endpoint.ConnectionTransition;
import io.powernode.devops.command.endpoint.DockerEventWatermark;
import io.powernode.devops.command.endpoint.EndpointErrors;
import io.powernode.devops.command.endpoint.EndpointSettings;
import io.powernode.devops.command.endpoint.InventoryDiff;
import io.powernode.devops.command.endpoint.NameRegistry;
import io.powernode.devops.command.endpoint.NameRegistry.Kind;
import io.powernode.devops.command.endpoint.SettingsChange;
import io.powernode.devops.command.endpoint.SettingsUpdate;
import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.common.DomainError;
import io.powernode.devops.kernel.host.HostInventory.VolumeSummary;
import io.powernode.devops.kernel.host.SealedCredentials;
import io.powernode.devops.kernel.swarm.ClusterCommands.BeginSwarmOperation;
import io.powernode.devops.kernel.swarm.ClusterCommands.EndClusterMaintenance;
import io.powernode.devops.kernel.swarm.ClusterCommands.InitSwarmCluster;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordClusterRecovery;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordClusterSync;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordClusterSyncFailure;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordSwarmEvent;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordSwarmOperationFailed;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordSwarmOperationSucceeded;
import io.powernode.devops.kernel.swarm.ClusterCommands.RegisterCluster;
import io.powernode.devops.kernel.swarm.ClusterCommands.RemoveCluster;
import io.powernode.devops.kernel.swarm.ClusterCommands.RequestSwarmOperation;
import io.powernode.devops.kernel.swarm.ClusterCommands.StartClusterMaintenance;
import io.powernode.devops.kernel.swarm.ClusterCommands.UpdateCluster;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterConnected;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterCredentialsReplaced;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterDetailsChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterDisconnected;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterMaintenanceEnded;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterMaintenanceStarted;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterMarkedError;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRecoveryRecorded;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRegistered;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRemoved;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterSyncFailed;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmConfigsChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmEventObserved;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmInfoChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmNetworksChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmNodesChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationFailed;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationRequested;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationStarted;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationSucceeded;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmSecretsChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmServicesChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmTasksChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmVolumesChanged;
import io.powernode.devops.kernel.swarm.SwarmInventory.ClusterSnapshot;
import io.powernode.devops.kernel.swarm.SwarmInventory.ConfigSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.SecretSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.SwarmInfo;
import io.powernode.devops.kernel.swarm.SwarmInventory.SwarmNetworkSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.TaskSummary;
import io.powernode.devops.kernel.swarm.SwarmOperation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.powernode.devops.command.endpoint.AggregateMoment.currentVersion;
import static io.powernode.devops.command.endpoint.AggregateMoment.now;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * A swarm cluster an account registered by its manager endpoint, exactly as a host: the same settings, the same
 * connection lifecycle (shared through the {@code endpoint} package), and the swarm inventory it last recorded,
 * against which the next sync is compared. Swarm operations a user asks for are judged against that inventory and
 * kept while Docker carries them out (see {@link PendingOperations}).
 * <p>
 * Fields are visible to Jackson because snapshots of this aggregate are serialized with it.
 */
@Aggregate(snapshotTriggerDefinition = "swarmClusterSnapshotTrigger", cache = "swarmClusterCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class SwarmCluster {

    private static final Kind KIND = Kind.swarm_cluster;

    @AggregateIdentifier
    private String clusterId;
    private String accountId;
    private EndpointSettings settings;
    private ConnectionHealth health;
    private SwarmInfo swarm;
    private final Map<String, NodeSummary> nodes = new LinkedHashMap<>();
    private final Map<String, ServiceSummary> services = new LinkedHashMap<>();
    private final Map<String, TaskSummary> tasks = new LinkedHashMap<>();
    private final Map<String, SwarmNetworkSummary> networks = new LinkedHashMap<>();
    private final Map<String, VolumeSummary> volumes = new LinkedHashMap<>();
    private final Map<String, SecretSummary> secrets = new LinkedHashMap<>();
    private final Map<String, ConfigSummary> configs = new LinkedHashMap<>();
    private final DockerEventWatermark swarmEvents = new DockerEventWatermark();
    private final PendingOperations operations = new PendingOperations();

    protected SwarmCluster() {
        // for Axon, which rebuilds the cluster from its events
    }

    @CommandHandler
    public SwarmCluster(RegisterCluster command, NameRegistry names) {
        register(command.clusterId(), command.accountId(), command.name(), command.managerEndpoint(),
                command.environment(), command.tlsVerify(), command.credentials(), command.syncIntervalSeconds(),
                names);
    }

    /** Registered exactly as by {@link RegisterCluster}; creating the swarm is the cluster's first operation. */
    @CommandHandler
    public SwarmCluster(InitSwarmCluster command, NameRegistry names) {
        OperationRules.checkInit(command.init());
        register(command.clusterId(), command.accountId(), command.name(), command.managerEndpoint(),
                command.environment(), command.tlsVerify(), command.credentials(), command.syncIntervalSeconds(),
                names);
        // the command's ids, not the fields: Axon sources an event applied in a constructor only once it returns
        apply(new SwarmOperationRequested(command.clusterId(), command.accountId(), command.operationId(),
                command.init(), now()));
    }

    private void register(String id, String account, String name, String managerEndpoint,
                          DeploymentEnvironment environment, boolean tlsVerify, SealedCredentials credentials,
                          int syncIntervalSeconds, NameRegistry names) {
        EndpointSettings registered = EndpointSettings.register(KIND, name, managerEndpoint, environment, tlsVerify,
                credentials, syncIntervalSeconds);
        names.claim(KIND, account, registered.name(), id);
        apply(new ClusterRegistered(id, account, registered.name(), registered.endpoint(), registered.environment(),
                registered.tlsVerify(), credentials, registered.syncIntervalSeconds(), now()));
    }

    @CommandHandler
    public long handle(UpdateCluster command, NameRegistry names) {
        requireAccount(command.accountId());
        SettingsChange change = settings.change(KIND, new SettingsUpdate(command.name(), command.managerEndpoint(),
                command.environment(), command.tlsVerify(), command.newCredentials(), command.removeCredentials(),
                command.syncIntervalSeconds()));
        change.moveNameClaim(names, accountId, clusterId);
        if (change.changesDetails()) {
            EndpointSettings after = change.after();
            apply(new ClusterDetailsChanged(clusterId, accountId, after.name(), after.endpoint(), after.environment(),
                    after.tlsVerify(), after.syncIntervalSeconds(), change.changedFields(), now()));
        }
        if (change.replacesCredentials()) {
            apply(new ClusterCredentialsReplaced(clusterId, accountId, change.newCredentials(), now()));
        }
        return currentVersion();
    }

    @CommandHandler
    public void handle(RemoveCluster command, NameRegistry names) {
        requireAccount(command.accountId());
        names.release(KIND, accountId, settings.name(), clusterId);
        apply(new ClusterRemoved(clusterId, accountId, settings.name(), now()));
    }

    @CommandHandler
    public long handle(StartClusterMaintenance command) {
        requireAccount(command.accountId());
        record(health.startMaintenance(command.reason(), now()));
        return currentVersion();
    }

    @CommandHandler
    public long handle(EndClusterMaintenance command) {
        requireAccount(command.accountId());
        record(health.endMaintenance(KIND, now()));
        return currentVersion();
    }

    @CommandHandler
    public long handle(RecordClusterRecovery command) {
        requireAccount(command.accountId());
        record(health.recordRecovery(KIND, now()));
        return currentVersion();
    }

    @CommandHandler
    public void handle(RecordClusterSync command) {
        ClusterSnapshot snapshot = command.snapshot();
        Instant observedAt = snapshot.observedAt();
        if (!health.accepts(observedAt)) {
            return;
        }
        record(health.syncSucceeded(observedAt));
        if (!Objects.equals(swarm, snapshot.swarm())) {
            apply(new SwarmInfoChanged(clusterId, accountId, snapshot.swarm(), observedAt));
        }
        InventoryDiff.recordChanges(nodes, snapshot.nodes(), NodeSummary::id,
                diff -> new SwarmNodesChanged(clusterId, accountId, diff.added(), diff.changed(), diff.removedKeys(),
                        observedAt));
        InventoryDiff.recordChanges(services, snapshot.services(), ServiceSummary::id,
                diff -> new SwarmServicesChanged(clusterId, accountId, diff.added(), diff.changed(),
                        diff.removedKeys(), observedAt));
        InventoryDiff.recordChanges(tasks, snapshot.tasks(), TaskSummary::id,
                diff -> new SwarmTasksChanged(clusterId, accountId, diff.added(), diff.changed(), diff.removedKeys(),
                        observedAt));
        InventoryDiff.recordChanges(networks, snapshot.networks(), SwarmNetworkSummary::id,
                diff -> new SwarmNetworksChanged(clusterId, accountId, diff.added(), diff.changed(),
                        diff.removedKeys(), observedAt));
        InventoryDiff.recordChanges(volumes, snapshot.volumes(), VolumeSummary::name,
                diff -> new SwarmVolumesChanged(clusterId, accountId, diff.added(), diff.changed(),
                        diff.removedKeys(), observedAt));
        InventoryDiff.recordChanges(secrets, snapshot.secrets(), SecretSummary::id,
                diff -> new SwarmSecretsChanged(clusterId, accountId, diff.added(), diff.changed(),
                        diff.removedKeys(), observedAt));
        InventoryDiff.recordChanges(configs, snapshot.configs(), ConfigSummary::id,
                diff -> new SwarmConfigsChanged(clusterId, accountId, diff.added(), diff.changed(),
                        diff.removedKeys(), observedAt));
    }

    @CommandHandler
    public void handle(RecordClusterSyncFailure command) {
        if (health.accepts(command.observedAt())) {
            record(health.syncFailed(command.error(), command.observedAt()));
        }
    }

    @CommandHandler
    public void handle(RecordSwarmEvent command) {
        if (!swarmEvents.isRepeat(command.event())) {
            apply(new SwarmEventObserved(clusterId, accountId, command.event()));
        }
    }

    /**
     * Records what the user asked Docker to do, once: the API retries a request with the same operation id, which
     * answers the operation already recorded, running or recently finished.
     */
    @CommandHandler
    public String handle(RequestSwarmOperation command) {
        requireAccount(command.accountId());
        String operationId = command.operationId();
        if (operations.isKnown(operationId)) {
            return operationId;
        }
        if (health.status() == ConnectionStatus.maintenance) {
            throw DomainError.conflict("cluster_in_maintenance", null, "The cluster is in maintenance;"
                    + " end the maintenance before asking Docker to change it");
        }
        new OperationRules(swarm, nodes, services).check(command.operation());
        apply(new SwarmOperationRequested(clusterId, accountId, operationId, command.operation(), now()));
        return operationId;
    }

    /**
     * Refusing a second start is what keeps Docker from running an operation twice; the attempt that began it
     * may ask again (its answer was lost) and is told yes without a second start.
     */
    @CommandHandler
    public void handle(BeginSwarmOperation command) {
        String operationId = command.operationId();
        if (operations.startedBy(operationId, command.attemptId())) {
            return;
        }
        if (!operations.awaitsStart(operationId)) {
            throw DomainError.conflict("operation_not_pending", null,
                    "Operation " + operationId + " is not waiting to start: it is unknown, running or finished");
        }
        apply(new SwarmOperationStarted(clusterId, accountId, operationId, operations.typeOf(operationId), now(),
                command.attemptId()));
    }

    /** An outcome reported again (a redelivered event, a retried report) finds nothing pending and records nothing. */
    @CommandHandler
    public void handle(RecordSwarmOperationSucceeded command) {
        String operationId = command.operationId();
        if (operations.isPending(operationId)) {
            apply(new SwarmOperationSucceeded(clusterId, accountId, operationId, operations.typeOf(operationId),
                    command.resourceId(), command.notes(), now()));
        }
    }

    @CommandHandler
    public void handle(RecordSwarmOperationFailed command) {
        String operationId = command.operationId();
        if (operations.isPending(operationId)) {
            apply(new SwarmOperationFailed(clusterId, accountId, operationId, operations.typeOf(operationId),
                    command.failure(), now()));
        }
    }

    @EventSourcingHandler
    void on(ClusterRegistered event) {
        clusterId = event.clusterId();
        accountId = event.accountId();
        settings = new EndpointSettings(event.name(), event.managerEndpoint(), event.environment(),
                event.tlsVerify(), event.credentials() != null, event.syncIntervalSeconds());
        health = ConnectionHealth.pending();
    }

    @EventSourcingHandler
    void on(ClusterDetailsChanged event) {
        settings = settings.withDetails(event.name(), event.managerEndpoint(), event.environment(),
                event.tlsVerify(), event.syncIntervalSeconds());
    }

    @EventSourcingHandler
    void on(ClusterCredentialsReplaced event) {
        settings = settings.withCredentials(event.credentials());
    }

    @EventSourcingHandler
    void on(ClusterRemoved event) {
        markDeleted();
    }

    @EventSourcingHandler
    void on(ClusterConnected event) {
        health = health.afterConnected(event.connectedAt());
    }

    @EventSourcingHandler
    void on(ClusterSyncFailed event) {
        health = health.afterSyncFailed(event.consecutiveFailures(), event.failedAt());
    }

    @EventSourcingHandler
    void on(ClusterDisconnected event) {
        health = health.afterDisconnected();
    }

    @EventSourcingHandler
    void on(ClusterMarkedError event) {
        health = health.afterMarkedError();
    }

    @EventSourcingHandler
    void on(ClusterMaintenanceStarted event) {
        health = health.afterMaintenanceStarted();
    }

    @EventSourcingHandler
    void on(ClusterMaintenanceEnded event) {
        health = health.afterMaintenanceEnded();
    }

    @EventSourcingHandler
    void on(ClusterRecoveryRecorded event) {
        health = health.afterRecovery();
    }

    @EventSourcingHandler
    void on(SwarmInfoChanged event) {
        swarm = event.swarm();
        health = health.afterObservation(event.observedAt());
    }

    @EventSourcingHandler
    void on(SwarmNodesChanged event) {
        new InventoryDiff<>(event.added(), event.changed(), event.removedIds()).applyTo(nodes, NodeSummary::id);
        health = health.afterObservation(event.observedAt());
    }

    @EventSourcingHandler
    void on(SwarmServicesChanged event) {
        new InventoryDiff<>(event.added(), event.changed(), event.removedIds()).applyTo(services, ServiceSummary::id);
        health = health.afterObservation(event.observedAt());
    }

    @EventSourcingHandler
    void on(SwarmTasksChanged event) {
        new InventoryDiff<>(event.added(), event.changed(), event.removedIds()).applyTo(tasks, TaskSummary::id);
        health = health.afterObservation(event.observedAt());
    }

    @EventSourcingHandler
    void on(SwarmNetworksChanged event) {
        new InventoryDiff<>(event.added(), event.changed(), event.removedIds())
                .applyTo(networks, SwarmNetworkSummary::id);
        health = health.afterObservation(event.observedAt());
    }

    @EventSourcingHandler
    void on(SwarmVolumesChanged event) {
        new InventoryDiff<>(event.added(), event.changed(), event.removedNames()).applyTo(volumes, VolumeSummary::name);
        health = health.afterObservation(event.observedAt());
    }

    @EventSourcingHandler
    void on(SwarmSecretsChanged event) {
        new InventoryDiff<>(event.added(), event.changed(), event.removedIds()).applyTo(secrets, SecretSummary::id);
        health = health.afterObservation(event.observedAt());
    }

    @EventSourcingHandler
    void on(SwarmConfigsChanged event) {
        new InventoryDiff<>(event.added(), event.changed(), event.removedIds()).applyTo(configs, ConfigSummary::id);
        health = health.afterObservation(event.observedAt());
    }

    @EventSourcingHandler
    void on(SwarmEventObserved event) {
        swarmEvents.advance(event.event());
    }

    @EventSourcingHandler
    void on(SwarmOperationRequested event) {
        operations.requested(event.operationId(), SwarmOperation.typeOf(event.operation()));
    }

    @EventSourcingHandler
    void on(SwarmOperationStarted event) {
        operations.started(event.operationId(), event.attemptId());
    }

    @EventSourcingHandler
    void on(SwarmOperationSucceeded event) {
        operations.finished(event.operationId());
    }

    @EventSourcingHandler
    void on(SwarmOperationFailed event) {
        operations.finished(event.operationId());
    }

    private void requireAccount(String commandAccountId) {
        EndpointErrors.requireAccount(KIND, clusterId, accountId, commandAccountId);
    }

    private void record(List<ConnectionTransition> transitions) {
        ClusterConnectionEvents events = new ClusterConnectionEvents(clusterId, accountId);
        transitions.forEach(transition -> apply(transition.toEvent(events)));
    }
}
