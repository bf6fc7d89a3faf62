// Named prepared statements on PostgreSQL for the few hot statements whose best plan does not depend on their
// parameters (a lookup by key: the session of a cookie, the request a reviewer decides). PostgreSQL parses and plans
// an unnamed statement on every execution; for these, parsing and planning cost more database CPU than running them
// (issue 22: 0.78 ms to plan the decision's read, 0.08 ms to run it). A named statement is parsed once per
// connection, and after five executions PostgreSQL keeps a generic plan when it is no worse than the custom ones.
//
// Only statements marked here are named. A statement whose plan depends on its values (the site list's scope and name
// filters) must stay unnamed: a generic plan for it was measured at 3–6× the custom one.
import { createHash } from 'node:crypto';

/** Names given out before marking stops: each is prepared once on each pooled connection that runs it. */
const MAX_PREPARED = 64;

/**
 * What a marked text starts with when it is sent. A name belongs to the prefixed text only, so a statement of a
 * shape that must be planned for its values is never sent under a name, even when its text is the same as a
 * prepared shape's: the site list's root shapes and the shapes below it compile to the same SQL, and a generic plan
 * made from a province's calls answered the root's 「教育」 search in 104 ms instead of 14 ms (issue 22).
 */
export const PREPARED_PREFIX = '/* prepared */ ';

const names = new Map<string, string>();

/**
 * Marks `sqlText` to run as a named prepared statement on PostgreSQL (PGlite ignores it) and returns the text to
 * send: `sqlText` behind PREPARED_PREFIX (a comment), or `sqlText` unchanged once MAX_PREPARED texts are marked.
 * `sqlText` must be the text of a shape, every value a parameter: a text built with a value in it would be prepared
 * for that value alone, which is why marking stops after MAX_PREPARED texts. Marking a returned text again returns it.
 */
export function markPrepared(sqlText: string): string {
  const text = sqlText.startsWith(PREPARED_PREFIX) ? sqlText : PREPARED_PREFIX + sqlText;
  if (names.has(text)) return text;
  if (names.size >= MAX_PREPARED) return sqlText;
  names.set(text, `govsite_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`);
  return text;
}

/** The statement name of a text as sent, or undefined (always for a text that markPrepared did not return). */
export function preparedName(sqlText: string): string | undefined {
  return names.get(sqlText);
}

interface QueryableClient {
  query(...args: unknown[]): unknown;
}

/**
 * Makes `client` (a pg pool client) send marked texts as named statements. pg prepares a name once per connection
 * and afterwards sends only Bind/Execute; a cursor or a text that is not marked goes through unchanged.
 */
export function namePreparedStatements(client: QueryableClient): void {
  const query = client.query.bind(client);
  client.query = (config: unknown, values?: unknown, callback?: unknown) => {
    if (typeof config === 'string' && Array.isArray(values) && callback === undefined) {
      const name = names.get(config);
      if (name) return query({ name, text: config, values });
    }
    return callback === undefined ? query(config, values) : query(config, values, callback);
  };
}
