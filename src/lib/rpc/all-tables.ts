/** In a `changed` event: everything may have changed (the database was replaced by a restore). */
export const ALL_TABLES = '*';

/** In a `changed` event: the snapshots kept on the device changed (the day's were taken after opening). */
export const SNAPSHOTS = '#snapshots';
