package io.powernode.devops.api.stack;

import io.powernode.devops.api.JsonBody;
import io.powernode.devops.kernel.stack.Strategy;
import io.powernode.devops.kernel.stack.Strategy.Analysis;
import io.powernode.devops.kernel.stack.Strategy.BlueGreen;
import io.powernode.devops.kernel.stack.Strategy.Canary;
import io.powernode.devops.kernel.stack.Strategy.CanaryStep;
import io.powernode.devops.kernel.stack.Strategy.HttpProbe;
import io.powernode.devops.kernel.stack.Strategy.Rolling;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deployment's {@code strategy} object, with every field a default so that the stored strategy says exactly what
 * the rollout did. Defaults follow what progressive-delivery tools ship with: a rollout gets ten minutes to make its
 * tasks run, green is watched for 30 s and blue kept 30 s after the switch, a canary goes 20 % then 50 % (30 s each)
 * before the full rollout, and nothing may fail meanwhile.
 */
final class StrategyReader {

    static final Duration DEFAULT_PROGRESS_DEADLINE = Duration.ofMinutes(10);
    static final Rolling ROLLING = new Rolling(DEFAULT_PROGRESS_DEADLINE);

    private static final Duration DEFAULT_MONITOR = Duration.ofSeconds(30);
    private static final Duration DEFAULT_SCALE_DOWN_DELAY = Duration.ofSeconds(30);
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    private static final Duration DEFAULT_STEP_PAUSE = Duration.ofSeconds(30);
    private static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final List<CanaryStep> DEFAULT_STEPS = List.of(new CanaryStep(20, DEFAULT_STEP_PAUSE, false),
            new CanaryStep(50, DEFAULT_STEP_PAUSE, false));
    private static final int DEFAULT_PROBE_REQUESTS = 5;
    private static final BigDecimal DEFAULT_SUCCESS_RATE = BigDecimal.ONE;

    private static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    private static final Duration MAX_WAIT = Duration.ofDays(1);
    private static final Duration MAX_PROBE_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_STEPS = 20;
    private static final int MAX_SERVICES = 100;
    private static final int MAX_PROBE_REQUESTS = 100;
    private static final int MAX_PORT = 65535;
    private static final int MAX_LIMIT = 10_000;
    private static final String UNTIL_PROMOTED = "until_promoted";

    static final String TYPE = "type";
    private static final Set<String> ROLLING_FIELDS = Set.of(TYPE, "progress_deadline");
    private static final Set<String> BLUE_GREEN_FIELDS = Set.of(TYPE, "services", "progress_deadline", "monitor",
            "analysis", "auto_promote", "scale_down_delay", "preview_ports");
    private static final Set<String> CANARY_FIELDS = Set.of(TYPE, "services", "progress_deadline", "steps", "analysis");
    private static final Set<String> STEP_FIELDS = Set.of("weight", "pause");
    private static final Set<String> ANALYSIS_FIELDS = Set.of("interval", "max_task_failures", "max_restarts", "http");
    private static final Set<String> PREVIEW_FIELDS = Set.of("published", "preview");
    private static final Set<String> PROBE_FIELDS = Set.of("path", "port", "requests", "min_success_rate", "timeout");
    static final Set<String> FIELDS = union(ROLLING_FIELDS, BLUE_GREEN_FIELDS, CANARY_FIELDS);

    private StrategyReader() {
    }

    /**
     * The strategy under {@code name} in {@code parent}, or rolling when it is absent. The object is opened with the
     * fields of every strategy, then checked against those of its own type, so that a field of another type is
     * named as out of place rather than unknown.
     */
    static Strategy read(JsonBody.Fields parent, String name) {
        JsonBody.Fields strategy = parent.object(name, FIELDS);
        if (strategy == null) {
            return ROLLING;
        }
        String type = strategy.oneOf(TYPE, List.of("rolling", "blue_green", "canary"));
        if (type == null) {
            if (!strategy.has(TYPE)) {
                strategy.reject(TYPE, "is required: rolling, blue_green or canary");
            }
            return null;
        }
        Duration progressDeadline = within(strategy, "progress_deadline", DEFAULT_PROGRESS_DEADLINE, Duration.ofSeconds(1));
        return switch (type) {
            case "blue_green" -> {
                onlyFieldsOf(strategy, BLUE_GREEN_FIELDS, type);
                yield new BlueGreen(services(strategy), progressDeadline,
                        within(strategy, "monitor", DEFAULT_MONITOR, Duration.ZERO), analysis(strategy),
                        !Boolean.FALSE.equals(strategy.bool("auto_promote")),
                        within(strategy, "scale_down_delay", DEFAULT_SCALE_DOWN_DELAY, Duration.ZERO),
                        previewPorts(strategy));
            }
            case "canary" -> {
                onlyFieldsOf(strategy, CANARY_FIELDS, type);
                yield new Canary(services(strategy), progressDeadline, steps(strategy), analysis(strategy));
            }
            default -> {
                onlyFieldsOf(strategy, ROLLING_FIELDS, type);
                yield new Rolling(progressDeadline);
            }
        };
    }

    private static void onlyFieldsOf(JsonBody.Fields strategy, Set<String> fields, String type) {
        for (String field : FIELDS) {
            if (!fields.contains(field) && strategy.has(field)) {
                strategy.reject(field, "does not apply to a " + type + " deployment");
            }
        }
    }

    private static List<String> services(JsonBody.Fields strategy) {
        List<String> services = strategy.strings("services", MAX_SERVICES, 63);
        return services == null ? List.of() : services;
    }

    private static List<CanaryStep> steps(JsonBody.Fields strategy) {
        List<JsonBody.Fields> items = strategy.objects("steps", MAX_STEPS, STEP_FIELDS);
        if (items == null) {
            return DEFAULT_STEPS;
        }
        if (items.isEmpty()) {
            strategy.reject("steps", "must name at least one step");
        }
        List<CanaryStep> steps = new ArrayList<>();
        int previous = 0;
        for (JsonBody.Fields item : items) {
            Integer weight = item.integer("weight", 1, 100, true);
            if (weight != null && weight <= previous) {
                item.reject("weight", "must be greater than the step before's (" + previous + ")");
            }
            boolean untilPromoted = UNTIL_PROMOTED.equals(item.isString("pause") ? item.string("pause", false) : null);
            Duration pause = untilPromoted ? null : within(item, "pause", null, Duration.ZERO);
            if (weight != null) {
                steps.add(new CanaryStep(weight, pause, untilPromoted));
                previous = weight;
            }
        }
        return steps;
    }

    private static Analysis analysis(JsonBody.Fields strategy) {
        JsonBody.Fields analysis = strategy.object("analysis", ANALYSIS_FIELDS);
        if (analysis == null) {
            return new Analysis(DEFAULT_INTERVAL, 0, 0, null);
        }
        Duration interval = within(analysis, "interval", DEFAULT_INTERVAL, MIN_INTERVAL);
        Integer failures = analysis.integer("max_task_failures", 0, MAX_LIMIT);
        Integer restarts = analysis.integer("max_restarts", 0, MAX_LIMIT);
        return new Analysis(interval, failures == null ? 0 : failures, restarts == null ? 0 : restarts,
                probe(analysis));
    }

    private static HttpProbe probe(JsonBody.Fields analysis) {
        JsonBody.Fields http = analysis.object("http", PROBE_FIELDS);
        if (http == null) {
            return null;
        }
        String path = http.string("path", false, 2048);
        if (path != null && !path.startsWith("/")) {
            http.reject("path", "must start with /");
        }
        Integer port = http.integer("port", 1, MAX_PORT, true);
        Integer requests = http.integer("requests", 1, MAX_PROBE_REQUESTS);
        BigDecimal rate = http.decimal("min_success_rate", BigDecimal.ZERO, BigDecimal.ONE);
        Duration timeout = within(http, "timeout", DEFAULT_PROBE_TIMEOUT, Duration.ofMillis(1));
        if (timeout != null && timeout.compareTo(MAX_PROBE_TIMEOUT) > 0) {
            http.reject("timeout", "must be at most 30s");
        }
        return port == null ? null : new HttpProbe(path == null ? "/" : path, port,
                requests == null ? DEFAULT_PROBE_REQUESTS : requests,
                (rate == null ? DEFAULT_SUCCESS_RATE : rate).doubleValue(), timeout);
    }

    /** {@code [{"published": 8080, "preview": 18080}]}: where green answers before it takes the endpoint. */
    private static Map<Integer, Integer> previewPorts(JsonBody.Fields strategy) {
        List<JsonBody.Fields> items = strategy.objects("preview_ports", MAX_SERVICES, PREVIEW_FIELDS);
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        for (JsonBody.Fields item : items == null ? List.<JsonBody.Fields>of() : items) {
            Integer published = item.integer("published", 1, MAX_PORT, true);
            Integer preview = item.integer("preview", 1, MAX_PORT, true);
            if (published != null && preview != null && ports.putIfAbsent(published, preview) != null) {
                item.reject("published", "is given a preview port twice");
            }
        }
        return ports;
    }

    /** A duration from {@code min} to a day, or {@code fallback} when absent. */
    private static Duration within(JsonBody.Fields fields, String name, Duration fallback, Duration min) {
        Duration value = fields.duration(name);
        if (value == null) {
            return fallback;
        }
        if (value.compareTo(min) < 0 || value.compareTo(MAX_WAIT) > 0) {
            fields.reject(name, "must be from " + min.toMillis() + "ms to 24h");
            return fallback;
        }
        return value;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }
}
