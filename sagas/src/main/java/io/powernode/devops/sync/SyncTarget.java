package io.powernode.devops.sync;

import io.powernode.devops.docker.HostConnection;
import io.powernode.devops.kernel.host.SealedCredentials;
import io.powernode.devops.secrets.CredentialSealer;

import java.time.Duration;
import java.util.Objects;

/** One host or cluster as the sync scheduler sees it. Credentials stay sealed until a connection is made. */
public record SyncTarget(String endpointId, EndpointKind kind, String accountId, String apiEndpoint, boolean tlsVerify,
                         SealedCredentials credentials, int syncIntervalSeconds, boolean inMaintenance) {

    public Duration interval() {
        return Duration.ofSeconds(Math.max(1, syncIntervalSeconds));
    }

    /** Whether a client or event stream built for {@code other} still fits this target. */
    public boolean sameConnectionAs(SyncTarget other) {
        return other != null && apiEndpoint.equals(other.apiEndpoint) && tlsVerify == other.tlsVerify
                && Objects.equals(credentials, other.credentials);
    }

    /** Opens the credentials: only call this right before connecting. */
    public HostConnection connection(CredentialSealer sealer) {
        return new HostConnection(apiEndpoint, tlsVerify, credentials == null ? null : sealer.open(credentials));
    }

    SyncTarget withDetails(String newEndpoint, boolean newTlsVerify, int newIntervalSeconds) {
        return new SyncTarget(endpointId, kind, accountId, newEndpoint, newTlsVerify, credentials, newIntervalSeconds, inMaintenance);
    }

    SyncTarget withCredentials(SealedCredentials newCredentials) {
        return new SyncTarget(endpointId, kind, accountId, apiEndpoint, tlsVerify, newCredentials, syncIntervalSeconds, inMaintenance);
    }

    SyncTarget withMaintenance(boolean maintenance) {
        return new SyncTarget(endpointId, kind, accountId, apiEndpoint, tlsVerify, credentials, syncIntervalSeconds, maintenance);
    }
}
