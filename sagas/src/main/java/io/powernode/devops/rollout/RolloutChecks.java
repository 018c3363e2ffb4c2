package io.powernode.devops.rollout;

import io.powernode.devops.kernel.stack.DeploymentProgress.Measurement;
import io.powernode.devops.kernel.stack.Strategy.Analysis;
import io.powernode.devops.rollout.RolloutProbe.HttpResult;
import io.powernode.devops.rollout.RolloutProbe.ServiceObservation;
import io.powernode.devops.rollout.RolloutProbe.TaskObservation;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How a rollout judges what it reads of a service: whether it converged, and whether its new version stays within
 * the analysis' limits. Only what happened since the step began counts: a service keeps the tasks and the update
 * status of earlier deployments, which are not this step's doing.
 */
final class RolloutChecks {

    private static final String RUNNING = "running";
    private static final Set<String> FAILED = Set.of("failed", "rejected");
    /** Task states of a task that ended, which Docker replaces: a restart. */
    private static final Set<String> ENDED = Set.of("complete", "failed", "rejected");
    private static final Set<String> UPDATE_UNDER_WAY = Set.of("updating", "rollback_started");
    private static final Set<String> UPDATE_STUCK = Set.of("paused", "rollback_paused");
    private static final String ROLLED_BACK = "rollback_completed";

    private RolloutChecks() {
    }

    enum Verdict {
        CONVERGED,
        WAITING,
        /** Docker's update failed and Docker put the previous spec back (update_config failure_action rollback). */
        ROLLED_BACK_BY_DOCKER,
        /** Docker's update failed and Docker stopped it (failure_action pause), or its rollback stopped. */
        PAUSED_BY_DOCKER,
        /** No service has the name any more. */
        MISSING
    }

    /** @param detail what it waits for, or what Docker said */
    record Convergence(Verdict verdict, String detail) {
    }

    /**
     * Converged: as many tasks running the service's image as the service asks for (for a global service, as many
     * as Docker wants running), and no update of this step under way or stuck. Tasks of another image are the
     * service's past: right after an update Docker may not have said yet that it is updating, and its old tasks
     * must not pass for the new version.
     */
    static Convergence convergence(ServiceObservation service, Instant since) {
        if (!service.exists()) {
            return new Convergence(Verdict.MISSING, service.name() + " does not exist");
        }
        String update = updateStateSince(service, since);
        if (ROLLED_BACK.equals(update)) {
            return new Convergence(Verdict.ROLLED_BACK_BY_DOCKER, dockerSays(service, "rolled its update back"));
        }
        if (UPDATE_STUCK.contains(update)) {
            return new Convergence(Verdict.PAUSED_BY_DOCKER, dockerSays(service, "paused its update"));
        }
        if (UPDATE_UNDER_WAY.contains(update)) {
            return new Convergence(Verdict.WAITING, service.name() + " is still updating");
        }
        int running = running(service);
        int desired = desired(service);
        if (running != desired) {
            return new Convergence(Verdict.WAITING,
                    service.name() + " runs " + running + " of " + desired + " task(s)");
        }
        return new Convergence(Verdict.CONVERGED, service.name() + " runs its " + desired + " task(s)");
    }

    /**
     * What the analysis judges of one service since the step began.
     *
     * @param http what its HTTP probe answered; null when none ran
     */
    static Measurement measure(String composeService, ServiceObservation service, Instant since, HttpTally http) {
        List<TaskObservation> recent = service.tasks().stream().filter(task -> changedSince(task, since)).toList();
        int failures = (int) recent.stream().filter(task -> FAILED.contains(task.state())).count();
        int restarts = (int) recent.stream().filter(task -> ENDED.contains(task.state())).count();
        return new Measurement(composeService, running(service), service.exists() ? desired(service) : 0,
                failures, restarts, http == null ? null : http.rate(), http == null ? 0 : http.requests());
    }

    /**
     * @return the first limit the measurements break, in an operator's words; null when they keep every one. A
     * service that asks for no task (it vanished, or was scaled to nothing) leaves nothing to judge, and fails.
     */
    static String brokenLimit(List<Measurement> measurements, Analysis analysis) {
        for (Measurement m : measurements) {
            if (m.desiredTasks() == 0) {
                return m.service() + ": no task left to judge";
            }
            if (m.failures() > analysis.maxTaskFailures()) {
                return m.service() + ": " + m.failures() + " task failure(s), more than the "
                        + analysis.maxTaskFailures() + " allowed";
            }
            if (m.restarts() > analysis.maxRestarts()) {
                return m.service() + ": " + m.restarts() + " task restart(s), more than the "
                        + analysis.maxRestarts() + " allowed";
            }
            if (analysis.http() != null && m.httpSuccessRate() != null
                    && m.httpSuccessRate() < analysis.http().minSuccessRate()) {
                return m.service() + ": " + percent(m.httpSuccessRate()) + " of " + m.httpRequests()
                        + " HTTP request(s) succeeded, less than the " + percent(analysis.http().minSuccessRate())
                        + " required";
            }
        }
        return null;
    }

    /** Each node that runs one of the service's tasks, reached on {@code port}: host-mode ports live there. */
    static List<URI> httpTargets(ServiceObservation service, int port, String path) {
        return service.tasks().stream()
                .filter(task -> isRunning(service, task))
                .map(TaskObservation::nodeAddress)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .map(address -> URI.create("http://" + address + ":" + port + path))
                .toList();
    }

    /** @param requests all requests sent; {@code successes} of them answered 2xx or 3xx in time */
    record HttpTally(int requests, int successes) {

        static HttpTally of(List<HttpResult> results) {
            return new HttpTally(results.stream().mapToInt(HttpResult::requests).sum(),
                    results.stream().mapToInt(HttpResult::successes).sum());
        }

        /** No request (no task to probe) is no evidence either way: null, which no limit judges. */
        Double rate() {
            return requests == 0 ? null : (double) successes / requests;
        }
    }

    /** @return the update's state, or "" when there is none of this step (Set.of refuses to look up a null) */
    private static String updateStateSince(ServiceObservation service, Instant since) {
        Instant started = service.updateStartedAt();
        boolean ours = started != null && !started.isBefore(since) && service.updateState() != null;
        return ours ? service.updateState() : "";
    }

    private static String dockerSays(ServiceObservation service, String what) {
        String message = service.updateMessage();
        return "Docker " + what + " of " + service.name()
                + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static int running(ServiceObservation service) {
        return (int) service.tasks().stream().filter(task -> isRunning(service, task)).count();
    }

    private static int desired(ServiceObservation service) {
        if (service.desiredReplicas() != null) {
            return service.desiredReplicas();
        }
        return (int) service.tasks().stream().filter(task -> RUNNING.equals(task.desiredState())).count();
    }

    private static boolean isRunning(ServiceObservation service, TaskObservation task) {
        return RUNNING.equals(task.state()) && RUNNING.equals(task.desiredState())
                && Objects.equals(task.image(), service.image());
    }

    private static boolean changedSince(TaskObservation task, Instant since) {
        Instant changed = task.updatedAt() != null ? task.updatedAt() : task.createdAt();
        return changed != null && !changed.isBefore(since);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
