-- A spilled rebuild state is a few kilobytes of serialized bytes, written once and read once (docs/audit.md). Above
-- about 2 kB PostgreSQL compressed each one with pglz on the way in and decompressed it on the way out, CPU the
-- rebuild's two cores could not spare. EXTERNAL keeps the bytes as written; a tuple target of a full page keeps a
-- state of up to about 8 kB in its row instead of moving it to the TOAST table.
ALTER TABLE projection_rebuild_spill ALTER COLUMN state SET STORAGE EXTERNAL;
ALTER TABLE projection_rebuild_spill SET (toast_tuple_target = 8160);
