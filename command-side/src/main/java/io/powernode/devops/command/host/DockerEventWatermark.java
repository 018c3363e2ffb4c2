package io.powernode.devops.command.host;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;

import java.util.HashSet;
import java.util.Set;

/**
 * How far into a host's Docker event stream the host has recorded. The follower re-opens the stream "since"
 * the last second it saw, so the daemon replays entries; those are recognised here. Several distinct events
 * can share one timeNano, so the watermark remembers which ones it took at the newest instant.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class DockerEventWatermark {

    private long newestTimeNano = Long.MIN_VALUE;
    private final Set<EventIdentity> takenAtNewestTime = new HashSet<>();

    boolean isRepeat(DockerEventRecord event) {
        return event.timeNano() < newestTimeNano
                || event.timeNano() == newestTimeNano && takenAtNewestTime.contains(EventIdentity.of(event));
    }

    void advance(DockerEventRecord event) {
        if (event.timeNano() > newestTimeNano) {
            newestTimeNano = event.timeNano();
            takenAtNewestTime.clear();
        }
        takenAtNewestTime.add(EventIdentity.of(event));
    }

    record EventIdentity(String type, String action, String actorId) {
        static EventIdentity of(DockerEventRecord event) {
            return new EventIdentity(event.type(), event.action(), event.actorId());
        }
    }
}
