package io.powernode.devops.query.inventory;

import io.powernode.devops.kernel.common.PageRequest;
import io.powernode.devops.kernel.host.HostEvents.HostContainersChanged;
import io.powernode.devops.kernel.host.HostEvents.HostImagesChanged;
import io.powernode.devops.kernel.host.HostEvents.HostNetworksChanged;
import io.powernode.devops.kernel.host.HostEvents.HostRemoved;
import io.powernode.devops.kernel.host.HostEvents.HostVolumesChanged;
import io.powernode.devops.kernel.host.HostInventory.ContainerSummary;
import io.powernode.devops.kernel.host.HostInventory.ImageSummary;
import io.powernode.devops.kernel.host.HostInventory.NetworkSummary;
import io.powernode.devops.kernel.host.HostInventory.VolumeSummary;
import io.powernode.devops.kernel.host.HostQueries.ListContainers;
import io.powernode.devops.kernel.host.HostQueries.ListImages;
import io.powernode.devops.kernel.host.HostQueries.ListNetworks;
import io.powernode.devops.kernel.host.HostQueries.ListVolumes;
import io.powernode.devops.kernel.host.HostViews.ContainerPage;
import io.powernode.devops.kernel.host.HostViews.ContainerView;
import io.powernode.devops.kernel.host.HostViews.ImagePage;
import io.powernode.devops.kernel.host.HostViews.ImageView;
import io.powernode.devops.kernel.host.HostViews.NetworkPage;
import io.powernode.devops.kernel.host.HostViews.NetworkView;
import io.powernode.devops.kernel.host.HostViews.VolumePage;
import io.powernode.devops.kernel.host.HostViews.VolumeView;
import io.powernode.devops.query.EmbeddedMongoTest;
import io.powernode.devops.query.EventDelivery;
import io.powernode.devops.query.QueryBusFixture;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InventoryProjectionTest extends EmbeddedMongoTest {
    private static final String ACCOUNT = "acct-1";
    private static final Instant OBSERVED = Instant.parse("2026-03-01T11:00:00Z");
    private static final PageRequest FIRST_PAGE = new PageRequest(1, 25);

    private EventDelivery events;
    private QueryBusFixture queries;

    @BeforeEach
    void wire() {
        events = new EventDelivery(new InventoryProjection(database));
        queries = new QueryBusFixture().register(new InventoryQueryHandler(database));
    }

    @Test
    void containerDiffsAddChangeAndRemoveDocuments() {
        events.deliver("h1", containersChanged("h1", ACCOUNT, List.of(container("c1", "api", "running"),
                container("c2", "worker", "running")), List.of(), List.of()));
        events.deliver("h1", containersChanged("h1", ACCOUNT, List.of(container("c3", "cron", "created")),
                List.of(container("c1", "api", "exited")), List.of("c2")));

        List<ContainerView> containers = containers(new ListContainers(ACCOUNT, "h1", null, FIRST_PAGE)).items();

        assertThat(containers).extracting(ContainerView::id).containsExactly("c1", "c3");
        ContainerView api = containers.get(0);
        assertThat(api.state()).isEqualTo("exited");
        assertThat(api.hostId()).isEqualTo("h1");
        assertThat(api.labels()).containsEntry("com.docker.compose.project", "shop");
        assertThat(api.createdAt()).isEqualTo(OBSERVED.minusSeconds(3600));
        assertThat(api.observedAt()).isEqualTo(OBSERVED);
    }

    @Test
    void theSameIdOnTwoHostsIsTwoDocuments() {
        events.deliver("h1", containersChanged("h1", ACCOUNT, List.of(container("c1", "api", "running")),
                List.of(), List.of()));
        events.deliver("h2", containersChanged("h2", ACCOUNT, List.of(container("c1", "api", "running")),
                List.of(), List.of("c9")));

        assertThat(containers(new ListContainers(ACCOUNT, null, null, FIRST_PAGE)).items())
                .extracting(ContainerView::hostId).containsExactlyInAnyOrder("h1", "h2");
    }

    @Test
    void aReDeliveredDiffLeavesTheSameDocuments() {
        TrackedEventMessage<?> diff = events.deliver("h1", containersChanged("h1", ACCOUNT,
                List.of(container("c1", "api", "running")), List.of(), List.of("c0")));
        ContainerPage before = containers(new ListContainers(ACCOUNT, "h1", null, FIRST_PAGE));

        events.redeliver(diff);

        assertThat(containers(new ListContainers(ACCOUNT, "h1", null, FIRST_PAGE))).isEqualTo(before);
    }

    @Test
    void containersAreFilteredByHostAndStateAndPaged() {
        events.deliver("h1", containersChanged("h1", ACCOUNT, List.of(container("c1", "a", "running"),
                container("c2", "b", "exited"), container("c3", "c", "running"), container("c4", "d", "running")),
                List.of(), List.of()));
        events.deliver("h2", containersChanged("h2", ACCOUNT, List.of(container("c5", "e", "running")),
                List.of(), List.of()));
        events.deliver("h3", containersChanged("h3", "acct-2", List.of(container("c6", "f", "running")),
                List.of(), List.of()));

        ContainerPage page = containers(new ListContainers(ACCOUNT, "h1", "running", new PageRequest(2, 2)));

        assertThat(page.items()).extracting(ContainerView::name).containsExactly("d");
        assertThat(page.page().totalCount()).isEqualTo(3);
        assertThat(containers(new ListContainers(ACCOUNT, null, "running", FIRST_PAGE)).page().totalCount())
                .isEqualTo(4);
    }

    @Test
    void imagesNetworksAndVolumesFollowTheirDiffs() {
        events.deliver("h1", new HostImagesChanged("h1", ACCOUNT,
                List.of(new ImageSummary("sha256:a", List.of("nginx:1.27"), 190_000_000L, OBSERVED),
                        new ImageSummary("sha256:b", List.of(), 5_000L, OBSERVED)),
                List.of(), List.of("sha256:z"), OBSERVED));
        events.deliver("h1", new HostNetworksChanged("h1", ACCOUNT,
                List.of(new NetworkSummary("n1", "backend", "overlay", "swarm", true, true)), List.of(), List.of(),
                OBSERVED));
        events.deliver("h1", new HostVolumesChanged("h1", ACCOUNT,
                List.of(new VolumeSummary("pgdata", "local", "/var/lib/docker/volumes/pgdata/_data", "local",
                        Map.of("backup.schedule", "daily")),
                        new VolumeSummary("cache", "local", "/var/lib/docker/volumes/cache/_data", "local", null)),
                List.of(), List.of(), OBSERVED));
        events.deliver("h1", new HostVolumesChanged("h1", ACCOUNT, List.of(), List.of(), List.of("cache"), OBSERVED));

        assertThat(queries.ask(new ListImages(ACCOUNT, "h1", FIRST_PAGE), ImagePage.class).items()).containsExactly(
                new ImageView("h1", "sha256:a", List.of("nginx:1.27"), 190_000_000L, OBSERVED, OBSERVED),
                new ImageView("h1", "sha256:b", List.of(), 5_000L, OBSERVED, OBSERVED));
        assertThat(queries.ask(new ListNetworks(ACCOUNT, "h1", FIRST_PAGE), NetworkPage.class).items())
                .containsExactly(new NetworkView("h1", "n1", "backend", "overlay", "swarm", true, true, OBSERVED));
        assertThat(queries.ask(new ListVolumes(ACCOUNT, "h1", FIRST_PAGE), VolumePage.class).items())
                .containsExactly(new VolumeView("h1", "pgdata", "local", "/var/lib/docker/volumes/pgdata/_data",
                        "local", Map.of("backup.schedule", "daily"), OBSERVED));
    }

    @Test
    void removingAHostRemovesAllItsInventoryAndNoOtherHosts() {
        events.deliver("h1", containersChanged("h1", ACCOUNT, List.of(container("c1", "api", "running")),
                List.of(), List.of()));
        events.deliver("h1", new HostVolumesChanged("h1", ACCOUNT,
                List.of(new VolumeSummary("pgdata", "local", "/data", "local", null)), List.of(), List.of(), OBSERVED));
        events.deliver("h2", containersChanged("h2", ACCOUNT, List.of(container("c2", "db", "running")),
                List.of(), List.of()));

        events.deliver("h1", new HostRemoved("h1", ACCOUNT, "web-1", OBSERVED));

        assertThat(containers(new ListContainers(ACCOUNT, null, null, FIRST_PAGE)).items())
                .extracting(ContainerView::hostId).containsExactly("h2");
        assertThat(queries.ask(new ListVolumes(ACCOUNT, null, FIRST_PAGE), VolumePage.class).items()).isEmpty();
    }

    private ContainerPage containers(ListContainers query) {
        return queries.ask(query, ContainerPage.class);
    }

    private static HostContainersChanged containersChanged(String hostId, String accountId,
                                                           List<ContainerSummary> added,
                                                           List<ContainerSummary> changed, List<String> removed) {
        return new HostContainersChanged(hostId, accountId, added, changed, removed, OBSERVED);
    }

    private static ContainerSummary container(String id, String name, String state) {
        return new ContainerSummary(id, name, "shop/" + name + ":1.0", "sha256:" + name, state, null,
                OBSERVED.minusSeconds(3600), Map.of("com.docker.compose.project", "shop"));
    }
}
