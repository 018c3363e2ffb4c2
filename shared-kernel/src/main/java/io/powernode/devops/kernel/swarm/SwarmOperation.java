package io.powernode.devops.kernel.swarm;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.stack.StackPlan;
import io.powernode.devops.kernel.stack.StackPlan.ServicePlan;
import io.powernode.devops.kernel.stack.StackRevision.DeployOptions;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeAvailability;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;

import java.util.List;
import java.util.Map;

/**
 * Something a user asks Docker to do on a swarm cluster. The cluster records the request, the Docker gateway
 * carries it out once (at most once, even across restarts) and reports the outcome, which the cluster records
 * too. Each kind's JSON type name is its stable name in events, audit and the API. Secret values and registry
 * credentials only ever appear sealed.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "operation")
@JsonSubTypes({
        @JsonSubTypes.Type(SwarmOperation.InitSwarm.class),
        @JsonSubTypes.Type(SwarmOperation.JoinSwarm.class),
        @JsonSubTypes.Type(SwarmOperation.LeaveSwarm.class),
        @JsonSubTypes.Type(SwarmOperation.UpdateSwarmSettings.class),
        @JsonSubTypes.Type(SwarmOperation.RotateJoinTokens.class),
        @JsonSubTypes.Type(SwarmOperation.RotateUnlockKey.class),
        @JsonSubTypes.Type(SwarmOperation.SetNodeAvailability.class),
        @JsonSubTypes.Type(SwarmOperation.ChangeNodeLabels.class),
        @JsonSubTypes.Type(SwarmOperation.ChangeNodeRole.class),
        @JsonSubTypes.Type(SwarmOperation.RemoveNode.class),
        @JsonSubTypes.Type(SwarmOperation.CreateService.class),
        @JsonSubTypes.Type(SwarmOperation.UpdateService.class),
        @JsonSubTypes.Type(SwarmOperation.ScaleService.class),
        @JsonSubTypes.Type(SwarmOperation.RollbackService.class),
        @JsonSubTypes.Type(SwarmOperation.RemoveService.class),
        @JsonSubTypes.Type(SwarmOperation.CreateSecret.class),
        @JsonSubTypes.Type(SwarmOperation.UpdateSecretLabels.class),
        @JsonSubTypes.Type(SwarmOperation.RemoveSecret.class),
        @JsonSubTypes.Type(SwarmOperation.RotateSecret.class),
        @JsonSubTypes.Type(SwarmOperation.CreateConfig.class),
        @JsonSubTypes.Type(SwarmOperation.RemoveConfig.class),
        @JsonSubTypes.Type(SwarmOperation.RotateConfig.class),
        @JsonSubTypes.Type(SwarmOperation.CreateNetwork.class),
        @JsonSubTypes.Type(SwarmOperation.RemoveNetwork.class),
        @JsonSubTypes.Type(SwarmOperation.CreateVolume.class),
        @JsonSubTypes.Type(SwarmOperation.RemoveVolume.class),
        @JsonSubTypes.Type(SwarmOperation.DeployStack.class),
        @JsonSubTypes.Type(SwarmOperation.ApplyService.class),
        @JsonSubTypes.Type(SwarmOperation.WithdrawServiceEndpoint.class),
        @JsonSubTypes.Type(SwarmOperation.ExposeServiceEndpoint.class),
        @JsonSubTypes.Type(SwarmOperation.RemoveStack.class)
})
public sealed interface SwarmOperation {

    /** The operation's stable name, e.g. {@code create_service}. */
    static String typeOf(SwarmOperation operation) {
        return operation.getClass().getAnnotation(JsonTypeName.class).value();
    }

    // --- the swarm itself (SwarmManager) ---

    /**
     * Creates a new swarm on a registered host, which becomes its first manager and the cluster's manager
     * endpoint. With autolock the unlock key is readable afterwards with the manage permission, never recorded.
     *
     * @param listenAddress defaults to 0.0.0.0:2377
     */
    @JsonTypeName("init_swarm")
    record InitSwarm(String hostId, String advertiseAddress, String listenAddress, boolean autolock,
                     Integer taskHistoryLimit) implements SwarmOperation {
    }

    /** Joins a registered host to the cluster; the gateway fetches the join token from a manager and forgets it. */
    @JsonTypeName("join_swarm")
    record JoinSwarm(String hostId, NodeRole role, String advertiseAddress, String listenAddress)
            implements SwarmOperation {
    }

    /** A registered host leaves the cluster, and its node is removed from the node list. */
    @JsonTypeName("leave_swarm")
    record LeaveSwarm(String hostId, boolean force) implements SwarmOperation {
    }

    /** Null fields are left as they are. */
    @JsonTypeName("update_swarm_settings")
    record UpdateSwarmSettings(Boolean autolock, Integer taskHistoryLimit) implements SwarmOperation {
    }

    @JsonTypeName("rotate_join_tokens")
    record RotateJoinTokens(boolean worker, boolean manager) implements SwarmOperation {
    }

    @JsonTypeName("rotate_unlock_key")
    record RotateUnlockKey() implements SwarmOperation {
    }

    // --- nodes (NodeManager) ---

    @JsonTypeName("set_node_availability")
    record SetNodeAvailability(String nodeId, NodeAvailability availability) implements SwarmOperation {
    }

    @JsonTypeName("change_node_labels")
    record ChangeNodeLabels(String nodeId, Map<String, String> add, List<String> remove) implements SwarmOperation {
    }

    /** Promote (role manager) or demote (role worker); a demote that breaks quorum is refused unless forced. */
    @JsonTypeName("change_node_role")
    record ChangeNodeRole(String nodeId, NodeRole role, boolean force) implements SwarmOperation {
    }

    /** Removing a manager that the quorum needs is refused unless forced. */
    @JsonTypeName("remove_node")
    record RemoveNode(String nodeId, boolean force) implements SwarmOperation {
    }

    // --- services (ServiceManager) ---

    @JsonTypeName("create_service")
    record CreateService(ServiceSpec spec) implements SwarmOperation {
    }

    /** Replaces the service's spec with {@code spec}; Docker keeps the previous one for a rollback. */
    @JsonTypeName("update_service")
    record UpdateService(String serviceId, ServiceSpec spec, boolean forceRedeploy) implements SwarmOperation {
    }

    @JsonTypeName("scale_service")
    record ScaleService(String serviceId, int replicas) implements SwarmOperation {
    }

    /** Docker's own rollback to the service's previous spec. */
    @JsonTypeName("rollback_service")
    record RollbackService(String serviceId) implements SwarmOperation {
    }

    @JsonTypeName("remove_service")
    record RemoveService(String serviceId) implements SwarmOperation {
    }

    // --- secrets and configs (SecretManager) ---

    @JsonTypeName("create_secret")
    record CreateSecret(String name, SealedValue value, Map<String, String> labels) implements SwarmOperation {
    }

    /** Docker lets only a secret's labels change. */
    @JsonTypeName("update_secret_labels")
    record UpdateSecretLabels(String secretId, Map<String, String> labels) implements SwarmOperation {
    }

    @JsonTypeName("remove_secret")
    record RemoveSecret(String secretId) implements SwarmOperation {
    }

    /**
     * Versioned rotation as one operation: create the new version, repoint every service that uses the old one
     * (same target file, so tasks see the new value where they read the old), then remove the old one.
     *
     * @param newName the new version's name; null gives the old name with a version suffix ({@code db_password.v2})
     */
    @JsonTypeName("rotate_secret")
    record RotateSecret(String secretId, String newName, SealedValue value, Map<String, String> labels)
            implements SwarmOperation {
    }

    /**
     * @param data           base64 of the config's content (configs hold no secrets: Docker returns them in clear)
     * @param templateDriver golang, or null for a plain config
     */
    @JsonTypeName("create_config")
    record CreateConfig(String name, String data, Map<String, String> labels, String templateDriver)
            implements SwarmOperation {
    }

    @JsonTypeName("remove_config")
    record RemoveConfig(String configId) implements SwarmOperation {
    }

    /** As {@link RotateSecret}, for a config. */
    @JsonTypeName("rotate_config")
    record RotateConfig(String configId, String newName, String data, Map<String, String> labels,
                        String templateDriver) implements SwarmOperation {
    }

    // --- networks and volumes (NetworkManager, VolumeManager) ---

    /** @param driver overlay by default */
    @JsonTypeName("create_network")
    record CreateNetwork(String name, String driver, boolean attachable, boolean internal, boolean encrypted,
                         Map<String, String> labels, String subnet, String gateway) implements SwarmOperation {
    }

    @JsonTypeName("remove_network")
    record RemoveNetwork(String networkId) implements SwarmOperation {
    }

    /** Created on the manager the cluster is registered by: swarm volumes are per node. */
    @JsonTypeName("create_volume")
    record CreateVolume(String name, String driver, Map<String, String> driverOptions, Map<String, String> labels)
            implements SwarmOperation {
    }

    @JsonTypeName("remove_volume")
    record RemoveVolume(String name, boolean force) implements SwarmOperation {
    }

    // --- stacks (StackManager) and the rollouts of their services ---

    /**
     * {@code docker stack deploy}: missing networks created (external ones must exist), secrets and configs created
     * or updated, services created or updated, and with prune the stack's other services removed (but for those a
     * rollout runs beside them).
     *
     * @param heldServices Docker names of services a rollout updates itself: created when missing, else left as
     *                     they are
     */
    @JsonTypeName("deploy_stack")
    record DeployStack(StackPlan plan, DeployOptions options, List<String> heldServices) implements SwarmOperation {
        public DeployStack {
            heldServices = List.copyOf(heldServices);
        }
    }

    /**
     * One service of a stack brought to a spec: created when no service has its Docker name, else updated, with
     * the deploy options' image resolution and registry credentials.
     */
    @JsonTypeName("apply_service")
    record ApplyService(String stack, ServicePlan service, DeployOptions options) implements SwarmOperation {
    }

    /**
     * The service stops being reached as {@code alias}: its published ports and that alias on its networks are
     * taken off, and its tasks replaced so that host-mode ports are let go (Docker keeps a removed port bound until
     * the task is replaced). What a blue-green switch does to blue.
     */
    @JsonTypeName("withdraw_service_endpoint")
    record WithdrawServiceEndpoint(String service, String alias) implements SwarmOperation {
    }

    /** The service publishes {@code ports} and is reached as {@code alias} on each of its networks. */
    @JsonTypeName("expose_service_endpoint")
    record ExposeServiceEndpoint(String service, String alias, List<ServiceSpec.PublishedPort> ports)
            implements SwarmOperation {
        public ExposeServiceEndpoint {
            ports = List.copyOf(ports);
        }
    }

    /** {@code docker stack rm}: the stack's services, then its networks, secrets and configs. */
    @JsonTypeName("remove_stack")
    record RemoveStack(String stack) implements SwarmOperation {
    }
}
