package io.powernode.devops.rollout;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.deadline.DeadlineManager;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deadlines a rollout waits for, kept with the saga. The deadlines themselves persist in the deadline manager;
 * what is kept here decides which of them still count: a deadline that fires with another generation than the one
 * recorded for its timer is stale and ignored, whether it was cancelled too late, left to come because it was due
 * (see {@link #CANCEL_MARGIN}) or scheduled twice by a handling that was repeated after a crash.
 * <p>
 * A user's pause freezes them: each keeps the time it had left and is scheduled again on resume. Timers asked for
 * while paused wait frozen too, so what a rollout decides during a pause happens after it.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class RolloutTimers {

    /**
     * How soon a deadline may be due and still be cancelled. One due sooner may be running already on another of the
     * scheduler's threads, waiting for this saga: db-scheduler refuses to cancel a running deadline, and that
     * refusal, raised as this handling commits, would undo the handling (to be tried again minutes later). Left
     * alone, such a deadline comes once this handling is done and is ignored as stale.
     */
    static final Duration CANCEL_MARGIN = Duration.ofSeconds(1);

    private long generation;
    private Map<RolloutTimer, Scheduled> scheduled = new LinkedHashMap<>();
    /** Time left of each timer while the rollout is paused; null when it runs. */
    private Map<RolloutTimer, Duration> frozen;

    /** @param scheduleId the deadline manager's id, to cancel it by */
    record Scheduled(long generation, Instant dueAt, String scheduleId) {
    }

    /** Replaces any earlier schedule of the same timer. */
    void schedule(DeadlineManager deadlines, RolloutTimer timer, Duration delay, Instant now) {
        cancel(deadlines, timer, now);
        if (frozen != null) {
            frozen.put(timer, delay);
            return;
        }
        long next = ++generation;
        String scheduleId = deadlines.schedule(delay, timer.deadlineName(), new RolloutTick(next));
        scheduled.put(timer, new Scheduled(next, now.plus(delay), scheduleId));
    }

    /** The timer no longer counts; its deadline is cancelled unless it is due by {@link #CANCEL_MARGIN}. */
    void cancel(DeadlineManager deadlines, RolloutTimer timer, Instant now) {
        Scheduled cancelled = scheduled.remove(timer);
        if (cancelled != null && cancelled.dueAt().isAfter(now.plus(CANCEL_MARGIN))) {
            deadlines.cancelSchedule(timer.deadlineName(), cancelled.scheduleId());
        }
        if (frozen != null) {
            frozen.remove(timer);
        }
    }

    void cancelAll(DeadlineManager deadlines, Instant now) {
        for (RolloutTimer timer : RolloutTimer.values()) {
            cancel(deadlines, timer, now);
        }
    }

    /** @return whether the tick is the one its timer waits for; the timer is then done */
    boolean take(RolloutTimer timer, RolloutTick tick) {
        Scheduled current = scheduled.get(timer);
        if (current == null || current.generation() != tick.generation()) {
            return false;
        }
        scheduled.remove(timer);
        return true;
    }

    void freeze(DeadlineManager deadlines, Instant now) {
        if (frozen != null) {
            return;
        }
        Map<RolloutTimer, Duration> left = new LinkedHashMap<>();
        scheduled.forEach((timer, schedule) -> left.put(timer, max(Duration.between(now, schedule.dueAt()))));
        cancelAll(deadlines, now);
        frozen = left;
    }

    void thaw(DeadlineManager deadlines, Instant now) {
        if (frozen == null) {
            return;
        }
        Map<RolloutTimer, Duration> left = frozen;
        frozen = null;
        left.forEach((timer, delay) -> schedule(deadlines, timer, delay, now));
    }

    private static Duration max(Duration left) {
        return left.isNegative() ? Duration.ZERO : left;
    }
}
