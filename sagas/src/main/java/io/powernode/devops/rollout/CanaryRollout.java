package io.powernode.devops.rollout;

import io.powernode.devops.kernel.stack.DeploymentProgress.ServiceWeight;
import io.powernode.devops.kernel.stack.DeploymentProgress.TrafficWeightUpdated;
import io.powernode.devops.kernel.stack.RolloutLabels;
import io.powernode.devops.kernel.stack.StackPlan.ServicePlan;
import io.powernode.devops.kernel.stack.Strategy.Canary;
import io.powernode.devops.kernel.stack.Strategy.CanaryStep;
import io.powernode.devops.kernel.stack.Strategy.HttpProbe;
import io.powernode.devops.kernel.swarm.ServiceSpec.PublishedPort;
import io.powernode.devops.kernel.swarm.SwarmOperation.ApplyService;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveService;
import io.powernode.devops.kernel.swarm.SwarmOperation.RollbackService;
import io.powernode.devops.kernel.swarm.SwarmOperation.ScaleService;
import io.powernode.devops.rollout.RolloutProbe.ServiceObservation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The new version as a canary service beside the stable one, behind the same endpoint; at each step the replicas
 * of both are set to the step's weight, the canary is analysed through the step's pause, and the step passes.
 * After the last step (or a full promote) the stable service is updated to the new version by Docker's rolling
 * update and the canary is removed. A setback removes the canary and gives the stable service back its replicas
 * (and its spec, if the full rollout had begun): the stable version never stops.
 * <p>
 * Ingress ports cannot be shared by two services, so a canary publishes only the host-mode ones; behind an ingress
 * port the weight applies to traffic by service name only, which the step's name says.
 */
final class CanaryRollout extends ProgressiveRollout {

    private final Canary strategy;

    CanaryRollout(Canary strategy) {
        this.strategy = strategy;
    }

    /** A global service runs one task per node: it has no replicas to split, and is simply deployed. */
    @Override
    public boolean qualifies(ServiceObservation active) {
        return active.exists() && active.desiredReplicas() != null;
    }

    @Override
    List<Stage> program(RolloutOrder order, List<RolloutTarget> targets) {
        List<Stage> stages = new ArrayList<>();
        List<Subject> canaries = subjects(order, targets, true);
        Map<String, CanarySplit> before = new LinkedHashMap<>();
        targets.forEach(target -> before.put(target.service(), new CanarySplit(0, target.replicas())));
        for (int step = 0; step < strategy.steps().size(); step++) {
            CanaryStep canaryStep = strategy.steps().get(step);
            Map<String, CanarySplit> split = new LinkedHashMap<>();
            targets.forEach(target -> split.put(target.service(),
                    CanarySplit.of(target.replicas(), canaryStep.weight())));
            String name = stepName(order, targets, canaryStep.weight());
            stages.add(ReportProgress.stepStarted(step, name));
            stages.add(RunOperations.step(weighting(order, targets, step, before, split)));
            stages.add(new ReportProgress("step-" + step + "-weight",
                    new TrafficWeightUpdated(step, canaryStep.weight(), weights(targets, split))));
            stages.add(new AwaitConvergence(step, canaries, strategy.analysis(), strategy.progressDeadline()));
            stages.add(new HoldStep(step, pauseOf(canaryStep), canaryStep.untilPromoted(), strategy.analysis(),
                    canaries));
            stages.add(ReportProgress.stepCompleted(step, name));
            before.putAll(split);
        }
        int full = strategy.steps().size();
        stages.add(new PromotionPoint());
        stages.add(ReportProgress.stepStarted(full, "full rollout"));
        stages.add(RunOperations.step(targets.stream().map(target -> new PlannedOperation(
                "final/" + target.service(),
                new ApplyService(order.plan().stack(), stable(order, target), order.options()))).toList()));
        stages.add(new AwaitConvergence(full, subjects(order, targets, false), strategy.analysis(),
                strategy.progressDeadline()));
        stages.add(ReportProgress.stepCompleted(full, "full rollout"));
        stages.add(RunOperations.cleanup(targets.stream().map(target -> new PlannedOperation(
                "remove-canary/" + target.service(), new RemoveService(target.canaryName()))).toList()));
        stages.add(ReportProgress.completed(order.activeNames()));
        return stages;
    }

    /**
     * The stable service first gets its spec back if the full rollout changed it (unless Docker's own rollback
     * did that already), then its replicas, and only then does the canary go.
     */
    @Override
    List<PlannedOperation> undo(RolloutState rollout, Setback setback) {
        List<PlannedOperation> undo = new ArrayList<>();
        for (RolloutTarget target : rollout.targets()) {
            String service = target.service();
            boolean updated = rollout.isDone("final/" + service);
            boolean restoredByDocker = setback.kind() == Setback.Kind.ROLLED_BACK_BY_DOCKER
                    && target.activeName().equals(setback.service());
            if (updated && !restoredByDocker) {
                undo.add(new PlannedOperation("rollback/restore-stable/" + service,
                        new RollbackService(target.activeName())));
            }
            if (updated || rollout.isAnyDone(stepKey("stable", service))) {
                undo.add(new PlannedOperation("rollback/scale-stable/" + service,
                        new ScaleService(target.activeName(), target.replicas())));
            }
            if (rollout.isAnyDone(stepKey("canary", service))) {
                undo.add(new PlannedOperation("rollback/remove-canary/" + service,
                        new RemoveService(target.canaryName())));
            }
        }
        return undo;
    }

    /** The canary first (created at the first step, scaled after), then the stable service: capacity holds. */
    private List<PlannedOperation> weighting(RolloutOrder order, List<RolloutTarget> targets, int step,
                                             Map<String, CanarySplit> before, Map<String, CanarySplit> after) {
        List<PlannedOperation> operations = new ArrayList<>();
        for (RolloutTarget target : targets) {
            String service = target.service();
            CanarySplit from = before.get(service);
            CanarySplit to = after.get(service);
            String canaryKey = "step-" + step + "/canary/" + service;
            if (from.canary() == 0) {
                operations.add(new PlannedOperation(canaryKey, new ApplyService(order.plan().stack(),
                        canary(order, target, to.canary()), order.options())));
            } else if (from.canary() != to.canary()) {
                operations.add(new PlannedOperation(canaryKey, new ScaleService(target.canaryName(), to.canary())));
            }
            if (from.stable() != to.stable()) {
                operations.add(new PlannedOperation("step-" + step + "/stable/" + service,
                        new ScaleService(target.activeName(), to.stable())));
            }
        }
        return operations;
    }

    /** The plan's spec beside the stable service, sharing its endpoint as far as Docker lets two services. */
    private static ServicePlan canary(RolloutOrder order, RolloutTarget target, int replicas) {
        ServicePlan plan = order.plan().service(target.service());
        return RolloutSpecs.of(plan)
                .named(target.canaryName())
                .replicas(replicas)
                .publishing(RolloutSpecs.ports(plan.spec()).stream().filter(port -> !RolloutSpecs.isIngress(port))
                        .toList())
                .inRole(RolloutLabels.CANARY, order.deploymentId())
                .plan();
    }

    /** The new version as the stable service: its name, its endpoint, the replicas it had if the file names none. */
    private static ServicePlan stable(RolloutOrder order, RolloutTarget target) {
        ServicePlan plan = RolloutSpecs.asActive(order.plan().service(target.service()), target.activeName());
        return RolloutSpecs.of(plan).replicasUnlessStated(target.replicas()).plan();
    }

    /** The canaries (or, after the full rollout, the stable services), probed where they publish the HTTP port. */
    private List<Subject> subjects(RolloutOrder order, List<RolloutTarget> targets, boolean canaries) {
        HttpProbe http = strategy.analysis() == null ? null : strategy.analysis().http();
        return targets.stream().map(target -> {
            List<PublishedPort> ports = RolloutSpecs.ports(order.plan().service(target.service()).spec());
            boolean reachable = http != null && ports.stream().anyMatch(port -> Integer.valueOf(http.port())
                    .equals(port.published()) && (!canaries || !RolloutSpecs.isIngress(port)));
            return new Subject(target.service(), canaries ? target.canaryName() : target.activeName(),
                    reachable ? http.port() : null);
        }).toList();
    }

    private static List<ServiceWeight> weights(List<RolloutTarget> targets, Map<String, CanarySplit> split) {
        return targets.stream().map(target -> {
            CanarySplit replicas = split.get(target.service());
            return new ServiceWeight(target.service(), replicas.canary(), replicas.stable(),
                    replicas.effectiveWeight());
        }).toList();
    }

    private static String stepName(RolloutOrder order, List<RolloutTarget> targets, int weight) {
        StringBuilder name = new StringBuilder("weight " + weight + "%");
        for (RolloutTarget target : targets) {
            if (RolloutSpecs.ports(order.plan().service(target.service()).spec()).stream()
                    .anyMatch(RolloutSpecs::isIngress)) {
                name.append("; ").append(target.service()).append(": by service name only, its ingress ports stay"
                        + " with ").append(target.activeName());
            }
        }
        return name.toString();
    }

    /** Without a pause of its own a step lasts one analysis interval, or, waiting for a promote, no time. */
    private Duration pauseOf(CanaryStep step) {
        if (step.pause() != null) {
            return step.pause();
        }
        return step.untilPromoted() || strategy.analysis() == null ? Duration.ZERO : strategy.analysis().interval();
    }

    private static Predicate<String> stepKey(String role, String service) {
        return Pattern.compile("step-\\d+/" + role + "/" + Pattern.quote(service)).asMatchPredicate();
    }
}
