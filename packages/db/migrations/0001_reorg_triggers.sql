-- Reorg safety: while the indexer applies an unfinalized block it sets rhizome.block for the
-- transaction, and every change to a projection table is recorded with the row before and after
-- it. rhizome_revert_to(ancestor) replays those records backwards, leaving the tables as they
-- were after the ancestor block. Finalized blocks are applied without recording anything.
CREATE OR REPLACE FUNCTION rhizome_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO reorg_log (block_number, table_name, operation, new_row, old_row)
  VALUES (
    current_setting('rhizome.block')::bigint,
    TG_TABLE_NAME,
    TG_OP,
    CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END,
    CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END
  );
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
    IF entry.operation IN ('INSERT', 'UPDATE') THEN
      SELECT string_agg(format('%I = (jsonb_populate_record(NULL::%I, $1)).%I', c, entry.table_name, c), ' AND ')
        INTO condition FROM unnest(key_columns) AS c;
      EXECUTE format('DELETE FROM %I WHERE %s', entry.table_name, condition) USING entry.new_row;
    END IF;
    IF entry.operation IN ('UPDATE', 'DELETE') THEN
      EXECUTE format('INSERT INTO %I SELECT * FROM jsonb_populate_record(NULL::%I, $1)', entry.table_name, entry.table_name)
        USING entry.old_row;
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
BEGIN
  FOREACH projection IN ARRAY ARRAY[
    'collectives', 'principles', 'members', 'share_events', 'delegations', 'applications',
    'ownership_history', 'proposals', 'votes', 'work_items', 'objections', 'treasury_balances',
    'treasury_flows', 'ragequits'
  ] LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW '
      'WHEN (coalesce(current_setting(''rhizome.block'', true), '''') <> '''') '
      'EXECUTE FUNCTION rhizome_record_change()',
      projection || '_reorg', projection
    );
  END LOOP;
END $$;
