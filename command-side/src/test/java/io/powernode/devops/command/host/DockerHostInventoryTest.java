package io.powernode.devops.command.host;

import io.powernode.devops.kernel.host.HostEvents.HostContainersChanged;
import io.powernode.devops.kernel.host.HostEvents.HostImagesChanged;
import io.powernode.devops.kernel.host.HostEvents.HostNetworksChanged;
import io.powernode.devops.kernel.host.HostEvents.HostSystemInfoChanged;
import io.powernode.devops.kernel.host.HostEvents.HostVolumesChanged;
import io.powernode.devops.kernel.host.HostInventory.ContainerSummary;
import io.powernode.devops.kernel.host.HostInventory.HostSnapshot;
import io.powernode.devops.kernel.host.HostInventory.HostSystemInfo;
import io.powernode.devops.kernel.host.HostInventory.ImageSummary;
import io.powernode.devops.kernel.host.HostInventory.NetworkSummary;
import io.powernode.devops.kernel.host.HostInventory.VolumeSummary;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.powernode.devops.command.host.HostTestData.*;

/**
 * A connected host compares each sync with the inventory it recorded at T1 (web and db containers, the nginx
 * image, the frontend network, the data volume) and records only what moved.
 */
class DockerHostInventoryTest {

    private FixtureConfiguration<DockerHost> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(new InMemoryHostNameRegistry());
    }

    @Test
    void a_sync_that_finds_nothing_new_records_nothing() {
        fixture.given(connectedHost())
                .when(sync(usualSnapshot(T2)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_snapshot_older_than_the_last_recorded_observation_is_ignored() {
        HostSnapshot stale = new HostSnapshot(SYSTEM_INFO, List.of(), List.of(), List.of(), List.of(),
                T1.minusSeconds(1));

        fixture.given(connectedHost())
                .when(sync(stale))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_upgraded_daemon_is_recorded_as_changed_system_info() {
        HostSystemInfo upgraded = new HostSystemInfo("docker-1", "24.0.7", "1.43", "linux", "Debian GNU/Linux 12",
                "6.1.0", "x86_64", 4, 8_000_000_000L);

        fixture.given(connectedHost())
                .when(sync(new HostSnapshot(upgraded, List.of(WEB, DB), List.of(NGINX), List.of(FRONTEND),
                        List.of(DATA), T2)))
                .expectEvents(new HostSystemInfoChanged(HOST_ID, ACCOUNT, upgraded, T2));
    }

    @Test
    void containers_started_changed_and_gone_are_recorded_together() {
        ContainerSummary cache = container("c-cache", "cache", "running");
        ContainerSummary stoppedDb = container("c-db", "db", "exited");

        fixture.given(connectedHost())
                .when(sync(new HostSnapshot(SYSTEM_INFO, List.of(stoppedDb, cache), List.of(NGINX),
                        List.of(FRONTEND), List.of(DATA), T2)))
                .expectEvents(new HostContainersChanged(HOST_ID, ACCOUNT, List.of(cache), List.of(stoppedDb),
                        List.of("c-web"), T2));
    }

    @Test
    void images_pulled_and_retagged_are_recorded_together() {
        ImageSummary redis = new ImageSummary("sha256:redis", List.of("redis:7"), 40_000_000L,
                Instant.parse("2026-04-02T00:00:00Z"));
        ImageSummary retagged = new ImageSummary("sha256:nginx", List.of("nginx:1.27", "nginx:latest"), 190_000_000L,
                NGINX.createdAt());

        fixture.given(connectedHost())
                .when(sync(new HostSnapshot(SYSTEM_INFO, List.of(WEB, DB), List.of(retagged, redis),
                        List.of(FRONTEND), List.of(DATA), T2)))
                .expectEvents(new HostImagesChanged(HOST_ID, ACCOUNT, List.of(redis), List.of(retagged), List.of(),
                        T2));
    }

    @Test
    void a_deleted_image_is_recorded_by_its_id() {
        fixture.given(connectedHost())
                .when(sync(new HostSnapshot(SYSTEM_INFO, List.of(WEB, DB), List.of(), List.of(FRONTEND),
                        List.of(DATA), T2)))
                .expectEvents(new HostImagesChanged(HOST_ID, ACCOUNT, List.of(), List.of(), List.of("sha256:nginx"),
                        T2));
    }

    @Test
    void a_network_whose_settings_changed_is_recorded_as_changed() {
        NetworkSummary madeInternal = new NetworkSummary("n-front", "frontend", "bridge", "local", true, true);

        fixture.given(connectedHost())
                .when(sync(new HostSnapshot(SYSTEM_INFO, List.of(WEB, DB), List.of(NGINX), List.of(madeInternal),
                        List.of(DATA), T2)))
                .expectEvents(new HostNetworksChanged(HOST_ID, ACCOUNT, List.of(), List.of(madeInternal), List.of(),
                        T2));
    }

    @Test
    void a_network_replaced_by_another_is_recorded_as_added_and_removed() {
        NetworkSummary backend = new NetworkSummary("n-back", "backend", "bridge", "local", true, false);

        fixture.given(connectedHost())
                .when(sync(new HostSnapshot(SYSTEM_INFO, List.of(WEB, DB), List.of(NGINX), List.of(backend),
                        List.of(DATA), T2)))
                .expectEvents(new HostNetworksChanged(HOST_ID, ACCOUNT, List.of(backend), List.of(),
                        List.of("n-front"), T2));
    }

    @Test
    void volumes_are_compared_by_name() {
        VolumeSummary logs = new VolumeSummary("logs", "local", "/var/lib/docker/volumes/logs/_data", "local",
                Map.of());
        VolumeSummary relabelled = new VolumeSummary("data", "local", DATA.mountpoint(), "local",
                Map.of("backup", "daily"));

        fixture.given(connectedHost())
                .when(sync(new HostSnapshot(SYSTEM_INFO, List.of(WEB, DB), List.of(NGINX), List.of(FRONTEND),
                        List.of(relabelled, logs), T2)))
                .expectEvents(new HostVolumesChanged(HOST_ID, ACCOUNT, List.of(logs), List.of(relabelled), List.of(),
                        T2));
    }

    @Test
    void a_removed_volume_is_recorded_by_its_name() {
        fixture.given(connectedHost())
                .when(sync(new HostSnapshot(SYSTEM_INFO, List.of(WEB, DB), List.of(NGINX), List.of(FRONTEND),
                        List.of(), T2)))
                .expectEvents(new HostVolumesChanged(HOST_ID, ACCOUNT, List.of(), List.of(), List.of("data"), T2));
    }

    @Test
    void the_next_sync_compares_with_the_inventory_as_last_changed() {
        ContainerSummary cache = container("c-cache", "cache", "running");

        fixture.given(connectedHost())
                .andGiven(new HostContainersChanged(HOST_ID, ACCOUNT, List.of(cache), List.of(), List.of("c-web"), T2))
                .when(sync(new HostSnapshot(SYSTEM_INFO, List.of(DB, cache), List.of(NGINX), List.of(FRONTEND),
                        List.of(DATA), T3)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
