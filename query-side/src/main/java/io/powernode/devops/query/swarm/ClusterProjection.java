package io.powernode.devops.query.swarm;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.powernode.devops.kernel.common.ConnectionStatus;
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
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmSecretsChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmServicesChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmTasksChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmVolumesChanged;
import io.powernode.devops.query.ReadModelCollections;
import io.powernode.devops.query.mongo.ConnectionDocument;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.UnaryOperator;

import static io.powernode.devops.query.mongo.CommonFields.ID;
import static io.powernode.devops.query.mongo.ConnectionDocument.*;
import static io.powernode.devops.query.mongo.DocumentValues.date;
import static io.powernode.devops.query.swarm.ClusterDocuments.*;

/**
 * The {@code clusters} read model: one document per cluster with its connection lifecycle and swarm settings.
 * Re-delivered events are ignored as {@link ConnectionDocument#applies} explains. The inventory diffs are
 * handled here too, though their items live in {@link SwarmInventoryProjection}'s collections: they prove the
 * manager answered (last synced) and advance the aggregate's sequence, which the stored version must follow.
 */
@Component
@ProcessingGroup("cluster-projection")
public class ClusterProjection {
    private final MongoCollection<Document> clusters;

    public ClusterProjection(MongoDatabase database) {
        this.clusters = database.getCollection(ReadModelCollections.CLUSTERS);
    }

    /** Without this a replay would change nothing: every stored version is already at or past the replayed one. */
    @ResetHandler
    void onReset() {
        clusters.deleteMany(new Document());
    }

    @EventHandler
    void on(ClusterRegistered event, DomainEventMessage<?> message) {
        if (clusters.find(byId(event.clusterId())).first() != null) {
            return;
        }
        Document cluster = registered(event.clusterId(), event.accountId(), event.name(), event.environment(),
                event.tlsVerify(), event.credentials() != null, event.syncIntervalSeconds(), message)
                .append(MANAGER_ENDPOINT, event.managerEndpoint());
        clusters.replaceOne(byId(event.clusterId()), cluster, new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(ClusterDetailsChanged event, DomainEventMessage<?> message) {
        update(message, event.clusterId(), cluster -> detailsChanged(cluster, event.name(), event.environment(),
                event.tlsVerify(), event.syncIntervalSeconds()).append(MANAGER_ENDPOINT, event.managerEndpoint()));
    }

    /** Only whether credentials exist reaches the read model; the sealed value itself never does. */
    @EventHandler
    void on(ClusterCredentialsReplaced event, DomainEventMessage<?> message) {
        update(message, event.clusterId(), cluster -> cluster.append(HAS_TLS_CREDENTIALS, event.credentials() != null));
    }

    @EventHandler
    void on(ClusterRemoved event) {
        clusters.deleteOne(byId(event.clusterId()));
    }

    @EventHandler
    void on(ClusterConnected event, DomainEventMessage<?> message) {
        update(message, event.clusterId(), cluster -> connected(cluster, event.connectedAt()));
    }

    @EventHandler
    void on(ClusterSyncFailed event, DomainEventMessage<?> message) {
        update(message, event.clusterId(),
                cluster -> syncFailed(cluster, event.consecutiveFailures(), event.error()));
    }

    @EventHandler
    void on(ClusterDisconnected event, DomainEventMessage<?> message) {
        update(message, event.clusterId(), cluster -> status(cluster, ConnectionStatus.disconnected));
    }

    @EventHandler
    void on(ClusterMarkedError event, DomainEventMessage<?> message) {
        update(message, event.clusterId(), cluster -> markedError(cluster, event.consecutiveFailures()));
    }

    @EventHandler
    void on(ClusterMaintenanceStarted event, DomainEventMessage<?> message) {
        update(message, event.clusterId(), cluster -> status(cluster, ConnectionStatus.maintenance));
    }

    @EventHandler
    void on(ClusterMaintenanceEnded event, DomainEventMessage<?> message) {
        update(message, event.clusterId(), ConnectionDocument::maintenanceEnded);
    }

    @EventHandler
    void on(ClusterRecoveryRecorded event, DomainEventMessage<?> message) {
        update(message, event.clusterId(), ConnectionDocument::healthy);
    }

    @EventHandler
    void on(SwarmInfoChanged event, DomainEventMessage<?> message) {
        update(message, event.clusterId(), cluster -> synced(cluster, event.observedAt())
                .append(SWARM_ID, event.swarm().swarmId())
                .append(AUTOLOCK_MANAGERS, event.swarm().autolockManagers())
                .append(TASK_HISTORY_LIMIT, event.swarm().taskHistoryLimit()));
    }

    @EventHandler
    void on(SwarmNodesChanged event, DomainEventMessage<?> message) {
        update(message, event.clusterId(), cluster -> synced(cluster, event.observedAt()));
    }

    @EventHandler
    void on(SwarmServicesChanged event, DomainEventMessage<?> message) {
        update(message, event.clusterId(), cluster -> synced(cluster, event.observedAt()));
    }

    @EventHandler
    void on(SwarmTasksChanged event, DomainEventMessage<?> message) {
        update(message, event.clusterId(), cluster -> synced(cluster, event.observedAt()));
    }

    @EventHandler
    void on(SwarmNetworksChanged event, DomainEventMessage<?> message) {
        update(message, event.clusterId(), cluster -> synced(cluster, event.observedAt()));
    }

    @EventHandler
    void on(SwarmVolumesChanged event, DomainEventMessage<?> message) {
        update(message, event.clusterId(), cluster -> synced(cluster, event.observedAt()));
    }

    @EventHandler
    void on(SwarmSecretsChanged event, DomainEventMessage<?> message) {
        update(message, event.clusterId(), cluster -> synced(cluster, event.observedAt()));
    }

    @EventHandler
    void on(SwarmConfigsChanged event, DomainEventMessage<?> message) {
        update(message, event.clusterId(), cluster -> synced(cluster, event.observedAt()));
    }

    /** Swarm events change nothing a cluster view shows, but the stored version must follow the aggregate's. */
    @EventHandler
    void on(SwarmEventObserved event, @SequenceNumber long sequence) {
        clusters.updateOne(Filters.and(byId(event.clusterId()), Filters.lt(VERSION, sequence)),
                Updates.set(VERSION, sequence));
    }

    private void update(DomainEventMessage<?> message, String clusterId, UnaryOperator<Document> transition) {
        Document cluster = clusters.find(byId(clusterId)).first();
        if (applies(cluster, message)) {
            clusters.replaceOne(byId(clusterId), stamp(transition.apply(cluster), message));
        }
    }

    private static Document synced(Document cluster, Instant observedAt) {
        return cluster.append(LAST_SYNCED_AT, date(observedAt));
    }

    private static Bson byId(String clusterId) {
        return Filters.eq(ID, clusterId);
    }
}
