package io.powernode.devops.rollout;

import io.powernode.devops.kernel.stack.DeploymentProgress.Measurement;
import io.powernode.devops.kernel.stack.Strategy.Analysis;
import io.powernode.devops.rollout.RolloutChecks.Convergence;
import io.powernode.devops.rollout.RolloutProbe.ServiceObservation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Waits, reading Docker every check interval, until every subject runs the tasks it asks for, within the progress
 * deadline. With an analysis, the new version is held to its limits meanwhile (a broken image fails fast instead of
 * waiting out the deadline), and to its HTTP probe once it converged.
 *
 * @param step     the step it belongs to, as a failed analysis names it
 * @param analysis the limits; null to wait for convergence only (a rolling deployment)
 */
record AwaitConvergence(int step, List<Subject> subjects, Analysis analysis, Duration deadline) implements Stage {

    AwaitConvergence {
        subjects = List.copyOf(subjects);
    }

    @Override
    public void begin(RolloutRun run) {
        // not at once: Docker marks an update as under way a moment after it was asked for
        run.schedule(RolloutTimer.CHECK, run.checkInterval());
        run.schedule(RolloutTimer.PROGRESS_DEADLINE, deadline);
    }

    @Override
    public void timerFired(RolloutRun run, RolloutTimer timer) {
        if (timer == RolloutTimer.PROGRESS_DEADLINE) {
            run.setback(Setback.of(Setback.Kind.NOT_CONVERGED,
                    "not converged within " + deadline + ": " + run.waitingFor()));
        } else if (timer == RolloutTimer.CHECK) {
            check(run);
        }
    }

    private void check(RolloutRun run) {
        Map<String, ServiceObservation> services = run.observe(subjects.stream().map(Subject::dockerName).toList());
        if (services == null) {
            run.schedule(RolloutTimer.CHECK, run.checkInterval());
            return;
        }
        String waiting = null;
        for (Subject subject : subjects) {
            Convergence convergence = RolloutChecks.convergence(services.get(subject.dockerName()),
                    run.stepStartedAt());
            switch (convergence.verdict()) {
                case ROLLED_BACK_BY_DOCKER -> {
                    run.setback(new Setback(Setback.Kind.ROLLED_BACK_BY_DOCKER, convergence.detail(),
                            subject.dockerName(), null));
                    return;
                }
                case PAUSED_BY_DOCKER -> {
                    run.setback(new Setback(Setback.Kind.PAUSED_BY_DOCKER, convergence.detail(),
                            subject.dockerName(), null));
                    return;
                }
                case MISSING -> {
                    run.setback(Setback.of(Setback.Kind.NOT_CONVERGED, convergence.detail()));
                    return;
                }
                case WAITING -> waiting = waiting == null ? convergence.detail() : waiting;
                case CONVERGED -> {
                }
            }
        }
        boolean converged = waiting == null;
        if (analysis != null) {
            List<Measurement> measurements = run.measure(subjects, services, analysis, converged);
            String broken = RolloutChecks.brokenLimit(measurements, analysis);
            if (broken != null) {
                run.analysisFailed(step, measurements, broken);
                return;
            }
        }
        if (converged) {
            run.cancel(RolloutTimer.PROGRESS_DEADLINE);
            run.stageDone();
        } else {
            run.waitFor(waiting);
            run.schedule(RolloutTimer.CHECK, run.checkInterval());
        }
    }
}
