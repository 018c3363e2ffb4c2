package io.powernode.devops.rollout;

import io.powernode.devops.kernel.swarm.ServiceSpec.PublishedPort;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a rollout reads of the outside world to judge a step: a service's tasks as the cluster's manager reports
 * them now, and HTTP answers of the tasks it probes. Reads only: everything a rollout changes goes through the
 * cluster's swarm operations, which run at most once.
 */
public interface RolloutProbe {

    /**
     * The service by its Docker name, live from the cluster's manager.
     *
     * @throws ProbeFailed when the manager cannot be asked (not when the service is missing: see
     *                     {@link ServiceObservation#exists()})
     */
    ServiceObservation observe(String clusterId, String accountId, String serviceName);

    /**
     * {@code requests} GETs of each target, one after the other, each within {@code timeout}.
     *
     * @return one result per target, in the targets' order
     */
    List<HttpResult> http(List<URI> targets, int requests, Duration timeout);

    /**
     * A service as its manager reports it.
     *
     * @param exists          false when no service has that name (then every other field is empty)
     * @param desiredReplicas null for a global service
     * @param updateState     Docker's UpdateStatus.State, or null before any update
     * @param updateStartedAt when that update (or rollback) began: a state from before a deployment is not its own
     * @param ports           the ports its endpoint publishes
     * @param tasks           its tasks, those Docker keeps of the past included
     */
    record ServiceObservation(String name, boolean exists, Integer desiredReplicas, String image, String updateState,
                              String updateMessage, Instant updateStartedAt, List<PublishedPort> ports, List<TaskObservation> tasks) {
        public ServiceObservation {
            ports = List.copyOf(ports);
            tasks = List.copyOf(tasks);
        }

        public static ServiceObservation missing(String name) {
            return new ServiceObservation(name, false, null, null, null, null, null, List.of(), List.of());
        }
    }

    /**
     * @param nodeAddress the address of the node it was placed on (Docker's node Status.Addr), null if unplaced
     * @param state       Docker's task state: new … running, complete, failed, rejected, shutdown …
     * @param desiredState running, or shutdown once Docker wants it gone
     * @param exitCode    the container's exit code once it ended, else null
     */
    record TaskObservation(String id, Integer slot, String nodeId, String nodeAddress, String state,
                           String desiredState, String image, Instant createdAt, Instant updatedAt, String error,
                           Integer exitCode) {
    }

    /** @param successes answers with a 2xx or 3xx status within the timeout */
    record HttpResult(URI target, int requests, int successes) {
    }

    /** The manager could not be asked; the rollout tries again at its next check. */
    class ProbeFailed extends RuntimeException {
        public ProbeFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
