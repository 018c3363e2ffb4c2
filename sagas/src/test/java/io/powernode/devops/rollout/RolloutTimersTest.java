package io.powernode.devops.rollout;

import org.axonframework.common.Registration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ScopeDescriptor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Which of a rollout's deadlines still count, whatever the deadline manager delivers. */
class RolloutTimersTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private final Deadlines deadlines = new Deadlines();
    private final RolloutTimers timers = new RolloutTimers();

    @Test
    void theDeadlineATimerWaitsForCountsOnce() {
        RolloutTick tick = deadlines.tickOf(schedule(RolloutTimer.CHECK, Duration.ofSeconds(2)));

        assertThat(timers.take(RolloutTimer.CHECK, tick)).isTrue();
        // delivered again, as db-scheduler does with a task whose completion a crash lost
        assertThat(timers.take(RolloutTimer.CHECK, tick)).isFalse();
    }

    @Test
    void aCancelledDeadlineThatFiresAnywayIsStale() {
        String scheduled = schedule(RolloutTimer.HOLD_END, Duration.ofSeconds(20));

        timers.cancel(deadlines, RolloutTimer.HOLD_END, NOW);

        assertThat(deadlines.pending).doesNotContainKey(scheduled);
        assertThat(timers.take(RolloutTimer.HOLD_END, deadlines.tickOf(scheduled))).isFalse();
    }

    /** It may be running already, waiting for the saga: the scheduler would refuse to cancel it. */
    @Test
    void aDeadlineDueAlreadyIsLeftToComeAndIgnored() {
        String due = schedule(RolloutTimer.CHECK, Duration.ofSeconds(2));
        String later = schedule(RolloutTimer.HOLD_END, Duration.ofSeconds(20));

        timers.cancelAll(deadlines, NOW.plusSeconds(2));

        assertThat(deadlines.pending).containsOnlyKeys(due);
        assertThat(timers.take(RolloutTimer.CHECK, deadlines.tickOf(due))).isFalse();
        assertThat(timers.take(RolloutTimer.HOLD_END, deadlines.tickOf(later))).isFalse();
    }

    @Test
    void aTimerScheduledAgainLeavesTheEarlierDeadlineStale() {
        String first = schedule(RolloutTimer.CHECK, Duration.ofSeconds(2));
        String second = schedule(RolloutTimer.CHECK, Duration.ofSeconds(2));

        assertThat(timers.take(RolloutTimer.CHECK, deadlines.tickOf(first))).isFalse();
        assertThat(timers.take(RolloutTimer.CHECK, deadlines.tickOf(second))).isTrue();
    }

    @Test
    void aDeadlineOfAnotherTimerDoesNotPassForThisOne() {
        RolloutTick check = deadlines.tickOf(schedule(RolloutTimer.CHECK, Duration.ofSeconds(2)));
        schedule(RolloutTimer.ANALYSIS, Duration.ofSeconds(10));

        assertThat(timers.take(RolloutTimer.ANALYSIS, check)).isFalse();
    }

    @Test
    void aPauseKeepsEachTimersTimeLeftAndTheResumeSchedulesIt() {
        schedule(RolloutTimer.HOLD_END, Duration.ofSeconds(20));
        schedule(RolloutTimer.ANALYSIS, Duration.ofSeconds(10));

        timers.freeze(deadlines, NOW.plusSeconds(4));
        assertThat(deadlines.pending).isEmpty();
        timers.thaw(deadlines, NOW.plusSeconds(600));

        assertThat(deadlines.pending.values()).extracting(Scheduled::name, Scheduled::delay).containsExactly(
                tuple("rollout-hold-end", Duration.ofSeconds(16)),
                tuple("rollout-analysis", Duration.ofSeconds(6)));
    }

    @Test
    void aTimerAskedForWhilePausedWaitsForTheResume() {
        timers.freeze(deadlines, NOW);

        timers.schedule(deadlines, RolloutTimer.ACT, Duration.ZERO, NOW);
        assertThat(deadlines.pending).isEmpty();

        timers.thaw(deadlines, NOW.plusSeconds(60));
        assertThat(deadlines.pending.values()).extracting(Scheduled::name).containsExactly("rollout-act");
    }

    @Test
    void aTimerPastDueWhenPausedIsDueAtTheResume() {
        schedule(RolloutTimer.CHECK, Duration.ofSeconds(2));

        timers.freeze(deadlines, NOW.plusSeconds(5));
        timers.thaw(deadlines, NOW.plusSeconds(60));

        assertThat(deadlines.pending.get(deadlines.lastId).delay()).isZero();
    }

    private String schedule(RolloutTimer timer, Duration delay) {
        timers.schedule(deadlines, timer, delay, NOW);
        return deadlines.lastId;
    }

    record Scheduled(String name, Duration delay, RolloutTick tick) {
    }

    /** Remembers what was scheduled and not cancelled; fires nothing itself. */
    private static final class Deadlines implements DeadlineManager {
        private final Map<String, Scheduled> pending = new LinkedHashMap<>();
        private final Map<String, RolloutTick> ticks = new LinkedHashMap<>();
        private String lastId;
        private int ids;

        RolloutTick tickOf(String id) {
            return ticks.get(id);
        }

        @Override
        public String schedule(Duration delay, String name, Object payload) {
            lastId = "deadline-" + ++ids;
            pending.put(lastId, new Scheduled(name, delay, (RolloutTick) payload));
            ticks.put(lastId, (RolloutTick) payload);
            return lastId;
        }

        @Override
        public String schedule(Instant at, String name, Object payload, ScopeDescriptor scope) {
            throw new UnsupportedOperationException("rollouts schedule by duration");
        }

        @Override
        public void cancelSchedule(String name, String id) {
            pending.remove(id);
        }

        @Override
        public void cancelAll(String name) {
            pending.values().removeIf(scheduled -> scheduled.name().equals(name));
        }

        @Override
        public void cancelAllWithinScope(String name, ScopeDescriptor scope) {
            cancelAll(name);
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super DeadlineMessage<?>> interceptor) {
            return () -> true;
        }

        @Override
        public Registration registerHandlerInterceptor(
                MessageHandlerInterceptor<? super DeadlineMessage<?>> interceptor) {
            return () -> true;
        }
    }
}
