package io.powernode.devops.docker;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ClusterInfo;
import com.github.dockerjava.api.model.Config;
import com.github.dockerjava.api.model.DockerObject;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Secret;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceUpdateStatus;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeDescription;
import com.github.dockerjava.api.model.SwarmNodeManagerStatus;
import com.github.dockerjava.api.model.SwarmNodeResources;
import com.github.dockerjava.api.model.SwarmNodeStatus;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import io.powernode.devops.kernel.swarm.SwarmInventory.ClusterSnapshot;
import io.powernode.devops.kernel.swarm.SwarmInventory.ConfigSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeAvailability;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeState;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.SecretSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceMode;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.SwarmInfo;
import io.powernode.devops.kernel.swarm.SwarmInventory.SwarmNetworkSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.TaskSummary;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads what a swarm holds, through one of its managers, as one {@link ClusterSnapshot}. Lists are sorted by
 * id (volumes by name) so that two snapshots of an unchanged swarm are equal. Labels that look like secrets
 * are left out, as on hosts. Join tokens, and the values of secrets and configs, never enter the snapshot.
 */
public final class SwarmInventoryReader {

    /** Only to walk docker-java's raw values, for the fields its model classes lack. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final Clock clock;

    public SwarmInventoryReader(Clock clock) {
        this.clock = clock;
    }

    public ClusterSnapshot read(DockerClient manager) {
        SwarmInfo swarm = swarm(manager.inspectSwarmCmd().exec());
        List<NodeSummary> nodes = sortedBy(manager.listSwarmNodesCmd().exec(), SwarmInventoryReader::node,
                NodeSummary::id);
        List<TaskSummary> tasks = sortedBy(manager.listTasksCmd().exec(), SwarmInventoryReader::task,
                TaskSummary::id);
        // a task still running after Swarm told it to stop (a drain, an update) no longer counts
        Map<String, Long> runningByService = tasks.stream()
                .filter(task -> TaskState.RUNNING.getValue().equals(task.state())
                        && TaskState.RUNNING.getValue().equals(task.desiredState()))
                .collect(Collectors.groupingBy(TaskSummary::serviceId, Collectors.counting()));
        List<ServiceSummary> services = sortedBy(manager.listServicesCmd().exec(),
                service -> service(service, runningByService.getOrDefault(service.getId(), 0L).intValue()),
                ServiceSummary::id);
        // a manager lists its local networks (bridge, host, ...) too; the swarm's are scope "swarm", ingress included
        List<SwarmNetworkSummary> networks = sortedBy(manager.listNetworksCmd().exec().stream()
                .filter(network -> "swarm".equals(network.getScope())).toList(),
                SwarmInventoryReader::network, SwarmNetworkSummary::id);
        List<SecretSummary> secrets = sortedBy(manager.listSecretsCmd().exec(), SwarmInventoryReader::secret,
                SecretSummary::id);
        List<ConfigSummary> configs = sortedBy(manager.listConfigsCmd().exec(), SwarmInventoryReader::config,
                ConfigSummary::id);
        return new ClusterSnapshot(swarm, nodes, services, tasks, networks, HostInventoryReader.volumes(manager),
                secrets, configs, clock.instant());
    }

    /** From GET /swarm, whose answer holds the join tokens too: only these fields are taken from it. */
    private static SwarmInfo swarm(ClusterInfo cluster) {
        // docker-java's SwarmSpec has no EncryptionConfig
        boolean autolock = raw(cluster, "/Spec/EncryptionConfig/AutoLockManagers").asBoolean(false);
        return new SwarmInfo(cluster.getId(), instant(cluster.getCreatedAt()), autolock,
                cluster.getSpec().getOrchestration().getTaskHistoryRententionLimit());
    }

    private static NodeSummary node(SwarmNode node) {
        SwarmNodeStatus status = node.getStatus();
        SwarmNodeManagerStatus manager = node.getManagerStatus();
        SwarmNodeDescription description = node.getDescription();
        SwarmNodeResources resources = description.getResources();
        return new NodeSummary(node.getId(), description.getHostname(),
                NodeRole.valueOf(lowerCase(node.getSpec().getRole())),
                NodeAvailability.valueOf(lowerCase(node.getSpec().getAvailability())),
                status.getState() == null ? NodeState.unknown : NodeState.valueOf(lowerCase(status.getState())),
                manager == null || manager.getReachability() == null ? null : lowerCase(manager.getReachability()),
                manager != null && manager.isLeader(), address(status, manager),
                description.getEngine().getEngineVersion(), SecretNames.withoutSecrets(node.getSpec().getLabels()),
                orZero(resources.getNanoCPUs()), orZero(resources.getMemoryBytes()));
    }

    /**
     * The node's address as the swarm sees it. A manager may report 0.0.0.0 as its status address (it listens
     * on all interfaces); its raft address then names the host, without the port.
     */
    private static String address(SwarmNodeStatus status, SwarmNodeManagerStatus manager) {
        String address = status.getAddress();
        if ((address == null || address.isBlank() || "0.0.0.0".equals(address))
                && manager != null && manager.getAddr() != null) {
            String raft = manager.getAddr();
            return raft.substring(0, raft.lastIndexOf(':')).replaceAll("^\\[|]$", "");
        }
        return address;
    }

    private static ServiceSummary service(Service service, int runningTasks) {
        ServiceModeConfig mode = service.getSpec().getMode();
        // docker-java does not model jobs (replicated-job, global-job): one shows as replicated, with no count
        Integer desiredReplicas = mode.getReplicated() == null ? null
                : Math.toIntExact(mode.getReplicated().getReplicas());
        ServiceUpdateStatus update = service.getUpdateStatus();
        return new ServiceSummary(service.getId(), service.getSpec().getName(),
                mode.getGlobal() != null ? ServiceMode.global : ServiceMode.replicated,
                withoutDigest(service.getSpec().getTaskTemplate().getContainerSpec().getImage()),
                desiredReplicas, runningTasks,
                update == null || update.getState() == null ? null : lowerCase(update.getState()),
                update == null ? null : update.getMessage(), SecretNames.withoutSecrets(service.getSpec().getLabels()),
                service.getVersion().getIndex());
    }

    /** The CLI pins the image it resolved ({@code image:tag@sha256:...}); the inventory shows what was asked for. */
    private static String withoutDigest(String image) {
        int digest = image == null ? -1 : image.indexOf('@');
        return digest < 0 ? image : image.substring(0, digest);
    }

    private static TaskSummary task(Task task) {
        return new TaskSummary(task.getId(), task.getServiceId(), task.getNodeId(), task.getSlot(),
                task.getDesiredState() == null ? null : task.getDesiredState().getValue(),
                task.getStatus().getState() == null ? null : task.getStatus().getState().getValue(),
                task.getStatus().getErr(), task.getUpdatedAt() == null ? null : Instant.parse(task.getUpdatedAt()));
    }

    private static SwarmNetworkSummary network(Network network) {
        Map<String, String> options = network.getOptions();
        // the overlay driver encrypts when the option is present at all, whatever its value
        boolean encrypted = options != null && options.containsKey("encrypted");
        // docker-java's Network has no Ingress flag
        boolean ingress = raw(network, "/Ingress").asBoolean(false);
        return new SwarmNetworkSummary(network.getId(), network.getName(), network.getDriver(), network.getScope(),
                Boolean.TRUE.equals(network.isAttachable()), Boolean.TRUE.equals(network.getInternal()), encrypted,
                ingress, SecretNames.withoutSecrets(network.getLabels()));
    }

    /** The secrets API never returns a secret's data; docker-java models the spec's name and labels only. */
    private static SecretSummary secret(Secret secret) {
        return new SecretSummary(secret.getId(), secret.getSpec().getName(),
                SecretNames.withoutSecrets(secret.getSpec().getLabels()), instant(secret.getCreatedAt()),
                instant(secret.getUpdatedAt()));
    }

    /** The configs API does return the data: only the name, labels and template driver are taken. */
    private static ConfigSummary config(Config config) {
        // docker-java's ConfigSpec has neither labels nor templating
        JsonNode rawLabels = raw(config, "/Spec/Labels");
        Map<String, String> labels = rawLabels.isObject() ? JSON.convertValue(rawLabels, STRING_MAP) : null;
        String templateDriver = raw(config, "/Spec/Templating/Name").textValue();
        return new ConfigSummary(config.getId(), config.getSpec().getName(), SecretNames.withoutSecrets(labels),
                templateDriver, instant(config.getCreatedAt()), instant(config.getUpdatedAt()));
    }

    /** A field of the API's answer that docker-java keeps only among its raw values; missing gives a missing node. */
    private static JsonNode raw(DockerObject object, String pointer) {
        return JSON.valueToTree(object.getRawValues()).at(pointer);
    }

    private static <T, S> List<S> sortedBy(List<T> items, Function<T, S> summary, Function<S, String> key) {
        return items.stream().map(summary).sorted(Comparator.comparing(key)).toList();
    }

    /** Docker's enum values are the lower-case names of docker-java's constants. */
    private static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
