package io.powernode.devops.command.host;

import io.powernode.devops.command.endpoint.NameRegistry;
import io.powernode.devops.kernel.host.HostCommands.RecordHostSync;
import io.powernode.devops.kernel.host.HostCommands.RecordHostSyncFailure;
import io.powernode.devops.kernel.host.HostCommands.RegisterHost;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.host.HostEvents.HostConnected;
import io.powernode.devops.kernel.host.HostEvents.HostContainersChanged;
import io.powernode.devops.kernel.host.HostEvents.HostDisconnected;
import io.powernode.devops.kernel.host.HostEvents.HostImagesChanged;
import io.powernode.devops.kernel.host.HostEvents.HostMarkedError;
import io.powernode.devops.kernel.host.HostEvents.HostNetworksChanged;
import io.powernode.devops.kernel.host.HostEvents.HostRegistered;
import io.powernode.devops.kernel.host.HostEvents.HostSyncFailed;
import io.powernode.devops.kernel.host.HostEvents.HostSystemInfoChanged;
import io.powernode.devops.kernel.host.HostEvents.HostVolumesChanged;
import io.powernode.devops.kernel.host.HostInventory.ContainerSummary;
import io.powernode.devops.kernel.host.HostInventory.HostSnapshot;
import io.powernode.devops.kernel.host.HostInventory.HostSystemInfo;
import io.powernode.devops.kernel.host.HostInventory.ImageSummary;
import io.powernode.devops.kernel.host.HostInventory.NetworkSummary;
import io.powernode.devops.kernel.host.HostInventory.VolumeSummary;
import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.host.SealedCredentials;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One host's story, told with the same values in every test: who owns it, what it runs, when things happen. */
final class HostTestData {

    static final String HOST_ID = "host-1";
    static final String OTHER_HOST_ID = "host-2";
    static final String ACCOUNT = "account-a";
    static final String OTHER_ACCOUNT = "account-b";
    static final String NAME = "web-1";
    static final String ENDPOINT = "https://docker.example.com:2376";
    static final SealedCredentials CREDENTIALS = new SealedCredentials("master-1", "c2VhbGVkLWJ5LXRlc3Q=");
    static final int INTERVAL = 60;

    static final Instant REGISTERED_AT = Instant.parse("2026-05-20T09:00:00Z");
    /** When the sync process observes something: every instant is one minute after the one before. */
    static final Instant T1 = Instant.parse("2026-05-20T10:01:00Z");
    static final Instant T2 = T1.plusSeconds(60);
    static final Instant T3 = T2.plusSeconds(60);
    static final Instant T4 = T3.plusSeconds(60);
    static final Instant T5 = T4.plusSeconds(60);
    static final Instant T6 = T5.plusSeconds(60);
    /** When a user acts, after every observation above. */
    static final Instant NOW = Instant.parse("2026-05-20T11:00:00Z");

    static final HostSystemInfo SYSTEM_INFO = new HostSystemInfo("docker-1", "20.10.24", "1.41", "linux",
            "Debian GNU/Linux 12", "6.1.0", "x86_64", 4, 8_000_000_000L);
    static final ContainerSummary WEB = container("c-web", "web", "running");
    static final ContainerSummary DB = container("c-db", "db", "running");
    static final ImageSummary NGINX = new ImageSummary("sha256:nginx", List.of("nginx:1.27"), 190_000_000L,
            Instant.parse("2026-04-01T00:00:00Z"));
    static final NetworkSummary FRONTEND = new NetworkSummary("n-front", "frontend", "bridge", "local", false, true);
    static final VolumeSummary DATA = new VolumeSummary("data", "local", "/var/lib/docker/volumes/data/_data",
            "local", Map.of());

    private HostTestData() {
    }

    static FixtureConfiguration<DockerHost> fixtureWith(NameRegistry names) {
        FixtureConfiguration<DockerHost> fixture = new AggregateTestFixture<>(DockerHost.class);
        fixture.registerInjectableResource(names);
        return fixture;
    }

    static RegisterHost registerHost(String name, int syncIntervalSeconds) {
        return new RegisterHost(HOST_ID, ACCOUNT, name, ENDPOINT, DeploymentEnvironment.production, true, CREDENTIALS,
                syncIntervalSeconds);
    }

    static HostRegistered hostRegistered() {
        return new HostRegistered(HOST_ID, ACCOUNT, NAME, ENDPOINT, DeploymentEnvironment.production, true, CREDENTIALS,
                INTERVAL, REGISTERED_AT);
    }

    static HostRegistered hostRegisteredWithoutCredentials() {
        return new HostRegistered(HOST_ID, ACCOUNT, NAME, ENDPOINT, DeploymentEnvironment.production, true, null,
                INTERVAL, REGISTERED_AT);
    }

    static ContainerSummary container(String id, String name, String state) {
        return new ContainerSummary(id, name, "nginx:1.27", "sha256:nginx", state, null,
                Instant.parse("2026-05-01T00:00:00Z"), Map.of("app", name));
    }

    /** What the sync reads from the host while nothing changes on it. */
    static HostSnapshot usualSnapshot(Instant observedAt) {
        return new HostSnapshot(SYSTEM_INFO, List.of(WEB, DB), List.of(NGINX), List.of(FRONTEND), List.of(DATA),
                observedAt);
    }

    static RecordHostSync sync(HostSnapshot snapshot) {
        return new RecordHostSync(HOST_ID, snapshot);
    }

    static RecordHostSyncFailure syncFailure(Instant observedAt) {
        return new RecordHostSyncFailure(HOST_ID, "connection refused", observedAt);
    }

    /** The events with which a host first records the usual snapshot. */
    static List<Object> usualInventoryRecorded(Instant observedAt) {
        return List.of(
                new HostSystemInfoChanged(HOST_ID, ACCOUNT, SYSTEM_INFO, observedAt),
                new HostContainersChanged(HOST_ID, ACCOUNT, List.of(WEB, DB), List.of(), List.of(), observedAt),
                new HostImagesChanged(HOST_ID, ACCOUNT, List.of(NGINX), List.of(), List.of(), observedAt),
                new HostNetworksChanged(HOST_ID, ACCOUNT, List.of(FRONTEND), List.of(), List.of(), observedAt),
                new HostVolumesChanged(HOST_ID, ACCOUNT, List.of(DATA), List.of(), List.of(), observedAt));
    }

    /** Registered, then connected by a first sync at T1 that recorded the usual inventory. */
    static List<Object> connectedHost() {
        List<Object> history = new ArrayList<>();
        history.add(hostRegistered());
        history.add(new HostConnected(HOST_ID, ACCOUNT, ConnectionStatus.pending, "First successful sync", T1));
        history.addAll(usualInventoryRecorded(T1));
        return history;
    }

    static HostSyncFailed syncFailed(int consecutiveFailures, Instant at) {
        return new HostSyncFailed(HOST_ID, ACCOUNT, consecutiveFailures, "connection refused", at);
    }

    /** A connected host whose syncs failed from T2 on: disconnected at the first failure, error at the fifth. */
    static List<Object> hostInError() {
        List<Object> history = new ArrayList<>(connectedHost());
        history.add(syncFailed(1, T2));
        history.add(new HostDisconnected(HOST_ID, ACCOUNT, "connection refused", T2));
        history.add(syncFailed(2, T3));
        history.add(syncFailed(3, T4));
        history.add(syncFailed(4, T5));
        history.add(syncFailed(5, T6));
        history.add(new HostMarkedError(HOST_ID, ACCOUNT, ConnectionStatus.disconnected, 5,
                "5 consecutive syncs failed; last error: connection refused", T6));
        return history;
    }
}
