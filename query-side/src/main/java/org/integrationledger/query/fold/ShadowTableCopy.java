package org.integrationledger.query.fold;

import org.integrationledger.query.rebuild.BoundedStates;
import org.integrationledger.query.rebuild.CopyRows;
import org.integrationledger.query.rebuild.ShadowTable;
import org.integrationledger.query.rebuild.SwitchSteps;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Rebuilt states written as one row each beside the live table: every row once the store is read, before the
 * processors stop, then indexed ({@link ShadowTable}); the switch rewrites only the rows the last events changed and
 * renames the table in. Rows go in with COPY into a table without indexes, not as inserts: every row is written.
 */
public final class ShadowTableCopy<S extends Serializable> implements RebuiltTables<S> {

    private static final int COPY_CHUNK = 1_000;

    private final JdbcTemplate jdbc;
    private final String projection;
    private final ShadowTable rebuilt;
    private final String keyColumn;
    private final String columns;
    private final Function<S, Object[]> row;

    /**
     * @param columns the table's columns in the order of {@code row}'s values
     * @param row     one state's values, as the live table stores them
     */
    public ShadowTableCopy(JdbcTemplate jdbc, String projection, String liveTable, String keyColumn, String columns,
                           Function<S, Object[]> row) {
        this.jdbc = jdbc;
        this.projection = projection;
        this.rebuilt = new ShadowTable(jdbc, liveTable, liveTable + "_rebuilt");
        this.keyColumn = keyColumn;
        this.columns = columns;
        this.row = row;
    }

    @Override
    public void prepareSwitch(BoundedStates<S> states) {
        SwitchSteps steps = new SwitchSteps(projection + " (before the stop)");
        rebuilt.recreate(false);
        copy(states.snapshot());
        steps.step("rebuilt rows written beside");
        rebuilt.index();
        steps.step("rebuilt rows indexed and analyzed");
        steps.log();
    }

    @Override
    public void replaceLive(BoundedStates<S> states) {
        SwitchSteps steps = new SwitchSteps(projection);
        Map<String, S> touched = states.touchedSinceSnapshot();
        if (!touched.isEmpty()) {
            jdbc.update("DELETE FROM " + rebuilt.name() + " WHERE " + keyColumn + " = ANY (?)",
                    (Object) touched.keySet().toArray(String[]::new));
            copy(touched.values());
        }
        steps.step(touched.size() + " rows of the last events rewritten beside");
        steps.log();
    }

    @Override
    public void swapIn() {
        rebuilt.swapIn();
    }

    private void copy(Iterable<S> states) {
        List<Object[]> rows = new ArrayList<>(COPY_CHUNK);
        for (S state : states) {
            rows.add(row.apply(state));
            if (rows.size() == COPY_CHUNK) {
                CopyRows.copy(jdbc, rebuilt.name(), columns, rows);
                rows.clear();
            }
        }
        CopyRows.copy(jdbc, rebuilt.name(), columns, rows);
    }
}
