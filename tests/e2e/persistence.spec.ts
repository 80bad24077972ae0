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

test('keeps the data as it was when the browser is killed in the middle of a JSON import', async ({ page, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  // The backup comes from another profile (the test's own page), with many rows so the import is
  // still writing when the browser dies. Saved as a plain download, not through the save picker.
  await page.context().addInitScript(() => Reflect.deleteProperty(window, 'showSaveFilePicker'));
  await openToday(page);
  await addTask(page, 'From the import');
  const file = testInfo.outputPath('backup.json');
  await downloadFromDataPage(page, 'Export JSON', file);
  const backup = JSON.parse(readFileSync(file, 'utf8')) as { tables: Record<string, Record<string, unknown>[]> };
  const at = '2026-03-01T00:00:00.000Z';
  backup.tables.tags = Array.from({ length: 150_000 }, (_, index) => ({ id: `bulk-${index}`, name: `bulk ${index}`, created_at: at, updated_at: at }));
  writeFileSync(file, JSON.stringify(backup));

  const profile = mkdtempSync(join(tmpdir(), 'daybook-import-crash-'));
  try {
    const { context: first, page: crashing } = await openTodayOn(profile, baseURL);
    await addTask(crashing, 'Before the import');
    await chooseOnDataPage(crashing, 'Import a JSON backup…', file);
    const preview = crashing.getByRole('group', { name: 'What the JSON backup holds' });
    await preview.getByRole('button', { name: 'Import and replace' }).click({ timeout: 60_000 });
    await expect(crashing.getByText('Importing… writing the rows')).toBeVisible({ timeout: 60_000 });
    killBrowserOf(profile);
    await first.close().catch(() => undefined);

    const { context: second, page: again } = await openTodayOn(profile, baseURL);
    expect(await taskTitles(again)).toEqual(['Before the import']);
    // The database is in its usual mode again and takes writes that last.
    await addTask(again, 'After the crash');
    await second.close();
    await expectTasksOn(profile, baseURL, ['Before the import', 'After the crash']);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
