-- The undo triggers of every projection table (migration 0007's) are installed from one list: the
-- service calls this after its migrations with @rhizome/db's PROJECTION_TABLES, so a new
-- projection table needs only its place in that list, and a test checks that every table of the
-- schema is either a projection with these triggers or the indexer's bookkeeping. Replacing a
-- trigger with the same definition changes nothing, so calling it again is harmless.
CREATE OR REPLACE FUNCTION rhizome_install_reorg_triggers(projections text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  projection text;
  keys text;
BEGIN
  FOREACH projection IN ARRAY projections LOOP
    SELECT string_agg(quote_literal(a.attname), ', ') INTO keys
      FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey::int2[])
      WHERE i.indrelid = projection::regclass AND i.indisprimary;
    IF keys IS NULL THEN
      RAISE EXCEPTION 'the projection table % has no primary key, which its undo log needs', projection;
    END IF;
    EXECUTE format(
      'CREATE OR REPLACE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS rhizome_new_rows '
      'FOR EACH STATEMENT WHEN (coalesce(current_setting(''rhizome.block'', true), '''') <> '''') '
      'EXECUTE FUNCTION rhizome_record_statement(%s)',
      projection || '_reorg_insert', projection, keys
    );
    EXECUTE format(
      'CREATE OR REPLACE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS rhizome_old_rows NEW TABLE AS rhizome_new_rows '
      'FOR EACH STATEMENT WHEN (coalesce(current_setting(''rhizome.block'', true), '''') <> '''') '
      'EXECUTE FUNCTION rhizome_record_statement(%s)',
      projection || '_reorg_update', projection, keys
    );
    EXECUTE format(
      'CREATE OR REPLACE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS rhizome_old_rows '
      'FOR EACH STATEMENT WHEN (coalesce(current_setting(''rhizome.block'', true), '''') <> '''') '
      'EXECUTE FUNCTION rhizome_record_statement(%s)',
      projection || '_reorg_delete', projection, keys
    );
  END LOOP;
END $$;
