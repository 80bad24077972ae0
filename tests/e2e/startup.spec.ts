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
  expect(workers).toHaveLength(1);
  await expect.poll(() => workers[0]?.closed).toBe(true);
  expect(await taskTitles(second)).toEqual(['From the first tab']);
});
