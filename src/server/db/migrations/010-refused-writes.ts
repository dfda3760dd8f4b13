import type { ServerMigration } from './index';

// A mutation whose write fails in the database is refused with its reason, never retried forever and never
// failing the mutations written with it (SPEC §6: one bad change never blocks anyone; sync/group-writer.ts).
//
// soe_write_step(text, in_script) runs soe_write in a subtransaction and answers {"head"} or {"failed": {state,
// message, constraint, table}} instead of raising. The payload is cast to jsonb inside it, so a payload jsonb refuses
// (U+0000, a lone surrogate) is caught too. Only errors caused by the data are caught — data exceptions (22),
// constraint violations (23), limits (54) and soe_write's own RAISE: a lost connection, a shutdown or a full
// disk still fail the request, and the change is retried, not refused. In a script of several writes (one round
// trip, sync/pending-writes.ts) a failure turns the session's soe.write_failed on, and the later steps of the
// script answer {"skipped"} without writing (their mutations were prepared on state that assumed the failed one
// applied: the writer runs them again). Every script resets it first; a write on its own never reads it.
//
// soe_write: 005's body, except that an event id already in the log is refused instead of silently ignored.
export const migration010: ServerMigration = {
  version: 10,
  name: 'refused-writes',
  sql: `
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
        -- An id already in the log is refused (oc_event_pkey), never dropped: a dropped event is a hole in the
        -- history the SLA is computed from. A repeated request never gets here (its mutator writes nothing).
        INSERT INTO oc_event (id, oc_id, at, doc, version) VALUES (r->>'id', r->>'ocId', (r->>'at')::bigint, r, v);
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

    CREATE FUNCTION soe_write_step(p text, in_script boolean) RETURNS jsonb LANGUAGE plpgsql AS $fn$
    DECLARE
      v_state text;
      v_message text;
      v_constraint text;
      v_table text;
    BEGIN
      IF in_script AND current_setting('soe.write_failed', true) = 'on' THEN RETURN '{"skipped": true}'::jsonb; END IF;
      BEGIN
        RETURN jsonb_build_object('head', soe_write(p::jsonb));
      EXCEPTION WHEN data_exception OR integrity_constraint_violation OR program_limit_exceeded OR raise_exception THEN
        GET STACKED DIAGNOSTICS v_state = RETURNED_SQLSTATE, v_message = MESSAGE_TEXT, v_constraint = CONSTRAINT_NAME, v_table = TABLE_NAME;
        IF in_script THEN PERFORM set_config('soe.write_failed', 'on', false); END IF;
        RETURN jsonb_build_object('failed', jsonb_build_object('state', v_state, 'message', left(v_message, 500),
          'constraint', nullif(v_constraint, ''), 'table', nullif(v_table, '')));
      END;
    END
    $fn$;
  `,
};
