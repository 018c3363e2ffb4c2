package io.powernode.devops.query;

/** Names of the MongoDB collections this module owns. */
public final class ReadModelCollections {
    public static final String HOSTS = "hosts";
    public static final String HOST_FEED = "host_feed";
    /** Persisted counters, one document each: the host feed numbers its entries from one. */
    public static final String COUNTERS = "counters";
    public static final String CONTAINERS = "containers";
    public static final String IMAGES = "images";
    public static final String NETWORKS = "networks";
    public static final String VOLUMES = "volumes";
    public static final String DOCKER_EVENTS = "docker_events";
    public static final String ACTIVITIES = "activities";

    private ReadModelCollections() {
    }
}
