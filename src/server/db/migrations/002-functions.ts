import type { ServerMigration } from './index';

// Two functions keep a mutation's transaction to a few round trips (push throughput, SPEC §7 load):
// soe_load reads what a mutator's `needs` declared (the async twin of core/db/loader.ts) in one call, and
// soe_write writes its changes, events, idempotency record, e-mail outbox rows and audit line in one call,
// each row with its own global version, then notifies the other nodes. Domain rules stay in the mutators.
export const migration002: ServerMigration = {
  version: 2,
  name: 'functions',
  sql: `
    CREATE FUNCTION soe_ids(p jsonb, key text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
      SELECT coalesce(ARRAY(SELECT jsonb_array_elements_text(p->key)), '{}'::text[])
    $$;

    CREATE FUNCTION soe_load(p jsonb) RETURNS jsonb LANGUAGE plpgsql STABLE AS $fn$
    DECLARE
      open_statuses text[] := soe_ids(p, 'openStatuses');
      in_hand text[] := soe_ids(p, 'inHandStatuses');
      oc_ids text[] := soe_ids(p, 'ocorrencias');
      result jsonb;
    BEGIN
      SELECT jsonb_build_object(
        'ocorrencias', (SELECT coalesce(jsonb_object_agg(id, doc), '{}') FROM ocorrencia WHERE id = ANY(oc_ids)),
        'customers', (SELECT coalesce(jsonb_object_agg(id, doc), '{}') FROM customer
          WHERE id = ANY(soe_ids(p, 'customers')) OR id IN (SELECT customer_id FROM ocorrencia WHERE id = ANY(oc_ids))),
        'analysts', (SELECT coalesce(jsonb_object_agg(id, doc), '{}') FROM analyst
          WHERE id = ANY(soe_ids(p, 'analysts')) OR id IN (
            SELECT unnest(ARRAY[doc->>'assigneeId', doc->>'preferredAnalystId', doc->>'escalatedById']) FROM ocorrencia WHERE id = ANY(oc_ids))),
        'contacts', (SELECT coalesce(jsonb_object_agg(id, doc), '{}') FROM contact WHERE id = ANY(soe_ids(p, 'contacts'))),
        'recados', (SELECT coalesce(jsonb_object_agg(id, doc), '{}') FROM recado WHERE id = ANY(soe_ids(p, 'recados'))),
        'interactions', (SELECT coalesce(jsonb_object_agg(id, doc), '{}') FROM interaction WHERE id = ANY(soe_ids(p, 'interactions'))),
        'loadOf', (SELECT coalesce(jsonb_object_agg(a, (SELECT count(*) FROM ocorrencia WHERE assignee_id = a AND status = ANY(in_hand))), '{}')
          FROM unnest(soe_ids(p, 'loadOf')) AS a),
        'ocsAwaitingVersion', CASE WHEN p ? 'ocsAwaitingVersion' THEN (SELECT coalesce(jsonb_agg(doc), '[]') FROM ocorrencia
          WHERE status = 'aguardando_versao' AND target_version = p->>'ocsAwaitingVersion') ELSE '[]' END,
        'openOcsOfCustomer', CASE WHEN p ? 'openOcsOfCustomer' THEN (SELECT coalesce(jsonb_agg(doc), '[]') FROM ocorrencia
          WHERE customer_id = p->>'openOcsOfCustomer' AND status = ANY(open_statuses)) ELSE '[]' END,
        'contactsOfCustomer', CASE WHEN p ? 'contactsOfCustomer' THEN (SELECT coalesce(jsonb_agg(doc), '[]') FROM contact
          WHERE customer_id = p->>'contactsOfCustomer') ELSE '[]' END,
        'release', CASE WHEN p ? 'releaseVersion' THEN (SELECT doc FROM release WHERE release_version = p->>'releaseVersion') END,
        'allOpenOcs', CASE WHEN coalesce((p->>'allOpenOcs')::boolean, false) THEN (SELECT coalesce(jsonb_agg(doc), '[]') FROM ocorrencia
          WHERE status = ANY(open_statuses)) ELSE '[]' END,
        'slaConfig', (SELECT doc FROM sla_config ORDER BY config_version DESC LIMIT 1),
        'lastMutationId', (SELECT last_mutation_id FROM client_state WHERE client_id = p->>'clientId'),
        'actorAnalyst', (SELECT doc FROM analyst WHERE id = p->>'actorAnalystId'),
        'actorContact', (SELECT doc FROM contact WHERE id = p->>'actorContactId')
      ) INTO result;
      RETURN result;
    END
    $fn$;

    CREATE FUNCTION soe_write(p jsonb) RETURNS bigint LANGUAGE plpgsql AS $fn$
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
        INSERT INTO client_mutation (client_id, mutation_id, name, actor_id, result, applied_at)
        VALUES (p->'client'->>'id', (p->'client'->>'mutationId')::bigint, p->'client'->>'name', p->'client'->>'actorId',
          p->'client'->'result', (p->'client'->>'at')::bigint);
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
  `,
};
