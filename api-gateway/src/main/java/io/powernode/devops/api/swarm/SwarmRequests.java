package io.powernode.devops.api.swarm;

import io.powernode.devops.api.JsonBody;
import io.powernode.devops.api.endpoint.EndpointFields;
import io.powernode.devops.api.endpoint.EndpointRequests;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.swarm.ServiceSpec;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeAvailability;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;
import io.powernode.devops.kernel.swarm.SwarmOperation;
import io.powernode.devops.kernel.swarm.SwarmOperation.ChangeNodeLabels;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateConfig;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateNetwork;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateSecret;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateService;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateVolume;
import io.powernode.devops.kernel.swarm.SwarmOperation.JoinSwarm;
import io.powernode.devops.kernel.swarm.SwarmOperation.LeaveSwarm;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateConfig;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateJoinTokens;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateSecret;
import io.powernode.devops.kernel.swarm.SwarmOperation.ScaleService;
import io.powernode.devops.kernel.swarm.SwarmOperation.SetNodeAvailability;
import io.powernode.devops.kernel.swarm.SwarmOperation.UpdateSecretLabels;
import io.powernode.devops.kernel.swarm.SwarmOperation.UpdateService;
import io.powernode.devops.kernel.swarm.SwarmOperation.UpdateSwarmSettings;
import io.powernode.devops.secrets.CredentialSealer;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the swarm API's request bodies and turns each into the operation it asks of the cluster. Every
 * field at fault is named in one RFC 9457 answer; secret values and registry credentials are sealed here, and
 * neither they nor their length reach an audit parameter or an error message.
 */
@Component
public class SwarmRequests {

    private static final int MAX_TASK_HISTORY = 10_000;
    private static final int MAX_LABEL_REMOVALS = 100;
    private static final int MAX_DRIVER = 255;
    private static final int MAX_ADDRESS = 100;
    private static final int MAX_DRIVER_OPTIONS = 50;
    private static final String DEFAULT_NETWORK_DRIVER = "overlay";
    private static final String DEFAULT_VOLUME_DRIVER = "local";
    private static final List<String> TEMPLATE_DRIVERS = List.of("golang");
    /** A driver or a plugin reference, e.g. overlay or vieux/sshfs:latest. */
    private static final Pattern DRIVER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:/-]*");

    private static final Set<String> SERVICE_CREATION = with(ServiceSpecReader.FIELDS, "cluster_id");
    private static final Set<String> SERVICE_UPDATE = with(ServiceSpecReader.FIELDS, "force_redeploy");
    private static final Set<String> SCALE = Set.of("replicas");
    private static final Set<String> NODE = Set.of("availability");
    private static final Set<String> NODE_LABELS = Set.of("add", "remove");
    private static final Set<String> SECRET_CREATION = Set.of("cluster_id", "name", "value", "value_base64", "labels");
    private static final Set<String> SECRET_LABELS = Set.of("labels");
    private static final Set<String> SECRET_ROTATION = Set.of("value", "value_base64", "new_name", "labels");
    private static final Set<String> CONFIG_CREATION =
            Set.of("cluster_id", "name", "data", "data_base64", "labels", "template_driver");
    private static final Set<String> CONFIG_ROTATION = Set.of("data", "data_base64", "new_name", "labels", "template_driver");
    private static final Set<String> NETWORK_CREATION = Set.of("cluster_id", "name", "driver", "attachable", "internal",
            "encrypted", "labels", "subnet", "gateway");
    private static final Set<String> VOLUME_CREATION = Set.of("cluster_id", "name", "driver", "driver_options", "labels");
    private static final Set<String> JOIN = Set.of("host_id", "role", "advertise_addr", "listen_addr");
    private static final Set<String> LEAVE = Set.of("host_id", "force");
    private static final Set<String> SWARM_SETTINGS = Set.of("autolock", "task_history_limit");
    private static final Set<String> TOKEN_ROTATION = Set.of("worker", "manager");
    private static final Set<String> CLUSTER_INIT = Set.of("name", "host_id", "environment", "sync_interval_seconds",
            "advertise_addr", "listen_addr", "autolock", "task_history_limit");

    private final JsonBody body;
    private final CredentialSealer sealer;
    private final ServiceSpecReader services;

    SwarmRequests(JsonBody body, CredentialSealer sealer) {
        this.body = body;
        this.sealer = sealer;
        this.services = new ServiceSpecReader(sealer);
    }

    // --- services ---

    public OperationRequest serviceCreation(String json) {
        JsonBody.Fields service = body.open(json, "service", SERVICE_CREATION);
        String clusterId = SwarmFields.id(service, "cluster_id", true);
        ServiceSpec spec = services.read(service, true);
        service.done();
        return new OperationRequest(clusterId, new CreateService(spec));
    }

    /** The body is the service's whole new spec, as {@code docker service update} leaves Docker to apply. */
    public OperationRequest serviceUpdate(String serviceId, String json) {
        JsonBody.Fields service = body.open(json, "service", SERVICE_UPDATE);
        ServiceSpec spec = services.read(service, false);
        boolean force = Boolean.TRUE.equals(service.bool("force_redeploy"));
        service.done();
        return new OperationRequest(null, new UpdateService(serviceId, spec, force));
    }

    public OperationRequest serviceScale(String serviceId, String json) {
        JsonBody.Fields scale = body.open(json, "scale", SCALE);
        Integer replicas = scale.integer("replicas", 0, ServiceSpecReader.MAX_REPLICAS, true);
        scale.done();
        return new OperationRequest(null, new ScaleService(serviceId, replicas));
    }

    // --- nodes ---

    public OperationRequest nodeAvailability(String nodeId, String json) {
        JsonBody.Fields node = body.open(json, "node", NODE);
        NodeAvailability availability = node.oneOf("availability", NodeAvailability.class, true);
        node.done();
        return new OperationRequest(null, new SetNodeAvailability(nodeId, availability));
    }

    /** Labels to set and label keys to remove; a key cannot be in both. */
    public OperationRequest nodeLabels(String nodeId, String json) {
        JsonBody.Fields labels = body.open(json, "labels", NODE_LABELS);
        Map<String, String> add = SwarmFields.labels(labels, "add");
        List<String> remove = labels.strings("remove", MAX_LABEL_REMOVALS, SwarmFields.MAX_KEY_LENGTH);
        if (remove != null) {
            for (int i = 0; i < remove.size(); i++) {
                String key = remove.get(i);
                String problem = SwarmFields.keyProblem(key);
                if (problem == null && add != null && add.containsKey(key)) {
                    problem = "is also in add: a label is either set or removed";
                }
                if (problem != null) {
                    labels.reject("remove[" + i + "]", problem);
                }
            }
        }
        // a list that failed its own check has been named already
        boolean addsNone = add == null ? !labels.has("add") : add.isEmpty();
        boolean removesNone = remove == null ? !labels.has("remove") : remove.isEmpty();
        if (addsNone && removesNone) {
            labels.rejectObject("must add or remove at least one label");
        }
        labels.done();
        Map<String, String> added = add == null ? Map.of() : add;
        List<String> removed = remove == null ? List.of() : remove;
        return new OperationRequest(null, new ChangeNodeLabels(nodeId, added, removed));
    }

    // --- secrets and configs ---

    public OperationRequest secretCreation(String json) {
        JsonBody.Fields secret = body.open(json, "secret", SECRET_CREATION);
        String clusterId = SwarmFields.id(secret, "cluster_id", true);
        String name = SwarmFields.objectName(secret, "name", true);
        byte[] value = Payloads.read(secret, "value", "value_base64", Payloads.SECRET_LIMIT_BYTES);
        Map<String, String> labels = SwarmFields.labels(secret, "labels");
        secret.done();
        return new OperationRequest(clusterId, new CreateSecret(name, seal(value), labels));
    }

    /** Docker lets a secret's labels change, nothing else: the labels given replace the current ones. */
    public OperationRequest secretLabels(String secretId, String json) {
        JsonBody.Fields secret = body.open(json, "secret", SECRET_LABELS);
        Map<String, String> labels = SwarmFields.labels(secret, "labels");
        if (!secret.has("labels")) {
            secret.reject("labels", "is required ({} removes every label)");
        }
        secret.done();
        return new OperationRequest(null, new UpdateSecretLabels(secretId, labels));
    }

    public OperationRequest secretRotation(String secretId, String json) {
        JsonBody.Fields secret = body.open(json, "secret", SECRET_ROTATION);
        byte[] value = Payloads.read(secret, "value", "value_base64", Payloads.SECRET_LIMIT_BYTES);
        String newName = SwarmFields.objectName(secret, "new_name", false);
        Map<String, String> labels = SwarmFields.labels(secret, "labels");
        secret.done();
        return new OperationRequest(null, new RotateSecret(secretId, newName, seal(value), labels));
    }

    public OperationRequest configCreation(String json) {
        JsonBody.Fields config = body.open(json, "config", CONFIG_CREATION);
        String clusterId = SwarmFields.id(config, "cluster_id", true);
        String name = SwarmFields.objectName(config, "name", true);
        byte[] data = Payloads.read(config, "data", "data_base64", Payloads.CONFIG_LIMIT_BYTES);
        Map<String, String> labels = SwarmFields.labels(config, "labels");
        String templateDriver = config.oneOf("template_driver", TEMPLATE_DRIVERS);
        config.done();
        return new OperationRequest(clusterId,
                new CreateConfig(name, Base64.getEncoder().encodeToString(data), labels, templateDriver));
    }

    public OperationRequest configRotation(String configId, String json) {
        JsonBody.Fields config = body.open(json, "config", CONFIG_ROTATION);
        byte[] data = Payloads.read(config, "data", "data_base64", Payloads.CONFIG_LIMIT_BYTES);
        String newName = SwarmFields.objectName(config, "new_name", false);
        Map<String, String> labels = SwarmFields.labels(config, "labels");
        String templateDriver = config.oneOf("template_driver", TEMPLATE_DRIVERS);
        config.done();
        return new OperationRequest(null,
                new RotateConfig(configId, newName, Base64.getEncoder().encodeToString(data), labels, templateDriver));
    }

    // --- networks and volumes ---

    /** A gateway needs the subnet it belongs to; encryption is the overlay driver's. */
    public OperationRequest networkCreation(String json) {
        JsonBody.Fields network = body.open(json, "network", NETWORK_CREATION);
        String clusterId = SwarmFields.id(network, "cluster_id", true);
        String name = SwarmFields.serviceName(network, "name", true);
        String driver = driver(network, DEFAULT_NETWORK_DRIVER);
        boolean attachable = Boolean.TRUE.equals(network.bool("attachable"));
        boolean internal = Boolean.TRUE.equals(network.bool("internal"));
        boolean encrypted = Boolean.TRUE.equals(network.bool("encrypted"));
        if (encrypted && driver != null && !driver.equals(DEFAULT_NETWORK_DRIVER)) {
            network.reject("encrypted", "is only for the overlay driver");
        }
        Map<String, String> labels = SwarmFields.labels(network, "labels");
        String subnet = network.string("subnet", false, MAX_ADDRESS);
        NetworkAddresses.Subnet parsedSubnet = subnet == null ? null : NetworkAddresses.subnet(subnet);
        if (subnet != null && parsedSubnet == null) {
            network.reject("subnet", "must be a subnet in CIDR notation, e.g. 10.20.0.0/24 or fd00:20::/64");
        }
        String gateway = network.string("gateway", false, MAX_ADDRESS);
        if (gateway != null) {
            byte[] address = NetworkAddresses.ip(gateway);
            if (address == null) {
                network.reject("gateway", "must be an IP address, e.g. 10.20.0.1");
            } else if (subnet == null) {
                network.reject("gateway", "needs the subnet it belongs to");
            } else if (parsedSubnet != null && !parsedSubnet.contains(address)) {
                network.reject("gateway", "must be an address inside the subnet " + subnet);
            }
        }
        network.done();
        return new OperationRequest(clusterId,
                new CreateNetwork(name, driver, attachable, internal, encrypted, labels, subnet, gateway));
    }

    public OperationRequest volumeCreation(String json) {
        JsonBody.Fields volume = body.open(json, "volume", VOLUME_CREATION);
        String clusterId = SwarmFields.id(volume, "cluster_id", true);
        String name = SwarmFields.reference(volume, "name", true);
        String driver = driver(volume, DEFAULT_VOLUME_DRIVER);
        Map<String, String> options = volume.stringMap("driver_options", MAX_DRIVER_OPTIONS, SwarmFields.MAX_LABEL_VALUE,
                SwarmFields::keyProblem);
        Map<String, String> labels = SwarmFields.labels(volume, "labels");
        volume.done();
        return new OperationRequest(clusterId, new CreateVolume(name, driver, options, labels));
    }

    // --- the swarm itself ---

    public OperationRequest join(String json) {
        JsonBody.Fields join = body.open(json, "join", JOIN);
        String hostId = SwarmFields.id(join, "host_id", true);
        NodeRole role = join.has("role") ? join.oneOf("role", NodeRole.class, true) : NodeRole.worker;
        String advertise = NetworkAddresses.address(join, "advertise_addr");
        String listen = NetworkAddresses.address(join, "listen_addr");
        join.done();
        return new OperationRequest(null, new JoinSwarm(hostId, role, advertise, listen));
    }

    public OperationRequest leave(String json) {
        JsonBody.Fields leave = body.open(json, "leave", LEAVE);
        String hostId = SwarmFields.id(leave, "host_id", true);
        boolean force = Boolean.TRUE.equals(leave.bool("force"));
        leave.done();
        return new OperationRequest(null, new LeaveSwarm(hostId, force));
    }

    public OperationRequest swarmSettings(String json) {
        JsonBody.Fields swarm = body.open(json, "swarm", SWARM_SETTINGS);
        Boolean autolock = swarm.bool("autolock");
        Integer taskHistoryLimit = swarm.integer("task_history_limit", 0, MAX_TASK_HISTORY);
        if (!swarm.has("autolock") && !swarm.has("task_history_limit")) {
            swarm.rejectObject("must set autolock or task_history_limit");
        }
        swarm.done();
        return new OperationRequest(null, new UpdateSwarmSettings(autolock, taskHistoryLimit));
    }

    /** No body rotates both tokens. */
    public OperationRequest tokenRotation(String json) {
        boolean worker = true;
        boolean manager = true;
        if (json != null && !json.isBlank()) {
            JsonBody.Fields rotate = body.open(json, "rotate", TOKEN_ROTATION);
            worker = Boolean.TRUE.equals(rotate.bool("worker"));
            manager = Boolean.TRUE.equals(rotate.bool("manager"));
            if (!worker && !manager) {
                rotate.rejectObject("must set worker or manager (or both) to true");
            }
            rotate.done();
        }
        return new OperationRequest(null, new RotateJoinTokens(worker, manager));
    }

    /**
     * Name, environment and sync interval follow a host registration's rules: a cluster is reached as a host is.
     * Without an environment the cluster takes its host's.
     */
    public ClusterInit clusterInit(String json) {
        JsonBody.Fields cluster = body.open(json, "cluster", CLUSTER_INIT);
        String name = EndpointFields.name(cluster, true);
        String hostId = SwarmFields.id(cluster, "host_id", true);
        DeploymentEnvironment environment = EndpointFields.environment(cluster, false);
        Integer interval = EndpointFields.syncInterval(cluster);
        String advertise = NetworkAddresses.address(cluster, "advertise_addr");
        String listen = NetworkAddresses.address(cluster, "listen_addr");
        boolean autolock = Boolean.TRUE.equals(cluster.bool("autolock"));
        Integer taskHistoryLimit = cluster.integer("task_history_limit", 0, MAX_TASK_HISTORY);
        cluster.done();
        int syncInterval = interval == null ? EndpointRequests.defaultSyncInterval() : interval;
        return new ClusterInit(name, hostId, environment, syncInterval,
                new SwarmOperation.InitSwarm(hostId, advertise, listen, autolock, taskHistoryLimit));
    }

    /** Seals a secret value that has passed validation, and wipes the plaintext copy this request holds. */
    private SealedValue seal(byte[] value) {
        try {
            return sealer.sealValue(value);
        } finally {
            Arrays.fill(value, (byte) 0);
        }
    }

    private static String driver(JsonBody.Fields fields, String defaultDriver) {
        String driver = fields.string("driver", false, MAX_DRIVER);
        if (driver == null) {
            return fields.has("driver") ? null : defaultDriver;
        }
        if (!DRIVER.matcher(driver).matches()) {
            fields.reject("driver", "must be a driver name such as " + defaultDriver + ", or a plugin reference");
            return null;
        }
        return driver;
    }

    private static Set<String> with(Set<String> fields, String extra) {
        Set<String> all = new HashSet<>(fields);
        all.add(extra);
        return Set.copyOf(all);
    }
}
