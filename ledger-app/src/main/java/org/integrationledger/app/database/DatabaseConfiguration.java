package org.integrationledger.app.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The ledger's DataSource: an external PostgreSQL when {@code ledger.database.url} (env {@code LEDGER_DB_URL})
 * is set, otherwise an embedded PostgreSQL started from the data directory it left last time.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(LedgerDatabaseProperties properties) {
        if (properties.external()) {
            return EmbeddedDatabase.none();
        }
        LedgerDatabaseProperties.Embedded embedded = properties.embedded();
        try {
            Files.createDirectories(embedded.dataDirectory());
            OrphanedPostmaster.stopIfAny(embedded.dataDirectory());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(embedded.dataDirectory())
                    .setCleanDataDirectory(false)
                    .setPort(embedded.port())
                    // Spring stops the server when it closes this bean, after everything using it; zonky's own
                    // JVM hook would stop it concurrently with the event processors' shutdown.
                    .setRegisterShutdownHook(false)
                    // zonky sets synchronous_commit=off for fast tests; a ledger answers 200 only for a commit
                    // that is flushed to disk, so the embedded default is as durable as any PostgreSQL.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .start();
            log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), embedded.dataDirectory());
            return EmbeddedDatabase.of(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + embedded.dataDirectory()
                    + " (set LEDGER_DB_URL to use an external PostgreSQL)", e);
        }
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    // Takes the embedded database as a real dependency, so Spring stops PostgreSQL only after the pool and
    // everything using it (event processors included) have shut down.
    HikariDataSource dataSource(LedgerDatabaseProperties properties, EmbeddedDatabase embedded) {
        HikariDataSource dataSource = new HikariDataSource();
        if (properties.external()) {
            dataSource.setJdbcUrl(properties.url());
            dataSource.setUsername(properties.username());
            dataSource.setPassword(properties.password());
        } else {
            dataSource.setJdbcUrl(embedded.jdbcUrl());
            dataSource.setUsername("postgres");
        }
        return dataSource;
    }
}
