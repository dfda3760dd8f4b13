import { SYNC_TABLES_V2 as SYNC_TABLES } from '../../../shared/sync/protocol';
import type { ServerMigration } from './index';

const key = (t: string): string => (t === 'sla_config' ? 'config_version::text' : 'id');
const COMMITTED_HEAD = `GREATEST(0, ${SYNC_TABLES.map((t) => `(SELECT max(version) FROM ${t})`).join(', ')})`;
const PAGE_UNION = SYNC_TABLES.map((t) => `(SELECT '${t}'::text AS t, version, doc FROM ${t} WHERE version > p_cursor ORDER BY version LIMIT p_limit)`).join(' UNION ALL ');
const ROWS_UNION = SYNC_TABLES.map((t) =>
  `(SELECT '${t}'::text AS t, version, ${key(t)} AS k, doc FROM ${t} WHERE version > p_cursor ORDER BY version LIMIT p_limit)`).join(' UNION ALL ');

// The pull carries the `attachment` rows (issue 16): the metadata of every file on an OC reaches the desktops like
// any synced row (the bytes stay on the server until a desktop reads them). The pull functions of 005–007, with
// the attachment table in their page, their rows and their committed head; bodies otherwise unchanged.
export const migration011: ServerMigration = {
  version: 11,
  name: 'attachment-pull',
  sql: `
    CREATE OR REPLACE FUNCTION soe_pull_head(p_client text) RETURNS TABLE (last_mutation_id bigint, head bigint) LANGUAGE plpgsql STABLE AS $fn$
    BEGIN
      RETURN QUERY SELECT (SELECT s.last_mutation_id FROM client_state AS s WHERE s.client_id = p_client), ${COMMITTED_HEAD}::bigint;
    END
    $fn$;

    CREATE OR REPLACE FUNCTION soe_pull_page(p_cursor bigint, p_limit integer) RETURNS TABLE (body text, n integer, next bigint, head bigint)
    LANGUAGE plpgsql STABLE AS $fn$
    BEGIN
      RETURN QUERY WITH page AS (SELECT c.t, c.version, c.doc FROM (${PAGE_UNION}) AS c ORDER BY c.version LIMIT p_limit)
      SELECT coalesce(string_agg('{"table":"' || page.t || '","version":' || page.version || ',"row":' || page.doc::text || '}', ',' ORDER BY page.version), ''),
        count(*)::integer, coalesce(max(page.version), p_cursor), ${COMMITTED_HEAD}::bigint
      FROM page;
    END
    $fn$;

    CREATE OR REPLACE FUNCTION soe_pull_heads(p_clients text[]) RETURNS TABLE (client_id text, last_mutation_id bigint, head bigint)
    LANGUAGE plpgsql STABLE AS $fn$
    BEGIN
      RETURN QUERY WITH h AS (SELECT ${COMMITTED_HEAD}::bigint AS head)
        SELECT c.id, s.last_mutation_id, h.head FROM h CROSS JOIN unnest(p_clients) AS c(id) LEFT JOIN client_state AS s ON s.client_id = c.id;
    END
    $fn$;

    CREATE OR REPLACE FUNCTION soe_pull_rows(p_cursor bigint, p_limit integer) RETURNS TABLE (change_table text, change_version bigint, change_key text, body text, head bigint)
    LANGUAGE plpgsql STABLE AS $fn$
    BEGIN
      RETURN QUERY WITH h AS (SELECT ${COMMITTED_HEAD}::bigint AS head),
        page AS (SELECT c.t, c.version, c.k, c.doc FROM (${ROWS_UNION}) AS c ORDER BY c.version LIMIT p_limit)
      SELECT page.t, page.version, page.k, '{"table":"' || page.t || '","version":' || page.version || ',"row":' || page.doc::text || '}', h.head
        FROM h LEFT JOIN page ON true ORDER BY page.version;
    END
    $fn$;

    CREATE OR REPLACE FUNCTION soe_pull_clients(p_clients text[]) RETURNS TABLE (client_id text, last_mutation_id bigint, secret_hash text, head bigint)
    LANGUAGE plpgsql STABLE AS $fn$
    BEGIN
      RETURN QUERY WITH h AS (SELECT ${COMMITTED_HEAD}::bigint AS head)
        SELECT c.id, s.last_mutation_id, s.secret_hash, h.head FROM h CROSS JOIN unnest(p_clients) AS c(id) LEFT JOIN client_state AS s ON s.client_id = c.id;
    END
    $fn$;
  `,
};
