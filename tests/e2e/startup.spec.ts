import type { Page } from '@playwright/test';
import { addTask, expect, openToday, taskTitles, test } from './helpers';

const DATABASE_WORKER = /\/_app\/immutable\/workers\/worker-[\w-]+\.js$/;

/** Records whether app.html's inline script handed the page a database worker. */
async function watchPrestart(page: Page): Promise<void> {
  await page.addInitScript(() => {
    let worker: Worker | null | undefined;
    Object.defineProperty(window, 'daybookDatabaseWorker', {
      configurable: true,
      get: () => worker,
      set: (value: Worker | null | undefined) => {
        worker = value;
        if (value instanceof Worker) document.documentElement.dataset.prestarted = 'true';
      }
    });
  });
}

interface StartedWorker {
  readonly url: string;
  closed: boolean;
}

/** The database workers `page` starts, as they start, and whether each has ended. */
function databaseWorkers(page: Page): StartedWorker[] {
  const workers: StartedWorker[] = [];
  page.on('worker', (worker) => {
    if (!DATABASE_WORKER.test(worker.url())) return;
    const started: StartedWorker = { url: worker.url(), closed: false };
    workers.push(started);
    worker.on('close', () => (started.closed = true));
  });
  return workers;
}

/** How many database workers `page` has running now. */
function liveDatabaseWorkers(page: Page): number {
  return page.workers().filter((worker) => DATABASE_WORKER.test(worker.url())).length;
}

test('the HTML starts the database worker and the page adopts it instead of starting another', async ({ page }) => {
  await watchPrestart(page);
  const workers = databaseWorkers(page);
  await openToday(page);
  await addTask(page, 'Written through the early worker');
  await expect(page.locator('html')).toHaveAttribute('data-prestarted', 'true');
  expect(workers).toHaveLength(1);
});

test('a second tab ends the worker its HTML started and works through the first tab’s', async ({ context }) => {
  const first = await context.newPage();
  await openToday(first);
  await addTask(first, 'From the first tab');

  const second = await context.newPage();
  await watchPrestart(second);
  const workers = databaseWorkers(second);
  await openToday(second);
  await expect(second.locator('html')).toHaveAttribute('data-prestarted', 'true');
  // The prestarted worker can end before the browser reports it to Playwright, so `workers` may never
  // see it; what must hold is that the tab starts no other and keeps none alive.
  expect(workers.length).toBeLessThanOrEqual(1);
  expect(await taskTitles(second)).toEqual(['From the first tab']);
  await expect.poll(() => liveDatabaseWorkers(second)).toBe(0);
  expect(workers.every((worker) => worker.closed)).toBe(true);
});
