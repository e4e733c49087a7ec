package org.integrationledger.app.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.web.context.request.ServletWebRequest;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure whose cause says nothing of the database (a transaction rolled back after an error that was swallowed
 * reports only that) is the outage while PostgreSQL cannot be reached, and a plain 500 otherwise.
 */
class UnexplainedFailureDuringOutageTest {

    private static final Exception UNEXPLAINED =
            new UnexpectedRollbackException("Transaction silently rolled back because it has been marked as rollback-only");

    @Test
    void anUnexplainedFailureWhileTheDatabaseIsUnreachableIsTheOutage() {
        ResponseEntity<Object> answer = handler(new Unreachable()).unexpected(UNEXPLAINED, request());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(((ProblemDetail) answer.getBody()).getProperties()).containsEntry("code", "database-unavailable");
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo(ApiProblemHandler.RETRY_AFTER_SECONDS);
    }

    @Test
    void anUnexplainedFailureWithTheDatabaseUpIsAnInternalError() {
        ResponseEntity<Object> answer = handler(new Reachable()).unexpected(UNEXPLAINED, request());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(((ProblemDetail) answer.getBody()).getProperties()).containsEntry("code", "internal-error");
    }

    private static ApiProblemHandler handler(DataSource dataSource) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("dataSource", dataSource);
        return new ApiProblemHandler(beans.getBeanProvider(DataSource.class));
    }

    private static ServletWebRequest request() {
        return new ServletWebRequest(new MockHttpServletRequest("POST", "/api/v1/invoices/INV-1/receipt"));
    }

    private static final class Unreachable extends AbstractDataSource {
        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLTransientConnectionException("ledger - Connection is not available, request timed out");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }

    private static final class Reachable extends AbstractDataSource {
        @Override
        public Connection getConnection() {
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "isValid" -> true;
                        case "close" -> null;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        @Override
        public Connection getConnection(String username, String password) {
            return getConnection();
        }
    }
}
