/** Turns `?cursor=&limit=` (already validated) into query options; 25 per page by default. */
export function pageArgs(query: { cursor?: string; limit?: string } | undefined, defaultLimit = 25) {
  return { cursor: query?.cursor, limit: query?.limit ? Number(query.limit) : defaultLimit };
}
