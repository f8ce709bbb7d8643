package io.productsync.deploy;

import static io.productsync.deploy.DemoEndToEndTest.assertNever;
import static io.productsync.deploy.DemoEndToEndTest.assertSynced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The system on a broker that enforces ACLs, each service signing in as its own SCRAM-SHA-512 user and granted
 * exactly the README's ACL table: it syncs end to end, the table's topics and groups are the ones the services
 * declare and join, and a service missing one ACL refuses to start saying which.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaAclEndToEndTest {

    private static final String TENANT = "secured";
    private static final String CART = "secured-shop";
    private static final int PARTITIONS = 3;
    private static final Set<String> READ_WITHOUT_A_GROUP = Set.of("cart-connections", "wms-connections");

    private final DocumentedAcls acls = DocumentedAcls.fromReadme();
    private Path workDir;
    private SecuredKafka kafka;
    private Infrastructure infrastructure;

    @BeforeAll
    void startBroker(@TempDir Path workDir) {
        this.workDir = workDir;
        kafka = SecuredKafka.start(workDir.resolve("kafka"), PARTITIONS);
        Infrastructure shared = Infrastructure.shared();
        infrastructure = new Infrastructure(
                kafka.saslBootstrapServers(),
                shared.jdbcUrl(),
                shared.username(),
                shared.password(),
                shared.rolePassword());
    }

    @AfterAll
    void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void syncsEndToEndWithExactlyTheDocumentedAcls() throws Exception {
        Map<String, Map<String, Object>> signIns = new LinkedHashMap<>();
        for (String service : ProductSyncServices.ALL) {
            signIns.put(service, kafka.createUser(service));
            kafka.grant(acls.of(service, principal(service)));
        }
        Path sandbox = workDir.resolve("sandbox");
        SandboxFiles.write(SandboxFiles.cart(sandbox, TENANT, CART), """
                sku,inventory_tracked,product_active,quantity
                SAME,true,true,5
                DIFFERS,true,true,3
                BD-RED,true,true,4
                """);
        SandboxFiles.write(SandboxFiles.wms(sandbox, TENANT, "east"), """
                sku,available
                SAME,5
                DIFFERS,8
                BDREAMS-RED,9
                """);

        try (AuthorizationFailures failures = new AuthorizationFailures();
                RunningSystem system = RunningSystem.start(
                        infrastructure,
                        sandbox,
                        workDir.resolve("state"),
                        Duration.ofSeconds(1),
                        Map.of("productsync.kafka.partitions", String.valueOf(PARTITIONS)),
                        signIns)) {
            Path cartCsv = SandboxFiles.cart(sandbox, TENANT, CART);
            // Poller -> matcher -> push applied by the poller -> its result and the cart's new quantity -> report.
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertSynced(system.row(TENANT, CART, "SAME"));
                assertSynced(system.row(TENANT, CART, "DIFFERS"));
                assertThat(SandboxFiles.lastColumn(cartCsv, "DIFFERS")).isEqualTo("8");
                assertNever(system.row(TENANT, CART, "BD-RED"), "NO_WMS_MATCH");
            });
            // The report writes an alias; the matcher reads it.
            HttpResponse<String> put = system.putAlias(TENANT, "BD-RED", "BDREAMS-RED", "LISTING_SKU");
            assertThat(put.statusCode()).as(put.body()).isBetween(200, 204);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode row = system.row(TENANT, CART, "BD-RED");
                assertSynced(row);
                assertThat(row.path("matchedVia").asString()).isEqualTo("ALIAS");
                assertThat(SandboxFiles.lastColumn(cartCsv, "BD-RED")).isEqualTo("9");
            });

            // Not one operation of any service, on any path it took, needed an ACL the table lacks.
            assertThat(failures.all()).isEmpty();
            assertThat(grantedToTheServices()).isEqualTo(Set.copyOf(documentedBindings()));
            assertThat(topicsOnTheBroker()).isEqualTo(documented(ResourceType.TOPIC, AclOperation.CREATE));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(groupsOnTheBroker())
                            .isEqualTo(documented(ResourceType.GROUP, AclOperation.READ)));
            // Nothing granted that is not used: each service declares the topics it may create, its group exists, and
            // its group's members read the topics it may read.
            for (String service : ProductSyncServices.ALL) {
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(readByTheGroupOf(service))
                                .as(service)
                                .isEqualTo(readThroughItsGroup(service)));
            }
        }
    }

    @Test
    void aMatcherThatMayNotReadAnInputRefusesToStartNamingIt() {
        String user = "sync-matcher-without-aliases";
        Map<String, Object> settings = new HashMap<>(kafka.createUser(user));
        List<AclBinding> allButOne = acls.of(ProductSyncServices.MATCHER, principal(user)).stream()
                .filter(binding -> !binding.pattern().name().equals("product-aliases"))
                .toList();
        assertThat(allButOne)
                .hasSize(acls.of(ProductSyncServices.MATCHER, principal(user)).size() - 1);
        kafka.grant(allButOne);
        settings.put("spring.kafka.bootstrap-servers", kafka.saslBootstrapServers());
        settings.put(
                "spring.kafka.streams.state-dir",
                workDir.resolve("refused-matcher").toString());
        settings.put("productsync.kafka.partitions", String.valueOf(PARTITIONS));
        settings.put("productsync.matcher.input-topics-wait", "20s");

        assertThatThrownBy(() -> ProductSyncServices.start(Set.of(ProductSyncServices.MATCHER), settings)
                        .close())
                .hasStackTraceContaining("The matcher does not start: it is not authorized to describe its input topic"
                        + " 'product-aliases'. Grant its principal Read on topic 'product-aliases'");
    }

    private static String principal(String user) {
        return "User:" + user;
    }

    private List<AclBinding> documentedBindings() {
        return ProductSyncServices.ALL.stream()
                .flatMap(service -> acls.of(service, principal(service)).stream())
                .toList();
    }

    private Set<AclBinding> grantedToTheServices() throws Exception {
        Set<String> principals = ProductSyncServices.ALL.stream()
                .map(KafkaAclEndToEndTest::principal)
                .collect(Collectors.toSet());
        return kafka.acls().stream()
                .filter(binding -> principals.contains(binding.entry().principal()))
                .collect(Collectors.toSet());
    }

    /** Literal names of the resources of that type some service is granted the operation on. */
    private Set<String> documented(ResourceType type, AclOperation operation) {
        return acls.rows().stream()
                .filter(row -> row.type() == type && row.pattern() == PatternType.LITERAL)
                .filter(row -> row.operations().contains(operation))
                .map(DocumentedAcls.Row::name)
                .collect(Collectors.toSet());
    }

    /** Every topic but Kafka's own and Kafka Streams' internal ones (which the prefixed row covers). */
    private Set<String> topicsOnTheBroker() throws Exception {
        return kafka.admin().listTopics().names().get().stream()
                .filter(topic -> !topic.startsWith("sync-matcher-v3-"))
                .collect(Collectors.toSet());
    }

    /**
     * The topics the service's table rows let it read, but those the poller reads without a group (it assigns itself
     * every partition of the connection topics).
     */
    private Set<String> readThroughItsGroup(String service) {
        return acls.of(service).stream()
                .filter(row -> row.type() == ResourceType.TOPIC && row.pattern() == PatternType.LITERAL)
                .filter(row -> row.operations().contains(AclOperation.READ))
                .map(DocumentedAcls.Row::name)
                .filter(topic -> !(service.equals(ProductSyncServices.POLLER) && READ_WITHOUT_A_GROUP.contains(topic)))
                .collect(Collectors.toSet());
    }

    /** The topics assigned to the members of the service's group (from its table row), Streams' internal ones aside. */
    private Set<String> readByTheGroupOf(String service) throws Exception {
        String group = acls.of(service).stream()
                .filter(row -> row.type() == ResourceType.GROUP)
                .map(DocumentedAcls.Row::name)
                .findFirst()
                .orElseThrow();
        ConsumerGroupDescription described = kafka.admin()
                .describeConsumerGroups(List.of(group))
                .describedGroups()
                .get(group)
                .get();
        return described.members().stream()
                .flatMap(member -> member.assignment().topicPartitions().stream())
                .map(TopicPartition::topic)
                .filter(topic -> !topic.startsWith("sync-matcher-v3-"))
                .collect(Collectors.toSet());
    }

    private Set<String> groupsOnTheBroker() throws Exception {
        return kafka.admin().listGroups().all().get().stream()
                .map(GroupListing::groupId)
                .collect(Collectors.toSet());
    }
}
