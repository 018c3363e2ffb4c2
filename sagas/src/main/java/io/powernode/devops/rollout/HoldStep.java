package io.powernode.devops.rollout;

import io.powernode.devops.kernel.stack.DeploymentProgress.AnalysisPassed;
import io.powernode.devops.kernel.stack.DeploymentProgress.Measurement;
import io.powernode.devops.kernel.stack.DeploymentProgress.PausedAtStep;
import io.powernode.devops.kernel.stack.Strategy.Analysis;
import io.powernode.devops.rollout.RolloutProbe.ServiceObservation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A step's pause: the new version runs as the step left it, analysed every interval (a broken limit fails at once),
 * until the pause is over, or, for a step that waits for a promote, until one comes. A promote ends it early.
 * It ends with a last analysis, whose passing the timeline shows; like every read of Docker it runs in a deadline.
 *
 * @param duration      how long it lasts; for a step that waits for a promote, how long before it starts waiting
 * @param untilPromoted it ends only with a promote
 * @param analysis      null for a pause that judges nothing (blue kept for its scale-down delay)
 */
record HoldStep(int step, Duration duration, boolean untilPromoted, Analysis analysis, List<Subject> subjects)
        implements Stage {

    HoldStep {
        subjects = List.copyOf(subjects);
    }

    @Override
    public void begin(RolloutRun run) {
        if (run.takePromote()) {
            run.endHold(Duration.ZERO);
            return;
        }
        run.schedule(RolloutTimer.HOLD_END, duration);
        if (analysis != null) {
            run.schedule(RolloutTimer.ANALYSIS, analysis.interval());
        }
    }

    @Override
    public void timerFired(RolloutRun run, RolloutTimer timer) {
        if (timer == RolloutTimer.ANALYSIS) {
            analyse(run);
        } else if (timer == RolloutTimer.HOLD_END) {
            if (untilPromoted && !run.holdEnding()) {
                run.report("step-" + step + "-paused", new PausedAtStep(step));
            } else {
                end(run);
            }
        }
    }

    /** The hold ends at once, with its last analysis, which reads Docker: in the deadline, not in the promote. */
    @Override
    public boolean promote(RolloutRun run) {
        run.endHold(Duration.ZERO);
        return true;
    }

    private void analyse(RolloutRun run) {
        List<Measurement> measurements = measure(run);
        // an analysis that could not read Docker judges nothing: the next one will
        if (measurements == null || !failed(run, measurements)) {
            run.schedule(RolloutTimer.ANALYSIS, analysis.interval());
        }
    }

    private void end(RolloutRun run) {
        if (analysis != null) {
            List<Measurement> measurements = measure(run);
            if (measurements == null) {
                // the last analysis decides: try it again soon rather than pass a step unjudged
                run.endHold(run.checkInterval());
                return;
            }
            if (failed(run, measurements)) {
                return;
            }
            run.report("step-" + step + "-analysis-passed", new AnalysisPassed(step, measurements));
        }
        run.cancel(RolloutTimer.ANALYSIS);
        run.cancel(RolloutTimer.HOLD_END);
        run.stageDone();
    }

    /** @return null when Docker could not be read */
    private List<Measurement> measure(RolloutRun run) {
        Map<String, ServiceObservation> services = run.observe(subjects.stream().map(Subject::dockerName).toList());
        return services == null ? null : run.measure(subjects, services, analysis, true);
    }

    private boolean failed(RolloutRun run, List<Measurement> measurements) {
        String broken = RolloutChecks.brokenLimit(measurements, analysis);
        if (broken != null) {
            run.analysisFailed(step, measurements, broken);
        }
        return broken != null;
    }
}
