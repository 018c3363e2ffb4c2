package io.powernode.devops.command.swarm;

import io.powernode.devops.kernel.common.DomainError;
import io.powernode.devops.kernel.swarm.ServiceSpec;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceMode;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.SwarmInfo;
import io.powernode.devops.kernel.swarm.SwarmOperation;
import io.powernode.devops.kernel.swarm.SwarmOperation.ChangeNodeLabels;
import io.powernode.devops.kernel.swarm.SwarmOperation.ChangeNodeRole;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateService;
import io.powernode.devops.kernel.swarm.SwarmOperation.InitSwarm;
import io.powernode.devops.kernel.swarm.SwarmOperation.JoinSwarm;
import io.powernode.devops.kernel.swarm.SwarmOperation.LeaveSwarm;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveNode;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateJoinTokens;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateUnlockKey;
import io.powernode.devops.kernel.swarm.SwarmOperation.ScaleService;
import io.powernode.devops.kernel.swarm.SwarmOperation.SetNodeAvailability;
import io.powernode.devops.kernel.swarm.SwarmOperation.UpdateService;
import io.powernode.devops.kernel.swarm.SwarmOperation.UpdateSwarmSettings;

import java.util.Map;

/**
 * The rules a swarm operation must pass before the cluster records the request, judged against the swarm the
 * cluster last synced. Only what the platform can judge better than Docker is checked here: the quorum, requests
 * that mean nothing, and objects whose absence or kind the inventory knows. Everything else (an unknown service
 * id, a name in use …) is Docker's to report, because the inventory can lag behind the swarm.
 *
 * @param swarm    the swarm's settings as last synced; null before the first sync
 * @param nodes    the nodes as last synced, by id
 * @param services the services as last synced, by id
 */
record OperationRules(SwarmInfo swarm, Map<String, NodeSummary> nodes, Map<String, ServiceSummary> services) {

    /** The cluster's first operation, which creates its swarm: only its own request can be judged. */
    static void checkInit(InitSwarm init) {
        requireHost(init.hostId());
        requireTaskHistoryLimit(init.taskHistoryLimit());
    }

    /** @throws DomainError when the operation breaks a rule */
    void check(SwarmOperation operation) {
        if (operation instanceof InitSwarm) {
            throw DomainError.ruleViolation("swarm_already_initialized", "This cluster already has its swarm;"
                    + " to create a new swarm, initialize a new cluster");
        } else if (operation instanceof JoinSwarm join) {
            requireHost(join.hostId());
        } else if (operation instanceof LeaveSwarm leave) {
            requireHost(leave.hostId());
        } else if (operation instanceof UpdateSwarmSettings settings) {
            checkSettings(settings);
        } else if (operation instanceof RotateJoinTokens rotation) {
            if (!rotation.worker() && !rotation.manager()) {
                throw DomainError.ruleViolation("nothing_to_rotate",
                        "Say which join token to rotate: the worker's, the manager's or both");
            }
        } else if (operation instanceof RotateUnlockKey) {
            if (swarm != null && !swarm.autolockManagers()) {
                throw DomainError.ruleViolation("autolock_off",
                        "The swarm has no unlock key to rotate: autolock is off");
            }
        } else if (operation instanceof SetNodeAvailability availability) {
            knownNode(availability.nodeId());
        } else if (operation instanceof ChangeNodeLabels labels) {
            knownNode(labels.nodeId());
        } else if (operation instanceof ChangeNodeRole change) {
            checkRoleChange(change);
        } else if (operation instanceof RemoveNode removal) {
            NodeSummary node = knownNode(removal.nodeId());
            if (node.role() == NodeRole.manager) {
                QuorumRule.checkManagerLeaves(nodes.values(), node, removal.force(), "Removing");
            }
        } else if (operation instanceof CreateService create) {
            requireNameAndImage(create.spec());
        } else if (operation instanceof UpdateService update) {
            requireNameAndImage(update.spec());
        } else if (operation instanceof ScaleService scale) {
            checkScale(scale);
        }
    }

    private void checkRoleChange(ChangeNodeRole change) {
        NodeSummary node = knownNode(change.nodeId());
        if (node.role() == change.role()) {
            throw DomainError.ruleViolation("node_role_unchanged",
                    "Node " + node.hostname() + " is already a " + node.role());
        }
        if (node.role() == NodeRole.manager) {
            QuorumRule.checkManagerLeaves(nodes.values(), node, change.force(), "Demoting");
        }
    }

    private void checkScale(ScaleService scale) {
        if (scale.replicas() < 0) {
            throw new DomainError(DomainError.Kind.RULE_VIOLATION, "replicas_negative", "replicas",
                    "A service cannot run " + scale.replicas() + " replicas");
        }
        ServiceSummary service = services.get(scale.serviceId());
        if (service != null && service.mode() == ServiceMode.global) {
            throw DomainError.ruleViolation("service_is_global", "Service " + service.name()
                    + " is global: it runs one task on every eligible node and cannot be scaled");
        }
    }

    private static void checkSettings(UpdateSwarmSettings settings) {
        if (settings.autolock() == null && settings.taskHistoryLimit() == null) {
            throw DomainError.ruleViolation("nothing_to_change",
                    "Say which swarm setting to change: autolock, the task history limit or both");
        }
        requireTaskHistoryLimit(settings.taskHistoryLimit());
    }

    private NodeSummary knownNode(String nodeId) {
        NodeSummary node = nodes.get(nodeId);
        if (node == null) {
            throw DomainError.notFound("node_not_found", "No node " + nodeId + " in this cluster");
        }
        return node;
    }

    private static void requireHost(String hostId) {
        if (hostId == null || hostId.isBlank()) {
            throw new DomainError(DomainError.Kind.RULE_VIOLATION, "host_id_missing", "host_id",
                    "Say which registered host this is about");
        }
    }

    private static void requireTaskHistoryLimit(Integer limit) {
        if (limit != null && limit < 0) {
            throw new DomainError(DomainError.Kind.RULE_VIOLATION, "task_history_limit_negative",
                    "task_history_limit", "The task history limit cannot be negative, not " + limit);
        }
    }

    private static void requireNameAndImage(ServiceSpec spec) {
        if (spec == null || isBlank(spec.name())) {
            throw new DomainError(DomainError.Kind.RULE_VIOLATION, "service_name_missing", "name",
                    "A service needs a name");
        }
        if (isBlank(spec.image())) {
            throw new DomainError(DomainError.Kind.RULE_VIOLATION, "service_image_missing", "image",
                    "A service needs an image to run");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
