package io.powernode.devops.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Version;
import io.powernode.devops.kernel.host.HostInventory.ContainerSummary;
import io.powernode.devops.kernel.host.HostInventory.HostSnapshot;
import io.powernode.devops.kernel.host.HostInventory.HostSystemInfo;
import io.powernode.devops.kernel.host.HostInventory.ImageSummary;
import io.powernode.devops.kernel.host.HostInventory.NetworkSummary;
import io.powernode.devops.kernel.host.HostInventory.VolumeSummary;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reads what a daemon holds, as one {@link HostSnapshot}. Lists are sorted by id so that two snapshots of
 * an unchanged host are equal, and "no change" can be recognised. Labels that look like secrets are left out.
 */
public final class HostInventoryReader {

    private final Clock clock;

    public HostInventoryReader(Clock clock) {
        this.clock = clock;
    }

    public HostSnapshot read(DockerClient docker) {
        Info info = docker.infoCmd().exec();
        Version version = docker.versionCmd().exec();
        List<ContainerSummary> containers = docker.listContainersCmd().withShowAll(true).exec().stream()
                .map(HostInventoryReader::container)
                .sorted(Comparator.comparing(ContainerSummary::id))
                .toList();
        // all=true includes intermediate images, which /info's Images counts as well
        List<ImageSummary> images = docker.listImagesCmd().withShowAll(true).exec().stream()
                .map(HostInventoryReader::image)
                .sorted(Comparator.comparing(ImageSummary::id))
                .toList();
        List<NetworkSummary> networks = docker.listNetworksCmd().exec().stream()
                .map(HostInventoryReader::network)
                .sorted(Comparator.comparing(NetworkSummary::id))
                .toList();
        return new HostSnapshot(systemInfo(info, version), containers, images, networks, volumes(docker),
                clock.instant());
    }

    /** The daemon's volumes by name; a swarm manager's are read the same way. */
    static List<VolumeSummary> volumes(DockerClient docker) {
        List<InspectVolumeResponse> volumes = docker.listVolumesCmd().exec().getVolumes();
        return (volumes == null ? List.<InspectVolumeResponse>of() : volumes).stream()
                .map(HostInventoryReader::volume)
                .sorted(Comparator.comparing(VolumeSummary::name))
                .toList();
    }

    private static HostSystemInfo systemInfo(Info info, Version version) {
        return new HostSystemInfo(info.getName(), info.getServerVersion(), version.getApiVersion(),
                info.getOsType(), info.getOperatingSystem(), info.getKernelVersion(), info.getArchitecture(),
                info.getNCPU() == null ? 0 : info.getNCPU(), info.getMemTotal() == null ? 0 : info.getMemTotal());
    }

    private static ContainerSummary container(Container c) {
        String[] names = c.getNames();
        String name = names == null || names.length == 0 ? null : names[0].replaceFirst("^/", "");
        return new ContainerSummary(c.getId(), name, c.getImage(), c.getImageId(), c.getState(),
                ContainerHealth.fromStatus(c.getStatus()), epochSeconds(c.getCreated()),
                SecretNames.withoutSecrets(c.getLabels()));
    }

    private static ImageSummary image(Image i) {
        List<String> tags = i.getRepoTags() == null ? List.of()
                : Arrays.stream(i.getRepoTags()).filter(tag -> !"<none>:<none>".equals(tag)).sorted().toList();
        return new ImageSummary(i.getId(), tags, i.getSize() == null ? 0 : i.getSize(), epochSeconds(i.getCreated()));
    }

    private static NetworkSummary network(Network n) {
        return new NetworkSummary(n.getId(), n.getName(), n.getDriver(), n.getScope(),
                Boolean.TRUE.equals(n.getInternal()), Boolean.TRUE.equals(n.isAttachable()));
    }

    private static VolumeSummary volume(InspectVolumeResponse v) {
        return new VolumeSummary(v.getName(), v.getDriver(), v.getMountpoint(), null,
                SecretNames.withoutSecrets(v.getLabels()));
    }

    private static Instant epochSeconds(Long seconds) {
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }
}
