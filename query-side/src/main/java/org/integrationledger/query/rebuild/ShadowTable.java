package org.integrationledger.query.rebuild;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

/**
 * A table a rebuild fills beside a live one and then renames into its place, instead of deleting the live rows and
 * inserting the rebuilt ones into a table that keeps all its indexes. The shadow starts with the live table's
 * columns, defaults and checks and without any index; the rows go in first, and the live table's key, unique
 * constraints and indexes are built afterwards (read from the catalog, so one a later migration adds comes
 * along): one sort per index instead of a B-tree insert per row, which was most of a switch's time
 * (docs/audit.md). Nothing may refer to a shadowed table by a foreign key, a view or a trigger: the live table is
 * dropped.
 */
public final class ShadowTable {

    private static final String SUFFIX = "_rebuilt";

    private final JdbcTemplate jdbc;
    private final String live;
    private final String shadow;

    public ShadowTable(JdbcTemplate jdbc, String live, String shadow) {
        this.jdbc = jdbc;
        this.live = live;
        this.shadow = shadow;
    }

    /** The shadow's name: the table the rebuild writes. */
    public String name() {
        return shadow;
    }

    /**
     * Starts the shadow afresh, empty and without any index, with the live table's columns as they are now;
     * whatever a failed or interrupted rebuild left goes with it. Unlogged when the rows are written long before
     * they become live (see {@link #makeDurable()}).
     */
    public void recreate(boolean unlogged) {
        jdbc.update("DROP TABLE IF EXISTS " + shadow);
        jdbc.update("CREATE " + (unlogged ? "UNLOGGED " : "") + "TABLE " + shadow + " (LIKE " + live
                + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
    }

    public void makeDurable() {
        jdbc.update("ALTER TABLE " + shadow + " SET LOGGED");
    }

    /**
     * Gives the shadow the live table's key, unique constraints and other indexes, under the live names with
     * {@value #SUFFIX} appended, and analyzes it so the first queries after the swap are planned on statistics.
     */
    public void index() {
        for (Map<String, Object> constraint : liveConstraints()) {
            jdbc.update("ALTER TABLE " + shadow + " ADD CONSTRAINT " + constraint.get("conname") + SUFFIX + " "
                    + constraint.get("definition"));
        }
        for (Map<String, Object> index : liveIndexes()) {
            String definition = (String) index.get("indexdef");
            String name = (String) index.get("indexname");
            jdbc.update(definition
                    .replaceFirst("INDEX " + name + " ON ", "INDEX " + name + SUFFIX + " ON ")
                    .replaceFirst(" ON (\\S+\\.)?" + live + " ", " ON $1" + shadow + " "));
        }
        jdbc.update("ANALYZE " + shadow);
    }

    /**
     * Makes the shadow the live table, inside the caller's transaction: drops the live table and renames the shadow,
     * its constraints and its indexes into its place. Readers of the table wait for the caller's commit from here
     * on (the drop locks it), so a switch does this at its end.
     */
    public void swapIn() {
        List<Map<String, Object>> constraints = liveConstraints();
        List<Map<String, Object>> indexes = liveIndexes();
        jdbc.update("DROP TABLE " + live);
        jdbc.update("ALTER TABLE " + shadow + " RENAME TO " + live);
        for (Map<String, Object> constraint : constraints) {
            String name = (String) constraint.get("conname");
            jdbc.update("ALTER TABLE " + live + " RENAME CONSTRAINT " + name + SUFFIX + " TO " + name);
        }
        for (Map<String, Object> index : indexes) {
            String name = (String) index.get("indexname");
            jdbc.update("ALTER INDEX " + name + SUFFIX + " RENAME TO " + name);
        }
    }

    /** The live table's constraints that own an index (key, unique, exclusion), with their definitions. */
    private List<Map<String, Object>> liveConstraints() {
        return jdbc.queryForList("SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint "
                + "WHERE conrelid = to_regclass(?) AND contype IN ('p', 'u', 'x') ORDER BY conname", live);
    }

    /** The live table's indexes that no constraint owns, as {@code pg_indexes} writes them. */
    private List<Map<String, Object>> liveIndexes() {
        return jdbc.queryForList("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                + " AND tablename = ? AND indexname NOT IN (SELECT conname FROM pg_constraint"
                + " WHERE conrelid = to_regclass(?) AND contype IN ('p', 'u', 'x')) ORDER BY indexname", live, live);
    }
}
