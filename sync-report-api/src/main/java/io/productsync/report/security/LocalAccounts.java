package io.productsync.report.security;

import io.productsync.report.system.Ingest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code local_accounts} table: a user name and the hash of its password, nothing else. */
@Component
class LocalAccounts {

    private final JdbcClient jdbc;
    private final Clock clock;

    /** {@code accounts}: the ingest role (V11), the service's own; the web role cannot read a password hash. */
    LocalAccounts(@Ingest DataSource accounts, Clock clock) {
        this.jdbc = JdbcClient.create(accounts);
        this.clock = clock;
    }

    Optional<String> passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM local_accounts WHERE username = ?")
                .param(username)
                .query(String.class)
                .optional();
    }

    /** Creates the account unless it exists; true when this call created it (of two instances starting, one does). */
    boolean createIfAbsent(String username, String passwordHash) {
        return jdbc.sql("""
                        INSERT INTO local_accounts (username, password_hash, updated_at) VALUES (?, ?, ?)
                        ON CONFLICT (username) DO NOTHING
                        """)
                        .params(username, passwordHash, Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    void setPasswordHash(String username, String passwordHash) {
        jdbc.sql("""
                        INSERT INTO local_accounts (username, password_hash, updated_at) VALUES (?, ?, ?)
                        ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash,
                                                             updated_at = excluded.updated_at
                        """)
                .params(username, passwordHash, Timestamp.from(clock.instant()))
                .update();
    }
}
