package io.productsync.report.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productsync.report.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Row-level security on the real database (V10): tenants {@code a} and {@code b} hold rows with the same keys in every
 * tenant table; queries that forget their tenant filter, run as the roles the service connects as.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityTest {

    private static final List<String> TENANT_TABLES = List.of(
            "product_sync",
            "product_sync_counts",
            "cart_cycles",
            "carts",
            "wms_connections",
            "aliases",
            "wms_skus",
            "snapshot_holds",
            "api_keys");

    // Not tenant tables: Flyway's, and the operator's password hash (local_accounts, the ingest role's alone, V11).
    private static final Set<String> NOT_ROW_SECURED = Set.of("flyway_schema_history", "local_accounts");

    private final DataSource database = TestDatabase.migrated("rls");
    private final JdbcTemplate superuser = new JdbcTemplate(database);
    private final TenantReads reads = TestDatabase.reads(database);
    private final JdbcTemplate webWithoutTenant = new JdbcTemplate(TestDatabase.web(database));

    @BeforeAll
    void sameKeysInTwoTenants() {
        for (String tenant : List.of("a", "b")) {
            superuser.update("""
                    INSERT INTO product_sync (tenant_id, cart_id, sku, inventory_enabled, outcome, evaluated_at, event_id)
                    VALUES (?, 'shop', 'SKU-1', true, 'VERIFIED', now(), gen_random_uuid())""", tenant);
            superuser.update("INSERT INTO cart_cycles VALUES (?, 'shop', now(), now())", tenant);
            TestDatabase.connectShops(superuser, tenant);
            superuser.update(
                    "INSERT INTO wms_connections (tenant_id, wms_id, platform, settings, configured_at)"
                            + " VALUES (?, 'main', 'sandbox', '{}', now())",
                    tenant);
            superuser.update("INSERT INTO aliases VALUES (?, 'UPC-1', 'SKU-1', 'UPC', now())", tenant);
            superuser.update("INSERT INTO wms_skus VALUES (?, 'main', 'SKU-1', 'sku1')", tenant);
            superuser.update(
                    "INSERT INTO snapshot_holds VALUES (?, 'CART', 'shop', 'MASS_REMOVAL', 10, 6, 1, 3, now(), now(),"
                            + " gen_random_uuid())",
                    tenant);
            superuser.update(
                    "INSERT INTO api_keys (key_id, tenant_id, name, role, key_hash, created_at)"
                            + " VALUES (gen_random_uuid(), ?, 'ci', 'viewer', sha256(?::bytea), now())",
                    tenant,
                    tenant);
        }
    }

    @Test
    void theWebRoleCreatesAndChangesOnlyItsOwnTenantsApiKeys() {
        int othersRenamed = reads.write(
                "a",
                jdbc -> jdbc.sql("UPDATE api_keys SET name = 'taken' WHERE tenant_id = 'b'")
                        .update());
        int ownRenamed = reads.write(
                "a",
                jdbc -> jdbc.sql("UPDATE api_keys SET name = 'renamed' WHERE tenant_id = 'a'")
                        .update());
        assertThat(othersRenamed).isZero();
        assertThat(ownRenamed).isEqualTo(1);

        assertThatThrownBy(() -> reads.write(
                        "a",
                        jdbc -> jdbc.sql("INSERT INTO api_keys (key_id, tenant_id, name, role, key_hash, created_at)"
                                        + " VALUES (gen_random_uuid(), 'b', 'planted', 'admin', '\\x00', now())")
                                .update()))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("row-level security");
        assertThatThrownBy(() -> reads.write(
                        "a", jdbc -> jdbc.sql("DELETE FROM api_keys").update()))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThat(superuser.queryForList("SELECT name FROM api_keys WHERE tenant_id = 'b'", String.class))
                .containsExactly("ci");
    }

    @Test
    void aQueryThatForgetsItsTenantFilterSeesOnlyTheTransactionsTenant() {
        for (String table : TENANT_TABLES) {
            assertThat(superuser.queryForList("SELECT DISTINCT tenant_id FROM " + table, String.class))
                    .as("the fixture of %s", table)
                    .containsExactlyInAnyOrder("a", "b");

            List<String> seen = reads.read(
                    "a",
                    jdbc -> jdbc.sql("SELECT tenant_id FROM " + table)
                            .query(String.class)
                            .list());

            assertThat(seen).as(table).isNotEmpty().containsOnly("a");
        }
    }

    @Test
    void aOneRoundTripReadSeesOnlyItsTenantAndLeavesNothingOnItsConnection() {
        String url = ((DriverManagerDataSource) database).getUrl();
        try (SingleConnectionDataSource connection = new SingleConnectionDataSource(url, "productsync_web", "", true)) {
            TenantReads oneConnection = new TenantReads(connection);
            JdbcTemplate sameConnection = new JdbcTemplate(connection);
            for (String table : TENANT_TABLES) {
                List<String> seen = oneConnection.query(
                        "b", "SELECT tenant_id FROM " + table, Map.of(), (rs, n) -> rs.getString(1));

                assertThat(seen).as(table).isNotEmpty().containsOnly("b");
                // The setting lived in the round trip's implicit transaction only: the next query sees nothing.
                assertThat(sameConnection.queryForObject(
                                "SELECT current_setting('productsync.tenant_id', true)", String.class))
                        .as(table)
                        .isNullOrEmpty();
                assertThat(sameConnection.queryForObject("SELECT count(*) FROM " + table, Long.class))
                        .as(table)
                        .isZero();
            }
        }
    }

    @Test
    void theWebRoleSeesNoRowsOutsideATenantsTransaction() {
        long inTenantB = reads.read(
                "b",
                jdbc -> jdbc.sql("SELECT count(*) FROM aliases")
                        .query(Long.class)
                        .single());
        assertThat(inTenantB).isEqualTo(1);

        for (String table : TENANT_TABLES) {
            assertThat(webWithoutTenant.queryForObject("SELECT count(*) FROM " + table, Long.class))
                    .as(table)
                    .isZero();
        }
    }

    @Test
    void aWriteAsTheWebRoleToAnotherTenantsRowIsRefused() {
        List<String> writes = List.of(
                "UPDATE product_sync SET outcome = 'FAILED' WHERE tenant_id = 'b'",
                "DELETE FROM aliases WHERE tenant_id = 'b'",
                "INSERT INTO aliases VALUES ('b', 'UPC-2', 'SKU-1', 'UPC', now())",
                "UPDATE carts SET wms_id = 'other' WHERE tenant_id = 'b'");
        for (String write : writes) {
            assertThatThrownBy(() -> reads.read("a", jdbc -> jdbc.sql(write).update()))
                    .as(write)
                    .isInstanceOf(DataAccessException.class)
                    .rootCause()
                    .hasMessageContaining("permission denied");
        }

        assertThat(superuser.queryForList("SELECT outcome FROM product_sync WHERE tenant_id = 'b'", String.class))
                .containsExactly("VERIFIED");
        assertThat(superuser.queryForList("SELECT alias FROM aliases WHERE tenant_id = 'b'", String.class))
                .containsExactly("UPC-1");
        assertThat(superuser.queryForList("SELECT wms_id FROM carts WHERE tenant_id = 'b'", String.class))
                .containsExactly("main");
    }

    @Test
    void theIngestRoleSeesAndWritesEveryTenant() {
        JdbcTemplate ingest = new JdbcTemplate(TestDatabase.ingest(database));

        assertThat(ingest.queryForList("SELECT DISTINCT tenant_id FROM wms_skus", String.class))
                .containsExactlyInAnyOrder("a", "b");
        assertThat(ingest.update("INSERT INTO wms_skus VALUES ('a', 'main', 'SKU-2', 'sku2'), ('b', 'main', 'SKU-2',"
                        + " 'sku2')"))
                .isEqualTo(2);
        assertThat(ingest.update("DELETE FROM wms_skus WHERE sku = 'SKU-2'")).isEqualTo(2);
    }

    @Test
    void everyTenantTableIsRowSecuredForcedAndHasBothRolesPolicies() {
        List<String> tablesWithTenant = superuser.queryForList("""
                SELECT table_name FROM information_schema.columns
                WHERE table_schema = 'public' AND column_name = 'tenant_id' ORDER BY 1""", String.class);
        assertThat(tablesWithTenant)
                .filteredOn(t -> !NOT_ROW_SECURED.contains(t))
                .containsExactlyInAnyOrderElementsOf(TENANT_TABLES);

        for (String table : TENANT_TABLES) {
            Map<String, Object> flags = superuser.queryForMap(
                    "SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = to_regclass(?)", table);
            assertThat(flags)
                    .as(table)
                    .containsEntry("relrowsecurity", true)
                    .containsEntry("relforcerowsecurity", true);
            assertThat(superuser.queryForList(
                            "SELECT unnest(roles)::text FROM pg_policies WHERE tablename = ?", String.class, table))
                    .as(table)
                    .containsExactlyInAnyOrder("productsync_web", "productsync_ingest");
        }
    }

    @Test
    void neitherRoleOwnsTheTablesNorBypassesRowSecurity() {
        for (String role : List.of("productsync_web", "productsync_ingest")) {
            assertThat(superuser.queryForMap("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = ?", role))
                    .as(role)
                    .containsEntry("rolsuper", false)
                    .containsEntry("rolbypassrls", false);
            assertThat(superuser.queryForObject(
                            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = ?",
                            Long.class,
                            role))
                    .as(role)
                    .isZero();
        }
    }
}
