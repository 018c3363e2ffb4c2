package io.powernode.devops.query.inventory;

import io.powernode.devops.kernel.host.HostInventory.ContainerSummary;
import io.powernode.devops.kernel.host.HostInventory.ImageSummary;
import io.powernode.devops.kernel.host.HostInventory.NetworkSummary;
import io.powernode.devops.kernel.host.HostInventory.VolumeSummary;
import io.powernode.devops.kernel.host.HostViews.ContainerView;
import io.powernode.devops.kernel.host.HostViews.ImageView;
import io.powernode.devops.kernel.host.HostViews.NetworkView;
import io.powernode.devops.kernel.host.HostViews.VolumeView;
import io.powernode.devops.query.ReadModelCollections;
import org.bson.Document;

import static io.powernode.devops.query.inventory.InventoryKind.ID;
import static io.powernode.devops.query.inventory.InventoryKind.LABELS;
import static io.powernode.devops.query.inventory.InventoryKind.NAME;
import static io.powernode.devops.query.inventory.InventoryKind.OBSERVED_AT;
import static io.powernode.devops.query.mongo.CommonFields.HOST_ID;
import static io.powernode.devops.query.mongo.DocumentValues.date;
import static io.powernode.devops.query.mongo.DocumentValues.instant;
import static io.powernode.devops.query.mongo.DocumentValues.stringList;
import static io.powernode.devops.query.mongo.DocumentValues.stringMap;

/** The four host inventory read models: their documents and their mapping to the kernel's views. */
public final class InventoryKinds {
    static final String STATE = "state";

    static final InventoryKind<ContainerSummary, ContainerView> CONTAINERS = new InventoryKind<>(
            ReadModelCollections.CONTAINERS, HOST_ID, ContainerSummary::id,
            container -> new Document(ID, container.id())
                    .append(NAME, container.name())
                    .append("image", container.image())
                    .append("image_id", container.imageId())
                    .append(STATE, container.state())
                    .append("health", container.health())
                    .append("created_at", date(container.createdAt()))
                    .append(LABELS, container.labels()),
            document -> new ContainerView(
                    document.getString(HOST_ID),
                    document.getString(ID),
                    document.getString(NAME),
                    document.getString("image"),
                    document.getString("image_id"),
                    document.getString(STATE),
                    document.getString("health"),
                    instant(document, "created_at"),
                    stringMap(document, LABELS),
                    instant(document, OBSERVED_AT)),
            NAME);

    static final InventoryKind<ImageSummary, ImageView> IMAGES = new InventoryKind<>(
            ReadModelCollections.IMAGES, HOST_ID, ImageSummary::id,
            image -> new Document(ID, image.id())
                    .append("repo_tags", image.repoTags())
                    .append("size_bytes", image.sizeBytes())
                    .append("created_at", date(image.createdAt())),
            document -> new ImageView(
                    document.getString(HOST_ID),
                    document.getString(ID),
                    stringList(document, "repo_tags"),
                    document.getLong("size_bytes"),
                    instant(document, "created_at"),
                    instant(document, OBSERVED_AT)),
            ID);

    static final InventoryKind<NetworkSummary, NetworkView> NETWORKS = new InventoryKind<>(
            ReadModelCollections.NETWORKS, HOST_ID, NetworkSummary::id,
            network -> new Document(ID, network.id())
                    .append(NAME, network.name())
                    .append("driver", network.driver())
                    .append("scope", network.scope())
                    .append("internal", network.internal())
                    .append("attachable", network.attachable()),
            document -> new NetworkView(
                    document.getString(HOST_ID),
                    document.getString(ID),
                    document.getString(NAME),
                    document.getString("driver"),
                    document.getString("scope"),
                    document.getBoolean("internal", false),
                    document.getBoolean("attachable", false),
                    instant(document, OBSERVED_AT)),
            NAME);

    static final InventoryKind<VolumeSummary, VolumeView> VOLUMES = new InventoryKind<>(
            ReadModelCollections.VOLUMES, HOST_ID, VolumeSummary::name, InventoryKinds::volumeDocument,
            document -> new VolumeView(
                    document.getString(HOST_ID),
                    document.getString(NAME),
                    document.getString("driver"),
                    document.getString("mountpoint"),
                    document.getString("scope"),
                    stringMap(document, LABELS),
                    instant(document, OBSERVED_AT)),
            NAME);

    /** How a volume is stored, on a host or in a swarm cluster alike. */
    public static Document volumeDocument(VolumeSummary volume) {
        return new Document(NAME, volume.name())
                .append("driver", volume.driver())
                .append("mountpoint", volume.mountpoint())
                .append("scope", volume.scope())
                .append(LABELS, volume.labels());
    }

    private InventoryKinds() {
    }
}
