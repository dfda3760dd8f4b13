import { SYNC_TABLES_V2 as SYNC_TABLES } from '../../../shared/sync/protocol';
import type { ServerMigration } from './index';

const COMMITTED_HEAD = `GREATEST(0, ${SYNC_TABLES.map((t) => `(SELECT max(version) FROM ${t})`).join(', ')})`;
const WINDOW_UNION = SYNC_TABLES.map((t) =>
  `(SELECT '${t}'::text AS t, version, doc FROM ${t} WHERE version > p_cursor AND version <= v_hi ORDER BY version LIMIT p_limit)`).join(' UNION ALL ');

// Pages of an old cursor (an initial sync, a desktop back from days offline) as windows of versions (issue 14).
// The page of 011 took up to `limit` rows from each of the eleven tables and sorted them all to keep `limit`:
// eleven index scans of `limit` rows for every page, ten of them thrown away. A page is now the rows whose
// version lies in (cursor, cursor + limit] — every version belongs to at most one row, so that is at most `limit`
// rows, read once. Versions left by rows changed again later are gaps: a window that holds no row widens (× 4)
// until it holds one or reaches the head, so a page is never empty while more remain. `next` is the window's
// end (every version up to it has been delivered) unless the page is full, where it is the last row's version.
// The window never passes the committed head: writers commit in version order, so every version below it is in.
export const migration012: ServerMigration = {
  version: 12,
  name: 'window-pages',
  sql: `
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
  `,
};
