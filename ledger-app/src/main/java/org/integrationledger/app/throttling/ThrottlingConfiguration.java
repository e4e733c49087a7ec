package org.integrationledger.app.throttling;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.integrationledger.app.security.ConnectorSecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Throttles the API per principal ({@code ledger.security.throttling}, on unless {@code enabled: false}), with
 * Bucket4j's PostgreSQL buckets in the table {@code throttling_bucket} (Flyway migration).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "ledger.security.throttling", name = "enabled", matchIfMissing = true)
class ThrottlingConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ThrottlingConfiguration.class);
    static final String TABLE = "throttling_bucket";
    /** A full bucket is the same as none: its row may go once it would have refilled, plus this margin. */
    private static final Duration KEEP_AFTER_REFILL = Duration.ofMinutes(5);
    private static final int PURGE_BATCH = 1_000;

    private final PrincipalThrottle throttle;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    ThrottlingConfiguration(DataSource dataSource, ThrottlingProperties properties,
                            ConnectorSecurityProperties connectors) {
        // A misspelt override would leave its connector at the default limit without a word.
        properties.principals().keySet().stream()
                .filter(principal -> !connectors.connectors().containsKey(principal))
                .forEach(principal -> log.warn("ledger.security.throttling.principals.{} names no connector of "
                        + "ledger.security.connectors; its limit applies to no API key", principal));
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
                .build();
        this.throttle = new PrincipalThrottle(buckets, properties);
    }

    @Bean
    PrincipalThrottle principalThrottle() {
        return throttle;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ThrottlingInterceptor(throttle)).addPathPatterns("/api/**");
    }

    /** Rows of buckets no one drew from lately, and of limits no longer configured. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void purgeExpiredBuckets() {
        while (buckets.removeExpired(PURGE_BATCH) == PURGE_BATCH) {
            // another full batch may follow
        }
    }
}
