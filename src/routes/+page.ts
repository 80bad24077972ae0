import { preloadToday } from '$lib/features/tasks/today-preload';

// Today's data is asked for with the database's opening, before the page can mount.
export const load = () => {
  preloadToday();
};
