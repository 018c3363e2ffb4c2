package io.powernode.devops.kernel.stack;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

import java.util.List;
import java.util.Map;

/**
 * What the rollout reported of a deployment: the entries of its timeline, in progressive delivery's words. Each
 * kind's JSON type name is its stable name in events, the read model and the SSE stream. Services are named as the
 * compose file names them; Docker's names where a map says so.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
        @JsonSubTypes.Type(DeploymentProgress.StackApplied.class),
        @JsonSubTypes.Type(DeploymentProgress.StepStarted.class),
        @JsonSubTypes.Type(DeploymentProgress.StepCompleted.class),
        @JsonSubTypes.Type(DeploymentProgress.TrafficWeightUpdated.class),
        @JsonSubTypes.Type(DeploymentProgress.AnalysisPassed.class),
        @JsonSubTypes.Type(DeploymentProgress.AnalysisFailed.class),
        @JsonSubTypes.Type(DeploymentProgress.PausedAtStep.class),
        @JsonSubTypes.Type(DeploymentProgress.TrafficSwitched.class),
        @JsonSubTypes.Type(DeploymentProgress.RollbackStarted.class),
        @JsonSubTypes.Type(DeploymentProgress.Healthy.class),
        @JsonSubTypes.Type(DeploymentProgress.Completed.class),
        @JsonSubTypes.Type(DeploymentProgress.RolledBack.class),
        @JsonSubTypes.Type(DeploymentProgress.Failed.class),
        @JsonSubTypes.Type(DeploymentProgress.Degraded.class)
})
public sealed interface DeploymentProgress {

    /** The entry's stable name, e.g. {@code traffic_weight_updated}. */
    static String typeOf(DeploymentProgress progress) {
        return progress.getClass().getAnnotation(JsonTypeName.class).value();
    }

    /** The stack's networks, secrets, configs and services as {@code docker stack deploy} applies them. */
    @JsonTypeName("stack_applied")
    record StackApplied(List<String> notes) implements DeploymentProgress {
        public StackApplied {
            notes = List.copyOf(notes);
        }
    }

    /** @param step the step's index, from 0, in the rollout's own sequence */
    @JsonTypeName("step_started")
    record StepStarted(int step, String name) implements DeploymentProgress {
    }

    @JsonTypeName("step_completed")
    record StepCompleted(int step, String name) implements DeploymentProgress {
    }

    /** A canary step's weight, as replicas of each service. */
    @JsonTypeName("traffic_weight_updated")
    record TrafficWeightUpdated(int step, int weight, List<ServiceWeight> services) implements DeploymentProgress {
        public TrafficWeightUpdated {
            services = List.copyOf(services);
        }
    }

    /**
     * @param effectiveWeight the share of the service's replicas that run the new version, in percent: what the
     *                        asked weight comes to with whole replicas
     */
    record ServiceWeight(String service, int newReplicas, int stableReplicas, int effectiveWeight) {
    }

    @JsonTypeName("analysis_passed")
    record AnalysisPassed(int step, List<Measurement> measurements) implements DeploymentProgress {
        public AnalysisPassed {
            measurements = List.copyOf(measurements);
        }
    }

    /** @param reason which limit was broken, in an operator's words */
    @JsonTypeName("analysis_failed")
    record AnalysisFailed(int step, List<Measurement> measurements, String reason) implements DeploymentProgress {
        public AnalysisFailed {
            measurements = List.copyOf(measurements);
        }
    }

    /**
     * What an analysis saw of one service's new version since the step began.
     *
     * @param httpSuccessRate null when no HTTP probe ran
     */
    record Measurement(String service, int runningTasks, int desiredTasks, int failures, int restarts,
                       Double httpSuccessRate, int httpRequests) {
    }

    /** The step waits for a promote. */
    @JsonTypeName("paused_at_step")
    record PausedAtStep(int step) implements DeploymentProgress {
    }

    /** The endpoint moved: compose service to the Docker service that served it, and to the one that serves it now. */
    @JsonTypeName("traffic_switched")
    record TrafficSwitched(Map<String, String> from, Map<String, String> to) implements DeploymentProgress {
        public TrafficSwitched {
            from = Map.copyOf(from);
            to = Map.copyOf(to);
        }
    }

    @JsonTypeName("rollback_started")
    record RollbackStarted(String reason) implements DeploymentProgress {
    }

    /** The new version serves and passed its checks; cleanup is left. */
    @JsonTypeName("healthy")
    record Healthy() implements DeploymentProgress {
    }

    /** @param activeServices compose service to the Docker service that serves it now */
    @JsonTypeName("completed")
    record Completed(Map<String, String> activeServices) implements DeploymentProgress {
        public Completed {
            activeServices = Map.copyOf(activeServices);
        }
    }

    /** The stable version serves again; an abort ends here too. */
    @JsonTypeName("rolled_back")
    record RolledBack(String reason, Map<String, String> activeServices) implements DeploymentProgress {
        public RolledBack {
            activeServices = Map.copyOf(activeServices);
        }
    }

    @JsonTypeName("failed")
    record Failed(String reason) implements DeploymentProgress {
    }

    @JsonTypeName("degraded")
    record Degraded(String reason) implements DeploymentProgress {
    }
}
