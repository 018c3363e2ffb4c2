package io.powernode.devops.rollout;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link RolloutSettings}; the sagas and their helpers are found by component scanning. */
@Configuration
@EnableConfigurationProperties(RolloutSettings.class)
public class RolloutConfiguration {
}
