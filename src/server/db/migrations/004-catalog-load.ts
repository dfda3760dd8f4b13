import type { ServerMigration } from './index';

// soe_load also reads the whole catalog when a mutator asks for it (catalog.upsert checks kinds and unique names
// on the server too). The 003 body is kept as soe_load_003 and wrapped, so this migration adds only what is new.
export const migration004: ServerMigration = {
  version: 4,
  name: 'catalog-load',
  sql: `
    ALTER FUNCTION soe_load(jsonb) RENAME TO soe_load_003;
    CREATE FUNCTION soe_load(p jsonb) RETURNS jsonb LANGUAGE plpgsql VOLATILE AS $fn$
    BEGIN
      RETURN soe_load_003(p) || jsonb_build_object('catalog',
        CASE WHEN coalesce((p->>'catalog')::boolean, false)
          THEN (SELECT coalesce(jsonb_agg(doc ORDER BY doc->>'kind', id), '[]') FROM catalog) ELSE '[]'::jsonb END);
    END
    $fn$;
  `,
};
