package io.powernode.devops.query.swarm;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindCluster;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindClusterHealth;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListClusters;
import io.powernode.devops.kernel.swarm.ClusterQueries.StreamClusterFeed;
import io.powernode.devops.kernel.swarm.ClusterViews.ClusterFeedEntry;
import io.powernode.devops.kernel.swarm.ClusterViews.ClusterHealth;
import io.powernode.devops.kernel.swarm.ClusterViews.ClusterPage;
import io.powernode.devops.kernel.swarm.ClusterViews.ClusterView;
import io.powernode.devops.query.ReadModelCollections;
import io.powernode.devops.query.inventory.InventoryStore;
import io.powernode.devops.query.mongo.AccountScope;
import io.powernode.devops.query.mongo.ConnectionDocument;
import io.powernode.devops.query.mongo.PagedFind;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.powernode.devops.query.mongo.CommonFields.ID;
import static io.powernode.devops.query.mongo.DocumentValues.enumValue;

/**
 * Answers cluster queries from the {@code clusters} read model, the swarm inventory and the cluster feed, always
 * within one account.
 */
@Component
public class ClusterQueryHandler {
    private final MongoDatabase database;
    private final SwarmEventQueryHandler events;
    private final MongoCollection<Document> clusters;
    private final ClusterCounts counts;
    private final InventoryStore inventory;

    public ClusterQueryHandler(MongoDatabase database, SwarmEventQueryHandler events) {
        this.database = database;
        this.events = events;
        this.clusters = database.getCollection(ReadModelCollections.CLUSTERS);
        this.counts = new ClusterCounts(database);
        this.inventory = new InventoryStore(database);
    }

    /** Another account's cluster is answered exactly like a missing one, so ids leak nothing across accounts. */
    @QueryHandler
    public ClusterView handle(FindCluster query) {
        Document cluster = find(query.accountId(), query.clusterId());
        return cluster == null ? null
                : ClusterDocuments.toView(cluster, counts.of(List.of(query.clusterId())).get(query.clusterId()));
    }

    @QueryHandler
    public ClusterPage handle(ListClusters query) {
        PagedFind.Slice<Document> slice = PagedFind.find(clusters,
                AccountScope.of(query.accountId())
                        .whereEquals(ConnectionDocument.STATUS, query.status())
                        .whereEquals(ConnectionDocument.ENVIRONMENT, query.environment())
                        .toFilter(),
                Sorts.ascending(ConnectionDocument.NAME, ID), query.page(), document -> document);
        Map<String, ClusterCounts.Counts> countsById =
                counts.of(slice.items().stream().map(cluster -> cluster.getString(ID)).toList());
        return new ClusterPage(slice.items().stream()
                .map(cluster -> ClusterDocuments.toView(cluster, countsById.get(cluster.getString(ID))))
                .toList(), slice.page());
    }

    @QueryHandler
    public ClusterHealth handle(FindClusterHealth query) {
        Document cluster = find(query.accountId(), query.clusterId());
        if (cluster == null) {
            return null;
        }
        Instant now = Instant.now();
        return ClusterHealthRules.evaluate(query.clusterId(),
                enumValue(cluster, ConnectionDocument.STATUS, ConnectionStatus.class),
                cluster.getString(ConnectionDocument.LAST_ERROR),
                inventory.all(SwarmInventoryKinds.NODES, query.clusterId()),
                inventory.all(SwarmInventoryKinds.SERVICES, query.clusterId()),
                events.recentErrors(query.accountId(), query.clusterId(),
                        now.minus(ClusterHealth.RECENT_ERRORS_WINDOW), ClusterHealth.MAX_RECENT_ERRORS),
                now);
    }

    /** The initial result of the feed subscription, as {@link io.powernode.devops.query.feed.FeedDefinition#backlog}. */
    @QueryHandler
    public List<ClusterFeedEntry> handle(StreamClusterFeed query) {
        return ClusterFeed.DEFINITION.backlog(database, query.accountId(), query.afterPosition());
    }

    private Document find(String accountId, String clusterId) {
        return clusters.find(AccountScope.of(accountId).where(Filters.eq(ID, clusterId)).toFilter()).first();
    }
}
