package io.powernode.devops.swarm;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link SwarmOperationSettings}; the beans themselves are components of this package. */
@Configuration
@EnableConfigurationProperties(SwarmOperationSettings.class)
public class SwarmOperationsConfiguration {
}
