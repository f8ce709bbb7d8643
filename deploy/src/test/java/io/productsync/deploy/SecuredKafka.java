package io.productsync.deploy;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;

/**
 * The launcher's own broker ({@link LocalKafka}) with ACLs enforced by KRaft's StandardAuthorizer and a
 * SASL_PLAINTEXT listener that takes SCRAM-SHA-512 users, created through the Admin API. Its PLAINTEXT listener
 * (inter-broker, and this class's own admin client) is the super user's.
 */
final class SecuredKafka implements AutoCloseable {

    static final String MECHANISM = "SCRAM-SHA-512";

    private final LocalKafka kafka;
    private final int saslPort;
    private final Admin superUser;

    private SecuredKafka(LocalKafka kafka, int saslPort) {
        this.kafka = kafka;
        this.saslPort = saslPort;
        this.superUser = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    static SecuredKafka start(Path dataDir, int partitions) {
        int port = TestPorts.freePair();
        int saslPort = TestPorts.free();
        Map<String, String> security = new LinkedHashMap<>();
        security.put(
                "listeners",
                "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + LocalKafka.controllerPort(port)
                        + ",SASL_PLAINTEXT://localhost:" + saslPort);
        security.put(
                "advertised.listeners", "PLAINTEXT://localhost:" + port + ",SASL_PLAINTEXT://localhost:" + saslPort);
        security.put(
                "listener.security.protocol.map",
                "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT");
        security.put("sasl.enabled.mechanisms", MECHANISM);
        security.put(
                "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        security.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // Unauthenticated PLAINTEXT: the broker itself, its controller and the test's admin.
        security.put("super.users", "User:ANONYMOUS");
        return new SecuredKafka(LocalKafka.start(dataDir, port, partitions, security), saslPort);
    }

    /** Where the services connect, as SCRAM users. */
    String saslBootstrapServers() {
        return "localhost:" + saslPort;
    }

    /** The super user's admin client (PLAINTEXT). */
    Admin admin() {
        return superUser;
    }

    /**
     * Creates the SCRAM user with a random password and returns the Kafka client settings (Spring Boot's keys) that
     * sign in as it, once the broker accepts them.
     */
    Map<String, Object> createUser(String user) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        complete(() -> superUser
                .alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                        user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)))
                .all()
                .get());
        Map<String, Object> client = Map.of(
                "spring.kafka.security.protocol",
                "SASL_PLAINTEXT",
                "spring.kafka.properties.sasl.mechanism",
                MECHANISM,
                "spring.kafka.properties.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                        + password + "\";");
        // The credential reaches the broker through the metadata log: sign in once before a service tries.
        Map<String, Object> admin = new LinkedHashMap<>();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, saslBootstrapServers());
        admin.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        admin.put("sasl.mechanism", MECHANISM);
        admin.put("sasl.jaas.config", client.get("spring.kafka.properties.sasl.jaas.config"));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try (Admin signedIn = Admin.create(admin)) {
                return signedIn.describeCluster().clusterId().get() != null;
            }
        });
        return client;
    }

    /** Grants the bindings and returns once the broker's authorizer holds them. */
    void grant(Collection<AclBinding> bindings) {
        complete(() -> superUser.createAcls(bindings).all().get());
        await().atMost(Duration.ofSeconds(30)).until(() -> acls().containsAll(bindings));
    }

    Set<AclBinding> acls() throws ExecutionException, InterruptedException {
        return new HashSet<>(
                superUser.describeAcls(AclBindingFilter.ANY).values().get());
    }

    private interface Call {
        void run() throws ExecutionException, InterruptedException;
    }

    private static void complete(Call call) {
        try {
            call.run();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        superUser.close();
        kafka.close();
    }
}
