package io.productsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's database is kept across restarts, so it runs durably (test databases keep the fast defaults). */
class LocalPostgresTest {

    @Test
    void runsWithFsyncSynchronousCommitAndFullPageWrites(@TempDir Path dataDir) throws SQLException {
        try (LocalPostgres postgres = LocalPostgres.start(dataDir, TestPorts.free());
                Connection db = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")) {
            assertThat(setting(db, "fsync")).isEqualTo("on");
            assertThat(setting(db, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(db, "full_page_writes")).isEqualTo("on");
        }
    }

    private static String setting(Connection db, String name) throws SQLException {
        try (ResultSet row = db.createStatement().executeQuery("SHOW " + name)) {
            row.next();
            return row.getString(1);
        }
    }
}
