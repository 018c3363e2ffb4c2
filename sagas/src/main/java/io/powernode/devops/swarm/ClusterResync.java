package io.powernode.devops.swarm;

/**
 * Asks for a cluster to be synced again soon, so that what an operation changed reaches the read models without
 * waiting for the cluster's next regular sync. The sync scheduler implements it.
 */
public interface ClusterResync {

    void resyncSoon(String clusterId);
}
