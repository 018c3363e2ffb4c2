package io.powernode.devops.rollout;

import io.powernode.devops.rollout.RolloutProbe.ServiceObservation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the services a blue-green or canary rollout would carry out itself, before anything changes: only those
 * Docker has (and, for a canary, that are replicated) become targets; their replicas and ports are what a rollback
 * restores. Then the strategy writes the rest of the program.
 */
record ObserveTargets(List<Candidate> candidates) implements Stage {

    ObserveTargets {
        candidates = List.copyOf(candidates);
    }

    /** A changed compose service the strategy names, and the Docker service that serves it now. */
    record Candidate(String service, String planName, String activeName) {
    }

    @Override
    public void begin(RolloutRun run) {
        run.schedule(RolloutTimer.CHECK, Duration.ZERO);
        run.schedule(RolloutTimer.PROGRESS_DEADLINE, run.order().strategy().progressDeadline());
    }

    @Override
    public void timerFired(RolloutRun run, RolloutTimer timer) {
        if (timer == RolloutTimer.PROGRESS_DEADLINE) {
            run.setback(Setback.of(Setback.Kind.SWARM_UNREADABLE, "the services to roll out were not read within "
                    + run.order().strategy().progressDeadline() + ": " + run.waitingFor()));
        } else if (timer == RolloutTimer.CHECK) {
            observe(run);
        }
    }

    private void observe(RolloutRun run) {
        Map<String, ServiceObservation> services = run.observe(candidates.stream().map(Candidate::activeName).toList());
        if (services == null) {
            run.schedule(RolloutTimer.CHECK, run.checkInterval());
            return;
        }
        List<RolloutTarget> targets = new ArrayList<>();
        for (Candidate candidate : candidates) {
            ServiceObservation active = services.get(candidate.activeName());
            if (run.playbook().qualifies(active)) {
                targets.add(new RolloutTarget(candidate.service(), candidate.planName(), candidate.activeName(),
                        active.desiredReplicas(), active.ports()));
            }
        }
        run.cancel(RolloutTimer.PROGRESS_DEADLINE);
        run.planFor(targets);
    }
}
