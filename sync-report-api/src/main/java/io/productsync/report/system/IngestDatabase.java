package io.productsync.report.system;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A second pool for the projections, as the ingest role. Its beans are not default candidates, so Boot's own DataSource,
 * JdbcTemplate, JdbcClient and TransactionTemplate stay the web role's and only {@link Ingest} asks for these.
 */
@Configuration(proxyBeanMethods = false)
class IngestDatabase {

    @Bean(defaultCandidate = false)
    @Ingest
    HikariDataSource ingestDataSource(
            DataSourceProperties web, IngestDatabaseSettings ingest, Environment environment) {
        HikariDataSource dataSource = web.initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .username(ingest.username())
                .password(ingest.password())
                .build();
        // Pooled like the web role (timeouts, the driver's properties such as batch rewriting and TLS).
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(dataSource));
        dataSource.setPoolName("ingest");
        return dataSource;
    }

    @Bean(defaultCandidate = false)
    @Ingest
    JdbcTemplate ingestJdbcTemplate(@Ingest DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    @Bean(defaultCandidate = false)
    @Ingest
    TransactionTemplate ingestTransactionTemplate(@Ingest DataSource dataSource) {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }
}
