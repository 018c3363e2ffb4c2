package io.powernode.devops.query.swarm;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;
import org.bson.Document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.powernode.devops.query.mongo.CommonFields.CLUSTER_ID;
import static io.powernode.devops.query.swarm.SwarmInventoryKinds.NODES;
import static io.powernode.devops.query.swarm.SwarmInventoryKinds.ROLE;
import static io.powernode.devops.query.swarm.SwarmInventoryKinds.SERVICES;

/**
 * A cluster's managers, workers and services, counted from the inventory documents when a query asks rather
 * than kept as counters beside them: a count that a missed or repeated diff could skew would drift forever.
 * One aggregation per collection answers a whole page of clusters.
 */
final class ClusterCounts {
    record Counts(int managers, int workers, int services) {
        static final Counts NONE = new Counts(0, 0, 0);
    }

    private final MongoCollection<Document> nodes;
    private final MongoCollection<Document> services;

    ClusterCounts(MongoDatabase database) {
        this.nodes = database.getCollection(NODES.collection());
        this.services = database.getCollection(SERVICES.collection());
    }

    Map<String, Counts> of(List<String> clusterIds) {
        Map<String, Integer> managers = countPerCluster(nodes, clusterIds, NodeRole.manager);
        Map<String, Integer> workers = countPerCluster(nodes, clusterIds, NodeRole.worker);
        Map<String, Integer> serviceCounts = countPerCluster(services, clusterIds, null);
        Map<String, Counts> counts = new HashMap<>();
        clusterIds.forEach(id -> counts.put(id, new Counts(managers.getOrDefault(id, 0),
                workers.getOrDefault(id, 0), serviceCounts.getOrDefault(id, 0))));
        return counts;
    }

    private static Map<String, Integer> countPerCluster(MongoCollection<Document> items, List<String> clusterIds,
                                                        NodeRole roleOrNull) {
        var match = Filters.in(CLUSTER_ID, clusterIds);
        if (roleOrNull != null) {
            match = Filters.and(match, Filters.eq(ROLE, roleOrNull.name()));
        }
        Map<String, Integer> counts = new HashMap<>();
        items.aggregate(List.of(Aggregates.match(match),
                        Aggregates.group("$" + CLUSTER_ID, Accumulators.sum("count", 1))))
                .forEach(group -> counts.put(group.getString("_id"), group.getInteger("count")));
        return counts;
    }
}
