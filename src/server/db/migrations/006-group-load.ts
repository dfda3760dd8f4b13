import { SYNC_TABLES_V1 as SYNC_TABLES } from '../../../shared/sync/protocol';
import type { ServerMigration } from './index';

const COMMITTED_HEAD = `GREATEST(0, ${SYNC_TABLES.map((t) => `(SELECT max(version) FROM ${t})`).join(', ')})`;
const ROWS_UNION = SYNC_TABLES.map((t) =>
  `(SELECT '${t}'::text AS t, version, ${t === 'sla_config' ? 'config_version::text' : 'id'} AS k, doc FROM ${t} WHERE version > p_cursor ORDER BY version LIMIT p_limit)`).join(' UNION ALL ');

// soe_load also answers the last mutation id of several clients at once (p.clientIds → lastMutationIds): the
// writer applies the pushes of several desktops that queued up meanwhile under one hold of the writers' lock,
// reading what all of them need in one statement (sync/group-writer.ts). The body is 005's with that one field.
// soe_pull_heads: the pulls that arrive together (after a poke, all of them) read their clients' last mutation
// ids and the committed head in one statement (sync/pull.ts).
// soe_pull_rows: the changes above a version one by one (with each row's key) and the committed head, in one
// snapshot: what a node's in-memory log of recent changes is extended with (sync/change-log.ts).
export const migration006: ServerMigration = {
  version: 6,
  name: 'group-load',
  sql: `
    CREATE OR REPLACE FUNCTION soe_load(p jsonb) RETURNS jsonb LANGUAGE plpgsql VOLATILE AS $fn$
    DECLARE
      oc_ids text[] := ARRAY(SELECT jsonb_array_elements_text(coalesce(p->'ocorrencias', '[]')));
      ocs jsonb := '{}';
      result jsonb;
    BEGIN
      IF p ? 'lock' THEN PERFORM pg_advisory_xact_lock((p->>'lock')::bigint); END IF;
      IF p ? 'sessionLock' THEN PERFORM pg_advisory_lock((p->>'sessionLock')::bigint); END IF;
      IF cardinality(oc_ids) > 0 THEN
        SELECT coalesce(jsonb_object_agg(id, doc), '{}') INTO ocs FROM ocorrencia WHERE id = ANY(oc_ids);
      END IF;
      SELECT jsonb_build_object(
        'ocorrencias', ocs,
        'customers', (SELECT coalesce(jsonb_object_agg(id, doc), '{}') FROM customer WHERE id = ANY(
          ARRAY(SELECT jsonb_array_elements_text(coalesce(p->'customers', '[]'))) || ARRAY(SELECT value->>'customerId' FROM jsonb_each(ocs)))),
        'analysts', (SELECT coalesce(jsonb_object_agg(id, doc), '{}') FROM analyst WHERE id = ANY(
          ARRAY(SELECT jsonb_array_elements_text(coalesce(p->'analysts', '[]'))) || ARRAY(
            SELECT x FROM jsonb_each(ocs) AS o, unnest(ARRAY[o.value->>'assigneeId', o.value->>'preferredAnalystId', o.value->>'escalatedById']) AS x
            WHERE x IS NOT NULL))),
        'interactions', CASE WHEN p ? 'interactions' THEN (SELECT coalesce(jsonb_object_agg(id, doc), '{}') FROM interaction
          WHERE id = ANY(ARRAY(SELECT jsonb_array_elements_text(p->'interactions')))) ELSE '{}' END,
        'slaConfigVersion', s.version,
        'slaConfig', CASE WHEN s.version IS NOT DISTINCT FROM (p->>'slaKnownVersion')::bigint THEN NULL ELSE s.doc END,
        'lastMutationId', CASE WHEN p ? 'clientId' THEN (SELECT last_mutation_id FROM client_state WHERE client_id = p->>'clientId') END,
        'lastMutationIds', CASE WHEN p ? 'clientIds' THEN (SELECT coalesce(jsonb_object_agg(client_id, last_mutation_id), '{}') FROM client_state
          WHERE client_id = ANY(ARRAY(SELECT jsonb_array_elements_text(p->'clientIds')))) END,
        'actorAnalyst', CASE WHEN p ? 'actorAnalystId' THEN (SELECT doc FROM analyst WHERE id = p->>'actorAnalystId') END,
        'actorContact', CASE WHEN p ? 'actorContactId' THEN (SELECT doc FROM contact WHERE id = p->>'actorContactId') END
      ) INTO result
      FROM (SELECT NULL) AS one LEFT JOIN LATERAL (SELECT version, doc FROM sla_config ORDER BY config_version DESC LIMIT 1) AS s ON true;
      -- What few mutators ask for: each read only when asked.
      IF p ? 'contacts' THEN
        result := result || jsonb_build_object('contacts', (SELECT coalesce(jsonb_object_agg(id, doc), '{}') FROM contact
          WHERE id = ANY(ARRAY(SELECT jsonb_array_elements_text(p->'contacts')))));
      END IF;
      IF p ? 'recados' THEN
        result := result || jsonb_build_object('recados', (SELECT coalesce(jsonb_object_agg(id, doc), '{}') FROM recado
          WHERE id = ANY(ARRAY(SELECT jsonb_array_elements_text(p->'recados')))));
      END IF;
      IF p ? 'loadOf' THEN
        result := result || jsonb_build_object('loadOf', (SELECT coalesce(jsonb_object_agg(a, (SELECT count(*) FROM ocorrencia
          WHERE assignee_id = a AND status = ANY(ARRAY(SELECT jsonb_array_elements_text(coalesce(p->'inHandStatuses', '[]')))))), '{}')
          FROM jsonb_array_elements_text(p->'loadOf') AS a));
      END IF;
      IF p ? 'ocsAwaitingVersion' THEN
        result := result || jsonb_build_object('ocsAwaitingVersion', (SELECT coalesce(jsonb_agg(doc), '[]') FROM ocorrencia
          WHERE status = 'aguardando_versao' AND target_version = p->>'ocsAwaitingVersion'));
      END IF;
      IF p ? 'openOcsOfCustomer' THEN
        result := result || jsonb_build_object('openOcsOfCustomer', (SELECT coalesce(jsonb_agg(doc), '[]') FROM ocorrencia
          WHERE customer_id = p->>'openOcsOfCustomer' AND status = ANY(ARRAY(SELECT jsonb_array_elements_text(coalesce(p->'openStatuses', '[]'))))));
      END IF;
      IF p ? 'contactsOfCustomer' THEN
        result := result || jsonb_build_object('contactsOfCustomer', (SELECT coalesce(jsonb_agg(doc), '[]') FROM contact
          WHERE customer_id = p->>'contactsOfCustomer'));
      END IF;
      IF p ? 'releaseVersion' THEN
        result := result || jsonb_build_object('release', (SELECT doc FROM release WHERE release_version = p->>'releaseVersion'));
      END IF;
      IF coalesce((p->>'allOpenOcs')::boolean, false) THEN
        result := result || jsonb_build_object('allOpenOcs', (SELECT coalesce(jsonb_agg(doc), '[]') FROM ocorrencia
          WHERE status = ANY(ARRAY(SELECT jsonb_array_elements_text(coalesce(p->'openStatuses', '[]'))))));
      END IF;
      IF coalesce((p->>'catalog')::boolean, false) THEN
        result := result || jsonb_build_object('catalog', (SELECT coalesce(jsonb_agg(doc ORDER BY doc->>'kind', id), '[]') FROM catalog));
      END IF;
      RETURN result;
    END
    $fn$;

    CREATE FUNCTION soe_pull_heads(p_clients text[]) RETURNS TABLE (client_id text, last_mutation_id bigint, head bigint)
    LANGUAGE plpgsql STABLE AS $fn$
    BEGIN
      RETURN QUERY WITH h AS (SELECT ${COMMITTED_HEAD}::bigint AS head)
        SELECT c.id, s.last_mutation_id, h.head FROM h CROSS JOIN unnest(p_clients) AS c(id) LEFT JOIN client_state AS s ON s.client_id = c.id;
    END
    $fn$;

    CREATE FUNCTION soe_pull_rows(p_cursor bigint, p_limit integer) RETURNS TABLE (change_table text, change_version bigint, change_key text, body text, head bigint)
    LANGUAGE plpgsql STABLE AS $fn$
    BEGIN
      RETURN QUERY WITH h AS (SELECT ${COMMITTED_HEAD}::bigint AS head),
        page AS (SELECT c.t, c.version, c.k, c.doc FROM (${ROWS_UNION}) AS c ORDER BY c.version LIMIT p_limit)
      SELECT page.t, page.version, page.k, '{"table":"' || page.t || '","version":' || page.version || ',"row":' || page.doc::text || '}', h.head
        FROM h LEFT JOIN page ON true ORDER BY page.version;
    END
    $fn$;
  `,
};
