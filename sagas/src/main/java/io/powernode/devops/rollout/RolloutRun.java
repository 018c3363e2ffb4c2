package io.powernode.devops.rollout;

import io.powernode.devops.commands.RetryingSender.Delivery;
import io.powernode.devops.commands.RetryingSender.Refused;
import io.powernode.devops.kernel.stack.DeploymentProgress;
import io.powernode.devops.kernel.stack.DeploymentProgress.AnalysisFailed;
import io.powernode.devops.kernel.stack.DeploymentProgress.Measurement;
import io.powernode.devops.kernel.stack.DeploymentProgress.StackApplied;
import io.powernode.devops.kernel.stack.StackCommands.RecordDeploymentProgress;
import io.powernode.devops.kernel.stack.Strategy.Analysis;
import io.powernode.devops.kernel.stack.Strategy.HttpProbe;
import io.powernode.devops.kernel.swarm.ClusterCommands.RequestSwarmOperation;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.SwarmOperation.DeployStack;
import io.powernode.devops.rollout.RolloutChecks.HttpTally;
import io.powernode.devops.rollout.RolloutProbe.ProbeFailed;
import io.powernode.devops.rollout.RolloutProbe.ServiceObservation;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a rollout's program for the handling of one message: it hands what happened (a deadline, an operation's
 * outcome, a user's action) to the current stage, and carries out what the stages ask for.
 * <p>
 * Restart safety rests on three rules. A Docker action is decided in one unit of work (the saga associates with
 * its operation id and keeps it as awaited) and asked for in the next ({@link RolloutTimer#ACT}), so the cluster's
 * answer can never come before the saga knows it waits for it, even after a crash. An operation's id derives from
 * the attempt and the action's key, so asking again after a crash names the operation the cluster knows and Docker
 * is not asked twice. Every deadline carries its generation, and only the one the rollout waits for is acted on.
 */
final class RolloutRun {

    /** The association a rollout waits for an operation's outcome by. */
    static final String OPERATION_ID = "operationId";
    private static final Logger log = LoggerFactory.getLogger(RolloutRun.class);

    private final RolloutState state;
    private final RolloutPlaybook playbook;
    private final SagaCommands commands;
    private final RolloutProbe probe;
    private final DeadlineManager deadlines;
    private final RolloutSettings settings;
    private final String causationId;
    private final Instant now;

    /**
     * @param causationId the message being handled, which causes whatever the rollout sends
     * @param now         the time of the handling
     */
    RolloutRun(RolloutState state, SagaCommands commands, RolloutProbe probe, DeadlineManager deadlines,
               RolloutSettings settings, String causationId, Instant now) {
        this.state = state;
        this.playbook = RolloutPlaybook.of(state.order.strategy());
        this.commands = commands;
        this.probe = probe;
        this.deadlines = deadlines;
        this.settings = settings;
        this.causationId = causationId;
        this.now = now;
    }

    // --- what happened, as the saga hands it over ---

    /**
     * @param previous the state of an earlier attempt still running in this saga, or null: its timers are cancelled
     *                 and their generations go on, so none of its deadlines passes for one of the new attempt
     */
    void start(RolloutState previous) {
        if (previous != null) {
            previous.timers.cancelAll(deadlines, now);
            state.timers = previous.timers;
            if (previous.awaited != null) {
                SagaLifecycle.removeAssociationWith(OPERATION_ID, previous.order.operationId(previous.awaited.key()));
            }
        }
        state.stages = playbook.opening(state.order);
        enter(0);
    }

    void timerFired(RolloutTimer timer, RolloutTick tick) {
        if (!state.timers.take(timer, tick)) {
            log.debug("deployment {}: stale {} ignored", state.order.deploymentId(), timer.deadlineName());
            return;
        }
        if (timer == RolloutTimer.ACT) {
            ask();
        } else {
            current().timerFired(this, timer);
        }
    }

    void operationSucceeded(String operationId, List<String> notes) {
        PlannedOperation operation = settle(operationId);
        if (operation == null) {
            return;
        }
        state.done.add(operation.key());
        if (operation.operation() instanceof DeployStack) {
            report("stack-applied", new StackApplied(notes));
        }
        proceed();
    }

    void operationFailed(String operationId, OperationFailure failure) {
        PlannedOperation operation = settle(operationId);
        if (operation == null) {
            return;
        }
        if (operation.removes() && failure.kind() == OperationFailure.Kind.not_found) {
            state.done.add(operation.key());
            proceed();
            return;
        }
        Setback.Kind kind = current().cleansUp() ? Setback.Kind.CLEANUP_FAILED : Setback.Kind.OPERATION_FAILED;
        Setback failed = Setback.of(kind, operation.describe() + " failed: " + failure.message());
        Setback pending = takePendingSetback();
        setback(pending != null ? pending : failed);
    }

    /**
     * A plain promote ends the step's hold, now or as soon as it begins. A full one jumps to the strategy's
     * promotion point (the switch, the full rollout), once the awaited operation answered; with none ahead it is a
     * plain one.
     */
    void promote(boolean full) {
        if (!isSteerable()) {
            return;
        }
        if (full) {
            state.fullPromotePending = true;
            if (state.awaited == null && jumpIfFullyPromoted()) {
                return;
            }
        }
        if (!current().promote(this)) {
            state.promotePending = true;
        }
    }

    void pause() {
        if (isSteerable()) {
            state.timers.freeze(deadlines, now);
        }
    }

    void resume() {
        state.timers.thaw(deadlines, now);
    }

    void abort(boolean asRollback) {
        if (!isSteerable() || current().cleansUp()) {
            log.info("deployment {}: nothing left to abort", state.order.deploymentId());
            return;
        }
        // an abort of a paused rollout undoes it now
        state.timers.thaw(deadlines, now);
        setback(Setback.of(Setback.Kind.ABORTED, asRollback ? "rolled back on request" : "aborted on request"));
    }

    // --- what stages ask of it ---

    RolloutOrder order() {
        return state.order;
    }

    RolloutPlaybook playbook() {
        return playbook;
    }

    Duration checkInterval() {
        return settings.checkInterval();
    }

    Instant stepStartedAt() {
        return state.stepStartedAt;
    }

    void beginStep() {
        state.stepStartedAt = now;
    }

    int operationIndex() {
        return state.operation;
    }

    void nextOperation() {
        state.operation++;
    }

    /** @return whether a promote came before this hold began; it is used up */
    boolean takePromote() {
        boolean promoted = state.promotePending;
        state.promotePending = false;
        return promoted;
    }

    boolean holdEnding() {
        return state.holdEnding;
    }

    /** The hold is over but for its last analysis, due after {@code delay}. */
    void endHold(Duration delay) {
        state.holdEnding = true;
        schedule(RolloutTimer.HOLD_END, delay);
    }

    String waitingFor() {
        return state.waitingFor == null ? "no check was done yet" : state.waitingFor;
    }

    void waitFor(String why) {
        state.waitingFor = why;
    }

    void schedule(RolloutTimer timer, Duration delay) {
        state.timers.schedule(deadlines, timer, delay, now);
    }

    void cancel(RolloutTimer timer) {
        state.timers.cancel(deadlines, timer, now);
    }

    /** The stage's next Docker action: awaited from now on, asked for in the next unit of work. */
    void decide(PlannedOperation operation) {
        state.awaited = operation;
        SagaLifecycle.associateWith(OPERATION_ID, state.order.operationId(operation.key()));
        schedule(RolloutTimer.ACT, Duration.ZERO);
    }

    void report(String key, DeploymentProgress progress) {
        RolloutOrder order = state.order;
        commands.send(state.causation, causationId, new RecordDeploymentProgress(order.stackId(),
                order.deploymentId(), order.attempt(), key, progress));
    }

    /** @return each named service as the manager reports it; null when it could not be asked (tried again later) */
    Map<String, ServiceObservation> observe(List<String> dockerNames) {
        Map<String, ServiceObservation> services = new LinkedHashMap<>();
        try {
            for (String name : dockerNames) {
                services.put(name, probe.observe(state.order.clusterId(), state.order.accountId(), name));
            }
            return services;
        } catch (ProbeFailed e) {
            state.waitingFor = "the swarm could not be read: " + e.getMessage();
            return null;
        }
    }

    /** @param withHttp whether to run the HTTP probe too (only services that converged are worth probing) */
    List<Measurement> measure(List<Subject> subjects, Map<String, ServiceObservation> services, Analysis analysis,
                              boolean withHttp) {
        return subjects.stream().map(subject -> {
            ServiceObservation service = services.get(subject.dockerName());
            HttpTally http = withHttp ? probeHttp(subject, service, analysis.http()) : null;
            return RolloutChecks.measure(subject.service(), service, state.stepStartedAt, http);
        }).toList();
    }

    void analysisFailed(int step, List<Measurement> measurements, String reason) {
        setback(new Setback(Setback.Kind.ANALYSIS_FAILED, reason, null,
                new ReportProgress("analysis-failed", new AnalysisFailed(step, measurements, reason))));
    }

    /** The strategy decides what follows; a setback while undoing ends the rollout failed. */
    void setback(Setback setback) {
        if (state.awaited != null) {
            state.pendingSetback = setback;
            return;
        }
        log.info("deployment {} attempt {}: {}", state.order.deploymentId(), state.order.attempt(), setback.reason());
        state.timers.cancelAll(deadlines, now);
        if (setback.report() != null) {
            report(setback.report().key(), setback.report().progress());
        }
        List<Stage> next = state.recovering
                ? List.of(ReportProgress.failed("the rollback did not finish: " + setback.reason()))
                : playbook.recovery(state, setback);
        state.recovering = true;
        state.promotePending = false;
        state.fullPromotePending = false;
        state.stages = next;
        enter(0);
    }

    void stageDone() {
        if (!jumpIfFullyPromoted()) {
            enter(state.stage + 1);
        }
    }

    /** The targets are known: the strategy's program replaces the opening. */
    void planFor(List<RolloutTarget> targets) {
        state.targets = List.copyOf(targets);
        state.stages = playbook.plan(state.order, targets);
        state.stage = -1;
        stageDone();
    }

    /** The rollout reached its end: nothing it scheduled matters any more. */
    void end() {
        state.timers.cancelAll(deadlines, now);
        SagaLifecycle.end();
    }

    // --- how it goes on ---

    private Stage current() {
        return state.stages.get(state.stage);
    }

    private boolean isSteerable() {
        return playbook.isSteerable() && !state.recovering;
    }

    private void enter(int stage) {
        state.stage = stage;
        state.operation = 0;
        state.holdEnding = false;
        state.waitingFor = null;
        current().begin(this);
    }

    private void ask() {
        PlannedOperation awaited = state.awaited;
        if (awaited == null) {
            return;
        }
        RolloutOrder order = state.order;
        String operationId = order.operationId(awaited.key());
        Delivery delivery = commands.send(state.causation, causationId,
                new RequestSwarmOperation(order.clusterId(), order.accountId(), operationId, awaited.operation()));
        if (delivery instanceof Refused refused) {
            settle(operationId);
            // the cluster would refuse an undo as well: the deployment ends here, with the cluster's reason
            takePendingSetback();
            setback(Setback.of(Setback.Kind.REFUSED, refused.refusal().message()));
        }
    }

    /** @return the awaited operation, now answered; null for an outcome the rollout does not wait for */
    private PlannedOperation settle(String operationId) {
        PlannedOperation awaited = state.awaited;
        if (awaited == null || !state.order.operationId(awaited.key()).equals(operationId)) {
            return null;
        }
        state.awaited = null;
        cancel(RolloutTimer.ACT);
        SagaLifecycle.removeAssociationWith(OPERATION_ID, operationId);
        return awaited;
    }

    /** After the awaited operation's outcome: an abort that waited for it, a full promote, or the next step. */
    private void proceed() {
        Setback pending = takePendingSetback();
        if (pending != null) {
            setback(pending);
        } else if (!jumpIfFullyPromoted()) {
            current().operationSucceeded(this);
        }
    }

    private Setback takePendingSetback() {
        Setback pending = state.pendingSetback;
        state.pendingSetback = null;
        return pending;
    }

    private boolean jumpIfFullyPromoted() {
        if (!state.fullPromotePending) {
            return false;
        }
        int point = promotionPointAhead();
        if (point < 0) {
            // a full promote before the plan exists waits for it; after, with no point ahead, it was a plain one
            state.fullPromotePending = state.stages.stream().anyMatch(ObserveTargets.class::isInstance);
            return false;
        }
        state.timers.cancelAll(deadlines, now);
        state.fullPromotePending = false;
        state.promotePending = false;
        enter(point);
        return true;
    }

    private int promotionPointAhead() {
        for (int stage = state.stage + 1; stage < state.stages.size(); stage++) {
            if (state.stages.get(stage) instanceof PromotionPoint) {
                return stage;
            }
        }
        return -1;
    }

    private HttpTally probeHttp(Subject subject, ServiceObservation service, HttpProbe http) {
        if (http == null || subject.httpPort() == null) {
            return null;
        }
        List<URI> targets = RolloutChecks.httpTargets(service, subject.httpPort(), http.path());
        return targets.isEmpty() ? null : HttpTally.of(probe.http(targets, http.requests(), http.timeout()));
    }
}
