/** In a `changed` event: everything may have changed (the database was replaced by a restore). */
export const ALL_TABLES = '*';
