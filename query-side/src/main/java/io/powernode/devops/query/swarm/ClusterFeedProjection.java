package io.powernode.devops.query.swarm;

import com.mongodb.client.MongoDatabase;
import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.common.MessageMetadata;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import io.powernode.devops.kernel.swarm.OperationSummary;
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
import io.powernode.devops.kernel.swarm.ClusterQueries.StreamClusterFeed;
import io.powernode.devops.kernel.swarm.ClusterViews.ClusterFeedEntry;
import io.powernode.devops.kernel.swarm.SwarmInventory.SwarmInfo;
import io.powernode.devops.kernel.swarm.SwarmOperation;
import io.powernode.devops.query.dockerevent.DockerEventSeverity;
import io.powernode.devops.query.feed.AccountFeed;
import io.powernode.devops.query.feed.FeedChanges;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.powernode.devops.kernel.swarm.ClusterViews.SwarmOperationView.FAILED;
import static io.powernode.devops.kernel.swarm.ClusterViews.SwarmOperationView.REQUESTED;
import static io.powernode.devops.kernel.swarm.ClusterViews.SwarmOperationView.RUNNING;
import static io.powernode.devops.kernel.swarm.ClusterViews.SwarmOperationView.SUCCEEDED;
import static io.powernode.devops.query.feed.FeedChanges.change;
import static io.powernode.devops.query.mongo.DocumentValues.name;
import static io.powernode.devops.query.swarm.SwarmOperationDocuments.*;

/**
 * The account's cluster feed: every change of a cluster an SSE client follows, from its registration to its
 * removal, with its inventory changes, its Docker events and its operations. Each entry's change says what the
 * event changed, under the names the read models use; times in it are ISO-8601 strings, as JSON carries them.
 * <p>
 * The feed reads no read model, so it does not depend on another processor's progress, and a removed cluster's
 * entries stay readable. Re-delivered events keep their entry (see {@link AccountFeed}). The processing group must
 * stay one segment: the feed numbers its entries in the order this one writer handles events.
 */
@Component
@ProcessingGroup("cluster-feed-projection")
public class ClusterFeedProjection {
    private final AccountFeed<StreamClusterFeed, ClusterFeedEntry> feed;

    public ClusterFeedProjection(MongoDatabase database, QueryUpdateEmitter emitter) {
        this.feed = new AccountFeed<>(database, ClusterFeed.DEFINITION, emitter);
    }

    @ResetHandler
    void onReset() {
        feed.clear();
    }

    @EventHandler
    void on(ClusterRegistered event, DomainEventMessage<?> message) {
        append(message, event.accountId(), event.clusterId(), change("name", event.name(),
                "manager_endpoint", event.managerEndpoint(), "environment", name(event.environment()),
                "tls_verify", event.tlsVerify(), "has_tls_credentials", event.credentials() != null,
                "sync_interval_seconds", event.syncIntervalSeconds()));
    }

    @EventHandler
    void on(ClusterDetailsChanged event, DomainEventMessage<?> message) {
        append(message, event.accountId(), event.clusterId(), change("name", event.name(),
                "manager_endpoint", event.managerEndpoint(), "environment", name(event.environment()),
                "tls_verify", event.tlsVerify(), "sync_interval_seconds", event.syncIntervalSeconds(),
                "changed_fields", event.changedFields()));
    }

    /** Only whether credentials exist reaches the feed; the sealed value itself never does. */
    @EventHandler
    void on(ClusterCredentialsReplaced event, DomainEventMessage<?> message) {
        append(message, event.accountId(), event.clusterId(),
                change("has_tls_credentials", event.credentials() != null));
    }

    @EventHandler
    void on(ClusterRemoved event, DomainEventMessage<?> message) {
        append(message, event.accountId(), event.clusterId(), change("name", event.name()));
    }

    @EventHandler
    void on(ClusterConnected event, DomainEventMessage<?> message) {
        append(message, event.accountId(), event.clusterId(), change("status", name(ConnectionStatus.connected),
                "previous_status", name(event.previousStatus()), "reason", event.reason()));
    }

    @EventHandler
    void on(ClusterSyncFailed event, DomainEventMessage<?> message) {
        append(message, event.accountId(), event.clusterId(),
                change("consecutive_failures", event.consecutiveFailures(), "error", event.error()));
    }

    @EventHandler
    void on(ClusterDisconnected event, DomainEventMessage<?> message) {
        append(message, event.accountId(), event.clusterId(),
                change("status", name(ConnectionStatus.disconnected), "reason", event.reason()));
    }

    @EventHandler
    void on(ClusterMarkedError event, DomainEventMessage<?> message) {
        append(message, event.accountId(), event.clusterId(), change("status", name(ConnectionStatus.error),
                "previous_status", name(event.previousStatus()),
                "consecutive_failures", event.consecutiveFailures(), "reason", event.reason()));
    }

    @EventHandler
    void on(ClusterMaintenanceStarted event, DomainEventMessage<?> message) {
        append(message, event.accountId(), event.clusterId(), change("status", name(ConnectionStatus.maintenance),
                "previous_status", name(event.previousStatus()), "reason", event.reason()));
    }

    @EventHandler
    void on(ClusterMaintenanceEnded event, DomainEventMessage<?> message) {
        append(message, event.accountId(), event.clusterId(), change("status", name(ConnectionStatus.pending)));
    }

    @EventHandler
    void on(ClusterRecoveryRecorded event, DomainEventMessage<?> message) {
        append(message, event.accountId(), event.clusterId(), change("status", name(ConnectionStatus.connected),
                "previous_status", name(event.previousStatus()), "cleared_failures", event.clearedFailures()));
    }

    @EventHandler
    void on(SwarmInfoChanged event, DomainEventMessage<?> message) {
        SwarmInfo swarm = event.swarm();
        append(message, event.accountId(), event.clusterId(), change("swarm_id", swarm.swarmId(),
                "autolock_managers", swarm.autolockManagers(), "task_history_limit", swarm.taskHistoryLimit()));
    }

    @EventHandler
    void on(SwarmNodesChanged event, DomainEventMessage<?> message) {
        append(message, event.accountId(), event.clusterId(),
                inventory(event.added(), event.changed(), event.removedIds(), node -> node.id()));
    }

    @EventHandler
    void on(SwarmServicesChanged event, DomainEventMessage<?> message) {
        append(message, event.accountId(), event.clusterId(),
                inventory(event.added(), event.changed(), event.removedIds(), service -> service.id()));
    }

    @EventHandler
    void on(SwarmTasksChanged event, DomainEventMessage<?> message) {
        append(message, event.accountId(), event.clusterId(),
                inventory(event.added(), event.changed(), event.removedIds(), task -> task.id()));
    }

    @EventHandler
    void on(SwarmNetworksChanged event, DomainEventMessage<?> message) {
        append(message, event.accountId(), event.clusterId(),
                inventory(event.added(), event.changed(), event.removedIds(), network -> network.id()));
    }

    @EventHandler
    void on(SwarmVolumesChanged event, DomainEventMessage<?> message) {
        append(message, event.accountId(), event.clusterId(),
                inventory(event.added(), event.changed(), event.removedNames(), volume -> volume.name()));
    }

    @EventHandler
    void on(SwarmSecretsChanged event, DomainEventMessage<?> message) {
        append(message, event.accountId(), event.clusterId(),
                inventory(event.added(), event.changed(), event.removedIds(), secret -> secret.id()));
    }

    @EventHandler
    void on(SwarmConfigsChanged event, DomainEventMessage<?> message) {
        append(message, event.accountId(), event.clusterId(),
                inventory(event.added(), event.changed(), event.removedIds(), config -> config.id()));
    }

    @EventHandler
    void on(SwarmEventObserved event, DomainEventMessage<?> message) {
        DockerEventRecord docker = event.event();
        append(message, event.accountId(), event.clusterId(), change("type", docker.type(),
                "action", docker.action(), "actor_id", docker.actorId(), "attributes", docker.attributes(),
                "severity", DockerEventSeverity.of(docker), "time", iso(docker.time())));
    }

    /** @param actorId who asked, from the metadata the API attached; null for an operation the platform started */
    @EventHandler
    void on(SwarmOperationRequested event, DomainEventMessage<?> message,
            @MetaDataValue(MessageMetadata.ACTOR_ID) String actorId) {
        OperationSummary audit = OperationSummary.of(event.operation(), event.clusterId());
        append(message, event.accountId(), event.clusterId(), change("id", event.operationId(),
                TYPE, SwarmOperation.typeOf(event.operation()), STATUS, REQUESTED, TARGET, audit.target(),
                PARAMETERS, audit.parameters(), REQUESTED_BY, actorId, REQUESTED_AT, iso(event.requestedAt())));
    }

    @EventHandler
    void on(SwarmOperationStarted event, DomainEventMessage<?> message) {
        append(message, event.accountId(), event.clusterId(), change("id", event.operationId(),
                TYPE, event.operationType(), STATUS, RUNNING, STARTED_AT, iso(event.startedAt())));
    }

    @EventHandler
    void on(SwarmOperationSucceeded event, DomainEventMessage<?> message) {
        append(message, event.accountId(), event.clusterId(), change("id", event.operationId(),
                TYPE, event.operationType(), STATUS, SUCCEEDED, RESOURCE_ID, event.resourceId(),
                NOTES, event.notes(), COMPLETED_AT, iso(event.completedAt())));
    }

    @EventHandler
    void on(SwarmOperationFailed event, DomainEventMessage<?> message) {
        boolean explained = event.failure() != null;
        append(message, event.accountId(), event.clusterId(), change("id", event.operationId(),
                TYPE, event.operationType(), STATUS, FAILED,
                FAILURE_KIND, explained ? name(event.failure().kind()) : null,
                FAILURE_MESSAGE, explained ? event.failure().message() : null,
                COMPLETED_AT, iso(event.failedAt())));
    }

    private void append(DomainEventMessage<?> message, String accountId, String clusterId,
                        Map<String, Object> change) {
        feed.append(message, accountId, clusterId, change, null);
    }

    /** A compact summary of a diff: how many items moved each way, and which. */
    private static <T> Map<String, Object> inventory(List<T> added, List<T> changed, List<String> removed,
                                                     Function<T, String> key) {
        Map<String, Object> summary = change("added_count", added.size(), "changed_count", changed.size(),
                "removed_count", removed.size());
        summary.putAll(FeedChanges.inventory(added, changed, removed, key));
        return summary;
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
