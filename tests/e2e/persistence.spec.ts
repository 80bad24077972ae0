import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { expect, test } from './helpers';
import { addTask, chooseOnDataPage, downloadFromDataPage, launchOptions, openToday, sqlAnswer, taskTitles } from './helpers';

/** Starts a browser on `profile` (a crash or restart test reopens the same one) and opens Today in it. */
async function openTodayOn(profile: string, baseURL: string | undefined): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
  const page = context.pages()[0] ?? (await context.newPage());
  await openToday(page);
  return { context, page };
}

/** Opens the browser on `profile` again, checks Today lists exactly `titles`, and closes it. */
async function expectTasksOn(profile: string, baseURL: string | undefined, titles: readonly string[]): Promise<void> {
  const { context, page } = await openTodayOn(profile, baseURL);
  expect(await taskTitles(page)).toEqual(titles);
  await context.close();
}

/** No clean shutdown: SIGKILL every process of this profile, as a crash or a killed tab would. */
function killBrowserOf(profile: string): void {
  expect(spawnSync('pkill', ['-KILL', '-f', '--', profile]).status).toBe(0);
}

test('keeps tasks when the browser is closed and opened again on the same profile', async ({ baseURL }) => {
  const profile = mkdtempSync(join(tmpdir(), 'daybook-profile-'));
  try {
    const { context: first, page } = await openTodayOn(profile, baseURL);
    await addTask(page, 'Survives a restart', { priority: 'high' });
    await addTask(page, 'So does this one');
    await expect.poll(() => taskTitles(page)).toEqual(['Survives a restart', 'So does this one']);
    await first.close();

    await expectTasksOn(profile, baseURL, ['Survives a restart', 'So does this one']);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('keeps every acknowledged task when the browser is killed mid-session', async ({ baseURL }) => {
  const profile = mkdtempSync(join(tmpdir(), 'daybook-crash-'));
  try {
    const { context: first, page } = await openTodayOn(profile, baseURL);
    const titles = Array.from({ length: 12 }, (_, index) => `Acknowledged ${String(index + 1).padStart(2, '0')}`);
    for (const title of titles) await addTask(page, title);
    await expect(page.getByRole('list', { name: "Today's tasks" }).locator('li')).toHaveCount(titles.length);
    killBrowserOf(profile);
    await first.close().catch(() => undefined);

    await expectTasksOn(profile, baseURL, titles);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

/**
 * Writes to `file` a backup made on `page` (a profile of its own) with 250,000 more tasks of ~300
 * characters each: more pages than the import's page cache holds, so by the time it builds its
 * indexes it has written pages into the file (a rollback without a journal would leave it torn).
 */
async function writeBulkBackup(page: Page, file: string): Promise<void> {
  // Saved as a plain download, not through the save picker.
  await page.context().addInitScript(() => Reflect.deleteProperty(window, 'showSaveFilePicker'));
  await openToday(page);
  await addTask(page, 'From the import');
  await downloadFromDataPage(page, 'Export JSON', file);
  const backup = JSON.parse(readFileSync(file, 'utf8')) as { tables: Record<string, Record<string, unknown>[]> };
  const [task] = backup.tables.tasks ?? [];
  const filler = 'x'.repeat(300);
  const more = Array.from({ length: 250_000 }, (_, index) => ({
    ...task,
    id: `${String(task?.id).slice(0, 24)}${String(index).padStart(12, '0')}`,
    title: `Bulk ${index}`,
    focus_date: null,
    description: `${index} ${filler}`
  }));
  backup.tables.tasks = [...(backup.tables.tasks ?? []), ...more];
  writeFileSync(file, JSON.stringify(backup));
}

const buildingIndexes = 'Importing… building the indexes and the search index';
const unfinishedImportNotice = /The last JSON import did not finish/;

/** Opens Today on `profile` with one task, and starts importing `file`; resolves once the import builds its indexes. */
async function importUntilIndexing(profile: string, baseURL: string | undefined, file: string): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await openTodayOn(profile, baseURL);
  await addTask(opened.page, 'Before the import');
  await chooseOnDataPage(opened.page, 'Import a JSON backup…', file);
  const preview = opened.page.getByRole('group', { name: 'What the JSON backup holds' });
  await preview.getByRole('button', { name: 'Import and replace' }).click({ timeout: 60_000 });
  await expect(opened.page.getByText(buildingIndexes)).toBeVisible({ timeout: 60_000 });
  return opened;
}

test('keeps the data as it was when the browser is killed in the middle of a JSON import', async ({ page, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const file = testInfo.outputPath('backup.json');
  await writeBulkBackup(page, file);

  const profile = mkdtempSync(join(tmpdir(), 'daybook-import-crash-'));
  try {
    const { context: first } = await importUntilIndexing(profile, baseURL, file);
    killBrowserOf(profile);
    await first.close().catch(() => undefined);

    // The import writes without a journal: the next opening copies its undo snapshot back, and says so.
    const { context: second, page: again } = await openTodayOn(profile, baseURL);
    expect(await taskTitles(again)).toEqual(['Before the import']);
    const notice = again.getByRole('status').filter({ hasText: unfinishedImportNotice });
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
    // The database is in its usual mode again and takes writes that last.
    await addTask(again, 'After the crash');
    await second.close();
    const { context: third, page: last } = await openTodayOn(profile, baseURL);
    expect(await taskTitles(last)).toEqual(['Before the import', 'After the crash']);
    await expect(last.getByText(unfinishedImportNotice)).toHaveCount(0);
    await third.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('keeps the data as it was when a JSON import is cancelled while it builds its indexes, and after a restart', async ({ page, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const file = testInfo.outputPath('backup.json');
  await writeBulkBackup(page, file);

  const profile = mkdtempSync(join(tmpdir(), 'daybook-import-cancel-'));
  try {
    const { context: first, page: importing } = await importUntilIndexing(profile, baseURL, file);
    // Many pages are in the file by now; with no journal to roll back, the undo snapshot is copied back.
    await importing.getByRole('button', { name: 'Cancel' }).click();
    await expect(importing.getByRole('alert')).toHaveText('Stopped before the end, as asked; nothing was changed.', { timeout: 60_000 });
    // Said once: the Stop's own message already says nothing changed.
    await expect(importing.getByText('Nothing was changed.', { exact: true })).toHaveCount(0);
    await importing.getByRole('button', { name: 'Check the database' }).click();
    await expect(importing.getByText('Checked: no problems found.')).toBeVisible({ timeout: 60_000 });
    await openToday(importing);
    expect(await taskTitles(importing)).toEqual(['Before the import']);
    await addTask(importing, 'After the cancel');
    await first.close();

    const { context: second, page: again } = await openTodayOn(profile, baseURL);
    expect(await taskTitles(again)).toEqual(['Before the import', 'After the cancel']);
    await expect(again.getByText(unfinishedImportNotice)).toHaveCount(0);
    await second.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

/**
 * Writes to `file` a database made on `page` (a profile of its own) and grown in the sqlite3 tool
 * by 25,000 tasks of 4,000 characters (~320 MB with their search index): a snapshot of it takes
 * long enough to stop, or to kill the browser in the middle of.
 */
async function writeBigDatabase(page: Page, file: string): Promise<void> {
  await page.context().addInitScript(() => Reflect.deleteProperty(window, 'showSaveFilePicker'));
  await openToday(page);
  await addTask(page, 'Small and kept');
  await downloadFromDataPage(page, 'Download the database file', file);
  const grow = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25000)
    INSERT INTO tasks (id, title, description) SELECT 'bulk-' || i, 'Bulk ' || i, printf('%.4000c', 'x') FROM n;`;
  const cli = spawnSync('sqlite3', [file, grow], { encoding: 'utf8' });
  expect(cli.stderr).toBe('');
  expect(cli.status).toBe(0);
}

/**
 * The names of the files Daybook keeps in the origin's OPFS pool, read on `profile` with Daybook
 * closed (its worker holds them open), on a page that is not the app (a static file, service
 * workers blocked). The pool (sqlite-wasm's opfs-sahpool) writes each file's name at its start.
 */
async function poolFilesOn(profile: string, baseURL: string | undefined): Promise<string[]> {
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL, serviceWorkers: 'block' });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/manifest.webmanifest');
    return await page.evaluate(async () => {
      const names: string[] = [];
      const walk = async (directory: FileSystemDirectoryHandle): Promise<void> => {
        for await (const handle of directory.values()) {
          if (handle instanceof FileSystemDirectoryHandle) await walk(handle);
          else if (handle instanceof FileSystemFileHandle) {
            const name = (await (await handle.getFile()).slice(0, 512).text()).replace(/\0+$/, '');
            if (name) names.push(name);
          }
        }
      };
      await walk(await navigator.storage.getDirectory());
      return names.sort();
    });
  } finally {
    await context.close();
  }
}

test('keeps no half snapshot when one is stopped or the browser is killed while it is taken, and the data as it was', async ({ page, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const file = testInfo.outputPath('big.sqlite3');
  await writeBigDatabase(page, file);

  const profile = mkdtempSync(join(tmpdir(), 'daybook-snapshot-crash-'));
  try {
    const { context: first, page: taking } = await openTodayOn(profile, baseURL);
    await chooseOnDataPage(taking, 'Choose a database file…', file);
    await taking.getByRole('region', { name: /Restore from the file/ }).getByRole('button', { name: 'Restore' }).click();
    await expect(taking.getByText('Restored. Your previous data is kept as a snapshot.')).toBeVisible({ timeout: 60_000 });
    const list = taking.getByRole('list', { name: 'Snapshots' }).getByRole('listitem');
    await expect(list).toHaveCount(2); // the day's (the week's) and the one before the restore
    const listed = await list.allInnerTexts();

    // Stopped: said so, nothing listed.
    const takeNow = taking.getByRole('button', { name: 'Take a snapshot now' });
    await takeNow.click();
    await expect(taking.getByRole('status').filter({ hasText: 'Taking a snapshot…' })).toBeAttached();
    await taking.getByRole('button', { name: 'Stop' }).click();
    await expect(taking.getByText('Stopped: no snapshot was kept.')).toBeVisible();
    await expect(takeNow).toBeVisible();
    expect(await list.allInnerTexts()).toEqual(listed);

    // Killed once a quarter of the copy is written: the half copy is on the disk.
    await takeNow.click();
    await taking.waitForFunction(
      () => {
        const bar = document.querySelector('progress[aria-label="Snapshot progress"]');
        return bar instanceof HTMLProgressElement && bar.max > 1 && bar.value >= bar.max / 4;
      },
      undefined,
      { polling: 'raf' }
    );
    killBrowserOf(profile);
    await first.close().catch(() => undefined);
    const halfCopy = (name: string) => name.includes('-manual-');
    expect((await poolFilesOn(profile, baseURL)).filter(halfCopy)).toHaveLength(2); // the copy and its note

    // The next opening lists what was there, removes the half copy, and the data is whole.
    const { context: second, page: again } = await openTodayOn(profile, baseURL);
    expect(await taskTitles(again)).toEqual(['Small and kept']);
    await again.goto('/data');
    const listedAgain = again.getByRole('list', { name: 'Snapshots' }).getByRole('listitem');
    await expect(listedAgain).toHaveCount(listed.length);
    // (A run that crosses midnight may list the new day's snapshot too: nothing else may be new.)
    const shownAgain = await listedAgain.allInnerTexts();
    expect(shownAgain).toEqual(expect.arrayContaining(listed));
    expect(shownAgain.filter((text) => text.includes('Taken by you'))).toEqual([]);
    expect(await sqlAnswer(again, "SELECT count(*), sum(id LIKE 'bulk-%') FROM tasks")).toEqual(['25001', '25000']);
    await second.close();
    const kept = await poolFilesOn(profile, baseURL);
    expect(kept.filter(halfCopy)).toEqual([]);
    expect(kept).toContain('/daybook.sqlite3');

    // A snapshot taken now is whole, and listed as one taken by hand.
    const { context: third, page: last } = await openTodayOn(profile, baseURL);
    await last.goto('/data');
    await last.getByRole('button', { name: 'Take a snapshot now' }).click();
    await expect(last.getByText(/^Snapshot taken\./)).toBeVisible({ timeout: 60_000 });
    const listedLast = last.getByRole('list', { name: 'Snapshots' }).getByRole('listitem');
    await expect(listedLast.filter({ hasText: 'Taken by you' })).toHaveCount(1);
    await third.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
