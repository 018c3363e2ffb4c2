package io.powernode.devops.sync;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads of the sync: named for thread dumps, and daemons, so a missed shutdown never keeps the JVM up. */
final class SyncThreads {

    private SyncThreads() {
    }

    /** Threads named {@code name-1}, {@code name-2} … */
    static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
