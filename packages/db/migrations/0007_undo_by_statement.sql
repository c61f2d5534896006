-- Undo records by statement instead of by row. A trigger per row wrote one reorg_log row (with the
-- row as JSON) for every change, which tripled the cost of writing a busy block; now each INSERT,
-- UPDATE or DELETE statement on a projection writes one record holding every row it changed, read
-- from the statement's transition tables (of the rows it added, only their keys). With
-- MAX_REORG_DEPTH blocks of undo records kept, that is the difference between a cheap and an
-- expensive window. Records are replayed backwards as before: an insert's rows are deleted by
-- key, a delete's rows put back, an update both.
-- rhizome_revert_to also reads the one-row records the row triggers left (a JSON object instead
-- of an array), so an index upgraded in the middle of a reorg window rolls back all the same.
CREATE OR REPLACE FUNCTION rhizome_record_statement() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- The table's primary key columns, passed as the trigger's arguments: rows a statement added
  -- are undone by deleting their keys, so only the keys are kept of them.
  keys text := (SELECT string_agg(format('%L, n.%I', k, k), ', ') FROM unnest(TG_ARGV) AS k);
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format(
      'INSERT INTO reorg_log (block_number, table_name, operation, new_row, old_row) '
      'SELECT $1, $2, $3, jsonb_agg(jsonb_build_object(%s)), NULL FROM rhizome_new_rows n HAVING count(*) > 0', keys
    ) USING current_setting('rhizome.block')::bigint, TG_TABLE_NAME, TG_OP;
  ELSIF TG_OP = 'UPDATE' THEN
    EXECUTE format(
      'INSERT INTO reorg_log (block_number, table_name, operation, new_row, old_row) '
      'SELECT $1, $2, $3, (SELECT jsonb_agg(jsonb_build_object(%s)) FROM rhizome_new_rows n), jsonb_agg(to_jsonb(o)) '
      'FROM rhizome_old_rows o HAVING count(*) > 0', keys
    ) USING current_setting('rhizome.block')::bigint, TG_TABLE_NAME, TG_OP;
  ELSE
    INSERT INTO reorg_log (block_number, table_name, operation, new_row, old_row)
      SELECT current_setting('rhizome.block')::bigint, TG_TABLE_NAME, TG_OP, NULL, jsonb_agg(to_jsonb(o))
      FROM rhizome_old_rows o HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rhizome_revert_to(ancestor bigint) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  entry record;
  key_columns text[];
  condition text;
  reverted integer := 0;
BEGIN
  PERFORM set_config('rhizome.block', '', true);
  FOR entry IN SELECT * FROM reorg_log WHERE block_number > ancestor ORDER BY id DESC LOOP
    SELECT array_agg(a.attname::text) INTO key_columns
      FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey::int2[])
      WHERE i.indrelid = entry.table_name::regclass AND i.indisprimary;
    IF entry.new_row IS NOT NULL THEN
      SELECT string_agg(format('t.%1$I = r.%1$I', c), ' AND ') INTO condition FROM unnest(key_columns) AS c;
      EXECUTE format(
        'DELETE FROM %1$I t USING jsonb_populate_recordset(NULL::%1$I, $1) r WHERE %2$s',
        entry.table_name, condition
      ) USING CASE jsonb_typeof(entry.new_row) WHEN 'array' THEN entry.new_row ELSE jsonb_build_array(entry.new_row) END;
    END IF;
    IF entry.old_row IS NOT NULL THEN
      EXECUTE format('INSERT INTO %1$I SELECT * FROM jsonb_populate_recordset(NULL::%1$I, $1)', entry.table_name)
        USING CASE jsonb_typeof(entry.old_row) WHEN 'array' THEN entry.old_row ELSE jsonb_build_array(entry.old_row) END;
    END IF;
    reverted := reverted + 1;
  END LOOP;
  DELETE FROM reorg_log WHERE block_number > ancestor;
  RETURN reverted;
END $$;
--> statement-breakpoint
DO $$
DECLARE
  projection text;
  keys text;
BEGIN
  FOREACH projection IN ARRAY ARRAY[
    'collectives', 'principles', 'quorum_numerators', 'members', 'share_events', 'delegations',
    'applications', 'ownership_history', 'proposals', 'votes', 'work_items', 'objections',
    'treasury_balances', 'treasury_flows', 'ragequits'
  ] LOOP
    SELECT string_agg(quote_literal(a.attname), ', ') INTO keys
      FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey::int2[])
      WHERE i.indrelid = projection::regclass AND i.indisprimary;
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', projection || '_reorg', projection);
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS rhizome_new_rows '
      'FOR EACH STATEMENT WHEN (coalesce(current_setting(''rhizome.block'', true), '''') <> '''') '
      'EXECUTE FUNCTION rhizome_record_statement(%s)',
      projection || '_reorg_insert', projection, keys
    );
    EXECUTE format(
      'CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS rhizome_old_rows NEW TABLE AS rhizome_new_rows '
      'FOR EACH STATEMENT WHEN (coalesce(current_setting(''rhizome.block'', true), '''') <> '''') '
      'EXECUTE FUNCTION rhizome_record_statement(%s)',
      projection || '_reorg_update', projection, keys
    );
    EXECUTE format(
      'CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS rhizome_old_rows '
      'FOR EACH STATEMENT WHEN (coalesce(current_setting(''rhizome.block'', true), '''') <> '''') '
      'EXECUTE FUNCTION rhizome_record_statement(%s)',
      projection || '_reorg_delete', projection, keys
    );
  END LOOP;
END $$;
--> statement-breakpoint
DROP FUNCTION IF EXISTS rhizome_record_change();
