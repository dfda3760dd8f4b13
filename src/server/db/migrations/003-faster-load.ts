import type { ServerMigration } from './index';

// soe_load, faster: the id lists are read from the argument once, in one statement (002 re-read them for every
// row scanned, and its "… OR id IN (…)" filters could not use the primary keys); and it takes the writers' lock
// itself when asked (p.lock), saving the transaction a round trip. VOLATILE, not STABLE: a stable function reads
// with the snapshot of its calling statement, taken before the lock — it would not see the previous writer's commit.
export const migration003: ServerMigration = {
  version: 3,
  name: 'faster-load',
  sql: `
    CREATE OR REPLACE FUNCTION soe_load(p jsonb) RETURNS jsonb LANGUAGE plpgsql VOLATILE AS $fn$
    DECLARE
      open_statuses text[];
      in_hand text[];
      oc_ids text[];
      customer_ids text[];
      analyst_ids text[];
      contact_ids text[];
      recado_ids text[];
      interaction_ids text[];
      load_ids text[];
      ocs jsonb;
      result jsonb;
    BEGIN
      IF p->'lock' IS NOT NULL THEN PERFORM pg_advisory_xact_lock((p->>'lock')::bigint); END IF;
      SELECT
        ARRAY(SELECT jsonb_array_elements_text(coalesce(p->'openStatuses', '[]'))),
        ARRAY(SELECT jsonb_array_elements_text(coalesce(p->'inHandStatuses', '[]'))),
        ARRAY(SELECT jsonb_array_elements_text(coalesce(p->'ocorrencias', '[]'))),
        ARRAY(SELECT jsonb_array_elements_text(coalesce(p->'customers', '[]'))),
        ARRAY(SELECT jsonb_array_elements_text(coalesce(p->'analysts', '[]'))),
        ARRAY(SELECT jsonb_array_elements_text(coalesce(p->'contacts', '[]'))),
        ARRAY(SELECT jsonb_array_elements_text(coalesce(p->'recados', '[]'))),
        ARRAY(SELECT jsonb_array_elements_text(coalesce(p->'interactions', '[]'))),
        ARRAY(SELECT jsonb_array_elements_text(coalesce(p->'loadOf', '[]')))
      INTO open_statuses, in_hand, oc_ids, customer_ids, analyst_ids, contact_ids, recado_ids, interaction_ids, load_ids;
      SELECT coalesce(jsonb_object_agg(id, doc), '{}') INTO ocs FROM ocorrencia WHERE id = ANY(oc_ids);
      customer_ids := customer_ids || ARRAY(SELECT value->>'customerId' FROM jsonb_each(ocs));
      analyst_ids := analyst_ids || ARRAY(
        SELECT x FROM jsonb_each(ocs) AS o, unnest(ARRAY[o.value->>'assigneeId', o.value->>'preferredAnalystId', o.value->>'escalatedById']) AS x
        WHERE x IS NOT NULL);
      SELECT jsonb_build_object(
        'ocorrencias', ocs,
        'customers', (SELECT coalesce(jsonb_object_agg(id, doc), '{}') FROM customer WHERE id = ANY(customer_ids)),
        'analysts', (SELECT coalesce(jsonb_object_agg(id, doc), '{}') FROM analyst WHERE id = ANY(analyst_ids)),
        'contacts', (SELECT coalesce(jsonb_object_agg(id, doc), '{}') FROM contact WHERE id = ANY(contact_ids)),
        'recados', (SELECT coalesce(jsonb_object_agg(id, doc), '{}') FROM recado WHERE id = ANY(recado_ids)),
        'interactions', (SELECT coalesce(jsonb_object_agg(id, doc), '{}') FROM interaction WHERE id = ANY(interaction_ids)),
        'loadOf', (SELECT coalesce(jsonb_object_agg(a, (SELECT count(*) FROM ocorrencia WHERE assignee_id = a AND status = ANY(in_hand))), '{}')
          FROM unnest(load_ids) AS a),
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
  `,
};
