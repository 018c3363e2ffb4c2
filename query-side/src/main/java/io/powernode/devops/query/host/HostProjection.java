package io.powernode.devops.query.host;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
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
import io.powernode.devops.kernel.host.HostInventory.HostSystemInfo;
import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.host.HostQueries.StreamHostFeed;
import io.powernode.devops.kernel.host.HostViews.HostFeedEntry;
import io.powernode.devops.query.ReadModelCollections;
import io.powernode.devops.query.feed.AccountFeed;
import io.powernode.devops.query.mongo.ConnectionDocument;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.powernode.devops.query.feed.FeedChanges.change;
import static io.powernode.devops.query.feed.FeedChanges.inventory;
import static io.powernode.devops.query.host.HostDocuments.*;
import static io.powernode.devops.query.mongo.ConnectionDocument.*;
import static io.powernode.devops.query.mongo.CommonFields.ID;
import static io.powernode.devops.query.mongo.DocumentValues.date;
import static io.powernode.devops.query.mongo.DocumentValues.name;

/**
 * The {@code hosts} read model and the account's host feed. Re-delivered events are ignored as
 * {@link ConnectionDocument#applies} explains. The feed
 * entry is written before the host document, so a crash between the two is repaired by the re-delivery.
 * The processing group must stay one segment: the feed numbers its entries in the order this one writer
 * handles events (see {@link AccountFeed}).
 */
@Component
@ProcessingGroup("host-projection")
public class HostProjection {
    private final MongoCollection<Document> hosts;
    private final AccountFeed<StreamHostFeed, HostFeedEntry> feed;

    public HostProjection(MongoDatabase database, QueryUpdateEmitter emitter) {
        this.hosts = database.getCollection(ReadModelCollections.HOSTS);
        this.feed = new AccountFeed<>(database, HostFeed.DEFINITION, emitter);
    }

    /** Without this a replay would change nothing: every stored version is already at or past the replayed one. */
    @ResetHandler
    void onReset() {
        hosts.deleteMany(new Document());
        feed.clear();
    }

    @EventHandler
    void on(HostRegistered event, DomainEventMessage<?> message) {
        if (hosts.find(byId(event.hostId())).first() != null) {
            feed.resend(message);
            return;
        }
        Document host = registered(event.hostId(), event.accountId(), event.name(), event.environment(),
                event.tlsVerify(), event.credentials() != null, event.syncIntervalSeconds(), message)
                .append(API_ENDPOINT, event.apiEndpoint())
                .append(CONTAINER_COUNT, 0)
                .append(IMAGE_COUNT, 0);
        feed.append(message, event.accountId(), event.hostId(),
                change("name", event.name(), "api_endpoint", event.apiEndpoint(),
                        "environment", name(event.environment()), "tls_verify", event.tlsVerify(),
                        "has_tls_credentials", event.credentials() != null,
                        "sync_interval_seconds", event.syncIntervalSeconds()),
                HostFeed.details(host));
        hosts.replaceOne(byId(event.hostId()), host, new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(HostDetailsChanged event, DomainEventMessage<?> message) {
        update(message, event.hostId(), event.accountId(),
                change("name", event.name(), "api_endpoint", event.apiEndpoint(),
                        "environment", name(event.environment()), "tls_verify", event.tlsVerify(),
                        "sync_interval_seconds", event.syncIntervalSeconds(),
                        "changed_fields", event.changedFields()),
                host -> detailsChanged(host, event.name(), event.environment(), event.tlsVerify(),
                        event.syncIntervalSeconds()).append(API_ENDPOINT, event.apiEndpoint()));
    }

    /** Only whether credentials exist reaches the read model; the sealed value itself never does. */
    @EventHandler
    void on(HostCredentialsReplaced event, DomainEventMessage<?> message) {
        boolean present = event.credentials() != null;
        update(message, event.hostId(), event.accountId(),
                change("has_tls_credentials", present),
                host -> host.append(HAS_TLS_CREDENTIALS, present));
    }

    @EventHandler
    void on(HostRemoved event, DomainEventMessage<?> message) {
        Document host = hosts.find(byId(event.hostId())).first();
        if (!applies(host, message)) {
            feed.resend(message);
            return;
        }
        feed.append(message, event.accountId(), event.hostId(), change("name", event.name()),
                HostFeed.details(null));
        hosts.deleteOne(byId(event.hostId()));
    }

    @EventHandler
    void on(HostConnected event, DomainEventMessage<?> message) {
        update(message, event.hostId(), event.accountId(),
                change("status", name(ConnectionStatus.connected), "previous_status", name(event.previousStatus()),
                        "reason", event.reason()),
                host -> connected(host, event.connectedAt()));
    }

    @EventHandler
    void on(HostSyncFailed event, DomainEventMessage<?> message) {
        update(message, event.hostId(), event.accountId(),
                change("consecutive_failures", event.consecutiveFailures(), "error", event.error()),
                host -> syncFailed(host, event.consecutiveFailures(), event.error()));
    }

    @EventHandler
    void on(HostDisconnected event, DomainEventMessage<?> message) {
        update(message, event.hostId(), event.accountId(),
                change("status", name(ConnectionStatus.disconnected), "reason", event.reason()),
                host -> status(host, ConnectionStatus.disconnected));
    }

    @EventHandler
    void on(HostMarkedError event, DomainEventMessage<?> message) {
        update(message, event.hostId(), event.accountId(),
                change("status", name(ConnectionStatus.error), "previous_status", name(event.previousStatus()),
                        "consecutive_failures", event.consecutiveFailures(), "reason", event.reason()),
                host -> markedError(host, event.consecutiveFailures()));
    }

    @EventHandler
    void on(HostMaintenanceStarted event, DomainEventMessage<?> message) {
        update(message, event.hostId(), event.accountId(),
                change("status", name(ConnectionStatus.maintenance), "previous_status", name(event.previousStatus()),
                        "reason", event.reason()),
                host -> status(host, ConnectionStatus.maintenance));
    }

    @EventHandler
    void on(HostMaintenanceEnded event, DomainEventMessage<?> message) {
        update(message, event.hostId(), event.accountId(),
                change("status", name(ConnectionStatus.pending)),
                ConnectionDocument::maintenanceEnded);
    }

    @EventHandler
    void on(HostRecoveryRecorded event, DomainEventMessage<?> message) {
        update(message, event.hostId(), event.accountId(),
                change("status", name(ConnectionStatus.connected), "previous_status", name(event.previousStatus()),
                        "cleared_failures", event.clearedFailures()),
                ConnectionDocument::healthy);
    }

    @EventHandler
    void on(HostSystemInfoChanged event, DomainEventMessage<?> message) {
        HostSystemInfo info = event.systemInfo();
        update(message, event.hostId(), event.accountId(),
                change("hostname", info.hostname(), "docker_version", info.dockerVersion(),
                        "api_version", info.apiVersion(), "os_type", info.osType(),
                        "operating_system", info.operatingSystem(), "kernel_version", info.kernelVersion(),
                        "architecture", info.architecture(), "cpu_count", info.cpuCount(),
                        "memory_bytes", info.memoryBytes()),
                host -> host.append(DOCKER_VERSION, info.dockerVersion())
                        .append(API_VERSION, info.apiVersion())
                        .append(OS_TYPE, info.osType())
                        .append(ARCHITECTURE, info.architecture())
                        .append(CPU_COUNT, info.cpuCount())
                        .append(MEMORY_BYTES, info.memoryBytes())
                        .append(LAST_SYNCED_AT, date(event.observedAt())));
    }

    @EventHandler
    void on(HostContainersChanged event, DomainEventMessage<?> message) {
        update(message, event.hostId(), event.accountId(),
                inventory(event.added(), event.changed(), event.removedIds(), c -> c.id()),
                host -> host.append(CONTAINER_COUNT,
                                adjustedCount(host, CONTAINER_COUNT, event.added(), event.removedIds()))
                        .append(LAST_SYNCED_AT, date(event.observedAt())));
    }

    @EventHandler
    void on(HostImagesChanged event, DomainEventMessage<?> message) {
        update(message, event.hostId(), event.accountId(),
                inventory(event.added(), event.changed(), event.removedIds(), i -> i.id()),
                host -> host.append(IMAGE_COUNT, adjustedCount(host, IMAGE_COUNT, event.added(), event.removedIds()))
                        .append(LAST_SYNCED_AT, date(event.observedAt())));
    }

    @EventHandler
    void on(HostNetworksChanged event, DomainEventMessage<?> message) {
        update(message, event.hostId(), event.accountId(),
                inventory(event.added(), event.changed(), event.removedIds(), n -> n.id()),
                host -> host.append(LAST_SYNCED_AT, date(event.observedAt())));
    }

    @EventHandler
    void on(HostVolumesChanged event, DomainEventMessage<?> message) {
        update(message, event.hostId(), event.accountId(),
                inventory(event.added(), event.changed(), event.removedNames(), v -> v.name()),
                host -> host.append(LAST_SYNCED_AT, date(event.observedAt())));
    }

    /**
     * Docker events change nothing a host view shows and stay out of the feed, but they advance the aggregate's
     * sequence: the stored version must follow it, or every If-Match built from this view would be stale.
     */
    @EventHandler
    void on(DockerEventObserved event, @SequenceNumber long sequence) {
        hosts.updateOne(Filters.and(byId(event.hostId()), Filters.lt(VERSION, sequence)),
                Updates.set(VERSION, sequence));
    }

    private void update(DomainEventMessage<?> message, String hostId, String accountId,
                        Map<String, Object> change, Consumer<Document> transition) {
        Document host = hosts.find(byId(hostId)).first();
        if (!applies(host, message)) {
            feed.resend(message);
            return;
        }
        transition.accept(host);
        stamp(host, message);
        feed.append(message, accountId, hostId, change, HostFeed.details(host));
        hosts.replaceOne(byId(hostId), host);
    }

    /** A diff that removes more than the view counted means the view missed an addition: never go below zero. */
    private static int adjustedCount(Document host, String field, List<?> added, List<String> removed) {
        return Math.max(0, host.getInteger(field, 0) + added.size() - removed.size());
    }

    private static Bson byId(String hostId) {
        return Filters.eq(ID, hostId);
    }
}
