package io.powernode.devops.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A real multi-node Docker Swarm for integration tests: each node a {@link SwarmNode}, a dockerd in a named
 * network namespace on a private subnet of its own ({@link SwarmNetwork}), all holding the test images ({@link TestDockerEngine#IMAGES}).
 * {@link #shared()} is one 3-manager + 1-worker swarm per JVM; {@link #startNew} builds one a test may break.
 * {@link #close()}, or a JVM shutdown hook, removes everything: daemons, mounts, namespaces, veths, folders.
 * <p>
 * What a swarm of such nodes can do on this machine's kernel (no IPVS, VXLAN available), as tried out:
 * <ul>
 *   <li>Overlay networks work across nodes (VXLAN between the namespaces): a task reaches a task on another
 *       node by address and, with {@code --endpoint-mode dnsrr}, by service name ({@code tasks.<name>} too).
 *       The default virtual-IP endpoint mode does not: the name resolves to the VIP, which answers
 *       "No route to host", because VIP load balancing is IPVS. Give services {@code dnsrr}.</li>
 *   <li>Ports published in host mode answer at {@code <node address>:<published>} from the host's namespace,
 *       on every node running a task (through the node's userland proxy). The ingress routing mesh does not.</li>
 *   <li>Global services, rolling updates with {@code --update-failure-action rollback} (a failing update is
 *       rolled back to the previous spec), secrets under {@code /run/secrets/<name>} and configs at their
 *       target path all work.</li>
 *   <li>The test image's busybox {@code wget} crashes when given {@code -T} (timeout); use it without.</li>
 * </ul>
 */
public final class TestSwarm implements AutoCloseable {

    private static final Duration HEALTHY_TIMEOUT = Duration.ofSeconds(90);
    private static final Set<TestSwarm> OPEN = ConcurrentHashMap.newKeySet();
    private static TestSwarm shared;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(OPEN).forEach(TestSwarm::close),
                "test-swarm-cleanup"));
    }

    private final SwarmNetwork network;
    private final List<SwarmNode> nodes;
    private volatile boolean closed;

    private TestSwarm(SwarmNetwork network, List<SwarmNode> nodes) {
        this.network = network;
        this.nodes = List.copyOf(nodes);
    }

    /**
     * The JVM's shared swarm of 3 managers and 1 worker, built on first use. Tests restore what they break;
     * the swarm is handed out only once healthy again, as a leader change leaves other nodes' states
     * "Unknown" for a moment.
     */
    public static synchronized TestSwarm shared() {
        if (shared == null || shared.closed) {
            shared = startNew(3, 1);
        } else {
            shared.awaitHealthy();
        }
        return shared;
    }

    /** A swarm of its own for one test; the caller closes it. */
    public static TestSwarm startNew(int managers, int workers) {
        if (managers < 1 || workers < 0) {
            throw new IllegalArgumentException("a swarm needs a manager: " + managers + " managers, " + workers + " workers");
        }
        TestDockerEngine.ensureReady();
        Stopwatch clock = new Stopwatch();
        SwarmNetwork network = SwarmNetwork.create(managers + workers);
        List<SwarmNode> nodes = new ArrayList<>();
        for (int n = 1; n <= managers + workers; n++) {
            nodes.add(new SwarmNode(network, n, n <= managers));
        }
        TestSwarm swarm = new TestSwarm(network, nodes);
        OPEN.add(swarm);
        try {
            clock.lap("network");
            swarm.form(clock);
            System.out.printf("TestSwarm %s: %d managers + %d workers ready in %s%n",
                    network.prefix(), managers, workers, clock);
            return swarm;
        } catch (RuntimeException e) {
            swarm.close();
            throw e;
        }
    }

    private void form(Stopwatch clock) {
        inParallel(nodes, SwarmNode::start);
        clock.lap("daemons");
        String image = network.stateDir().resolve("test-image.tar").toString();
        List<String> save = new ArrayList<>(List.of("save", "-o", image));
        save.addAll(TestDockerEngine.IMAGES);
        TestDockerEngine.docker(save.toArray(String[]::new));
        inParallel(nodes, node -> node.docker("load", "-q", "-i", image));
        clock.lap("image");
        SwarmNode first = nodes.get(0);
        first.docker("swarm", "init", "--advertise-addr", first.address(), "--listen-addr", first.address());
        String managerToken = first.docker("swarm", "join-token", "-q", "manager").trim();
        String workerToken = first.docker("swarm", "join-token", "-q", "worker").trim();
        // managers one after the other: each join is a raft membership change, and swarmkit makes one at a time
        managers().stream().skip(1).forEach(node -> join(node, managerToken));
        inParallel(workers(), node -> join(node, workerToken));
        awaitHealthy();
        clock.lap("swarm");
    }

    private void join(SwarmNode node, String token) {
        node.docker("swarm", "join", "--token", token, "--advertise-addr", node.address(),
                "--listen-addr", node.address(), nodes.get(0).address() + ":2377");
    }

    public List<SwarmNode> nodes() {
        return nodes;
    }

    public List<SwarmNode> managers() {
        return nodes.stream().filter(SwarmNode::isManager).toList();
    }

    public List<SwarmNode> workers() {
        return nodes.stream().filter(node -> !node.isManager()).toList();
    }

    /** The manager that currently leads, as a running manager sees it. */
    public SwarmNode leader() {
        Map<String, NodeState> states = nodeStates();
        return managers().stream()
                .filter(node -> states.containsKey(node.name()) && states.get(node.name()).isLeader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no leader in " + states.values()));
    }

    /** The leader's {@code tcp://<address>:2375}: where a platform would send swarm-level requests. */
    public String managerEndpoint() {
        return leader().tcpEndpoint();
    }

    /** Waits until {@code docker node ls} shows every node Ready and every manager Leader or Reachable. */
    public void awaitHealthy() {
        awaitUntil("all of " + nodes + " healthy", () -> nodes.stream().allMatch(this::isHealthy));
    }

    /** Waits until the node is Ready (and, a manager, Leader or Reachable) again, e.g. after its restart. */
    public void awaitNodeReady(SwarmNode node) {
        awaitUntil(node + " ready", () -> isHealthy(node));
    }

    private boolean isHealthy(SwarmNode node) {
        NodeState state = nodeStates().get(node.name());
        return state != null && state.isReady() && (!node.isManager() || state.isReachableManager());
    }

    /**
     * The swarm's node list as the first running manager that answers reports it, by host name; empty when
     * none answers (no quorum, or none running).
     */
    private Map<String, NodeState> nodeStates() {
        for (SwarmNode manager : managers()) {
            if (!manager.isRunning()) {
                continue;
            }
            try {
                return manager.docker("node", "ls", "--format", "{{.Hostname}}\t{{.Status}}\t{{.ManagerStatus}}")
                        .lines()
                        .map(NodeState::parse)
                        .collect(Collectors.toMap(NodeState::hostname, Function.identity(), (a, b) -> b));
            } catch (IllegalStateException e) {
                // this manager cannot answer now: ask the next one
            }
        }
        return Map.of();
    }

    private static void awaitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + HEALTHY_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + HEALTHY_TIMEOUT.toSeconds() + " s waiting for " + what);
            }
            Dockerd.pause(250);
        }
    }

    /** Stops every daemon and removes the swarm's network, mounts and folders; safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // no "swarm leave": the swarm lives only in the nodes' data roots, which go away with the state folder
        try {
            inParallel(nodes, SwarmNode::stop);
        } finally {
            network.close();
            OPEN.remove(this);
        }
    }

    /** Runs the action on every node at once; rethrows the first failure after all have finished. */
    private static void inParallel(List<SwarmNode> targets, Consumer<SwarmNode> action) {
        if (targets.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(targets.size());
        try {
            List<Future<?>> runs = targets.stream().map(node -> pool.submit(() -> action.accept(node)))
                    .collect(Collectors.toList());
            RuntimeException failure = null;
            for (Future<?> run : runs) {
                try {
                    run.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One line of {@code docker node ls}. */
    private record NodeState(String hostname, String status, String managerStatus) {

        static NodeState parse(String line) {
            String[] fields = line.split("\t", -1);
            return new NodeState(fields[0], fields[1], fields.length > 2 ? fields[2] : "");
        }

        boolean isReady() {
            return "Ready".equals(status);
        }

        boolean isLeader() {
            return "Leader".equals(managerStatus);
        }

        boolean isReachableManager() {
            return isLeader() || "Reachable".equals(managerStatus);
        }
    }

    /** Elapsed time per phase of building a swarm, for the test output. */
    private static final class Stopwatch {

        private final long start = System.nanoTime();
        private long lapStart = start;
        private final StringBuilder laps = new StringBuilder();

        void lap(String phase) {
            long now = System.nanoTime();
            laps.append(phase).append(' ').append(seconds(now - lapStart)).append(", ");
            lapStart = now;
        }

        @Override
        public String toString() {
            return seconds(System.nanoTime() - start) + " (" + laps.substring(0, Math.max(0, laps.length() - 2)) + ")";
        }

        private static String seconds(long nanos) {
            return String.format("%.1f s", nanos / 1e9);
        }
    }
}
