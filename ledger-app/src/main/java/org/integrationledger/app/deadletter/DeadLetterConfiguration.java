package org.integrationledger.app.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * How processors with a dead-letter queue ({@code axon.eventhandling.processors.<name>.dlq.enabled}, Axon's JDBC
 * queue over {@code dead_letter_entry}) park a failing event: only after its own transaction rolled back
 * ({@link ParkOnlyAfterRollback}), by redoing a failed batch one event per transaction
 * ({@link FailedBatchIsolation}); what could not be parked is recorded as a stall ({@link ProcessorStalls}).
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    @Bean
    ProcessorStalls processorStalls(Clock clock,
                                    @Value("${ledger.dead-letters.forget-stall-after:PT3M}") Duration forgetAfter) {
        return new ProcessorStalls(clock, forgetAfter);
    }

    @Bean
    ParkedCounts parkedCounts(JdbcTemplate jdbc, Clock clock, EventProcessorProperties properties,
                              @Value("${ledger.dead-letters.count-max-age:PT5S}") Duration maxAge) {
        return new ParkedCounts(jdbc, clock, maxAge, properties);
    }

    /** {@code ledger.dead_letters}: parked documents ({@code kind=sequences}) and events ({@code kind=letters}). */
    @Bean
    MeterBinder deadLetterGauges(ParkedCounts counts) {
        return registry -> counts.processors().forEach(processor -> {
            Gauge.builder("ledger.dead_letters", counts, c -> c.of(processor).sequences())
                    .tags(Tags.of("processor", processor, "kind", "sequences"))
                    .description("Documents whose events the processor has parked").register(registry);
            Gauge.builder("ledger.dead_letters", counts, c -> c.of(processor).letters())
                    .tags(Tags.of("processor", processor, "kind", "letters"))
                    .description("Events the processor has parked").register(registry);
        });
    }

    @Bean
    ParkedAnnouncements parkedAnnouncements(JdbcTemplate jdbc, Clock clock) {
        return new ParkedAnnouncements(jdbc, clock);
    }

    @Bean
    ConfigurerModule failedBatchesAreIsolatedAndParked(ProcessorStalls stalls, ParkedAnnouncements announcements,
                                                       ParkedCounts counts) {
        return configurer -> configurer.eventProcessing(processing -> {
            processing
                    .registerDefaultErrorHandler(
                            c -> new FailedBatchIsolation(c::eventProcessingConfiguration, stalls, announcements))
                    .registerDefaultDeadLetterPolicy(c -> new ParkOnlyAfterRollback());
            counts.processors().forEach(name -> processing.registerHandlerInterceptor(name,
                    c -> new ParkedCacheReset(name, counts, c::eventProcessingConfiguration)));
        });
    }
}
