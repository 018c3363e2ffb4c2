package io.powernode.devops.swarm;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Tuning of swarm operations ({@code powernode.swarm-operations.*}).
 *
 * @param targetWait how long an operation waits for its cluster's (or host's) row in {@code sync_targets}: the
 *                   projection that writes it may lag a little behind the event that asks for the operation
 * @param inUseWait  how long a stack's removal tries again to remove an object Docker still sees in use: a
 *                   network is let go only once the removed services' containers have stopped
 */
@ConfigurationProperties(prefix = "powernode.swarm-operations")
public record SwarmOperationSettings(@DefaultValue("5s") Duration targetWait,
                                     @DefaultValue("60s") Duration inUseWait) {
}
