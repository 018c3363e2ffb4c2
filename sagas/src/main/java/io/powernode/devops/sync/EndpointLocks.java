package io.powernode.devops.sync;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per endpoint (host or cluster), held while an observation of it is made and reported. A sync still
 * running from before a pause and one started after it then never overlap, and the host or cluster gets its
 * reports (syncs, failures, live events) in the order they were observed: it drops an observation older than
 * one it already has. A lock exists only while it is held or awaited, so a removed endpoint leaves nothing
 * behind.
 */
@Component
public class EndpointLocks {

    private static final class Entry {
        private final ReentrantLock lock = new ReentrantLock();
        /** Holders and waiters; only changed inside the map's atomic compute of this endpoint's entry. */
        private int users;
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public <T> T call(String endpointId, Supplier<T> work) {
        Entry entry = entries.compute(endpointId, (id, current) -> {
            Entry used = current == null ? new Entry() : current;
            used.users++;
            return used;
        });
        entry.lock.lock();
        try {
            return work.get();
        } finally {
            entry.lock.unlock();
            entries.computeIfPresent(endpointId, (id, used) -> --used.users == 0 ? null : used);
        }
    }

    public void run(String endpointId, Runnable work) {
        call(endpointId, () -> {
            work.run();
            return null;
        });
    }
}
