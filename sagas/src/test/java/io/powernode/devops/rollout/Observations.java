package io.powernode.devops.rollout;

import io.powernode.devops.kernel.swarm.ServiceSpec.PublishedPort;
import io.powernode.devops.rollout.RolloutProbe.ServiceObservation;
import io.powernode.devops.rollout.RolloutProbe.TaskObservation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Services and tasks as a swarm's manager would report them, built the way a test reads best. */
final class Observations {

    private final String name;
    private Integer replicas;
    private String updateState;
    private String updateMessage;
    private Instant updateStartedAt;
    private List<PublishedPort> ports = List.of();
    private final List<TaskObservation> tasks = new ArrayList<>();

    private Observations(String name, Integer replicas) {
        this.name = name;
        this.replicas = replicas;
    }

    static Observations replicated(String name, int replicas) {
        return new Observations(name, replicas);
    }

    static Observations global(String name) {
        return new Observations(name, null);
    }

    /** A service whose every replica runs on its own node, 10.0.0.1, 10.0.0.2 …, since {@code at}. */
    static ServiceObservation running(String name, int replicas, Instant at) {
        return replicated(name, replicas).runningTasks(replicas, at).get();
    }

    Observations runningTasks(int count, Instant at) {
        for (int i = 0; i < count; i++) {
            task("running", "running", at);
        }
        return this;
    }

    Observations task(String state, String desiredState, Instant at) {
        return task(state, desiredState, at, "image");
    }

    /** A task of another image than the service's: one from before its update. */
    Observations task(String state, String desiredState, Instant at, String image) {
        int slot = tasks.size() + 1;
        tasks.add(new TaskObservation(name + "." + slot, slot, "node-" + slot, "10.0.0." + slot, state,
                desiredState, image, at, at, null, null));
        return this;
    }

    Observations update(String state, Instant startedAt, String message) {
        this.updateState = state;
        this.updateStartedAt = startedAt;
        this.updateMessage = message;
        return this;
    }

    Observations ports(PublishedPort... ports) {
        this.ports = List.of(ports);
        return this;
    }

    ServiceObservation get() {
        return new ServiceObservation(name, true, replicas, "image", updateState, updateMessage, updateStartedAt,
                ports, tasks);
    }
}
