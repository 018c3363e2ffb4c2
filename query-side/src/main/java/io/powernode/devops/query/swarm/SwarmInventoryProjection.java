package io.powernode.devops.query.swarm;

import com.mongodb.client.MongoDatabase;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRemoved;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmConfigsChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmNetworksChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmNodesChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmSecretsChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmServicesChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmTasksChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmVolumesChanged;
import io.powernode.devops.query.inventory.InventoryStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import static io.powernode.devops.query.swarm.SwarmInventoryKinds.ALL;
import static io.powernode.devops.query.swarm.SwarmInventoryKinds.CONFIGS;
import static io.powernode.devops.query.swarm.SwarmInventoryKinds.NETWORKS;
import static io.powernode.devops.query.swarm.SwarmInventoryKinds.NODES;
import static io.powernode.devops.query.swarm.SwarmInventoryKinds.SECRETS;
import static io.powernode.devops.query.swarm.SwarmInventoryKinds.SERVICES;
import static io.powernode.devops.query.swarm.SwarmInventoryKinds.TASKS;
import static io.powernode.devops.query.swarm.SwarmInventoryKinds.VOLUMES;

/**
 * Each cluster's nodes, services, tasks, networks, volumes, secrets and configs, one document per item keyed
 * {@code clusterId:id} (volumes by name), from the diffs a sync records (idempotent, see {@link InventoryStore}).
 */
@Component
@ProcessingGroup("swarm-inventory-projection")
public class SwarmInventoryProjection {
    private final InventoryStore store;

    public SwarmInventoryProjection(MongoDatabase database) {
        this.store = new InventoryStore(database);
    }

    @EventHandler
    void on(SwarmNodesChanged event) {
        store.apply(NODES, event.clusterId(), event.accountId(), event.added(), event.changed(), event.removedIds(),
                event.observedAt());
    }

    @EventHandler
    void on(SwarmServicesChanged event) {
        store.apply(SERVICES, event.clusterId(), event.accountId(), event.added(), event.changed(),
                event.removedIds(), event.observedAt());
    }

    @EventHandler
    void on(SwarmTasksChanged event) {
        store.apply(TASKS, event.clusterId(), event.accountId(), event.added(), event.changed(), event.removedIds(),
                event.observedAt());
    }

    @EventHandler
    void on(SwarmNetworksChanged event) {
        store.apply(NETWORKS, event.clusterId(), event.accountId(), event.added(), event.changed(),
                event.removedIds(), event.observedAt());
    }

    @EventHandler
    void on(SwarmVolumesChanged event) {
        store.apply(VOLUMES, event.clusterId(), event.accountId(), event.added(), event.changed(),
                event.removedNames(), event.observedAt());
    }

    @EventHandler
    void on(SwarmSecretsChanged event) {
        store.apply(SECRETS, event.clusterId(), event.accountId(), event.added(), event.changed(),
                event.removedIds(), event.observedAt());
    }

    @EventHandler
    void on(SwarmConfigsChanged event) {
        store.apply(CONFIGS, event.clusterId(), event.accountId(), event.added(), event.changed(),
                event.removedIds(), event.observedAt());
    }

    @EventHandler
    void on(ClusterRemoved event) {
        store.removeOwner(event.clusterId(), ALL);
    }
}
