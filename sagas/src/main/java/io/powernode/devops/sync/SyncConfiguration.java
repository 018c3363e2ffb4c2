package io.powernode.devops.sync;

import io.powernode.devops.docker.DockerClientFactory;
import io.powernode.devops.docker.DockerClients;
import io.powernode.devops.docker.HostInventoryReader;
import io.powernode.devops.docker.SwarmInventoryReader;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The Docker gateway's pieces as beans, tuned by {@link SyncSettings}. */
@Configuration
@EnableConfigurationProperties(SyncSettings.class)
public class SyncConfiguration {

    @Bean
    public DockerClientFactory dockerClientFactory(SyncSettings settings) {
        return new DockerClientFactory(settings.dockerTimeouts());
    }

    @Bean(destroyMethod = "close")
    public DockerClients dockerClients(DockerClientFactory factory) {
        return new DockerClients(factory);
    }

    @Bean
    public HostInventoryReader hostInventoryReader() {
        return new HostInventoryReader(Clock.systemUTC());
    }

    @Bean
    public SwarmInventoryReader swarmInventoryReader() {
        return new SwarmInventoryReader(Clock.systemUTC());
    }
}
