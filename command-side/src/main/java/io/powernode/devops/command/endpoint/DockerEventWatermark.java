package io.powernode.devops.command.endpoint;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;

import java.util.HashSet;
import java.util.Set;

/**
 * How far into an endpoint's Docker event stream (a host's daemon, a cluster's manager) the aggregate has recorded. The follower re-opens the stream "since"
 * the last second it saw, so the daemon replays entries; those are recognised here. Several distinct events
 * can share one timeNano, so the watermark remembers which ones it took at the newest instant.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class DockerEventWatermark {

    private long newestTimeNano = Long.MIN_VALUE;
    private final Set<EventIdentity> takenAtNewestTime = new HashSet<>();

    public boolean isRepeat(DockerEventRecord event) {
        return event.timeNano() < newestTimeNano
                || event.timeNano() == newestTimeNano && takenAtNewestTime.contains(EventIdentity.of(event));
    }

    public void advance(DockerEventRecord event) {
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
