package io.powernode.devops.kernel.swarm;

import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.common.PageRequest;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeAvailability;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;

/** Queries on swarm clusters and their inventory; all are scoped to one account; null filters match everything. */
public final class ClusterQueries {
    private ClusterQueries() {
    }

    /** Answers {@link ClusterViews.ClusterView}, or null when the account has no such cluster. */
    public record FindCluster(String accountId, String clusterId) {
    }

    /** Answers {@link ClusterViews.ClusterPage}. */
    public record ListClusters(String accountId, ConnectionStatus status, DeploymentEnvironment environment,
                               PageRequest page) {
    }

    /** A null cluster id lists the nodes of all the account's clusters, as for every inventory list below. */
    public record ListSwarmNodes(String accountId, String clusterId, NodeRole role, NodeAvailability availability,
                                 PageRequest page) {
    }

    /** @param stack the stack (com.docker.stack.namespace) the services belong to */
    public record ListSwarmServices(String accountId, String clusterId, String stack, PageRequest page) {
    }

    public record ListSwarmTasks(String accountId, String clusterId, String serviceId, String nodeId,
                                 PageRequest page) {
    }

    public record ListSwarmNetworks(String accountId, String clusterId, PageRequest page) {
    }

    public record ListSwarmVolumes(String accountId, String clusterId, PageRequest page) {
    }

    public record ListSwarmSecrets(String accountId, String clusterId, PageRequest page) {
    }

    public record ListSwarmConfigs(String accountId, String clusterId, PageRequest page) {
    }

    /** Answers {@link ClusterViews.ClusterHealth}, or null when the account has no such cluster. */
    public record FindClusterHealth(String accountId, String clusterId) {
    }

    /** Answers {@link ClusterViews.SwarmOperationView}, or null when the account has no such operation. */
    public record FindSwarmOperation(String accountId, String operationId) {
    }

    /** Newest first; answers {@link ClusterViews.SwarmOperationPage}. @param status requested, running, succeeded or failed */
    public record ListSwarmOperations(String accountId, String clusterId, String status, PageRequest page) {
    }

    /** The clusters' Docker events, newest first; answers {@link ClusterViews.SwarmEventPage}. */
    public record ListSwarmEvents(String accountId, String clusterId, String type, PageRequest page) {
    }

    /**
     * The account's cluster feed, as {@code HostQueries.StreamHostFeed} is for hosts: initial result a
     * {@code List<ClusterFeedEntry>} after {@code afterPosition} (empty when negative, at most 1000), updates
     * new {@link ClusterViews.ClusterFeedEntry} entries numbered alike.
     */
    public record StreamClusterFeed(String accountId, long afterPosition) {
    }

    /*
     * One object of the account's swarm inventory by its Docker id (ids are unique across swarms), answering
     * its view, or null when no cluster of the account holds it.
     */

    public record FindSwarmNode(String accountId, String nodeId) {
    }

    public record FindSwarmService(String accountId, String serviceId) {
    }

    public record FindSwarmSecret(String accountId, String secretId) {
    }

    public record FindSwarmConfig(String accountId, String configId) {
    }

    public record FindSwarmNetwork(String accountId, String networkId) {
    }

    /** Volumes have no id, only a name per node: the cluster is named too. */
    public record FindSwarmVolume(String accountId, String clusterId, String name) {
    }
}
