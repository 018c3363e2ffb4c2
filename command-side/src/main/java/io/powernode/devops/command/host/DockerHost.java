package io.powernode.devops.command.host;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.powernode.devops.kernel.common.DomainError;
import io.powernode.devops.kernel.host.HostCommands.EndHostMaintenance;
import io.powernode.devops.kernel.host.HostCommands.RecordDockerEvent;
import io.powernode.devops.kernel.host.HostCommands.RecordHostRecovery;
import io.powernode.devops.kernel.host.HostCommands.RecordHostSync;
import io.powernode.devops.kernel.host.HostCommands.RecordHostSyncFailure;
import io.powernode.devops.kernel.host.HostCommands.RegisterHost;
import io.powernode.devops.kernel.host.HostCommands.RemoveHost;
import io.powernode.devops.kernel.host.HostCommands.StartHostMaintenance;
import io.powernode.devops.kernel.host.HostCommands.UpdateHost;
import io.powernode.devops.kernel.host.HostEnvironment;
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
import io.powernode.devops.kernel.host.HostStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.axonframework.modelling.command.AggregateLifecycle;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * A Docker host an account registered: its connection details, its health as the sync process sees it, and
 * the inventory it last recorded, against which the next sync is compared.
 * <p>
 * Fields are visible to Jackson because snapshots of this aggregate are serialized with it.
 */
@Aggregate(snapshotTriggerDefinition = "dockerHostSnapshotTrigger", cache = "dockerHostCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class DockerHost {

    /** The runbook's rule: this many consecutive failed syncs put a host in error. */
    static final int FAILURES_BEFORE_ERROR = 5;
    public static final int MIN_SYNC_INTERVAL_SECONDS = 30;
    public static final int MAX_SYNC_INTERVAL_SECONDS = 3600;

    @AggregateIdentifier
    private String hostId;
    private String accountId;
    private String name;
    private String apiEndpoint;
    private HostEnvironment environment;
    private boolean tlsVerify;
    // Only whether credentials exist: the sealed material itself is never needed for a decision.
    private boolean hasCredentials;
    private int syncIntervalSeconds;
    private HostStatus status;
    private int consecutiveFailures;
    private Instant lastObservedAt;
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
    public DockerHost(RegisterHost command, HostNameRegistry names) {
        String validName = requireName(command.name());
        requireSyncInterval(command.syncIntervalSeconds());
        names.claim(command.accountId(), validName, command.hostId());
        apply(new HostRegistered(command.hostId(), command.accountId(), validName, command.apiEndpoint(),
                command.environment(), command.tlsVerify(), command.credentials(), command.syncIntervalSeconds(),
                now()));
    }

    @CommandHandler
    public long handle(UpdateHost command, HostNameRegistry names) {
        requireAccount(command.accountId());
        String newName = command.name() == null ? name : requireName(command.name());
        String newEndpoint = Objects.requireNonNullElse(command.apiEndpoint(), apiEndpoint);
        HostEnvironment newEnvironment = Objects.requireNonNullElse(command.environment(), environment);
        boolean newTlsVerify = Objects.requireNonNullElse(command.tlsVerify(), tlsVerify);
        int newInterval = Objects.requireNonNullElse(command.syncIntervalSeconds(), syncIntervalSeconds);
        requireSyncInterval(newInterval);

        List<String> changedFields = new ArrayList<>();
        addIfChanged(changedFields, "name", name, newName);
        addIfChanged(changedFields, "api_endpoint", apiEndpoint, newEndpoint);
        addIfChanged(changedFields, "environment", environment, newEnvironment);
        addIfChanged(changedFields, "tls_verify", tlsVerify, newTlsVerify);
        addIfChanged(changedFields, "sync_interval_seconds", syncIntervalSeconds, newInterval);

        if (!HostNameRegistry.uniquenessKey(newName).equals(HostNameRegistry.uniquenessKey(name))) {
            names.claim(accountId, newName, hostId);
            names.release(accountId, name, hostId);
        }
        if (!changedFields.isEmpty()) {
            apply(new HostDetailsChanged(hostId, accountId, newName, newEndpoint, newEnvironment, newTlsVerify,
                    newInterval, List.copyOf(changedFields), now()));
        }
        if (command.newCredentials() != null || command.removeCredentials() && hasCredentials) {
            apply(new HostCredentialsReplaced(hostId, accountId, command.newCredentials(), now()));
        }
        return currentVersion();
    }

    @CommandHandler
    public void handle(RemoveHost command, HostNameRegistry names) {
        requireAccount(command.accountId());
        names.release(accountId, name, hostId);
        apply(new HostRemoved(hostId, accountId, name, now()));
    }

    @CommandHandler
    public long handle(StartHostMaintenance command) {
        requireAccount(command.accountId());
        if (status != HostStatus.maintenance) {
            apply(new HostMaintenanceStarted(hostId, accountId, status, command.reason(), now()));
        }
        return currentVersion();
    }

    @CommandHandler
    public long handle(EndHostMaintenance command) {
        requireAccount(command.accountId());
        if (status != HostStatus.maintenance) {
            throw DomainError.ruleViolation("host_not_in_maintenance", "The host is not in maintenance");
        }
        apply(new HostMaintenanceEnded(hostId, accountId, now()));
        return currentVersion();
    }

    @CommandHandler
    public long handle(RecordHostRecovery command) {
        requireAccount(command.accountId());
        if (status == HostStatus.maintenance) {
            throw DomainError.ruleViolation("host_in_maintenance",
                    "The host is in maintenance; end the maintenance instead of recording a recovery");
        }
        if (status != HostStatus.connected || consecutiveFailures > 0) {
            apply(new HostRecoveryRecorded(hostId, accountId, status, consecutiveFailures, now()));
        }
        return currentVersion();
    }

    /**
     * User commands answer with the version they leave the host at, so the API can wait for exactly that
     * version in the read model before it responds.
     */
    private static long currentVersion() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }

    @CommandHandler
    public void handle(RecordHostSync command) {
        HostSnapshot snapshot = command.snapshot();
        Instant observedAt = snapshot.observedAt();
        if (status == HostStatus.maintenance || isOlderThanLastObservation(observedAt)) {
            return;
        }
        if (status != HostStatus.connected) {
            apply(new HostConnected(hostId, accountId, status, reconnectionReason(), observedAt));
        }
        if (!Objects.equals(systemInfo, snapshot.systemInfo())) {
            apply(new HostSystemInfoChanged(hostId, accountId, snapshot.systemInfo(), observedAt));
        }
        recordChanges(containers, snapshot.containers(), ContainerSummary::id, diff -> new HostContainersChanged(
                hostId, accountId, diff.added(), diff.changed(), diff.removedKeys(), observedAt));
        recordChanges(images, snapshot.images(), ImageSummary::id, diff -> new HostImagesChanged(
                hostId, accountId, diff.added(), diff.changed(), diff.removedKeys(), observedAt));
        recordChanges(networks, snapshot.networks(), NetworkSummary::id, diff -> new HostNetworksChanged(
                hostId, accountId, diff.added(), diff.changed(), diff.removedKeys(), observedAt));
        recordChanges(volumes, snapshot.volumes(), VolumeSummary::name, diff -> new HostVolumesChanged(
                hostId, accountId, diff.added(), diff.changed(), diff.removedKeys(), observedAt));
    }

    @CommandHandler
    public void handle(RecordHostSyncFailure command) {
        if (status == HostStatus.maintenance || isOlderThanLastObservation(command.observedAt())) {
            return;
        }
        int failures = consecutiveFailures + 1;
        apply(new HostSyncFailed(hostId, accountId, failures, command.error(), command.observedAt()));
        if (status == HostStatus.connected) {
            apply(new HostDisconnected(hostId, accountId, command.error(), command.observedAt()));
        }
        if (failures >= FAILURES_BEFORE_ERROR && status != HostStatus.error) {
            apply(new HostMarkedError(hostId, accountId, status, failures,
                    failures + " consecutive syncs failed; last error: " + command.error(), command.observedAt()));
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
        name = event.name();
        apiEndpoint = event.apiEndpoint();
        environment = event.environment();
        tlsVerify = event.tlsVerify();
        hasCredentials = event.credentials() != null;
        syncIntervalSeconds = event.syncIntervalSeconds();
        status = HostStatus.pending;
    }

    @EventSourcingHandler
    void on(HostDetailsChanged event) {
        name = event.name();
        apiEndpoint = event.apiEndpoint();
        environment = event.environment();
        tlsVerify = event.tlsVerify();
        syncIntervalSeconds = event.syncIntervalSeconds();
    }

    @EventSourcingHandler
    void on(HostCredentialsReplaced event) {
        hasCredentials = event.credentials() != null;
    }

    @EventSourcingHandler
    void on(HostRemoved event) {
        markDeleted();
    }

    @EventSourcingHandler
    void on(HostConnected event) {
        status = HostStatus.connected;
        consecutiveFailures = 0;
        lastObservedAt = event.connectedAt();
    }

    @EventSourcingHandler
    void on(HostSyncFailed event) {
        consecutiveFailures = event.consecutiveFailures();
        lastObservedAt = event.failedAt();
    }

    @EventSourcingHandler
    void on(HostDisconnected event) {
        status = HostStatus.disconnected;
    }

    @EventSourcingHandler
    void on(HostMarkedError event) {
        status = HostStatus.error;
    }

    @EventSourcingHandler
    void on(HostMaintenanceStarted event) {
        status = HostStatus.maintenance;
    }

    @EventSourcingHandler
    void on(HostMaintenanceEnded event) {
        status = HostStatus.pending;
        consecutiveFailures = 0;
    }

    @EventSourcingHandler
    void on(HostRecoveryRecorded event) {
        status = HostStatus.connected;
        consecutiveFailures = 0;
    }

    @EventSourcingHandler
    void on(HostSystemInfoChanged event) {
        systemInfo = event.systemInfo();
        lastObservedAt = event.observedAt();
    }

    @EventSourcingHandler
    void on(HostContainersChanged event) {
        new InventoryDiff<>(event.added(), event.changed(), event.removedIds()).applyTo(containers, ContainerSummary::id);
        lastObservedAt = event.observedAt();
    }

    @EventSourcingHandler
    void on(HostImagesChanged event) {
        new InventoryDiff<>(event.added(), event.changed(), event.removedIds()).applyTo(images, ImageSummary::id);
        lastObservedAt = event.observedAt();
    }

    @EventSourcingHandler
    void on(HostNetworksChanged event) {
        new InventoryDiff<>(event.added(), event.changed(), event.removedIds()).applyTo(networks, NetworkSummary::id);
        lastObservedAt = event.observedAt();
    }

    @EventSourcingHandler
    void on(HostVolumesChanged event) {
        new InventoryDiff<>(event.added(), event.changed(), event.removedNames()).applyTo(volumes, VolumeSummary::name);
        lastObservedAt = event.observedAt();
    }

    @EventSourcingHandler
    void on(DockerEventObserved event) {
        dockerEvents.advance(event.event());
    }

    /** Another account must not learn that the host exists, so a foreign command finds nothing. */
    private void requireAccount(String commandAccountId) {
        if (!accountId.equals(commandAccountId)) {
            throw DomainError.notFound("host_not_found", "No host " + hostId + " in this account");
        }
    }

    private static String requireName(String candidate) {
        if (candidate == null || candidate.isBlank()) {
            throw new DomainError(DomainError.Kind.RULE_VIOLATION, "host_name_blank", "name",
                    "A host needs a name");
        }
        return candidate.strip();
    }

    private static void requireSyncInterval(int seconds) {
        if (seconds < MIN_SYNC_INTERVAL_SECONDS || seconds > MAX_SYNC_INTERVAL_SECONDS) {
            throw new DomainError(DomainError.Kind.RULE_VIOLATION, "sync_interval_out_of_range",
                    "sync_interval_seconds", "The sync interval must be between " + MIN_SYNC_INTERVAL_SECONDS
                    + " and " + MAX_SYNC_INTERVAL_SECONDS + " seconds, not " + seconds);
        }
    }

    private static void addIfChanged(List<String> changedFields, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changedFields.add(field);
        }
    }

    /**
     * Syncs run concurrently with their reports, so an observation can arrive after a newer one: applying it
     * would roll the host's status or inventory back in time.
     */
    private boolean isOlderThanLastObservation(Instant observedAt) {
        return lastObservedAt != null && observedAt.isBefore(lastObservedAt);
    }

    private String reconnectionReason() {
        return switch (status) {
            case pending -> consecutiveFailures == 0
                    ? "First successful sync"
                    : "First successful sync after " + failedSyncs(consecutiveFailures);
            case disconnected -> "Answers again after " + failedSyncs(consecutiveFailures);
            case error -> "Recovered from error: answers again after " + failedSyncs(consecutiveFailures);
            case connected, maintenance -> throw new IllegalStateException("Host is " + status);
        };
    }

    private static String failedSyncs(int count) {
        return count == 1 ? "1 failed sync" : count + " failed syncs";
    }

    private <T> void recordChanges(Map<String, T> known, List<T> observed, Function<T, String> keyOf,
                                   Function<InventoryDiff<T>, Object> toEvent) {
        InventoryDiff<T> diff = InventoryDiff.between(known, observed, keyOf);
        if (!diff.isEmpty()) {
            apply(toEvent.apply(diff));
        }
    }

    /** Axon's event clock, which test fixtures set. */
    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
