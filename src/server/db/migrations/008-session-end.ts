import type { ServerMigration } from './index';

// Sessions that end at once (SPEC §7: deactivation, a role change and a password reset end that person's
// sessions) and login throttling shared by every node.
//
// auth_session.end_reason: an ended session is kept (until it would have expired) with its reason, so every
// later request with its token is answered "your access was ended: <reason>" rather than "session expired",
// and the desktop does not silently log in again with the password it remembers.
// soe_end_sessions: ends one person's sessions in the caller's transaction and NOTIFYs every node (on the
// changes channel, prefixed `session_ended:`) so each closes that person's live sockets at once.
// Triggers on analyst and contact run it whatever wrote the row (a mutator's soe_write, a job, a script):
// deactivation (or, for a contact, losing Extranet access) and a role change; a contact moved to another
// customer counts as a role change. Password resets call it themselves (http/password-routes.ts), keeping the
// session of a person who resets their own password.
// login_throttle: failed-login counters per (kind, login, address) and per (kind, login) (address ''), read and
// written under row locks (auth/login-throttle.ts).
export const migration008: ServerMigration = {
  version: 8,
  name: 'session-end',
  sql: `
    ALTER TABLE auth_session ADD COLUMN end_reason text CHECK (end_reason IN ('deactivated', 'role_changed', 'password_reset'));
    CREATE INDEX auth_session_subject ON auth_session (kind, subject_id);

    CREATE FUNCTION soe_end_sessions(p_kind text, p_subject text, p_reason text, p_keep_token_hash text) RETURNS integer
    LANGUAGE plpgsql AS $fn$
    DECLARE
      n integer;
    BEGIN
      UPDATE auth_session SET end_reason = p_reason
      WHERE kind = p_kind AND subject_id = p_subject AND end_reason IS NULL AND token_hash IS DISTINCT FROM p_keep_token_hash;
      GET DIAGNOSTICS n = ROW_COUNT;
      PERFORM pg_notify('soe_changes', 'session_ended:' || json_build_object('kind', p_kind, 'subjectId', p_subject, 'reason', p_reason)::text);
      RETURN n;
    END
    $fn$;

    CREATE FUNCTION soe_analyst_access() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF NOT coalesce((NEW.doc->>'active')::boolean, false) THEN
        PERFORM soe_end_sessions('analyst', NEW.id, 'deactivated', NULL);
      ELSIF NEW.doc->>'role' IS DISTINCT FROM OLD.doc->>'role' THEN
        PERFORM soe_end_sessions('analyst', NEW.id, 'role_changed', NULL);
      END IF;
      RETURN NULL;
    END
    $fn$;
    CREATE TRIGGER analyst_access AFTER UPDATE ON analyst FOR EACH ROW
      WHEN (OLD.doc->'active' IS DISTINCT FROM NEW.doc->'active' OR OLD.doc->'role' IS DISTINCT FROM NEW.doc->'role')
      EXECUTE FUNCTION soe_analyst_access();

    CREATE FUNCTION soe_contact_access() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF NOT (coalesce((NEW.doc->>'active')::boolean, false) AND coalesce((NEW.doc->>'extranetAccess')::boolean, false)) THEN
        PERFORM soe_end_sessions('contact', NEW.id, 'deactivated', NULL);
      ELSIF NEW.doc->>'role' IS DISTINCT FROM OLD.doc->>'role' OR NEW.customer_id IS DISTINCT FROM OLD.customer_id THEN
        PERFORM soe_end_sessions('contact', NEW.id, 'role_changed', NULL);
      END IF;
      RETURN NULL;
    END
    $fn$;
    CREATE TRIGGER contact_access AFTER UPDATE ON contact FOR EACH ROW
      WHEN (OLD.doc->'active' IS DISTINCT FROM NEW.doc->'active' OR OLD.doc->'extranetAccess' IS DISTINCT FROM NEW.doc->'extranetAccess'
        OR OLD.doc->'role' IS DISTINCT FROM NEW.doc->'role' OR OLD.customer_id IS DISTINCT FROM NEW.customer_id)
      EXECUTE FUNCTION soe_contact_access();

    -- Sessions of people deactivated before this upgrade end with it (until now such a token kept pulling).
    UPDATE auth_session s SET end_reason = 'deactivated' WHERE s.kind = 'analyst' AND NOT EXISTS (
      SELECT 1 FROM analyst a WHERE a.id = s.subject_id AND coalesce((a.doc->>'active')::boolean, false));
    UPDATE auth_session s SET end_reason = 'deactivated' WHERE s.kind = 'contact' AND NOT EXISTS (
      SELECT 1 FROM contact k WHERE k.id = s.subject_id AND coalesce((k.doc->>'active')::boolean, false)
        AND coalesce((k.doc->>'extranetAccess')::boolean, false));

    CREATE TABLE login_throttle (
      kind text NOT NULL, login text NOT NULL, address text NOT NULL,
      failures integer NOT NULL, last_failure_at bigint NOT NULL, blocked_until bigint NOT NULL,
      PRIMARY KEY (kind, login, address)
    );
    CREATE INDEX login_throttle_last_failure ON login_throttle (last_failure_at);
  `,
};
