package org.integrationledger.query.rebuild;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.Serializable;

/** Opens the {@link BoundedStates} of a rebuild, each as big as {@link RebuildSettings#statesInMemory()} allows. */
@Component
@EnableConfigurationProperties(RebuildSettings.class)
public class RebuildStates {

    private final JdbcTemplate jdbc;
    private final RebuildSettings settings;

    RebuildStates(JdbcTemplate jdbc, RebuildSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Fresh states of one kind; {@code owner} names it (projection and kind) and must be unique among rebuilds. */
    public <S extends Serializable> BoundedStates<S> open(String owner) {
        return new BoundedStates<>(owner, settings.statesInMemory(), jdbc);
    }
}
