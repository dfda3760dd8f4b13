import { SYNC_TABLES_V3 as SYNC_TABLES } from '../../../shared/sync/protocol';
import type { ServerMigration } from './index';

const key = (t: string): string => (t === 'sla_config' ? 'config_version::text' : 'id');
const COMMITTED_HEAD = `GREATEST(0, ${SYNC_TABLES.map((t) => `(SELECT max(version) FROM ${t})`).join(', ')})`;
const WINDOW_UNION = SYNC_TABLES.map((t) =>
  `(SELECT '${t}'::text AS t, version, doc FROM ${t} WHERE version > p_cursor AND version <= v_hi ORDER BY version LIMIT p_limit)`).join(' UNION ALL ');
const ROWS_UNION = SYNC_TABLES.map((t) =>
  `(SELECT '${t}'::text AS t, version, ${key(t)} AS k, doc FROM ${t} WHERE version > p_cursor ORDER BY version LIMIT p_limit)`).join(' UNION ALL ');

// Planned versions (issue 13): the weekly versions an OC's target is chosen from, synced like every table (id,
// doc, version from the global sequence); the versions waiting OCs already name are planned for the next Monday. One row per normalised number (version_label UNIQUE: the mutators
// decide it from the loaded state, the constraint is the backstop, write-refusal.ts names it).
//
// soe_write and soe_load are wrapped, as 004 did (the bodies of 010 and 007 stay as soe_write_010 and
// soe_load_007): soe_write writes the planned_version changes and hands the rest to the old body; soe_load answers
// `plannedVersion` (the row with that number, or null) when asked. The pull functions are 011's and 012's with
// planned_version in their page, rows and committed head.
export const migration013: ServerMigration = {
  version: 13,
  name: 'planned-versions',
  sql: `
    CREATE TABLE planned_version (id text PRIMARY KEY, version_label text NOT NULL UNIQUE, doc jsonb NOT NULL, version bigint NOT NULL);
    CREATE INDEX planned_version_version_idx ON planned_version (version);

    -- The versions OCs already wait for become planned versions (for the Monday after the upgrade, a lead moves
    -- them): without a row they could be neither chosen again nor registered from the list.
    INSERT INTO planned_version (id, version_label, doc, version)
    SELECT 'legacy-' || w.label, w.label, jsonb_build_object('id', 'legacy-' || w.label, 'version', w.label,
        'plannedFor', to_char(date_trunc('week', now() AT TIME ZONE 'America/Sao_Paulo') + interval '7 days', 'YYYY-MM-DD'),
        'status', 'planejada', 'createdById', 'system', 'createdAt', w.at, 'updatedAt', w.at, 'releaseId', NULL), nextval('change_version')
    FROM (SELECT DISTINCT target_version AS label, (extract(epoch FROM now()) * 1000)::bigint AS at FROM ocorrencia
          WHERE status = 'aguardando_versao' AND target_version IS NOT NULL
            AND target_version NOT IN (SELECT release_version FROM release)) AS w
    ORDER BY w.label;

    ALTER FUNCTION soe_write(jsonb) RENAME TO soe_write_010;
    CREATE FUNCTION soe_write(p jsonb) RETURNS bigint LANGUAGE plpgsql AS $fn$
    DECLARE
      r jsonb;
      v bigint := 0;
      rest bigint;
    BEGIN
      FOR r IN SELECT value->'row' FROM jsonb_array_elements(coalesce(p->'changes', '[]'::jsonb)) WHERE value->>'table' = 'planned_version' LOOP
        v := nextval('change_version');
        INSERT INTO planned_version (id, version_label, doc, version) VALUES (r->>'id', r->>'version', r, v)
        ON CONFLICT (id) DO UPDATE SET version_label = excluded.version_label, doc = excluded.doc, version = excluded.version;
      END LOOP;
      rest := soe_write_010(jsonb_set(p, '{changes}', coalesce((SELECT jsonb_agg(value) FROM jsonb_array_elements(coalesce(p->'changes', '[]'::jsonb))
        WHERE value->>'table' IS DISTINCT FROM 'planned_version'), '[]'::jsonb)));
      -- The old body notifies only for what it wrote itself.
      IF rest = 0 AND v > 0 THEN PERFORM pg_notify('soe_changes', v::text); END IF;
      RETURN GREATEST(v, rest);
    END
    $fn$;

    ALTER FUNCTION soe_load(jsonb) RENAME TO soe_load_007;
    CREATE FUNCTION soe_load(p jsonb) RETURNS jsonb LANGUAGE plpgsql VOLATILE AS $fn$
    BEGIN
      RETURN soe_load_007(p) || CASE WHEN p ? 'plannedVersion'
        THEN jsonb_build_object('plannedVersion', (SELECT doc FROM planned_version WHERE version_label = p->>'plannedVersion'))
        ELSE '{}'::jsonb END;
    END
    $fn$;

    CREATE OR REPLACE FUNCTION soe_pull_head(p_client text) RETURNS TABLE (last_mutation_id bigint, head bigint) LANGUAGE plpgsql STABLE AS $fn$
    BEGIN
      RETURN QUERY SELECT (SELECT s.last_mutation_id FROM client_state AS s WHERE s.client_id = p_client), ${COMMITTED_HEAD}::bigint;
    END
    $fn$;

    CREATE OR REPLACE FUNCTION soe_pull_page(p_cursor bigint, p_limit integer) RETURNS TABLE (body text, n integer, next bigint, head bigint)
    LANGUAGE plpgsql STABLE AS $fn$
    DECLARE
      v_head bigint := ${COMMITTED_HEAD};
      v_width bigint := p_limit;
      v_hi bigint;
      v_body text;
      v_n integer;
      v_last bigint;
    BEGIN
      LOOP
        v_hi := GREATEST(p_cursor, LEAST(v_head, p_cursor + v_width));
        SELECT coalesce(string_agg('{"table":"' || page.t || '","version":' || page.version || ',"row":' || page.doc::text || '}', ',' ORDER BY page.version), ''),
          count(*)::integer, max(page.version)
          INTO v_body, v_n, v_last
          FROM (SELECT c.t, c.version, c.doc FROM (${WINDOW_UNION}) AS c ORDER BY c.version LIMIT p_limit) AS page;
        EXIT WHEN v_n > 0 OR v_hi >= v_head;
        v_width := v_width * 4;
      END LOOP;
      RETURN QUERY SELECT v_body, v_n, CASE WHEN v_n = p_limit THEN v_last ELSE v_hi END, v_head;
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
