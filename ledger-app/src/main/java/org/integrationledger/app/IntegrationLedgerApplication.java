package org.integrationledger.app;

import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration;
import org.integrationledger.command.CommandSideConfiguration;
import org.integrationledger.query.QuerySideConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The Integration Ledger. Runs both sides by default; {@code ledger.command-side.enabled=false} or
 * {@code ledger.query-side.enabled=false} turns it into a single-side process against the same database.
 */
// Axon's JPA event store and token store are replaced by the JDBC ones (bytea tables created by Flyway). Spring Boot's
// /error page is replaced by the problem+json error report (web/ErrorSurfaceConfiguration), which answers every error
// the same way, whether it arose before, in or after the servlet.
@SpringBootApplication(exclude = {JpaAutoConfiguration.class, JpaEventStoreAutoConfiguration.class,
        ErrorMvcAutoConfiguration.class})
@ConfigurationPropertiesScan
@Import({CommandSideConfiguration.class, QuerySideConfiguration.class})
public class IntegrationLedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(IntegrationLedgerApplication.class, args);
    }
}
