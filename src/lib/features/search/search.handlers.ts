import { sql } from 'kysely';
import { command } from '../../rpc/command';
import { HIGHLIGHT_END, HIGHLIGHT_START, SearchInput, toFtsQuery, type SearchHit, type SearchOrder } from './search';

/** search_index rowids follow search_index_keys, which numbers items as they are first written. */
const ORDER_BY: Record<SearchOrder, ReturnType<typeof sql.raw>> = {
  recent: sql.raw('rowid DESC'),
  relevance: sql.raw('rank')
};

/** Full-text search over everything a person writes (BM25 rank with the title weighted 3x). */
export const searchCommands = {
  'search.query': command({
    input: SearchInput,
    write: false,
    run: async (c, { query, types, limit, order }): Promise<SearchHit[]> => {
      const match = toFtsQuery(query);
      if (!match) return [];
      const typeFilter = types && types.length > 0 ? sql`AND entity_type IN (${sql.join(types)})` : sql``;
      const result = await sql<SearchHit>`
        SELECT entity_type AS "entityType", entity_id AS "entityId", title,
               snippet(search_index, -1, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}, '…', 16) AS snippet,
               bm25(search_index, 0, 0, 3.0, 1.0) AS rank
        FROM search_index
        WHERE search_index MATCH ${match} ${typeFilter}
        ORDER BY ${ORDER_BY[order]}
        LIMIT ${limit ?? 50}`.execute(c.db);
      return result.rows;
    }
  })
};
