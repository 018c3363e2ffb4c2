package io.powernode.devops.query.inventory;

import com.mongodb.client.MongoDatabase;
import io.powernode.devops.kernel.host.HostQueries.ListContainers;
import io.powernode.devops.kernel.host.HostQueries.ListImages;
import io.powernode.devops.kernel.host.HostQueries.ListNetworks;
import io.powernode.devops.kernel.host.HostQueries.ListVolumes;
import io.powernode.devops.kernel.host.HostViews.ContainerPage;
import io.powernode.devops.kernel.host.HostViews.ImagePage;
import io.powernode.devops.kernel.host.HostViews.NetworkPage;
import io.powernode.devops.kernel.host.HostViews.VolumePage;
import io.powernode.devops.query.mongo.AccountScope;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import static io.powernode.devops.query.inventory.InventoryKinds.CONTAINERS;
import static io.powernode.devops.query.inventory.InventoryKinds.IMAGES;
import static io.powernode.devops.query.inventory.InventoryKinds.NETWORKS;
import static io.powernode.devops.query.inventory.InventoryKinds.STATE;
import static io.powernode.devops.query.inventory.InventoryKinds.VOLUMES;
import static io.powernode.devops.query.mongo.CommonFields.HOST_ID;

/** Lists a host's (or all the account's hosts') inventory, one page at a time. */
@Component
public class InventoryQueryHandler {
    private final InventoryStore store;

    public InventoryQueryHandler(MongoDatabase database) {
        this.store = new InventoryStore(database);
    }

    @QueryHandler
    public ContainerPage handle(ListContainers query) {
        var slice = store.list(CONTAINERS,
                AccountScope.of(query.accountId()).whereEquals(HOST_ID, query.hostId()).whereEquals(STATE, query.state()),
                query.page());
        return new ContainerPage(slice.items(), slice.page());
    }

    @QueryHandler
    public ImagePage handle(ListImages query) {
        var slice = store.list(IMAGES, onHost(query.accountId(), query.hostId()), query.page());
        return new ImagePage(slice.items(), slice.page());
    }

    @QueryHandler
    public NetworkPage handle(ListNetworks query) {
        var slice = store.list(NETWORKS, onHost(query.accountId(), query.hostId()), query.page());
        return new NetworkPage(slice.items(), slice.page());
    }

    @QueryHandler
    public VolumePage handle(ListVolumes query) {
        var slice = store.list(VOLUMES, onHost(query.accountId(), query.hostId()), query.page());
        return new VolumePage(slice.items(), slice.page());
    }

    private static AccountScope onHost(String accountId, String hostIdOrNull) {
        return AccountScope.of(accountId).whereEquals(HOST_ID, hostIdOrNull);
    }
}
