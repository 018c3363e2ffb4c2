package io.powernode.devops.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.EventsCmd;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventActor;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Follows one daemon's event stream (GET /events). When the stream drops or cannot be opened it reconnects
 * with exponential backoff, asking for the events since the newest one the listener recorded. That time is
 * the daemon's own, so no clock has to agree with the platform's; the one event at that exact instant comes
 * again, and the host aggregate drops such repeats.
 * <p>
 * What a resume cannot bring back: the daemon replays only the events it still holds (its last 256, none from
 * before its own restart), and until the first event is recorded a stream starts at the daemon's now. The sync
 * that a dropped and a re-opened stream ask for still brings the inventory up to date.
 */
public final class DockerEventFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DockerEventFollower.class);

    /** Longer values (e.g. a whole command line) are noise in an event log, so they are left out. */
    static final int MAX_ATTRIBUTE_LENGTH = 512;

    /** What the follower reports besides events. */
    public interface Listener {
        /** @return whether the event was recorded: a re-opened stream resumes after the newest recorded one */
        boolean onEvent(DockerEventRecord event);

        /** A stream was open and has ended: the daemon may have stopped. */
        default void onStreamDropped(String reason) {
        }

        /** A stream is open (again). */
        default void onStreamOpened() {
        }
    }

    private final String endpoint;
    private final DockerClient client;
    private final Map<String, List<String>> filters;
    private final Listener listener;
    private final Backoff backoff;
    private final ScheduledExecutorService timer;

    private volatile boolean stopped;
    private volatile OptionalLong since = OptionalLong.empty();
    private volatile Closeable currentStream;
    private int failedAttempts;

    /**
     * @param client a streaming client ({@link DockerClientFactory#forStreaming}); the follower owns and closes it
     * @param timer  runs reconnect attempts; shared by all followers
     */
    public DockerEventFollower(String endpoint, DockerClient client, Listener listener, Backoff backoff,
                               ScheduledExecutorService timer) {
        this(endpoint, client, Map.of(), listener, backoff, timer);
    }

    /**
     * @param filters the Engine API's event filters ({@code type}, {@code scope} …), each with the values any
     *                of which an event must match; empty for every event
     */
    public DockerEventFollower(String endpoint, DockerClient client, Map<String, List<String>> filters,
                               Listener listener, Backoff backoff, ScheduledExecutorService timer) {
        this.endpoint = endpoint;
        this.client = client;
        this.filters = Map.copyOf(filters);
        this.listener = listener;
        this.backoff = backoff;
        this.timer = timer;
    }

    /**
     * Starts following; returns at once, events arrive on docker-java's stream thread.
     *
     * @param recordedUpTo the daemon's time (timeNano) of the newest event recorded earlier, to resume after;
     *                     empty to start at the daemon's now
     */
    public void start(OptionalLong recordedUpTo) {
        since = recordedUpTo;
        connect();
    }

    @Override
    public void close() {
        stopped = true;
        Closeables.closeQuietly(currentStream, "an event stream of " + endpoint);
        Closeables.closeQuietly(client, "the event client of " + endpoint);
    }

    private void connect() {
        if (stopped) {
            return;
        }
        Stream stream = new Stream();
        currentStream = stream;
        try {
            EventsCmd events = client.eventsCmd();
            // docker-java has setters for a few filter keys only (no scope); its getFilters() is the map the
            // request's filters are encoded from
            events.getFilters().putAll(filters);
            since.ifPresent(timeNano -> events.withSince(dockerTimestamp(timeNano)));
            events.exec(stream);
        } catch (RuntimeException e) {
            streamEnded(false, e);
        }
    }

    private synchronized void streamEnded(boolean wasOpen, Throwable error) {
        if (stopped) {
            return;
        }
        if (wasOpen) {
            failedAttempts = 0;
            String reason = error == null ? "the daemon ended the event stream" : DockerFailures.reason(error);
            log.info("event stream of {} dropped: {}", endpoint, reason);
            listener.onStreamDropped(reason);
        }
        failedAttempts++;
        long delay = backoff.after(failedAttempts).toMillis();
        timer.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** Docker's {@code since} takes seconds with an optional fraction of nanoseconds. */
    static String dockerTimestamp(long timeNano) {
        return String.format("%d.%09d", timeNano / 1_000_000_000L, timeNano % 1_000_000_000L);
    }

    static DockerEventRecord record(Event event) {
        EventActor actor = event.getActor();
        Map<String, String> attributes = SecretNames.withoutSecrets(actor == null ? null : actor.getAttributes());
        attributes.values().removeIf(value -> value == null || value.length() > MAX_ATTRIBUTE_LENGTH);
        String type = event.getType() == null ? null : event.getType().getValue();
        long timeNano = event.getTimeNano() != null ? event.getTimeNano()
                : event.getTime() == null ? 0 : event.getTime() * 1_000_000_000L;
        // docker-java does not map the event's scope (local or swarm), but keeps it among the raw values
        String scope = event.getRawValues().get("scope") instanceof String value ? value : "local";
        return new DockerEventRecord(type, action(event), actor == null ? event.getId() : actor.getId(),
                Map.copyOf(attributes), scope, timeNano);
    }

    /** Exec actions carry the whole command line ({@code exec_start: sh -c "export TOKEN=…"}): only the verb stays. */
    private static String action(Event event) {
        String action = event.getAction() != null ? event.getAction() : event.getStatus();
        int colon = action == null ? -1 : action.indexOf(':');
        return action != null && action.startsWith("exec_") && colon >= 0 ? action.substring(0, colon) : action;
    }

    /**
     * One attempt at the stream. Implemented directly rather than on docker-java's adapter, which logs every
     * failed attempt as an error with a stack trace; an outage is expected here and reported once.
     */
    private final class Stream implements ResultCallback<Event> {
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile Closeable response;
        private volatile boolean open;

        @Override
        public void onStart(Closeable stream) {
            response = stream;
            if (stopped) {
                close();
                return;
            }
            open = true;
            listener.onStreamOpened();
        }

        @Override
        public void onNext(Event event) {
            if (stopped) {
                return;
            }
            DockerEventRecord record = record(event);
            try {
                if (listener.onEvent(record)) {
                    since = OptionalLong.of(record.timeNano());
                }
            } catch (RuntimeException e) {
                log.warn("handling a Docker event of {} failed: {}", endpoint, e.toString());
            }
        }

        @Override
        public void onError(Throwable error) {
            end(error);
        }

        @Override
        public void onComplete() {
            end(null);
        }

        @Override
        public void close() {
            Closeables.closeQuietly(response, "an event stream of " + endpoint);
        }

        /** docker-java may report both an error and completion for one stream: it ends once. */
        private void end(Throwable error) {
            if (ended.compareAndSet(false, true)) {
                close();
                streamEnded(open, error);
            }
        }
    }
}
