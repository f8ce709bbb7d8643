package io.productsync.report.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productsync.report.TestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The service refuses to start as a role that row-level security would not bind. */
class DatabaseRoleCheckTest {

    private final DataSource superuser = TestDatabase.migrated("role_check");

    @Test
    void startsAsTheWebAndIngestRoles() {
        var check = new DatabaseRoleCheck(TestDatabase.web(superuser), TestDatabase.ingest(superuser));

        assertThatCode(check::afterSingletonsInstantiated).doesNotThrowAnyException();
    }

    @Test
    void refusesASuperuserAsTheWebRole() {
        var check = new DatabaseRoleCheck(superuser, TestDatabase.ingest(superuser));

        assertThatThrownBy(check::afterSingletonsInstantiated)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'postgres' (spring.datasource.username)")
                .hasMessageContaining("row-level security");
    }

    @Test
    void refusesTheTablesOwnerAsTheIngestRole() {
        var owner = new org.springframework.jdbc.core.JdbcTemplate(superuser);
        owner.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'role_check_owner') THEN"
                + " CREATE ROLE role_check_owner LOGIN; END IF; END $$");
        owner.execute("ALTER TABLE product_sync OWNER TO role_check_owner");
        DataSource asOwner = new org.springframework.jdbc.datasource.DriverManagerDataSource(
                ((org.springframework.jdbc.datasource.DriverManagerDataSource) superuser).getUrl(),
                "role_check_owner",
                "");
        var check = new DatabaseRoleCheck(TestDatabase.web(superuser), asOwner);

        assertThatThrownBy(check::afterSingletonsInstantiated)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'role_check_owner' (productsync.database.ingest)");
    }
}
