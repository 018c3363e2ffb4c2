package io.powernode.devops.kernel.stack;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a deployment rolls a stack's changed services out. Rolling leaves it to Docker's own rolling update (each
 * service's {@code update_config}), exactly as {@code docker stack deploy}. Blue-green and canary are run by the
 * platform, step by step, on the services whose spec the deployment changes ({@link #services()} narrows them); a
 * service the deployment creates, and a global service under canary, are simply deployed.
 * <p>
 * On plain Swarm a service's endpoint is its published ports and its name on its networks (the compose service
 * name, an alias). Canary weights are replica ratios behind the same endpoint; a blue-green switch moves the
 * endpoint from blue to green. Every field has a default the API fills in, so a stored strategy is complete.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(Strategy.Rolling.class),
        @JsonSubTypes.Type(Strategy.BlueGreen.class),
        @JsonSubTypes.Type(Strategy.Canary.class)
})
public sealed interface Strategy {

    /** How long a service's tasks may take to be running as asked before the step counts as failed. */
    Duration progressDeadline();

    /** The compose services the strategy applies to; empty for every changed service. */
    List<String> services();

    /** The strategy's stable name, e.g. {@code blue_green}. */
    static String typeOf(Strategy strategy) {
        return strategy.getClass().getAnnotation(JsonTypeName.class).value();
    }

    @JsonTypeName("rolling")
    record Rolling(Duration progressDeadline) implements Strategy {
        @Override
        public List<String> services() {
            return List.of();
        }
    }

    /**
     * Green is deployed beside blue without the endpoint (or on preview ports), checked, given the endpoint, and blue
     * is kept, without it, for {@code scaleDownDelay} so that a rollback only moves the endpoint back.
     *
     * @param monitor        how long every green task must stay running, healthy and within the analysis' limits
     *                       before the switch
     * @param analysis       the limits and the optional HTTP probe green is held to, before and after the switch
     * @param autoPromote    switch as soon as green passes; otherwise wait for a promote
     * @param scaleDownDelay how long blue is kept after the switch
     * @param previewPorts   published port to the port green publishes it on before the switch; green publishes
     *                       nothing when empty
     */
    @JsonTypeName("blue_green")
    record BlueGreen(List<String> services, Duration progressDeadline, Duration monitor, Analysis analysis,
                     boolean autoPromote, Duration scaleDownDelay, Map<Integer, Integer> previewPorts)
            implements Strategy {
        public BlueGreen {
            services = List.copyOf(services);
            previewPorts = Map.copyOf(previewPorts);
        }
    }

    /**
     * The new version runs as a canary service beside the stable one, behind the same endpoint, with replicas in
     * the ratio of each step's weight; after the last step the stable service is updated to the new version and
     * the canary removed. A failed analysis removes the canary and gives the stable service back its replicas.
     *
     * @param steps the weights to pass through, ascending; the rollout completes after the last one
     */
    @JsonTypeName("canary")
    record Canary(List<String> services, Duration progressDeadline, List<CanaryStep> steps, Analysis analysis)
            implements Strategy {
        public Canary {
            services = List.copyOf(services);
            steps = List.copyOf(steps);
        }
    }

    /**
     * @param weight        percent of the replicas behind the endpoint that run the new version, 1 to 100
     * @param pause         how long the step lasts once its canary tasks run, analysed throughout; null for one
     *                      analysis interval
     * @param untilPromoted the step lasts until a promote (analysis goes on meanwhile)
     */
    record CanaryStep(int weight, Duration pause, boolean untilPromoted) {
    }

    /**
     * What the new version is held to, judged every {@code interval} while a step lasts.
     *
     * @param maxTaskFailures tasks that may fail (or be rejected) during the step
     * @param maxRestarts     tasks that may end (fail, or exit) and be replaced during the step
     * @param http            an HTTP probe of the new version's tasks; null for none
     */
    record Analysis(Duration interval, int maxTaskFailures, int maxRestarts, HttpProbe http) {
    }

    /**
     * Requests to each task of the version under test, through the host-mode published {@code port} of the node
     * it runs on (or its preview port, for green before the switch).
     *
     * @param path           e.g. {@code /health}
     * @param requests       requests per task at each analysis
     * @param minSuccessRate the share of requests that must answer 2xx or 3xx within {@code timeout}, 0 to 1
     */
    record HttpProbe(String path, int port, int requests, double minSuccessRate, Duration timeout) {
    }
}
