import { SYNC_TABLES_V1 as SYNC_TABLES } from '../../../shared/sync/protocol';
import type { ServerMigration } from './index';

const COMMITTED_HEAD = `GREATEST(0, ${SYNC_TABLES.map((t) => `(SELECT max(version) FROM ${t})`).join(', ')})`;

// A client id belongs to the desktop that registered it (SPEC §7; sync/client-identity.ts). client_state keeps
// the SHA-256 of the desktop's secret, who registered it and when. Ids that already have history (pushed before
// this migration, when any session could push under any id) start unbound; `legacy_owner` is the analyst whose
// push under that id the server recorded first — the first one cannot be an impostor, since nobody else could
// know the id before that push made it public (event ids carry it) — and only a session of that analyst may
// bind such an id to a secret, once.
//
// soe_load answers each client's secret hash beside its last mutation id (the group writer checks it from the
// state it loads anyway: no extra round trip), and two lookups mutators need to decide unique values from the
// loaded state instead of hitting a constraint: analysts by login, customers by CNPJ (SPEC §2). The body is
// 006's plus those three fields. soe_pull_clients: soe_pull_heads with each client's secret hash.
export const migration007: ServerMigration = {
  version: 7,
  name: 'client-identity',
  sql: `
    ALTER TABLE client_state ADD COLUMN secret_hash text, ADD COLUMN registered_by text, ADD COLUMN registered_at bigint,
      ADD COLUMN legacy_owner text;

    UPDATE client_state AS s SET legacy_owner = f.actor_id
    FROM (SELECT DISTINCT ON (client_id) client_id, actor_id FROM (
            SELECT split_part(detail->>'ref', ':', 1) AS client_id, actor_id, id FROM audit_log
            WHERE source = 'push' AND actor_kind = 'analyst' AND actor_id IS NOT NULL AND detail ? 'ref') AS pushed
          ORDER BY client_id, id) AS f
    WHERE f.client_id = s.client_id;

    -- Outcomes recorded for the id, should its audit lines be gone.
    UPDATE client_state AS s SET legacy_owner = f.actor_id
    FROM (SELECT DISTINCT ON (client_id) client_id, actor_id FROM client_mutation ORDER BY client_id, mutation_id) AS f
    WHERE f.client_id = s.client_id AND s.legacy_owner IS NULL;

    CREATE INDEX customer_cnpj ON customer ((doc->>'cnpj'));

    CREATE FUNCTION soe_pull_clients(p_clients text[]) RETURNS TABLE (client_id text, last_mutation_id bigint, secret_hash text, head bigint)
    LANGUAGE plpgsql STABLE AS $fn$
    BEGIN
      RETURN QUERY WITH h AS (SELECT ${COMMITTED_HEAD}::bigint AS head)
        SELECT c.id, s.last_mutation_id, s.secret_hash, h.head FROM h CROSS JOIN unnest(p_clients) AS c(id) LEFT JOIN client_state AS s ON s.client_id = c.id;
    END
    $fn$;

    CREATE OR REPLACE FUNCTION soe_load(p jsonb) RETURNS jsonb LANGUAGE plpgsql VOLATILE AS $fn$
    DECLARE
      oc_ids text[] := ARRAY(SELECT jsonb_array_elements_text(coalesce(p->'ocorrencias', '[]')));
      client_ids text[] := ARRAY(SELECT jsonb_array_elements_text(coalesce(p->'clientIds', '[]')));
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
          WHERE client_id = ANY(client_ids)) END,
        'clientSecrets', CASE WHEN p ? 'clientIds' THEN (SELECT coalesce(jsonb_object_agg(client_id, secret_hash), '{}') FROM client_state
          WHERE client_id = ANY(client_ids)) END,
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
      IF p ? 'analystLogin' THEN
        result := result || jsonb_build_object('analystsWithLogin', (SELECT coalesce(jsonb_agg(doc), '[]') FROM analyst
          WHERE login = p->>'analystLogin'));
      END IF;
      IF p ? 'customerCnpj' THEN
        result := result || jsonb_build_object('customersWithCnpj', (SELECT coalesce(jsonb_agg(doc), '[]') FROM customer
          WHERE doc->>'cnpj' = p->>'customerCnpj'));
      END IF;
      RETURN result;
    END
    $fn$;
  `,
};
