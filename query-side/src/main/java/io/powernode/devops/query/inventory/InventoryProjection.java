package io.powernode.devops.query.inventory;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.powernode.devops.kernel.host.HostEvents.HostContainersChanged;
import io.powernode.devops.kernel.host.HostEvents.HostImagesChanged;
import io.powernode.devops.kernel.host.HostEvents.HostNetworksChanged;
import io.powernode.devops.kernel.host.HostEvents.HostRemoved;
import io.powernode.devops.kernel.host.HostEvents.HostVolumesChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static io.powernode.devops.query.inventory.InventoryKinds.CONTAINERS;
import static io.powernode.devops.query.inventory.InventoryKinds.IMAGES;
import static io.powernode.devops.query.inventory.InventoryKinds.NETWORKS;
import static io.powernode.devops.query.inventory.InventoryKinds.OBSERVED_AT;
import static io.powernode.devops.query.inventory.InventoryKinds.VOLUMES;
import static io.powernode.devops.query.mongo.CommonFields.ACCOUNT_ID;
import static io.powernode.devops.query.mongo.CommonFields.HOST_ID;
import static io.powernode.devops.query.mongo.CommonFields.ID;
import static io.powernode.devops.query.mongo.DocumentValues.date;

/**
 * Each host's containers, images, networks and volumes, one document per item, from the diffs a sync records.
 * Upserting what was added or changed and deleting what was removed is idempotent, so a re-delivered diff
 * needs no guard.
 */
@Component
@ProcessingGroup("inventory-projection")
public class InventoryProjection {
    private final MongoDatabase database;

    public InventoryProjection(MongoDatabase database) {
        this.database = database;
    }

    @EventHandler
    void on(HostContainersChanged event) {
        apply(CONTAINERS, event.hostId(), event.accountId(), event.added(), event.changed(), event.removedIds(),
                event.observedAt());
    }

    @EventHandler
    void on(HostImagesChanged event) {
        apply(IMAGES, event.hostId(), event.accountId(), event.added(), event.changed(), event.removedIds(),
                event.observedAt());
    }

    @EventHandler
    void on(HostNetworksChanged event) {
        apply(NETWORKS, event.hostId(), event.accountId(), event.added(), event.changed(), event.removedIds(),
                event.observedAt());
    }

    @EventHandler
    void on(HostVolumesChanged event) {
        apply(VOLUMES, event.hostId(), event.accountId(), event.added(), event.changed(), event.removedNames(),
                event.observedAt());
    }

    @EventHandler
    void on(HostRemoved event) {
        Stream.of(CONTAINERS, IMAGES, NETWORKS, VOLUMES).forEach(kind ->
                database.getCollection(kind.collection()).deleteMany(Filters.eq(HOST_ID, event.hostId())));
    }

    private <T> void apply(InventoryKind<T, ?> kind, String hostId, String accountId, List<T> added,
                           List<T> changed, List<String> removedKeys, Instant observedAt) {
        var items = database.getCollection(kind.collection());
        Stream.concat(added.stream(), changed.stream()).forEach(item -> {
            String id = kind.documentId(hostId, kind.key().apply(item));
            Document document = kind.fields().apply(item)
                    .append(ID, id)
                    .append(ACCOUNT_ID, accountId)
                    .append(HOST_ID, hostId)
                    .append(OBSERVED_AT, date(observedAt));
            items.replaceOne(Filters.eq(ID, id), document, new ReplaceOptions().upsert(true));
        });
        if (!removedKeys.isEmpty()) {
            items.deleteMany(Filters.in(ID, removedKeys.stream().map(key -> kind.documentId(hostId, key)).toList()));
        }
    }
}
