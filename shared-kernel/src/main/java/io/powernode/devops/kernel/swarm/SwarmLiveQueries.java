package io.powernode.devops.kernel.swarm;

import io.powernode.devops.kernel.host.SealedCredentials;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Queries the Docker gateway answers by asking the swarm at once, for what no read model holds: secret
 * material users may read but the platform never records (join tokens, the unlock key), full inspections and
 * logs. Each is scoped to one account; a cluster of another account is answered as missing (null).
 */
public final class SwarmLiveQueries {
    private SwarmLiveQueries() {
    }

    /** Answers {@link JoinTokens}. */
    public record FindJoinTokens(String accountId, String clusterId) {
    }

    /** @param managerAddresses where nodes join ({@code host:2377}) */
    public record JoinTokens(String worker, String manager, List<String> managerAddresses) {
        @Override
        public String toString() {
            return "JoinTokens[<redacted>, managers=" + managerAddresses + "]";
        }
    }

    /** Answers {@link UnlockKey}. */
    public record FindUnlockKey(String accountId, String clusterId) {
    }

    /** @param key null when autolock is off */
    public record UnlockKey(String key) {
        @Override
        public String toString() {
            return "UnlockKey[<redacted>]";
        }
    }

    public enum ObjectKind { node, service, task, network, volume, secret, config, swarm }

    /** Answers {@link Inspection}: Docker's inspect answer, with secret data and join tokens taken out. */
    public record InspectSwarmObject(String accountId, String clusterId, ObjectKind kind, String id) {
    }

    public record Inspection(Map<String, Object> body) {
    }

    /** Answers {@link ServiceLogs}: the last {@code tail} lines (all when null) since {@code since} (or all). */
    public record ReadServiceLogs(String accountId, String clusterId, String serviceId, Integer tail,
                                  Instant since) {
    }

    /** @param stream stdout or stderr */
    public record LogLine(Instant time, String stream, String taskId, String nodeId, String text) {
    }

    public record ServiceLogs(String serviceId, List<LogLine> lines) {
    }

    /**
     * How the platform reaches a registered host or cluster: answers {@link EndpointConnection}, used to
     * register a cluster on a host's endpoint without the user uploading its credentials again.
     */
    public record FindEndpointConnection(String accountId, String endpointId) {
    }

    /** The credentials stay sealed. */
    public record EndpointConnection(String endpointId, String apiEndpoint, boolean tlsVerify,
                                     SealedCredentials credentials) {
    }
}
