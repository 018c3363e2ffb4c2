package io.powernode.devops.query;

/** Names of the MongoDB collections this module owns. */
public final class ReadModelCollections {
    public static final String HOSTS = "hosts";
    public static final String HOST_FEED = "host_feed";
    /** Persisted counters, one document each: the host, cluster and deployment feeds number their entries from one. */
    public static final String COUNTERS = "counters";
    public static final String CONTAINERS = "containers";
    public static final String IMAGES = "images";
    public static final String NETWORKS = "networks";
    public static final String VOLUMES = "volumes";
    public static final String DOCKER_EVENTS = "docker_events";
    public static final String ACTIVITIES = "activities";
    public static final String CLUSTERS = "clusters";
    public static final String SWARM_NODES = "swarm_nodes";
    public static final String SWARM_SERVICES = "swarm_services";
    public static final String SWARM_TASKS = "swarm_tasks";
    public static final String SWARM_NETWORKS = "swarm_networks";
    public static final String SWARM_VOLUMES = "swarm_volumes";
    public static final String SWARM_SECRETS = "swarm_secrets";
    public static final String SWARM_CONFIGS = "swarm_configs";
    public static final String SWARM_EVENTS = "swarm_events";
    public static final String SWARM_OPERATIONS = "swarm_operations";
    public static final String CLUSTER_FEED = "cluster_feed";
    public static final String STACKS = "stacks";
    public static final String DEPLOYMENTS = "deployments";
    public static final String DEPLOYMENT_FEED = "deployment_feed";

    private ReadModelCollections() {
    }
}
