package org.integrationledger.app.throttling;

import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.integrationledger.app.security.ConnectorSecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Throttles the API per principal ({@code ledger.security.throttling}, on unless {@code enabled: false}), with
 * Bucket4j's PostgreSQL buckets in the table {@code throttling_bucket} (Flyway migration).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "ledger.security.throttling", name = "enabled", matchIfMissing = true)
class ThrottlingConfiguration implements WebMvcConfigurer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ThrottlingConfiguration.class);
    static final String TABLE = "throttling_bucket";
    /** A full bucket is the same as none: its row may go once it would have refilled, plus this margin. */
    private static final Duration KEEP_AFTER_REFILL = Duration.ofMinutes(5);
    private static final int PURGE_BATCH = 1_000;
    /**
     * The buckets' own pool waits at most this long for a connection. A request that settles its bucket while the
     * database is unreachable also waits for the batch in flight before it, so two waits add up: with the main
     * pool's 2.5 s an outage answer took 5.01 s, over the 5 s the fault suite allows (scenario d).
     */
    private static final Duration BUCKET_CONNECTION_TIMEOUT = Duration.ofSeconds(1);

    private final PrincipalThrottle throttle;
    private final SignInThrottle signInThrottle;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final HikariDataSource bucketPool;

    ThrottlingConfiguration(DataSource dataSource, ThrottlingProperties properties,
                            ConnectorSecurityProperties connectors) {
        // A misspelt override would leave its connector at the default limit without a word.
        properties.principals().keySet().stream()
                .filter(principal -> !connectors.connectors().containsKey(principal))
                .forEach(principal -> log.warn("ledger.security.throttling.principals.{} names no connector of "
                        + "ledger.security.connectors; its limit applies to no API key", principal));
        this.bucketPool = bucketPool(dataSource);
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(bucketPool == null ? dataSource : bucketPool)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
                .build();
        this.throttle = new PrincipalThrottle(buckets, properties);
        this.signInThrottle = new SignInThrottle(buckets, properties.signIn());
    }

    /** A small pool on the ledger's database for the buckets alone; none if the data source is not Hikari's. */
    private static HikariDataSource bucketPool(DataSource dataSource) {
        try {
            if (!dataSource.isWrapperFor(HikariDataSource.class)) {
                return null;
            }
            HikariDataSource main = dataSource.unwrap(HikariDataSource.class);
            HikariDataSource pool = new HikariDataSource();
            pool.setPoolName("ledger-throttling");
            pool.setJdbcUrl(main.getJdbcUrl());
            pool.setUsername(main.getUsername());
            pool.setPassword(main.getPassword());
            pool.setMaximumPoolSize(2);
            pool.setConnectionTimeout(BUCKET_CONNECTION_TIMEOUT.toMillis());
            return pool;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ledger's connection settings for the throttle", e);
        }
    }

    @Override
    public void destroy() {
        if (bucketPool != null) {
            bucketPool.close();
        }
    }

    @Bean
    PrincipalThrottle principalThrottle() {
        return throttle;
    }

    @Bean
    SignInThrottle signInThrottle() {
        return signInThrottle;
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
