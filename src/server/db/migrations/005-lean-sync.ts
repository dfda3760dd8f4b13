import { SYNC_TABLES_V1 as SYNC_TABLES } from '../../../shared/sync/protocol';
import type { ServerMigration } from './index';

// Push and pull, cheaper (the sync benchmark's profile: soe_load was half of a push, a pull planned a ten-way
// UNION every time, and 200 desktops pulling after each poke each paid it).
//
// soe_load: one plpgsql body again (004 wrapped 003), reading only what `needs` asked for — a typical mutation
// runs three statements instead of thirty. It can take the writers' lock for the session (a batch of one
// client's mutations applies under one hold, each still committing on its own), and it skips the SLA
// configuration's document when the caller already has that version.
// soe_write: a mutation's result is stored only when it was refused; a repeated id of an applied mutation is
// answered "ok" without it, as before once results were pruned.
// soe_pull_head / soe_pull_page: the client's last mutation id with the committed head, and a page of changes
// serialised by PostgreSQL into the response's JSON text, each in one snapshot, with plans kept per connection.

/** Newest committed version: writers commit in version order under the writers' lock, so it is a prefix. */
const COMMITTED_HEAD = `GREATEST(0, ${SYNC_TABLES.map((t) => `(SELECT max(version) FROM ${t})`).join(', ')})`;

const PAGE_UNION = SYNC_TABLES.map((t) => `(SELECT '${t}'::text AS t, version, doc FROM ${t} WHERE version > p_cursor ORDER BY version LIMIT p_limit)`).join(' UNION ALL ');

export const migration005: ServerMigration = {
  version: 5,
  name: 'lean-sync',
  sql: `
    DROP FUNCTION soe_load(jsonb);
    DROP FUNCTION soe_load_003(jsonb);
    CREATE FUNCTION soe_load(p jsonb) RETURNS jsonb LANGUAGE plpgsql VOLATILE AS $fn$
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

    CREATE OR REPLACE FUNCTION soe_write(p jsonb) RETURNS bigint LANGUAGE plpgsql AS $fn$
    DECLARE
      c jsonb;
      r jsonb;
      v bigint := 0;
      mail_added boolean := false;
      want_mail boolean := coalesce((p->>'mail')::boolean, true);
    BEGIN
      FOR c IN SELECT value FROM jsonb_array_elements(coalesce(p->'changes', '[]'::jsonb)) LOOP
        r := c->'row';
        v := nextval('change_version');
        CASE c->>'table'
        WHEN 'ocorrencia' THEN
          INSERT INTO ocorrencia (id, number, customer_id, contact_id, status, assignee_id, target_version, solved_at, created_at, doc, version)
          VALUES (r->>'id', r->>'number', r->>'customerId', r->>'contactId', r->>'status', r->>'assigneeId', r->>'targetVersion',
            (r->>'solvedAt')::bigint, (r->>'createdAt')::bigint, r, v)
          ON CONFLICT (id) DO UPDATE SET number = excluded.number, customer_id = excluded.customer_id, contact_id = excluded.contact_id,
            status = excluded.status, assignee_id = excluded.assignee_id, target_version = excluded.target_version,
            solved_at = excluded.solved_at, created_at = excluded.created_at, doc = excluded.doc, version = excluded.version;
        WHEN 'interaction' THEN
          INSERT INTO interaction (id, oc_id, customer_id, kind, created_at, doc, version)
          VALUES (r->>'id', r->>'ocId', r->>'customerId', r->>'kind', (r->>'createdAt')::bigint, r, v)
          ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, version = excluded.version;
          IF want_mail AND r->>'kind' = 'public_reply' AND r->>'ocId' IS NOT NULL THEN
            INSERT INTO mail_outbox (interaction_id, oc_id, created_at, status)
            VALUES (r->>'id', r->>'ocId', (r->>'createdAt')::bigint, 'pending') ON CONFLICT DO NOTHING;
            mail_added := true;
          END IF;
        WHEN 'customer' THEN
          INSERT INTO customer (id, doc, version) VALUES (r->>'id', r, v)
          ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, version = excluded.version;
        WHEN 'contact' THEN
          INSERT INTO contact (id, customer_id, email, doc, version) VALUES (r->>'id', r->>'customerId', lower(r->>'email'), r, v)
          ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, email = excluded.email, doc = excluded.doc, version = excluded.version;
        WHEN 'analyst' THEN
          INSERT INTO analyst (id, login, doc, version) VALUES (r->>'id', r->>'login', r, v)
          ON CONFLICT (id) DO UPDATE SET login = excluded.login, doc = excluded.doc, version = excluded.version;
        WHEN 'recado' THEN
          INSERT INTO recado (id, for_analyst_id, doc, version) VALUES (r->>'id', r->>'forAnalystId', r, v)
          ON CONFLICT (id) DO UPDATE SET for_analyst_id = excluded.for_analyst_id, doc = excluded.doc, version = excluded.version;
        WHEN 'release' THEN
          INSERT INTO release (id, release_version, doc, version) VALUES (r->>'id', r->>'version', r, v)
          ON CONFLICT (id) DO UPDATE SET release_version = excluded.release_version, doc = excluded.doc, version = excluded.version;
        WHEN 'catalog' THEN
          INSERT INTO catalog (id, doc, version) VALUES (r->>'id', r, v)
          ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, version = excluded.version;
        WHEN 'sla_config' THEN
          INSERT INTO sla_config (config_version, doc, version) VALUES ((r->>'version')::integer, r, v)
          ON CONFLICT (config_version) DO UPDATE SET doc = excluded.doc, version = excluded.version;
        ELSE
          RAISE EXCEPTION 'soe_write: unknown table %', c->>'table';
        END CASE;
      END LOOP;

      FOR r IN SELECT value FROM jsonb_array_elements(coalesce(p->'events', '[]'::jsonb)) LOOP
        v := nextval('change_version');
        INSERT INTO oc_event (id, oc_id, at, doc, version) VALUES (r->>'id', r->>'ocId', (r->>'at')::bigint, r, v)
        ON CONFLICT (id) DO NOTHING;
      END LOOP;

      IF p->'client' IS NOT NULL AND jsonb_typeof(p->'client') = 'object' THEN
        INSERT INTO client_state (client_id, last_mutation_id, updated_at)
        VALUES (p->'client'->>'id', (p->'client'->>'mutationId')::bigint, (p->'client'->>'at')::bigint)
        ON CONFLICT (client_id) DO UPDATE SET last_mutation_id = excluded.last_mutation_id, updated_at = excluded.updated_at;
        -- Only a refusal's reason must be repeated to a client resending the id; "applied" is the default answer.
        IF NOT coalesce((p->'client'->'result'->>'ok')::boolean, false) THEN
          INSERT INTO client_mutation (client_id, mutation_id, name, actor_id, result, applied_at)
          VALUES (p->'client'->>'id', (p->'client'->>'mutationId')::bigint, p->'client'->>'name', p->'client'->>'actorId',
            p->'client'->'result', (p->'client'->>'at')::bigint);
        END IF;
      END IF;

      IF p->'audit' IS NOT NULL AND jsonb_typeof(p->'audit') = 'object' THEN
        INSERT INTO audit_log (at, actor_kind, actor_id, action, target, outcome, detail, source)
        VALUES ((p->'audit'->>'at')::bigint, p->'audit'->>'actorKind', p->'audit'->>'actorId', p->'audit'->>'action',
          p->'audit'->>'target', p->'audit'->>'outcome', p->'audit'->'detail', p->'audit'->>'source');
      END IF;

      IF v > 0 THEN PERFORM pg_notify('soe_changes', v::text); END IF;
      IF mail_added THEN PERFORM pg_notify('soe_mail', ''); END IF;
      RETURN v;
    END
    $fn$;

    CREATE FUNCTION soe_pull_head(p_client text) RETURNS TABLE (last_mutation_id bigint, head bigint) LANGUAGE plpgsql STABLE AS $fn$
    BEGIN
      RETURN QUERY SELECT (SELECT s.last_mutation_id FROM client_state AS s WHERE s.client_id = p_client), ${COMMITTED_HEAD}::bigint;
    END
    $fn$;

    CREATE FUNCTION soe_pull_page(p_cursor bigint, p_limit integer) RETURNS TABLE (body text, n integer, next bigint, head bigint)
    LANGUAGE plpgsql STABLE AS $fn$
    BEGIN
      RETURN QUERY WITH page AS (SELECT c.t, c.version, c.doc FROM (${PAGE_UNION}) AS c ORDER BY c.version LIMIT p_limit)
      SELECT coalesce(string_agg('{"table":"' || page.t || '","version":' || page.version || ',"row":' || page.doc::text || '}', ',' ORDER BY page.version), ''),
        count(*)::integer, coalesce(max(page.version), p_cursor), ${COMMITTED_HEAD}::bigint
      FROM page;
    END
    $fn$;
  `,
};
