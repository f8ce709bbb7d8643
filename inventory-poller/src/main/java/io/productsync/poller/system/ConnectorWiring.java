package io.productsync.poller.system;

import io.productsync.poller.connector.ConnectorProvider;
import io.productsync.poller.connector.ConnectorRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every {@link ConnectorProvider} bean (today the sandbox) behind one registry. */
@Configuration(proxyBeanMethods = false)
class ConnectorWiring {

    @Bean
    ConnectorRegistry connectorRegistry(List<ConnectorProvider> providers) {
        return new ConnectorRegistry(providers);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
