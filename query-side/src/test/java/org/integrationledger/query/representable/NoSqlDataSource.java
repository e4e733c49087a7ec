package org.integrationledger.query.representable;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/** A database no statement may reach: it counts and refuses every connection, so a test can say none was asked for. */
public final class NoSqlDataSource {

    private final AtomicInteger connectionsAsked = new AtomicInteger();
    private final DataSource dataSource = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
            new Class<?>[]{DataSource.class}, (proxy, method, arguments) -> {
                if (method.getName().startsWith("getConnection")) {
                    connectionsAsked.incrementAndGet();
                    throw new SQLException("no SQL may be sent here");
                }
                if (method.getName().equals("toString")) {
                    return "NoSqlDataSource";
                }
                throw new UnsupportedOperationException(method.getName());
            });

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    public int connectionsAsked() {
        return connectionsAsked.get();
    }
}
