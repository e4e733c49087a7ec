package org.integrationledger.app.deadletter;

import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.UncategorizedSQLException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class TransienceTest {

    @Test
    void theMomentIsRetried() {
        assertThat(Transience.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(Transience.isTransient(new UncategorizedSQLException("flush", "UPDATE …",
                new SQLException("connection reset", "08006")))).isTrue();
        assertThat(Transience.isTransient(new SQLException("lock timeout", "55P03"))).isTrue();
        assertThat(Transience.isTransient(new TransientDataAccessResourceException("away"))).isTrue();
        assertThat(Transience.isTransient(new UnableToClaimTokenException("claimed elsewhere"))).isTrue();
    }

    @Test
    void theDataIsParked() {
        assertThat(Transience.isTransient(new DataIntegrityViolationException("numeric field overflow",
                new SQLException("numeric field overflow", "22003")))).isFalse();
        assertThat(Transience.isTransient(new SQLException("timestamp out of range", "22008"))).isFalse();
        assertThat(Transience.isTransient(new IllegalStateException("a handler's own bug"))).isFalse();
    }

    @Test
    void anAbortedTransactionIsJudgedByWhatAbortedIt() {
        SQLException aborted = new SQLException("current transaction is aborted", "25P02");
        aborted.setNextException(new SQLException("numeric field overflow", "22003"));
        assertThat(Transience.isTransient(aborted)).isFalse();
        SQLException abortedByDeadlock = new SQLException("current transaction is aborted", "25P02");
        abortedByDeadlock.setNextException(new SQLException("deadlock detected", "40P01"));
        assertThat(Transience.isTransient(abortedByDeadlock)).isTrue();
    }
}
