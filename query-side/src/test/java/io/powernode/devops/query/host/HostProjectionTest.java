package io.powernode.devops.query.host;

import io.powernode.devops.kernel.common.PageRequest;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.host.HostEvents.DockerEventObserved;
import io.powernode.devops.kernel.host.HostEvents.HostConnected;
import io.powernode.devops.kernel.host.HostEvents.HostContainersChanged;
import io.powernode.devops.kernel.host.HostEvents.HostCredentialsReplaced;
import io.powernode.devops.kernel.host.HostEvents.HostDetailsChanged;
import io.powernode.devops.kernel.host.HostEvents.HostDisconnected;
import io.powernode.devops.kernel.host.HostEvents.HostImagesChanged;
import io.powernode.devops.kernel.host.HostEvents.HostMaintenanceEnded;
import io.powernode.devops.kernel.host.HostEvents.HostMaintenanceStarted;
import io.powernode.devops.kernel.host.HostEvents.HostMarkedError;
import io.powernode.devops.kernel.host.HostEvents.HostRecoveryRecorded;
import io.powernode.devops.kernel.host.HostEvents.HostRemoved;
import io.powernode.devops.kernel.host.HostEvents.HostSyncFailed;
import io.powernode.devops.kernel.host.HostEvents.HostSystemInfoChanged;
import io.powernode.devops.kernel.host.HostInventory.ContainerSummary;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import io.powernode.devops.kernel.host.HostInventory.HostSystemInfo;
import io.powernode.devops.kernel.host.HostInventory.ImageSummary;
import io.powernode.devops.kernel.host.HostQueries.FindHost;
import io.powernode.devops.kernel.host.HostQueries.ListHosts;
import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.host.HostViews.HostPage;
import io.powernode.devops.kernel.host.HostViews.HostView;
import io.powernode.devops.query.EventDelivery;
import io.powernode.devops.query.ReadModelCollections;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.powernode.devops.query.host.HostEventsFixture.ACCOUNT;
import static io.powernode.devops.query.host.HostEventsFixture.OBSERVED;
import static io.powernode.devops.query.host.HostEventsFixture.OTHER_ACCOUNT;
import static io.powernode.devops.query.host.HostEventsFixture.registered;
import static org.assertj.core.api.Assertions.assertThat;

class HostProjectionTest extends HostProjectionHarness {
    private static final String HOST = "host-1";

    @Test
    void aRegisteredHostIsPendingWithItsDetailsAndNoSyncYet() {
        events.deliver(HOST, registered(HOST, ACCOUNT, "web-1", DeploymentEnvironment.production));

        HostView host = find(ACCOUNT, HOST);
        assertThat(host.name()).isEqualTo("web-1");
        assertThat(host.accountId()).isEqualTo(ACCOUNT);
        assertThat(host.apiEndpoint()).isEqualTo("tcp://web-1:2376");
        assertThat(host.environment()).isEqualTo(DeploymentEnvironment.production);
        assertThat(host.tlsVerify()).isTrue();
        assertThat(host.hasTlsCredentials()).isTrue();
        assertThat(host.status()).isEqualTo(ConnectionStatus.pending);
        assertThat(host.consecutiveFailures()).isZero();
        assertThat(host.lastSyncedAt()).isNull();
        assertThat(host.syncIntervalSeconds()).isEqualTo(60);
        assertThat(host.version()).isZero();
        assertThat(host.createdAt()).isEqualTo(EventDelivery.START.plusSeconds(1));
        assertThat(host.updatedAt()).isEqualTo(host.createdAt());
    }

    @Test
    void statusFollowsTheLifecycleAndFailuresAreCountedUntilTheHostConnects() {
        events.deliver(HOST, registered(HOST, ACCOUNT, "web-1", DeploymentEnvironment.staging));
        events.deliver(HOST, new HostConnected(HOST, ACCOUNT, ConnectionStatus.pending, "first sync", OBSERVED));
        assertThat(find(ACCOUNT, HOST).status()).isEqualTo(ConnectionStatus.connected);
        assertThat(find(ACCOUNT, HOST).lastSyncedAt()).isEqualTo(OBSERVED);

        events.deliver(HOST, new HostSyncFailed(HOST, ACCOUNT, 1, "connection refused", OBSERVED.plusSeconds(60)));
        HostView failing = find(ACCOUNT, HOST);
        assertThat(failing.status()).isEqualTo(ConnectionStatus.connected);
        assertThat(failing.consecutiveFailures()).isEqualTo(1);
        assertThat(failing.lastError()).isEqualTo("connection refused");

        events.deliver(HOST, new HostDisconnected(HOST, ACCOUNT, "no answer", OBSERVED.plusSeconds(61)));
        assertThat(find(ACCOUNT, HOST).status()).isEqualTo(ConnectionStatus.disconnected);

        events.deliver(HOST, new HostMarkedError(HOST, ACCOUNT, ConnectionStatus.disconnected, 5, "5 failures",
                OBSERVED.plusSeconds(300)));
        assertThat(find(ACCOUNT, HOST).status()).isEqualTo(ConnectionStatus.error);
        assertThat(find(ACCOUNT, HOST).consecutiveFailures()).isEqualTo(5);

        events.deliver(HOST, new HostMaintenanceStarted(HOST, ACCOUNT, ConnectionStatus.error, "disk swap",
                OBSERVED.plusSeconds(400)));
        assertThat(find(ACCOUNT, HOST).status()).isEqualTo(ConnectionStatus.maintenance);

        events.deliver(HOST, new HostMaintenanceEnded(HOST, ACCOUNT, OBSERVED.plusSeconds(500)));
        HostView afterMaintenance = find(ACCOUNT, HOST);
        assertThat(afterMaintenance.status()).isEqualTo(ConnectionStatus.pending);
        assertThat(afterMaintenance.consecutiveFailures()).isZero();

        events.deliver(HOST, new HostSyncFailed(HOST, ACCOUNT, 1, "tls handshake failed", OBSERVED.plusSeconds(560)));
        events.deliver(HOST, new HostRecoveryRecorded(HOST, ACCOUNT, ConnectionStatus.pending, 1, OBSERVED.plusSeconds(600)));
        HostView recovered = find(ACCOUNT, HOST);
        assertThat(recovered.status()).isEqualTo(ConnectionStatus.connected);
        assertThat(recovered.consecutiveFailures()).isZero();
        assertThat(recovered.lastError()).isNull();
        assertThat(recovered.version()).isEqualTo(8);
        assertThat(recovered.updatedAt()).isEqualTo(EventDelivery.START.plusSeconds(events.lastPosition()));
    }

    @Test
    void connectingClearsTheLastError() {
        events.deliver(HOST, registered(HOST, ACCOUNT, "web-1", DeploymentEnvironment.staging));
        events.deliver(HOST, new HostSyncFailed(HOST, ACCOUNT, 2, "timeout", OBSERVED));
        events.deliver(HOST, new HostConnected(HOST, ACCOUNT, ConnectionStatus.pending, "sync ok", OBSERVED.plusSeconds(60)));

        HostView host = find(ACCOUNT, HOST);
        assertThat(host.lastError()).isNull();
        assertThat(host.consecutiveFailures()).isZero();
    }

    @Test
    void systemInfoAndInventoryDiffsFillTheSyncFields() {
        events.deliver(HOST, registered(HOST, ACCOUNT, "web-1", DeploymentEnvironment.staging));
        events.deliver(HOST, new HostSystemInfoChanged(HOST, ACCOUNT, new HostSystemInfo("web-1", "20.10.24", "1.41",
                "linux", "Debian GNU/Linux 12", "6.1.0", "x86_64", 8, 16_000_000_000L), OBSERVED));
        events.deliver(HOST, new HostContainersChanged(HOST, ACCOUNT,
                List.of(container("c1"), container("c2"), container("c3")), List.of(), List.of(),
                OBSERVED.plusSeconds(1)));
        events.deliver(HOST, new HostImagesChanged(HOST, ACCOUNT, List.of(image("sha256:a"), image("sha256:b")),
                List.of(), List.of(), OBSERVED.plusSeconds(2)));
        events.deliver(HOST, new HostContainersChanged(HOST, ACCOUNT, List.of(container("c4")),
                List.of(container("c1")), List.of("c2", "c3"), OBSERVED.plusSeconds(3)));

        HostView host = find(ACCOUNT, HOST);
        assertThat(host.dockerVersion()).isEqualTo("20.10.24");
        assertThat(host.apiVersion()).isEqualTo("1.41");
        assertThat(host.osType()).isEqualTo("linux");
        assertThat(host.architecture()).isEqualTo("x86_64");
        assertThat(host.cpuCount()).isEqualTo(8);
        assertThat(host.memoryBytes()).isEqualTo(16_000_000_000L);
        assertThat(host.containerCount()).isEqualTo(2);
        assertThat(host.imageCount()).isEqualTo(2);
        assertThat(host.lastSyncedAt()).isEqualTo(OBSERVED.plusSeconds(3));
    }

    @Test
    void detailsAndCredentialChangesShowOnlyWhetherCredentialsExist() {
        events.deliver(HOST, registered(HOST, ACCOUNT, "web-1", DeploymentEnvironment.staging));
        events.deliver(HOST, new HostDetailsChanged(HOST, ACCOUNT, "web-one", "tcp://10.0.0.5:2376",
                DeploymentEnvironment.production, false, 30, List.of("name", "api_endpoint"), OBSERVED));
        events.deliver(HOST, new HostCredentialsReplaced(HOST, ACCOUNT, null, OBSERVED));

        HostView host = find(ACCOUNT, HOST);
        assertThat(host.name()).isEqualTo("web-one");
        assertThat(host.apiEndpoint()).isEqualTo("tcp://10.0.0.5:2376");
        assertThat(host.environment()).isEqualTo(DeploymentEnvironment.production);
        assertThat(host.tlsVerify()).isFalse();
        assertThat(host.syncIntervalSeconds()).isEqualTo(30);
        assertThat(host.hasTlsCredentials()).isFalse();
    }

    @Test
    void aReDeliveredEventChangesNothing() {
        events.deliver(HOST, registered(HOST, ACCOUNT, "web-1", DeploymentEnvironment.staging));
        TrackedEventMessage<?> added = events.deliver(HOST, new HostContainersChanged(HOST, ACCOUNT,
                List.of(container("c1")), List.of(), List.of(), OBSERVED));
        TrackedEventMessage<?> failed = events.deliver(HOST, new HostSyncFailed(HOST, ACCOUNT, 1, "timeout", OBSERVED));
        HostView before = find(ACCOUNT, HOST);
        long feedEntries = database.getCollection(ReadModelCollections.HOST_FEED).countDocuments();

        events.redeliver(added);
        events.redeliver(failed);

        assertThat(find(ACCOUNT, HOST)).isEqualTo(before);
        assertThat(before.containerCount()).isEqualTo(1);
        assertThat(database.getCollection(ReadModelCollections.HOST_FEED).countDocuments()).isEqualTo(feedEntries);
    }

    @Test
    void aReDeliveredRegistrationDoesNotResetTheHost() {
        TrackedEventMessage<?> registration = events.deliver(HOST, registered(HOST, ACCOUNT, "web-1",
                DeploymentEnvironment.staging));
        events.deliver(HOST, new HostConnected(HOST, ACCOUNT, ConnectionStatus.pending, "sync ok", OBSERVED));

        events.redeliver(registration);

        assertThat(find(ACCOUNT, HOST).status()).isEqualTo(ConnectionStatus.connected);
    }

    @Test
    void aReplayAfterAResetRebuildsTheSameHostAndFeed() {
        List<TrackedEventMessage<?>> history = List.of(
                events.deliver(HOST, registered(HOST, ACCOUNT, "web-1", DeploymentEnvironment.staging)),
                events.deliver(HOST, new HostConnected(HOST, ACCOUNT, ConnectionStatus.pending, "sync ok", OBSERVED)),
                events.deliver(HOST, new HostSyncFailed(HOST, ACCOUNT, 1, "timeout", OBSERVED.plusSeconds(60))));
        HostView before = find(ACCOUNT, HOST);

        events.reset();
        assertThat(find(ACCOUNT, HOST)).isNull();
        history.forEach(events::redeliver);

        assertThat(find(ACCOUNT, HOST)).isEqualTo(before);
        assertThat(database.getCollection(ReadModelCollections.HOST_FEED).countDocuments()).isEqualTo(3);
    }

    @Test
    void dockerEventsAdvanceTheVersionOnly() {
        events.deliver(HOST, registered(HOST, ACCOUNT, "web-1", DeploymentEnvironment.staging));
        HostView before = find(ACCOUNT, HOST);

        events.deliver(HOST, new DockerEventObserved(HOST, ACCOUNT,
                new DockerEventRecord("container", "start", "c1", Map.of(), "local", 1L)));

        HostView after = find(ACCOUNT, HOST);
        assertThat(after.version()).isEqualTo(1);
        assertThat(after.updatedAt()).isEqualTo(before.updatedAt());
        assertThat(database.getCollection(ReadModelCollections.HOST_FEED).countDocuments()).isEqualTo(1);
    }

    @Test
    void aRemovedHostIsGoneAndItsLateEventsAreIgnored() {
        events.deliver(HOST, registered(HOST, ACCOUNT, "web-1", DeploymentEnvironment.staging));
        TrackedEventMessage<?> connected = events.deliver(HOST,
                new HostConnected(HOST, ACCOUNT, ConnectionStatus.pending, "sync ok", OBSERVED));
        events.deliver(HOST, new HostRemoved(HOST, ACCOUNT, "web-1", OBSERVED));

        events.redeliver(connected);

        assertThat(find(ACCOUNT, HOST)).isNull();
        assertThat(database.getCollection(ReadModelCollections.HOSTS).countDocuments()).isZero();
    }

    @Test
    void anotherAccountNeitherFindsNorListsTheHost() {
        events.deliver(HOST, registered(HOST, ACCOUNT, "web-1", DeploymentEnvironment.staging));

        assertThat(find(OTHER_ACCOUNT, HOST)).isNull();
        assertThat(list(new ListHosts(OTHER_ACCOUNT, null, null, new PageRequest(1, 25))).items()).isEmpty();
        assertThat(list(new ListHosts(ACCOUNT, null, null, new PageRequest(1, 25))).items()).hasSize(1);
    }

    @Test
    void hostsAreListedByNameOnePageAtATime() {
        for (String name : List.of("delta", "alpha", "echo", "charlie", "bravo")) {
            events.deliver(name, registered(name, ACCOUNT, name, DeploymentEnvironment.staging));
        }

        HostPage second = list(new ListHosts(ACCOUNT, null, null, new PageRequest(2, 2)));

        assertThat(second.items()).extracting(HostView::name).containsExactly("charlie", "delta");
        assertThat(second.page().totalCount()).isEqualTo(5);
        assertThat(second.page().totalPages()).isEqualTo(3);
    }

    @Test
    void hostsAreFilteredByStatusAndEnvironment() {
        events.deliver("h1", registered("h1", ACCOUNT, "one", DeploymentEnvironment.production));
        events.deliver("h2", registered("h2", ACCOUNT, "two", DeploymentEnvironment.production));
        events.deliver("h3", registered("h3", ACCOUNT, "three", DeploymentEnvironment.staging));
        events.deliver("h2", new HostConnected("h2", ACCOUNT, ConnectionStatus.pending, "sync ok", OBSERVED));

        assertThat(list(new ListHosts(ACCOUNT, ConnectionStatus.pending, DeploymentEnvironment.production, new PageRequest(1, 25)))
                .items()).extracting(HostView::id).containsExactly("h1");
        assertThat(list(new ListHosts(ACCOUNT, null, DeploymentEnvironment.production, new PageRequest(1, 25)))
                .page().totalCount()).isEqualTo(2);
        assertThat(list(new ListHosts(ACCOUNT, ConnectionStatus.connected, null, new PageRequest(1, 25)))
                .items()).extracting(HostView::id).containsExactly("h2");
    }

    private HostView find(String accountId, String hostId) {
        return queries.ask(new FindHost(accountId, hostId), HostView.class);
    }

    private HostPage list(ListHosts query) {
        return queries.ask(query, HostPage.class);
    }

    static ContainerSummary container(String id) {
        return new ContainerSummary(id, "/" + id, "nginx:1.27", "sha256:n", "running", "healthy", OBSERVED, Map.of());
    }

    static ImageSummary image(String id) {
        return new ImageSummary(id, List.of("nginx:1.27"), 1_000, OBSERVED);
    }
}
