package io.powernode.devops.command.host;

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
import io.powernode.devops.kernel.host.HostCommands.EndHostMaintenance;
import io.powernode.devops.kernel.host.HostCommands.RecordDockerEvent;
import io.powernode.devops.kernel.host.HostCommands.RecordHostRecovery;
import io.powernode.devops.kernel.host.HostCommands.RecordHostSync;
import io.powernode.devops.kernel.host.HostCommands.RecordHostSyncFailure;
import io.powernode.devops.kernel.host.HostCommands.RegisterHost;
import io.powernode.devops.kernel.host.HostCommands.RemoveHost;
import io.powernode.devops.kernel.host.HostCommands.StartHostMaintenance;
import io.powernode.devops.kernel.host.HostCommands.UpdateHost;
import io.powernode.devops.kernel.host.HostEvents.DockerEventObserved;
import io.powernode.devops.kernel.host.HostEvents.HostConnected;
import io.powernode.devops.kernel.host.HostEvents.HostContainersChanged;
import io.powernode.devops.kernel.host.HostEvents.HostCredentialsReplaced;
import io.powernode.devops.kernel.host.HostEvents.HostDetailsChanged;
import io.powernode.devops.kernel.host.HostEvents.HostDisconnected;
import io.powernode.devops.kernel.host.HostEvents.HostImagesChanged;
import io.powernode.devops.kernel.host.HostEvents.HostMaintenanceEnded;
import io.powernode.devops.kernel.host.HostEvents.HostMaintenanceStarted;
import io.powernode.devops.kernel.host.HostEvents.HostMarkedError;
import io.powernode.devops.kernel.host.HostEvents.HostNetworksChanged;
import io.powernode.devops.kernel.host.HostEvents.HostRecoveryRecorded;
import io.powernode.devops.kernel.host.HostEvents.HostRegistered;
import io.powernode.devops.kernel.host.HostEvents.HostRemoved;
import io.powernode.devops.kernel.host.HostEvents.HostSyncFailed;
import io.powernode.devops.kernel.host.HostEvents.HostSystemInfoChanged;
import io.powernode.devops.kernel.host.HostEvents.HostVolumesChanged;
import io.powernode.devops.kernel.host.HostInventory.ContainerSummary;
import io.powernode.devops.kernel.host.HostInventory.HostSnapshot;
import io.powernode.devops.kernel.host.HostInventory.HostSystemInfo;
import io.powernode.devops.kernel.host.HostInventory.ImageSummary;
import io.powernode.devops.kernel.host.HostInventory.NetworkSummary;
import io.powernode.devops.kernel.host.HostInventory.VolumeSummary;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
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
 * A Docker host an account registered: its settings, its connection health as the sync process sees it, and the
 * inventory it last recorded, against which the next sync is compared. What it shares with every endpoint lives in
 * the {@code endpoint} package; the host turns those decisions into its own events.
 * <p>
 * Fields are visible to Jackson because snapshots of this aggregate are serialized with it. Revision 2 keeps
 * settings and health as values; snapshots of earlier revisions are skipped and the host is rebuilt from events.
 */
@Aggregate(snapshotTriggerDefinition = "dockerHostSnapshotTrigger", cache = "dockerHostCache")
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class DockerHost {

    public static final int MIN_SYNC_INTERVAL_SECONDS = EndpointSettings.MIN_SYNC_INTERVAL_SECONDS;
    public static final int MAX_SYNC_INTERVAL_SECONDS = EndpointSettings.MAX_SYNC_INTERVAL_SECONDS;
    private static final Kind KIND = Kind.docker_host;

    @AggregateIdentifier
    private String hostId;
    private String accountId;
    private EndpointSettings settings;
    private ConnectionHealth health;
    private HostSystemInfo systemInfo;
    private final Map<String, ContainerSummary> containers = new LinkedHashMap<>();
    private final Map<String, ImageSummary> images = new LinkedHashMap<>();
    private final Map<String, NetworkSummary> networks = new LinkedHashMap<>();
    private final Map<String, VolumeSummary> volumes = new LinkedHashMap<>();
    private final DockerEventWatermark dockerEvents = new DockerEventWatermark();

    protected DockerHost() {
        // for Axon, which rebuilds the host from its events
    }

    @CommandHandler
    public DockerHost(RegisterHost command, NameRegistry names) {
        EndpointSettings registered = EndpointSettings.register(KIND, command.name(), command.apiEndpoint(),
                command.environment(), command.tlsVerify(), command.credentials(), command.syncIntervalSeconds());
        names.claim(KIND, command.accountId(), registered.name(), command.hostId());
        apply(new HostRegistered(command.hostId(), command.accountId(), registered.name(), registered.endpoint(),
                registered.environment(), registered.tlsVerify(), command.credentials(),
                registered.syncIntervalSeconds(), now()));
    }

    @CommandHandler
    public long handle(UpdateHost command, NameRegistry names) {
        requireAccount(command.accountId());
        SettingsChange change = settings.change(KIND, new SettingsUpdate(command.name(), command.apiEndpoint(),
                command.environment(), command.tlsVerify(), command.newCredentials(), command.removeCredentials(),
                command.syncIntervalSeconds()));
        change.moveNameClaim(names, accountId, hostId);
        if (change.changesDetails()) {
            EndpointSettings after = change.after();
            apply(new HostDetailsChanged(hostId, accountId, after.name(), after.endpoint(), after.environment(),
                    after.tlsVerify(), after.syncIntervalSeconds(), change.changedFields(), now()));
        }
        if (change.replacesCredentials()) {
            apply(new HostCredentialsReplaced(hostId, accountId, change.newCredentials(), now()));
        }
        return currentVersion();
    }

    @CommandHandler
    public void handle(RemoveHost command, NameRegistry names) {
        requireAccount(command.accountId());
        names.release(KIND, accountId, settings.name(), hostId);
        apply(new HostRemoved(hostId, accountId, settings.name(), now()));
    }

    @CommandHandler
    public long handle(StartHostMaintenance command) {
        requireAccount(command.accountId());
        record(health.startMaintenance(command.reason(), now()));
        return currentVersion();
    }

    @CommandHandler
    public long handle(EndHostMaintenance command) {
        requireAccount(command.accountId());
        record(health.endMaintenance(KIND, now()));
        return currentVersion();
    }

    @CommandHandler
    public long handle(RecordHostRecovery command) {
        requireAccount(command.accountId());
        record(health.recordRecovery(KIND, now()));
        return currentVersion();
    }

    @CommandHandler
    public void handle(RecordHostSync command) {
        HostSnapshot snapshot = command.snapshot();
        Instant observedAt = snapshot.observedAt();
        if (!health.accepts(observedAt)) {
            return;
        }
        record(health.syncSucceeded(observedAt));
        if (!Objects.equals(systemInfo, snapshot.systemInfo())) {
            apply(new HostSystemInfoChanged(hostId, accountId, snapshot.systemInfo(), observedAt));
        }
        InventoryDiff.recordChanges(containers, snapshot.containers(), ContainerSummary::id,
                diff -> new HostContainersChanged(hostId, accountId, diff.added(), diff.changed(),
                        diff.removedKeys(), observedAt));
        InventoryDiff.recordChanges(images, snapshot.images(), ImageSummary::id,
                diff -> new HostImagesChanged(hostId, accountId, diff.added(), diff.changed(), diff.removedKeys(),
                        observedAt));
        InventoryDiff.recordChanges(networks, snapshot.networks(), NetworkSummary::id,
                diff -> new HostNetworksChanged(hostId, accountId, diff.added(), diff.changed(), diff.removedKeys(),
                        observedAt));
        InventoryDiff.recordChanges(volumes, snapshot.volumes(), VolumeSummary::name,
                diff -> new HostVolumesChanged(hostId, accountId, diff.added(), diff.changed(), diff.removedKeys(),
                        observedAt));
    }

    @CommandHandler
    public void handle(RecordHostSyncFailure command) {
        if (health.accepts(command.observedAt())) {
            record(health.syncFailed(command.error(), command.observedAt()));
        }
    }

    @CommandHandler
    public void handle(RecordDockerEvent command) {
        if (!dockerEvents.isRepeat(command.event())) {
            apply(new DockerEventObserved(hostId, accountId, command.event()));
        }
    }

    @EventSourcingHandler
    void on(HostRegistered event) {
        hostId = event.hostId();
        accountId = event.accountId();
        settings = new EndpointSettings(event.name(), event.apiEndpoint(), event.environment(), event.tlsVerify(),
                event.credentials() != null, event.syncIntervalSeconds());
        health = ConnectionHealth.pending();
    }

    @EventSourcingHandler
    void on(HostDetailsChanged event) {
        settings = settings.withDetails(event.name(), event.apiEndpoint(), event.environment(), event.tlsVerify(),
                event.syncIntervalSeconds());
    }

    @EventSourcingHandler
    void on(HostCredentialsReplaced event) {
        settings = settings.withCredentials(event.credentials());
    }

    @EventSourcingHandler
    void on(HostRemoved event) {
        markDeleted();
    }

    @EventSourcingHandler
    void on(HostConnected event) {
        health = health.afterConnected(event.connectedAt());
    }

    @EventSourcingHandler
    void on(HostSyncFailed event) {
        health = health.afterSyncFailed(event.consecutiveFailures(), event.failedAt());
    }

    @EventSourcingHandler
    void on(HostDisconnected event) {
        health = health.afterDisconnected();
    }

    @EventSourcingHandler
    void on(HostMarkedError event) {
        health = health.afterMarkedError();
    }

    @EventSourcingHandler
    void on(HostMaintenanceStarted event) {
        health = health.afterMaintenanceStarted();
    }

    @EventSourcingHandler
    void on(HostMaintenanceEnded event) {
        health = health.afterMaintenanceEnded();
    }

    @EventSourcingHandler
    void on(HostRecoveryRecorded event) {
        health = health.afterRecovery();
    }

    @EventSourcingHandler
    void on(HostSystemInfoChanged event) {
        systemInfo = event.systemInfo();
        health = health.afterObservation(event.observedAt());
    }

    @EventSourcingHandler
    void on(HostContainersChanged event) {
        new InventoryDiff<>(event.added(), event.changed(), event.removedIds()).applyTo(containers, ContainerSummary::id);
        health = health.afterObservation(event.observedAt());
    }

    @EventSourcingHandler
    void on(HostImagesChanged event) {
        new InventoryDiff<>(event.added(), event.changed(), event.removedIds()).applyTo(images, ImageSummary::id);
        health = health.afterObservation(event.observedAt());
    }

    @EventSourcingHandler
    void on(HostNetworksChanged event) {
        new InventoryDiff<>(event.added(), event.changed(), event.removedIds()).applyTo(networks, NetworkSummary::id);
        health = health.afterObservation(event.observedAt());
    }

    @EventSourcingHandler
    void on(HostVolumesChanged event) {
        new InventoryDiff<>(event.added(), event.changed(), event.removedNames()).applyTo(volumes, VolumeSummary::name);
        health = health.afterObservation(event.observedAt());
    }

    @EventSourcingHandler
    void on(DockerEventObserved event) {
        dockerEvents.advance(event.event());
    }

    private void requireAccount(String commandAccountId) {
        EndpointErrors.requireAccount(KIND, hostId, accountId, commandAccountId);
    }

    private void record(List<ConnectionTransition> transitions) {
        HostConnectionEvents events = new HostConnectionEvents(hostId, accountId);
        transitions.forEach(transition -> apply(transition.toEvent(events)));
    }
}
