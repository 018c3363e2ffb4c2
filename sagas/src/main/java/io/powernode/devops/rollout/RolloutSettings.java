package io.powernode.devops.rollout;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Tuning of rollouts ({@code powernode.rollout.*}).
 *
 * @param checkInterval how often a rollout reads Docker again while it waits for services to converge (and retries a
 *                      read that failed); analyses keep their strategy's own interval
 */
@ConfigurationProperties(prefix = "powernode.rollout")
public record RolloutSettings(@DefaultValue("2s") Duration checkInterval) {
}
