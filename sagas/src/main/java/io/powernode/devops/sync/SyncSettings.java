package io.powernode.devops.sync;

import io.powernode.devops.docker.Backoff;
import io.powernode.devops.docker.DockerTimeouts;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Tuning of the sync of hosts and clusters ({@code powernode.sync.*}).
 *
 * @param retryInitial             first retry after a failed sync; doubles per consecutive failure
 * @param retryMax                 longest wait between retries (never longer than the endpoint's own interval)
 * @param eventDebounce            how long Docker events are gathered before they trigger one extra sync
 * @param workers                  syncs that may run at once, across all hosts and clusters
 * @param dockerConnectTimeout     to open a connection to a daemon
 * @param dockerResponseTimeout    for each request of a sync to be answered
 * @param followerReconnectInitial first wait before re-opening a dropped event stream; doubles per failure
 * @param followerReconnectMax     longest wait before re-opening an event stream
 * @param settlingInterval         how soon to sync again an endpoint still converging (a swarm service short of
 *                                 its replicas or in an update), which no Docker event announces
 */
@ConfigurationProperties(prefix = "powernode.sync")
public record SyncSettings(@DefaultValue("5s") Duration retryInitial,
                           @DefaultValue("60s") Duration retryMax,
                           @DefaultValue("1s") Duration eventDebounce,
                           @DefaultValue("4") int workers,
                           @DefaultValue("5s") Duration dockerConnectTimeout,
                           @DefaultValue("30s") Duration dockerResponseTimeout,
                           @DefaultValue("1s") Duration followerReconnectInitial,
                           @DefaultValue("30s") Duration followerReconnectMax,
                           @DefaultValue("3s") Duration settlingInterval) {

    public SyncSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("powernode.sync.workers must be at least 1");
        }
    }

    public Backoff retryBackoff() {
        return new Backoff(retryInitial, retryMax);
    }

    public Backoff followerBackoff() {
        return new Backoff(followerReconnectInitial, followerReconnectMax);
    }

    public DockerTimeouts dockerTimeouts() {
        return new DockerTimeouts(dockerConnectTimeout, dockerResponseTimeout);
    }
}
