package io.productsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The environment variables the root README gives for Kafka's security reach every kind of Kafka client config Boot
 * builds (the services build all theirs, Kafka Streams' included, from these).
 */
class SecuritySettingsFromEnvironmentTest {

    private static final String JAAS =
            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";";

    @Test
    void readmeEnvironmentVariablesReachProducersConsumersAdminsAndStreams() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                // Named as Boot names the real environment's, so Boot maps the variables' names as it does there.
                .addFirst(new SystemEnvironmentPropertySource(
                        "readme-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of(
                                "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                                "SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PEM",
                                "SPRING_KAFKA_SSL_TRUST_STORE_LOCATION", "file:/etc/productsync/kafka-ca.pem",
                                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512",
                                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", JAAS)));
        KafkaProperties kafka = new Binder(ConfigurationPropertySources.from(environment.getPropertySources()))
                .bindOrCreate("spring.kafka", KafkaProperties.class);

        for (Map<String, Object> client : List.of(
                kafka.buildProducerProperties(),
                kafka.buildConsumerProperties(),
                kafka.buildAdminProperties(),
                kafka.buildStreamsProperties())) {
            assertThat(client)
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("ssl.truststore.type", "PEM")
                    .containsEntry("ssl.truststore.location", "/etc/productsync/kafka-ca.pem")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("sasl.jaas.config", JAAS);
        }
    }
}
