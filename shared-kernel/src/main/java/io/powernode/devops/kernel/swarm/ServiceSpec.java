package io.powernode.devops.kernel.swarm;

import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceMode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a user may say about a swarm service, as {@code docker service create} takes it. Null or empty
 * fields leave Docker's defaults. Secrets and configs are referenced by name; the Docker gateway resolves
 * them to ids. Registry credentials only ever travel sealed.
 *
 * @param replicas           for a replicated service (default 1); must be null for a global one
 * @param maxReplicasPerNode Docker's placement MaxReplicas; null or 0 for no limit
 * @param endpointMode       vip or dnsrr
 * @param constraints        placement constraints, e.g. {@code node.role==worker}
 * @param preferences        spread descriptors, e.g. {@code node.labels.zone}
 * @param registryAuth       sealed JSON {@code {"username","password","serveraddress"}} to pull a private image
 */
public record ServiceSpec(String name, String image, List<String> command, List<String> args,
                          Map<String, String> env, Map<String, String> labels, Map<String, String> containerLabels,
                          ServiceMode mode, Integer replicas, Integer maxReplicasPerNode, List<Mount> mounts,
                          List<NetworkAttachment> networks, List<PublishedPort> ports, String endpointMode,
                          List<String> constraints, List<String> preferences, Resources resources,
                          RestartPolicy restartPolicy, UpdatePolicy updateConfig, UpdatePolicy rollbackConfig,
                          Healthcheck healthcheck, List<FileReference> secrets, List<FileReference> configs,
                          String user, String workdir, String hostname, Duration stopGracePeriod,
                          SealedValue registryAuth) {

    /** @param type bind, volume or tmpfs */
    public record Mount(String type, String source, String target, boolean readOnly) {
    }

    public record NetworkAttachment(String network, List<String> aliases) {
    }

    /**
     * @param protocol    tcp, udp or sctp
     * @param publishMode ingress (the routing mesh) or host (on the node running the task)
     */
    public record PublishedPort(int target, Integer published, String protocol, String publishMode) {
    }

    public record Resources(Long limitNanoCpus, Long limitMemoryBytes, Long reserveNanoCpus,
                            Long reserveMemoryBytes) {
    }

    /** @param condition none, on-failure or any */
    public record RestartPolicy(String condition, Duration delay, Integer maxAttempts, Duration window) {
    }

    /**
     * update_config or rollback_config.
     *
     * @param failureAction pause, continue or rollback (rollback only for update_config)
     * @param order         stop-first or start-first
     */
    public record UpdatePolicy(Integer parallelism, Duration delay, String failureAction, Duration monitor,
                               Double maxFailureRatio, String order) {
    }

    /** @param test as Docker takes it: {@code ["CMD", ...]}, {@code ["CMD-SHELL", "..."]} or {@code ["NONE"]} */
    public record Healthcheck(List<String> test, Duration interval, Duration timeout, Integer retries,
                              Duration startPeriod) {
    }

    /**
     * A secret or config mounted into the service's tasks.
     *
     * @param name   the secret's or config's name in the swarm
     * @param target the file name under {@code /run/secrets/} (secrets) or the absolute path (configs);
     *               defaults to the name
     * @param mode   file mode, e.g. 0444 as 292
     */
    public record FileReference(String name, String target, String uid, String gid, Integer mode) {
    }
}
