package io.powernode.devops.query.swarm;

import io.powernode.devops.kernel.host.HostInventory.VolumeSummary;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmConfigView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmNetworkView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmNodeView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmSecretView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmServiceView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmTaskView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmVolumeView;
import io.powernode.devops.kernel.swarm.SwarmInventory.ConfigSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeAvailability;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeState;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.SecretSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceMode;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.SwarmNetworkSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.TaskSummary;
import io.powernode.devops.query.ReadModelCollections;
import io.powernode.devops.query.inventory.InventoryKind;
import io.powernode.devops.query.inventory.InventoryKinds;
import org.bson.Document;

import java.util.List;
import java.util.Map;

import static io.powernode.devops.query.inventory.InventoryKind.ID;
import static io.powernode.devops.query.inventory.InventoryKind.LABELS;
import static io.powernode.devops.query.inventory.InventoryKind.NAME;
import static io.powernode.devops.query.inventory.InventoryKind.OBSERVED_AT;
import static io.powernode.devops.query.mongo.CommonFields.CLUSTER_ID;
import static io.powernode.devops.query.mongo.DocumentValues.date;
import static io.powernode.devops.query.mongo.DocumentValues.enumValue;
import static io.powernode.devops.query.mongo.DocumentValues.instant;
import static io.powernode.devops.query.mongo.DocumentValues.name;
import static io.powernode.devops.query.mongo.DocumentValues.stringMap;

/**
 * The seven swarm inventory read models: their documents and their mapping to the kernel's views. Secrets and
 * configs are stored as the metadata the events carry; there is no value to store.
 */
public final class SwarmInventoryKinds {
    static final String ROLE = "role";
    static final String AVAILABILITY = "availability";
    /** The stack a service belongs to: its namespace label, stored beside the labels to list services by it. */
    public static final String STACK = "stack";
    static final String SERVICE_ID = "service_id";
    static final String NODE_ID = "node_id";
    /** The label {@code docker stack deploy} puts on everything it creates. */
    static final String STACK_LABEL = "com.docker.stack.namespace";

    static final InventoryKind<NodeSummary, SwarmNodeView> NODES = new InventoryKind<>(
            ReadModelCollections.SWARM_NODES, CLUSTER_ID, NodeSummary::id,
            node -> new Document(ID, node.id())
                    .append("hostname", node.hostname())
                    .append(ROLE, name(node.role()))
                    .append(AVAILABILITY, name(node.availability()))
                    .append("state", name(node.state()))
                    .append("manager_reachability", node.managerReachability())
                    .append("leader", node.leader())
                    .append("address", node.address())
                    .append("engine_version", node.engineVersion())
                    .append(LABELS, node.labels())
                    .append("nano_cpus", node.nanoCpus())
                    .append("memory_bytes", node.memoryBytes()),
            document -> new SwarmNodeView(
                    document.getString(CLUSTER_ID),
                    document.getString(ID),
                    document.getString("hostname"),
                    enumValue(document, ROLE, NodeRole.class),
                    enumValue(document, AVAILABILITY, NodeAvailability.class),
                    enumValue(document, "state", NodeState.class),
                    document.getString("manager_reachability"),
                    document.getBoolean("leader", false),
                    document.getString("address"),
                    document.getString("engine_version"),
                    stringMap(document, LABELS),
                    document.getLong("nano_cpus"),
                    document.getLong("memory_bytes"),
                    instant(document, OBSERVED_AT)),
            "hostname");

    public static final InventoryKind<ServiceSummary, SwarmServiceView> SERVICES = new InventoryKind<>(
            ReadModelCollections.SWARM_SERVICES, CLUSTER_ID, ServiceSummary::id,
            service -> new Document(ID, service.id())
                    .append(NAME, service.name())
                    .append("mode", name(service.mode()))
                    .append("image", service.image())
                    .append("desired_replicas", service.desiredReplicas())
                    .append("running_tasks", service.runningTasks())
                    .append("update_state", service.updateState())
                    .append("update_message", service.updateMessage())
                    .append(LABELS, service.labels())
                    .append(STACK, stackOf(service.labels()))
                    .append("spec_version", service.specVersion()),
            document -> new SwarmServiceView(
                    document.getString(CLUSTER_ID),
                    document.getString(ID),
                    document.getString(NAME),
                    enumValue(document, "mode", ServiceMode.class),
                    document.getString("image"),
                    document.getInteger("desired_replicas"),
                    document.getInteger("running_tasks", 0),
                    document.getString("update_state"),
                    document.getString("update_message"),
                    stringMap(document, LABELS),
                    document.getString(STACK),
                    document.getLong("spec_version"),
                    instant(document, OBSERVED_AT)),
            NAME);

    static final InventoryKind<TaskSummary, SwarmTaskView> TASKS = new InventoryKind<>(
            ReadModelCollections.SWARM_TASKS, CLUSTER_ID, TaskSummary::id,
            task -> new Document(ID, task.id())
                    .append(SERVICE_ID, task.serviceId())
                    .append(NODE_ID, task.nodeId())
                    .append("slot", task.slot())
                    .append("desired_state", task.desiredState())
                    .append("state", task.state())
                    .append("error", task.error())
                    .append("updated_at", date(task.updatedAt())),
            document -> new SwarmTaskView(
                    document.getString(CLUSTER_ID),
                    document.getString(ID),
                    document.getString(SERVICE_ID),
                    document.getString(NODE_ID),
                    document.getInteger("slot"),
                    document.getString("desired_state"),
                    document.getString("state"),
                    document.getString("error"),
                    instant(document, "updated_at"),
                    instant(document, OBSERVED_AT)),
            SERVICE_ID);

    static final InventoryKind<SwarmNetworkSummary, SwarmNetworkView> NETWORKS = new InventoryKind<>(
            ReadModelCollections.SWARM_NETWORKS, CLUSTER_ID, SwarmNetworkSummary::id,
            network -> new Document(ID, network.id())
                    .append(NAME, network.name())
                    .append("driver", network.driver())
                    .append("scope", network.scope())
                    .append("attachable", network.attachable())
                    .append("internal", network.internal())
                    .append("encrypted", network.encrypted())
                    .append("ingress", network.ingress())
                    .append(LABELS, network.labels()),
            document -> new SwarmNetworkView(
                    document.getString(CLUSTER_ID),
                    document.getString(ID),
                    document.getString(NAME),
                    document.getString("driver"),
                    document.getString("scope"),
                    document.getBoolean("attachable", false),
                    document.getBoolean("internal", false),
                    document.getBoolean("encrypted", false),
                    document.getBoolean("ingress", false),
                    stringMap(document, LABELS),
                    instant(document, OBSERVED_AT)),
            NAME);

    static final InventoryKind<VolumeSummary, SwarmVolumeView> VOLUMES = new InventoryKind<>(
            ReadModelCollections.SWARM_VOLUMES, CLUSTER_ID, VolumeSummary::name, InventoryKinds::volumeDocument,
            document -> new SwarmVolumeView(
                    document.getString(CLUSTER_ID),
                    document.getString(NAME),
                    document.getString("driver"),
                    document.getString("mountpoint"),
                    document.getString("scope"),
                    stringMap(document, LABELS),
                    instant(document, OBSERVED_AT)),
            NAME);

    static final InventoryKind<SecretSummary, SwarmSecretView> SECRETS = new InventoryKind<>(
            ReadModelCollections.SWARM_SECRETS, CLUSTER_ID, SecretSummary::id,
            secret -> new Document(ID, secret.id())
                    .append(NAME, secret.name())
                    .append(LABELS, secret.labels())
                    .append("created_at", date(secret.createdAt()))
                    .append("updated_at", date(secret.updatedAt())),
            document -> new SwarmSecretView(
                    document.getString(CLUSTER_ID),
                    document.getString(ID),
                    document.getString(NAME),
                    stringMap(document, LABELS),
                    instant(document, "created_at"),
                    instant(document, "updated_at"),
                    instant(document, OBSERVED_AT)),
            NAME);

    static final InventoryKind<ConfigSummary, SwarmConfigView> CONFIGS = new InventoryKind<>(
            ReadModelCollections.SWARM_CONFIGS, CLUSTER_ID, ConfigSummary::id,
            config -> new Document(ID, config.id())
                    .append(NAME, config.name())
                    .append(LABELS, config.labels())
                    .append("template_driver", config.templateDriver())
                    .append("created_at", date(config.createdAt()))
                    .append("updated_at", date(config.updatedAt())),
            document -> new SwarmConfigView(
                    document.getString(CLUSTER_ID),
                    document.getString(ID),
                    document.getString(NAME),
                    stringMap(document, LABELS),
                    document.getString("template_driver"),
                    instant(document, "created_at"),
                    instant(document, "updated_at"),
                    instant(document, OBSERVED_AT)),
            NAME);

    static final List<InventoryKind<?, ?>> ALL = List.of(NODES, SERVICES, TASKS, NETWORKS, VOLUMES, SECRETS, CONFIGS);

    private SwarmInventoryKinds() {
    }

    /** Stored beside the labels so that services can be listed by stack. */
    private static String stackOf(Map<String, String> labels) {
        return labels == null ? null : labels.get(STACK_LABEL);
    }
}
