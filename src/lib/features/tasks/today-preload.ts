import { database } from '../../app/database.svelte';
import { localDay } from '../../app/dates';

/**
 * Asks for Today's two lists together with the database's opening, so `TodayTasks.load()` finds
 * them answered when the page mounts. Does nothing once the database is open.
 */
export function preloadToday(): void {
  const date = localDay();
  database.preload('tasks.listForDay', { date });
  database.preload('tasks.listUnfinishedBefore', { date });
}
