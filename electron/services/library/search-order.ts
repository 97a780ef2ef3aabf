import { allKeys } from '../../../src/analysis/musical-key';

/**
 * The SQL that orders search results, shared by the query (search.ts) and the indexes that serve
 * it (migrations.ts): SQLite uses an index for ORDER BY only when the expressions match exactly.
 */

/** Keys sort in pitch order (C major, C minor, C# major, …), not alphabetically; NULL for no key. */
export const keyOrderSql = `(CASE musical_key ${allKeys.map((key, i) => `WHEN '${key}' THEN ${i}`).join(' ')} END)`;

/**
 * The filter columns every sort index carries after its sort columns, so a search walks one index
 * in result order and tests its filters there, reading the table only for the page it returns.
 */
export const filterColumnsSql = 'kind, favourite, format, bpm, musical_key, duration, pack, folder';
