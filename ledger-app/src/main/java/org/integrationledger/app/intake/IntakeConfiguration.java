package org.integrationledger.app.intake;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/** Group commit: the transaction that several messages share, and Axon's transactions inside it. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    GroupCommit groupCommit(PlatformTransactionManager transactions, MeterRegistry meters) {
        return new GroupCommit(transactions, meters);
    }

    /** Replaces Axon's default (Spring's transactions, joined): the same, but a savepoint per unit of work in a group. */
    @Bean
    TransactionManager groupCommitTransactionManager(PlatformTransactionManager transactions, DataSource dataSource) {
        return new GroupCommitTransactionManager(transactions, new Savepoints(dataSource));
    }
}
