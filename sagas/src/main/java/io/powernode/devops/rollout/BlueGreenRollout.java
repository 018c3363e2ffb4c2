package io.powernode.devops.rollout;

import io.powernode.devops.kernel.stack.DeploymentProgress.Healthy;
import io.powernode.devops.kernel.stack.DeploymentProgress.TrafficSwitched;
import io.powernode.devops.kernel.stack.RolloutLabels;
import io.powernode.devops.kernel.stack.StackPlan.ServicePlan;
import io.powernode.devops.kernel.stack.Strategy.BlueGreen;
import io.powernode.devops.kernel.stack.Strategy.HttpProbe;
import io.powernode.devops.kernel.swarm.ServiceSpec.PublishedPort;
import io.powernode.devops.kernel.swarm.SwarmOperation.ApplyService;
import io.powernode.devops.kernel.swarm.SwarmOperation.ExposeServiceEndpoint;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveService;
import io.powernode.devops.kernel.swarm.SwarmOperation.WithdrawServiceEndpoint;
import io.powernode.devops.rollout.RolloutProbe.ServiceObservation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Green beside blue, without the endpoint (or on preview ports); green checked through its monitor period; the
 * endpoint moved from blue to green; green checked again where users reach it; blue kept, endpointless, for the
 * scale-down delay, so that a rollback only moves the endpoint back; then blue removed.
 * <p>
 * The switch exposes green before it withdraws blue when every port is host-mode: no gap. Docker refuses two
 * services one ingress port, so with one of those blue is withdrawn first, leaving a short gap.
 */
final class BlueGreenRollout extends ProgressiveRollout {

    private static final int GREEN_STEP = 0;
    private static final int SWITCH_STEP = 1;

    private final BlueGreen strategy;

    BlueGreenRollout(BlueGreen strategy) {
        this.strategy = strategy;
    }

    @Override
    public boolean qualifies(ServiceObservation active) {
        return active.exists();
    }

    @Override
    List<Stage> program(RolloutOrder order, List<RolloutTarget> targets) {
        HttpProbe http = strategy.analysis() == null ? null : strategy.analysis().http();
        Integer previewPort = http == null ? null : strategy.previewPorts().get(http.port());
        Integer servingPort = http == null ? null : http.port();
        return List.of(
                ReportProgress.stepStarted(GREEN_STEP, "green"),
                RunOperations.step(each(targets, target -> new PlannedOperation("green/" + target.service(),
                        new ApplyService(order.plan().stack(), green(order, target), order.options())))),
                new AwaitConvergence(GREEN_STEP, greens(targets, null), strategy.analysis(),
                        strategy.progressDeadline()),
                new HoldStep(GREEN_STEP, strategy.monitor(), !strategy.autoPromote(), strategy.analysis(),
                        greens(targets, previewPort)),
                ReportProgress.stepCompleted(GREEN_STEP, "green"),
                new PromotionPoint(),
                ReportProgress.stepStarted(SWITCH_STEP, "switch"),
                RunOperations.step(targets.stream().flatMap(target -> switchOf(order, target).stream()).toList()),
                new ReportProgress("traffic-switched", new TrafficSwitched(
                        names(targets, RolloutTarget::activeName), names(targets, RolloutTarget::greenName))),
                new AwaitConvergence(SWITCH_STEP, greens(targets, servingPort), strategy.analysis(),
                        strategy.progressDeadline()),
                new ReportProgress("healthy", new Healthy()),
                new HoldStep(SWITCH_STEP, strategy.scaleDownDelay(), false, null, List.of()),
                RunOperations.cleanup(each(targets, target -> new PlannedOperation("remove-blue/" + target.service(),
                        new RemoveService(target.activeName())))),
                ReportProgress.completed(servingAfter(order, targets)));
    }

    /** Blue gets its endpoint back if it lost it, and green goes, in the order the switch's ports allow. */
    @Override
    List<PlannedOperation> undo(RolloutState rollout, Setback setback) {
        List<PlannedOperation> undo = new ArrayList<>();
        for (RolloutTarget target : rollout.targets()) {
            String service = target.service();
            List<PlannedOperation> steps = new ArrayList<>();
            if (rollout.isDone("switch/withdraw-blue/" + service)) {
                steps.add(new PlannedOperation("rollback/expose-blue/" + service,
                        new ExposeServiceEndpoint(target.activeName(), service, target.ports())));
            }
            if (rollout.isDone("green/" + service)) {
                int at = usesIngress(rollout.order(), target) ? 0 : steps.size();
                steps.add(at, new PlannedOperation("rollback/remove-green/" + service,
                        new RemoveService(target.greenName())));
            }
            undo.addAll(steps);
        }
        return undo;
    }

    /** The plan's spec, in the other slot, without the endpoint: preview ports at most, and no compose alias. */
    private ServicePlan green(RolloutOrder order, RolloutTarget target) {
        ServicePlan plan = order.plan().service(target.service());
        List<PublishedPort> preview = RolloutSpecs.ports(plan.spec()).stream()
                .filter(port -> port.published() != null && strategy.previewPorts().containsKey(port.published()))
                .map(port -> new PublishedPort(port.target(), strategy.previewPorts().get(port.published()),
                        port.protocol(), port.publishMode()))
                .toList();
        return RolloutSpecs.of(plan)
                .named(target.greenName())
                .replicasUnlessStated(target.replicas())
                .publishing(preview)
                .withoutComposeAlias()
                .inRole(RolloutLabels.GREEN, order.deploymentId())
                .plan();
    }

    private List<PlannedOperation> switchOf(RolloutOrder order, RolloutTarget target) {
        String service = target.service();
        PlannedOperation expose = new PlannedOperation("switch/expose-green/" + service, new ExposeServiceEndpoint(
                target.greenName(), service, RolloutSpecs.ports(order.plan().service(service).spec())));
        PlannedOperation withdraw = new PlannedOperation("switch/withdraw-blue/" + service,
                new WithdrawServiceEndpoint(target.activeName(), service));
        return usesIngress(order, target) ? List.of(withdraw, expose) : List.of(expose, withdraw);
    }

    private static boolean usesIngress(RolloutOrder order, RolloutTarget target) {
        return Stream.concat(target.ports().stream(),
                        RolloutSpecs.ports(order.plan().service(target.service()).spec()).stream())
                .anyMatch(RolloutSpecs::isIngress);
    }

    private static List<Subject> greens(List<RolloutTarget> targets, Integer httpPort) {
        return each(targets, target -> new Subject(target.service(), target.greenName(), httpPort));
    }

    private static Map<String, String> names(List<RolloutTarget> targets, Function<RolloutTarget, String> name) {
        Map<String, String> names = new LinkedHashMap<>();
        targets.forEach(target -> names.put(target.service(), name.apply(target)));
        return names;
    }

    private static Map<String, String> servingAfter(RolloutOrder order, List<RolloutTarget> targets) {
        Map<String, String> serving = new LinkedHashMap<>(order.activeNames());
        serving.putAll(names(targets, RolloutTarget::greenName));
        return serving;
    }

    private static <T> List<T> each(List<RolloutTarget> targets, Function<RolloutTarget, T> mapping) {
        return targets.stream().map(mapping).toList();
    }
}
