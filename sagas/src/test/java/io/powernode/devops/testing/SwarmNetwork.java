package io.powernode.devops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The private network of one test swarm, laid out by {@code scripts/test-swarm-net.sh}: slot {@code k} owns
 * the names {@code pnsw<k>…} (node namespaces {@code pnsw<k>-1}, {@code pnsw<k>-2} …), the subnet
 * {@code 10.213.(77+k).0/24} (host .1, nodes .11, .12 …) and the state folder {@code /tmp/pnsw<k>}.
 * <p>
 * Names are fixed so that what an aborted run left behind is found and removed before a slot is used again.
 * A slot is held with a file lock for as long as its swarm lives: the lock dies with its JVM, so a locked slot
 * belongs to a live swarm (another test JVM may run at the same time) and is skipped, never cleaned. Within one
 * JVM, slots in use are known without touching their lock files (see {@link #HELD}).
 */
final class SwarmNetwork implements AutoCloseable {

    private static final int SLOTS = 10;
    /**
     * Slots this JVM holds. Their lock files must not be opened a second time: closing any channel on a file
     * drops every lock the process holds on it (POSIX record locks), which would hand a live swarm's slot to
     * another JVM, whose clean-up would then tear that swarm down.
     */
    private static final Set<Integer> HELD = ConcurrentHashMap.newKeySet();
    private static final int FIRST_THIRD_OCTET = 77;
    private static final int FIRST_NODE_HOST = 11;

    private final int slot;
    /** Holds the slot's lock; closing it releases the lock. */
    private final FileChannel lockFile;

    private SwarmNetwork(int slot, FileChannel lockFile) {
        this.slot = slot;
        this.lockFile = lockFile;
    }

    /** Takes the first free slot, removes what a crashed run left under its names, and plugs in the nodes. */
    static SwarmNetwork create(int nodes) {
        SwarmNetwork network = claimFreeSlot();
        try {
            network.down();
            List<String> arguments = new ArrayList<>(List.of("up", network.prefix(), network.hostAddress() + "/24"));
            for (int n = 1; n <= nodes; n++) {
                arguments.add(network.nodeAddress(n) + "/24");
            }
            network.script(arguments);
            return network;
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    private static synchronized SwarmNetwork claimFreeSlot() {
        for (int slot = 0; slot < SLOTS; slot++) {
            if (HELD.contains(slot)) {
                continue;
            }
            FileChannel channel = null;
            try {
                channel = FileChannel.open(Path.of("/tmp/pnsw" + slot + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                if (channel.tryLock() != null) {
                    HELD.add(slot);
                    return new SwarmNetwork(slot, channel);
                }
                channel.close();
            } catch (IOException e) {
                closeQuietly(channel);
                throw new UncheckedIOException("cannot lock a test swarm slot", e);
            }
        }
        throw new IllegalStateException("all " + SLOTS + " test swarm slots are in use");
    }

    /** {@code pnsw<k>}: the switch namespace and the host's veth; node namespaces add {@code -<n>}. */
    String prefix() {
        return "pnsw" + slot;
    }

    String hostAddress() {
        return subnet() + ".1";
    }

    /** The address of node {@code n}, counted from 1. */
    String nodeAddress(int n) {
        return subnet() + "." + (FIRST_NODE_HOST + n - 1);
    }

    /** The named network namespace of node {@code n}; also the node's host name. */
    String nodeNamespace(int n) {
        return prefix() + "-" + n;
    }

    /** Where the nodes keep their daemons' data; removed by {@link #close()}. */
    Path stateDir() {
        return Path.of("/tmp", prefix());
    }

    private String subnet() {
        return "10.213." + (FIRST_THIRD_OCTET + slot);
    }

    /** Ends every daemon and process of this swarm, unmounts, removes namespaces, veths and the state folder. */
    void down() {
        script(List.of("down", prefix(), stateDir().toString()));
    }

    private void script(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("bash",
                TestDockerEngine.projectRoot().resolve("scripts/test-swarm-net.sh").toString()));
        command.addAll(arguments);
        Commands.run(null, 120, command.toArray(String[]::new));
    }

    @Override
    public void close() {
        try {
            down();
        } finally {
            closeQuietly(lockFile);
            HELD.remove(slot);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing held that the JVM would not free
            }
        }
    }
}
