package io.powernode.devops.query.host;

import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.host.HostEvents.HostRegistered;
import io.powernode.devops.kernel.host.SealedCredentials;

import java.time.Instant;

/** Host events as the DockerHost aggregate would record them. */
final class HostEventsFixture {
    static final String ACCOUNT = "acct-1";
    static final String OTHER_ACCOUNT = "acct-2";
    /** A recognisable sealed value: it must never reach a read model. */
    static final String CIPHERTEXT = "bm9uY2UtYW5kLWNpcGhlcnRleHQtd2l0aC10YWc=";
    static final SealedCredentials CREDENTIALS = new SealedCredentials("master-2026", CIPHERTEXT);
    static final Instant OBSERVED = Instant.parse("2026-03-01T11:00:00Z");

    private HostEventsFixture() {
    }

    static HostRegistered registered(String hostId, String accountId, String name, DeploymentEnvironment environment) {
        return new HostRegistered(hostId, accountId, name, "tcp://" + name + ":2376", environment, true, CREDENTIALS,
                60, OBSERVED);
    }
}
