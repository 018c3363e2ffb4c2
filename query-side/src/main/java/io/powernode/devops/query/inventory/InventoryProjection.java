package io.powernode.devops.query.inventory;

import com.mongodb.client.MongoDatabase;
import io.powernode.devops.kernel.host.HostEvents.HostContainersChanged;
import io.powernode.devops.kernel.host.HostEvents.HostImagesChanged;
import io.powernode.devops.kernel.host.HostEvents.HostNetworksChanged;
import io.powernode.devops.kernel.host.HostEvents.HostRemoved;
import io.powernode.devops.kernel.host.HostEvents.HostVolumesChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.List;

import static io.powernode.devops.query.inventory.InventoryKinds.CONTAINERS;
import static io.powernode.devops.query.inventory.InventoryKinds.IMAGES;
import static io.powernode.devops.query.inventory.InventoryKinds.NETWORKS;
import static io.powernode.devops.query.inventory.InventoryKinds.VOLUMES;

/**
 * Each host's containers, images, networks and volumes, one document per item, from the diffs a sync records
 * (idempotent, see {@link InventoryStore}).
 */
@Component
@ProcessingGroup("inventory-projection")
public class InventoryProjection {
    private static final List<InventoryKind<?, ?>> KINDS = List.of(CONTAINERS, IMAGES, NETWORKS, VOLUMES);

    private final InventoryStore store;

    public InventoryProjection(MongoDatabase database) {
        this.store = new InventoryStore(database);
    }

    @EventHandler
    void on(HostContainersChanged event) {
        store.apply(CONTAINERS, event.hostId(), event.accountId(), event.added(), event.changed(), event.removedIds(),
                event.observedAt());
    }

    @EventHandler
    void on(HostImagesChanged event) {
        store.apply(IMAGES, event.hostId(), event.accountId(), event.added(), event.changed(), event.removedIds(),
                event.observedAt());
    }

    @EventHandler
    void on(HostNetworksChanged event) {
        store.apply(NETWORKS, event.hostId(), event.accountId(), event.added(), event.changed(), event.removedIds(),
                event.observedAt());
    }

    @EventHandler
    void on(HostVolumesChanged event) {
        store.apply(VOLUMES, event.hostId(), event.accountId(), event.added(), event.changed(), event.removedNames(),
                event.observedAt());
    }

    @EventHandler
    void on(HostRemoved event) {
        store.removeOwner(event.hostId(), KINDS);
    }
}
