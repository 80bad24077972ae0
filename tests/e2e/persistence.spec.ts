import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { expect, test } from './helpers';
import { addTask, chooseOnDataPage, downloadFromDataPage, launchOptions, openToday, taskTitles } from './helpers';

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
