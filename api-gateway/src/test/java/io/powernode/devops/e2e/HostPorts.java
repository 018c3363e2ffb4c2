package io.powernode.devops.e2e;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Host-mode ports for the services tests publish on the shared swarm: each test takes ports of its own, from a base
 * drawn per run, so that neither two tests nor a test and the leftovers of an aborted run compete for one port on
 * a node.
 */
final class HostPorts {

    private static final AtomicInteger NEXT = new AtomicInteger(20000 + 100 * ThreadLocalRandom.current().nextInt(200));

    private HostPorts() {
    }

    /** A port no other test of this run publishes; the one after it is left free too, e.g. for a preview port. */
    static int next() {
        return NEXT.getAndAdd(2);
    }
}
