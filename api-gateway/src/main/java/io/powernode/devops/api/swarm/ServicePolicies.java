package io.powernode.devops.api.swarm;

import io.powernode.devops.api.JsonBody;
import io.powernode.devops.kernel.swarm.ServiceSpec.Healthcheck;
import io.powernode.devops.kernel.swarm.ServiceSpec.Resources;
import io.powernode.devops.kernel.swarm.ServiceSpec.RestartPolicy;
import io.powernode.devops.kernel.swarm.ServiceSpec.UpdatePolicy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How a service's tasks run and change: resources, restart, update and rollback policies, healthcheck, with
 * the bounds swarmkit enforces (at least 0.001 CPU and 4 MiB of memory, health timings of at least 1ms, a
 * failure ratio between 0 and 1).
 */
final class ServicePolicies {

    private static final BigDecimal MIN_CPUS = new BigDecimal("0.001");
    private static final BigDecimal MAX_CPUS = new BigDecimal("1024");
    private static final long MIN_MEMORY = 4L * 1024 * 1024;
    private static final int NANOS_DIGITS = 9;
    private static final int MAX_ATTEMPTS = 100_000;
    private static final int MAX_PARALLELISM = 10_000;
    private static final int MAX_RETRIES = 10_000;
    private static final int MAX_TEST_ITEMS = 100;
    private static final int MAX_TEST_LENGTH = 4096;
    private static final Duration MIN_HEALTH_DURATION = Duration.ofMillis(1);

    private static final Set<String> RESOURCE_FIELDS = Set.of("limits", "reservations");
    private static final Set<String> AMOUNT_FIELDS = Set.of("cpus", "memory");
    private static final Set<String> RESTART_FIELDS = Set.of("condition", "delay", "max_attempts", "window");
    private static final Set<String> UPDATE_FIELDS =
            Set.of("parallelism", "delay", "failure_action", "monitor", "max_failure_ratio", "order");
    private static final Set<String> HEALTH_FIELDS = Set.of("test", "interval", "timeout", "retries", "start_period");
    private static final List<String> RESTART_CONDITIONS = List.of("none", "on-failure", "any");
    private static final List<String> ORDERS = List.of("stop-first", "start-first");
    private static final List<String> UPDATE_FAILURE_ACTIONS = List.of("pause", "continue", "rollback");
    private static final List<String> ROLLBACK_FAILURE_ACTIONS = List.of("pause", "continue");
    private static final List<String> TEST_KINDS = List.of("CMD", "CMD-SHELL", "NONE");

    private ServicePolicies() {
    }

    /** {@code {"limits": {"cpus": "0.5", "memory": "512M"}, "reservations": {...}}}; a reservation within its limit. */
    static Resources resources(JsonBody.Fields service) {
        JsonBody.Fields resources = service.object("resources", RESOURCE_FIELDS);
        if (resources == null) {
            return null;
        }
        JsonBody.Fields limits = resources.object("limits", AMOUNT_FIELDS);
        JsonBody.Fields reservations = resources.object("reservations", AMOUNT_FIELDS);
        Long limitCpus = limits == null ? null : nanoCpus(limits);
        Long limitMemory = limits == null ? null : memory(limits);
        Long reserveCpus = reservations == null ? null : nanoCpus(reservations);
        Long reserveMemory = reservations == null ? null : memory(reservations);
        if (exceeds(reserveCpus, limitCpus)) {
            reservations.reject("cpus", "must not be more than resources.limits.cpus");
        }
        if (exceeds(reserveMemory, limitMemory)) {
            reservations.reject("memory", "must not be more than resources.limits.memory");
        }
        return new Resources(limitCpus, limitMemory, reserveCpus, reserveMemory);
    }

    static RestartPolicy restartPolicy(JsonBody.Fields service) {
        JsonBody.Fields restart = service.object("restart_policy", RESTART_FIELDS);
        if (restart == null) {
            return null;
        }
        return new RestartPolicy(restart.oneOf("condition", RESTART_CONDITIONS), restart.duration("delay"),
                restart.integer("max_attempts", 0, MAX_ATTEMPTS), restart.duration("window"));
    }

    /** {@code update_config}; its failure action may roll the service back. */
    static UpdatePolicy updateConfig(JsonBody.Fields service) {
        return updatePolicy(service, "update_config", UPDATE_FAILURE_ACTIONS);
    }

    /** {@code rollback_config}: a rollback that fails cannot itself be rolled back. */
    static UpdatePolicy rollbackConfig(JsonBody.Fields service) {
        return updatePolicy(service, "rollback_config", ROLLBACK_FAILURE_ACTIONS);
    }

    /**
     * {@code test} is Docker's list ({@code ["CMD", "curl", "-f", "http://localhost"]}, {@code ["CMD-SHELL", "..."]},
     * {@code ["NONE"]}) or a string, which runs in the shell.
     */
    static Healthcheck healthcheck(JsonBody.Fields service) {
        JsonBody.Fields health = service.object("healthcheck", HEALTH_FIELDS);
        if (health == null) {
            return null;
        }
        return new Healthcheck(test(health), healthDuration(health, "interval"), healthDuration(health, "timeout"),
                health.integer("retries", 0, MAX_RETRIES), healthDuration(health, "start_period"));
    }

    private static UpdatePolicy updatePolicy(JsonBody.Fields service, String field, List<String> failureActions) {
        JsonBody.Fields policy = service.object(field, UPDATE_FIELDS);
        if (policy == null) {
            return null;
        }
        String failureAction = policy.string("failure_action", false);
        if (failureAction != null && !failureActions.contains(failureAction)) {
            policy.reject("failure_action", "must be one of " + failureActions
                    + (failureAction.equals("rollback") ? ": rollback is only for update_config" : ""));
            failureAction = null;
        }
        BigDecimal maxFailureRatio = policy.decimal("max_failure_ratio", BigDecimal.ZERO, BigDecimal.ONE);
        return new UpdatePolicy(policy.integer("parallelism", 0, MAX_PARALLELISM), policy.duration("delay"),
                failureAction, policy.duration("monitor"), maxFailureRatio == null ? null : maxFailureRatio.doubleValue(),
                policy.oneOf("order", ORDERS));
    }

    /** Docker counts CPUs in billionths. */
    private static Long nanoCpus(JsonBody.Fields amounts) {
        BigDecimal cpus = amounts.decimal("cpus", MIN_CPUS, MAX_CPUS);
        if (cpus == null) {
            return null;
        }
        if (cpus.stripTrailingZeros().scale() > NANOS_DIGITS) {
            amounts.reject("cpus", "must have at most " + NANOS_DIGITS + " decimal places");
            return null;
        }
        return cpus.movePointRight(NANOS_DIGITS).longValueExact();
    }

    private static Long memory(JsonBody.Fields amounts) {
        return amounts.byteSize("memory", MIN_MEMORY, Long.MAX_VALUE);
    }

    private static boolean exceeds(Long reservation, Long limit) {
        return reservation != null && limit != null && reservation > limit;
    }

    private static List<String> test(JsonBody.Fields health) {
        if (health.isString("test")) {
            String command = health.string("test", true, MAX_TEST_LENGTH);
            if (command != null && command.isBlank()) {
                health.reject("test", "must be a command");
                return null;
            }
            return command == null ? null : List.of("CMD-SHELL", command);
        }
        List<String> test = health.strings("test", MAX_TEST_ITEMS, MAX_TEST_LENGTH);
        if (test == null) {
            return null;
        }
        String kind = test.isEmpty() ? null : test.get(0);
        boolean valid = kind != null && TEST_KINDS.contains(kind) && switch (kind) {
            case "NONE" -> test.size() == 1;
            case "CMD-SHELL" -> test.size() == 2;
            default -> test.size() >= 2;
        };
        if (!valid) {
            health.reject("test", "must be [\"CMD\", command, args...], [\"CMD-SHELL\", command], [\"NONE\"] "
                    + "or a shell command as a string");
            return null;
        }
        return test;
    }

    /** Zero means the image's own setting. */
    private static Duration healthDuration(JsonBody.Fields health, String field) {
        Duration duration = health.duration(field);
        if (duration != null && !duration.isZero() && duration.compareTo(MIN_HEALTH_DURATION) < 0) {
            health.reject(field, "must be at least 1ms, or 0 to keep the image's setting");
            return null;
        }
        return duration;
    }
}
