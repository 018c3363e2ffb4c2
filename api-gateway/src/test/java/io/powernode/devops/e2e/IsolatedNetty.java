package io.powernode.devops.e2e;

import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Gives each test platform its own Netty event loops. By default Reactor Netty's are global, so stopping one
 * platform (the restart test) would tear down the server of another still running in the same JVM.
 */
class IsolatedNetty {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }
}
