package io.powernode.devops.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventActor;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Follows one daemon's event stream (GET /events). When the stream drops or cannot be opened it reconnects
 * with exponential backoff, asking for the events since the last one it saw, so an outage loses nothing;
 * the one event at that exact instant may come twice, and the host aggregate drops such repeats.
 */
public final class DockerEventFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DockerEventFollower.class);

    /** Longer values (e.g. a whole command line) are noise in an event log, so they are left out. */
    static final int MAX_ATTRIBUTE_LENGTH = 512;
    /** Attribute names that may carry a secret (labels are attributes, and people put tokens in labels). */
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(password|passwd|secret|token|credential|private[_.-]?key|api[_.-]?key|auth).*");

    /** What the follower reports besides events. */
    public interface Listener {
        void onEvent(DockerEventRecord event);

        /** A stream was open and has ended: the daemon may have stopped. */
        default void onStreamDropped(String reason) {
        }

        /** A stream is open (again). */
        default void onStreamOpened() {
        }
    }

    private final String endpoint;
    private final DockerClient client;
    private final Listener listener;
    private final Backoff backoff;
    private final ScheduledExecutorService timer;

    private volatile boolean stopped;
    private volatile long lastTimeNano;
    private volatile Closeable currentStream;
    private int failedAttempts;

    /**
     * @param client a streaming client ({@link DockerClientFactory#forStreaming}); the follower owns and closes it
     * @param timer  runs reconnect attempts; shared by all followers
     */
    public DockerEventFollower(String endpoint, DockerClient client, Listener listener, Backoff backoff,
                               ScheduledExecutorService timer) {
        this.endpoint = endpoint;
        this.client = client;
        this.listener = listener;
        this.backoff = backoff;
        this.timer = timer;
    }

    /** Starts following from {@code since}; returns at once, events arrive on docker-java's stream thread. */
    public void start(Instant since) {
        lastTimeNano = since.getEpochSecond() * 1_000_000_000L + since.getNano();
        connect();
    }

    public long lastTimeNano() {
        return lastTimeNano;
    }

    @Override
    public void close() {
        stopped = true;
        closeQuietly(currentStream);
        closeQuietly(client);
    }

    private void connect() {
        if (stopped) {
            return;
        }
        Stream stream = new Stream();
        currentStream = stream;
        try {
            client.eventsCmd().withSince(dockerTimestamp(lastTimeNano)).exec(stream);
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
        Map<String, String> attributes = new TreeMap<>();
        if (actor != null && actor.getAttributes() != null) {
            actor.getAttributes().forEach((name, value) -> {
                if (value != null && value.length() <= MAX_ATTRIBUTE_LENGTH && !SECRET_NAME.matcher(name).matches()) {
                    attributes.put(name, value);
                }
            });
        }
        String type = event.getType() == null ? null : event.getType().getValue();
        long timeNano = event.getTimeNano() != null ? event.getTimeNano()
                : event.getTime() == null ? 0 : event.getTime() * 1_000_000_000L;
        // docker-java does not map the event's scope; swarm events are the ones that name a node
        String scope = event.getNode() == null ? "local" : "swarm";
        return new DockerEventRecord(type, event.getAction() != null ? event.getAction() : event.getStatus(),
                actor == null ? event.getId() : actor.getId(), Map.copyOf(attributes), scope, timeNano);
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException | RuntimeException e) {
            log.debug("closing an event stream failed: {}", e.toString());
        }
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
                closeQuietly(stream);
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
            if (record.timeNano() < lastTimeNano) {
                return;
            }
            lastTimeNano = record.timeNano();
            try {
                listener.onEvent(record);
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
            closeQuietly(response);
        }

        /** docker-java may report both an error and completion for one stream: it ends once. */
        private void end(Throwable error) {
            if (ended.compareAndSet(false, true)) {
                closeQuietly(response);
                streamEnded(open, error);
            }
        }
    }
}
