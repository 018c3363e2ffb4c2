package io.powernode.devops.query;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import io.powernode.devops.query.inventory.InventoryKind;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.powernode.devops.query.ReadModelCollections.*;
import static io.powernode.devops.query.mongo.CommonFields.ACCOUNT_ID;
import static io.powernode.devops.query.mongo.CommonFields.CLUSTER_ID;
import static io.powernode.devops.query.mongo.CommonFields.HOST_ID;

/**
 * Creates the read models' indexes once all beans exist, which is before Axon's event processors start.
 * Every list query filters by account first, so each index leads with it; the host id alone serves the
 * deletion of a removed host's inventory, and the cluster id a removed cluster's (and a cluster's health). Swarm
 * objects are also found by their Docker id alone, which is unique across swarms; services also by the stack their
 * namespace label names, and deployments by their stack, newest first, for a stack's history. Creating an index that
 * exists is a no-op, so this runs on every start.
 */
@Component
public class ReadModelIndexes implements SmartInitializingSingleton {
    private static final Bson BY_ACCOUNT_AND_HOST = Indexes.ascending(ACCOUNT_ID, HOST_ID);
    private static final Bson BY_HOST = Indexes.ascending(HOST_ID);
    private static final List<Bson> CLUSTER_INVENTORY = List.of(Indexes.ascending(ACCOUNT_ID, CLUSTER_ID),
            Indexes.ascending(CLUSTER_ID));
    private static final List<Bson> CLUSTER_INVENTORY_BY_ID = List.of(Indexes.ascending(ACCOUNT_ID, CLUSTER_ID),
            Indexes.ascending(CLUSTER_ID), Indexes.ascending(ACCOUNT_ID, InventoryKind.ID));
    private static final List<Bson> SWARM_SERVICE_INDEXES = Stream.concat(CLUSTER_INVENTORY_BY_ID.stream(),
            Stream.of(Indexes.ascending(ACCOUNT_ID, "stack"))).toList();

    private static final Map<String, List<Bson>> INDEXES = Map.ofEntries(
            Map.entry(HOSTS, List.of(Indexes.ascending(ACCOUNT_ID, "name"))),
            Map.entry(HOST_FEED, List.of(Indexes.ascending(ACCOUNT_ID, "seq"))),
            Map.entry(CONTAINERS, List.of(BY_ACCOUNT_AND_HOST, BY_HOST)),
            Map.entry(IMAGES, List.of(BY_ACCOUNT_AND_HOST, BY_HOST)),
            Map.entry(NETWORKS, List.of(BY_ACCOUNT_AND_HOST, BY_HOST)),
            Map.entry(VOLUMES, List.of(BY_ACCOUNT_AND_HOST, BY_HOST)),
            Map.entry(DOCKER_EVENTS, List.of(newestFirst("time_nano"), BY_HOST)),
            Map.entry(ACTIVITIES, List.of(newestFirst("occurred_at"))),
            Map.entry(CLUSTERS, List.of(Indexes.ascending(ACCOUNT_ID, "name"))),
            Map.entry(SWARM_NODES, CLUSTER_INVENTORY_BY_ID),
            Map.entry(SWARM_SERVICES, SWARM_SERVICE_INDEXES),
            Map.entry(SWARM_TASKS, CLUSTER_INVENTORY),
            Map.entry(SWARM_NETWORKS, CLUSTER_INVENTORY_BY_ID),
            Map.entry(SWARM_VOLUMES, CLUSTER_INVENTORY),
            Map.entry(SWARM_SECRETS, CLUSTER_INVENTORY_BY_ID),
            Map.entry(SWARM_CONFIGS, CLUSTER_INVENTORY_BY_ID),
            Map.entry(SWARM_EVENTS, List.of(newestFirst("time_nano"), Indexes.ascending(CLUSTER_ID))),
            Map.entry(SWARM_OPERATIONS, List.of(newestFirst("requested_at"))),
            Map.entry(CLUSTER_FEED, List.of(Indexes.ascending(ACCOUNT_ID, "seq"))),
            Map.entry(STACKS, List.of(Indexes.ascending(ACCOUNT_ID, "name"), Indexes.ascending(CLUSTER_ID))),
            Map.entry(DEPLOYMENTS, List.of(newestFirst("requested_at"), Indexes.compoundIndex(
                    Indexes.ascending(ACCOUNT_ID, "stack_id"), Indexes.descending("requested_at")))),
            Map.entry(DEPLOYMENT_FEED, List.of(Indexes.ascending(ACCOUNT_ID, "seq"))));

    private final MongoDatabase database;

    public ReadModelIndexes(MongoDatabase database) {
        this.database = database;
    }

    @Override
    public void afterSingletonsInstantiated() {
        INDEXES.forEach((collection, indexes) ->
                indexes.forEach(index -> database.getCollection(collection).createIndex(index)));
    }

    private static Bson newestFirst(String timeField) {
        return Indexes.compoundIndex(Indexes.ascending(ACCOUNT_ID), Indexes.descending(timeField));
    }
}
