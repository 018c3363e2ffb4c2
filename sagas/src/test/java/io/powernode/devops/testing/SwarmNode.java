package io.powernode.devops.testing;

import java.util.List;

/**
 * One node of a {@link TestSwarm}: a dockerd in the named network namespace {@link #name()}, reached from the
 * host at {@code tcp://<address>:2375} (plain, as a platform would reach an inner-network host) and on a unix
 * socket. Its host name is its name too (it runs in a UTS namespace of its own), so {@code docker node ls}
 * tells the nodes apart. {@link #stop()} is node loss; after {@link #start()} the daemon rejoins its swarm by
 * itself, from the swarm state in its data root.
 * <p>
 * Unlike an {@link ExtraDockerDaemon} it keeps the default {@code docker0} bridge, inside its own namespace:
 * a task with no network of its own is attached to that bridge, and without it a port the task publishes in
 * host mode is silently not bound.
 */
public final class SwarmNode {

    static final int API_PORT = 2375;

    private final String name;
    private final String address;
    private final boolean manager;
    private final Dockerd dockerd;

    SwarmNode(SwarmNetwork network, int index, boolean manager) {
        this.name = network.nodeNamespace(index);
        this.address = network.nodeAddress(index);
        this.manager = manager;
        this.dockerd = new Dockerd(network.stateDir().resolve(String.valueOf(index)),
                // nsenter, not "ip netns exec", which remounts /sys and leaves dockerd without its cgroups;
                // each step execs, so the process the harness holds is dockerd itself
                List.of("nsenter", "--net=/var/run/netns/" + name, "--", "unshare", "--uts", "--",
                        "sh", "-c", "hostname " + name + " && exec \"$0\" \"$@\""),
                List.of("-H", tcpEndpoint(),
                        // an unencrypted TCP listener otherwise delays every start by 15 s on purpose
                        "--tls=false"));
    }

    /** The node's namespace and host name, e.g. {@code pnsw0-1}. */
    public String name() {
        return name;
    }

    /** Its address on the swarm's private subnet, e.g. {@code 10.213.77.11}. */
    public String address() {
        return address;
    }

    /** {@code tcp://10.213.77.11:2375}, reachable from the host's network namespace. */
    public String tcpEndpoint() {
        return "tcp://" + address + ":" + API_PORT;
    }

    public String unixEndpoint() {
        return dockerd.unixEndpoint();
    }

    public boolean isManager() {
        return manager;
    }

    public boolean isRunning() {
        return dockerd.isRunning();
    }

    /** Stops the daemon as a node outage would; its swarm state stays. */
    public void stop() {
        dockerd.stop();
    }

    /** Starts the daemon again; it rejoins its swarm by itself (wait with {@link TestSwarm#awaitNodeReady}). */
    public void start() {
        dockerd.start();
    }

    /** Runs the docker CLI against this node and returns its output. */
    public String docker(String... args) {
        return dockerd.docker(args);
    }

    @Override
    public String toString() {
        return name + (manager ? " (manager)" : " (worker)");
    }
}
