import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { addTask, chooseOnDataPage, downloadFromDataPage, expect, openToday, taskTitles, test } from './helpers';

/** The schema version the built app migrates to: its number of migration files. */
const SCHEMA_VERSION = readdirSync('migrations').filter((name) => name.endsWith('.sql')).length;

// Test the plain-download path (browsers without the File System Access save picker).
test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => {
    Reflect.deleteProperty(window, 'showSaveFilePicker');
  });
});

test('downloads a database file that sqlite3 opens, and restores it after a change, with undo', async ({ page }, testInfo) => {
  await openToday(page);
  await addTask(page, 'Before the backup', { priority: 'high' });
  await addTask(page, 'Also before');

  const file = testInfo.outputPath('backup.sqlite3');
  const download = await downloadFromDataPage(page, 'Download the database file', file);
  expect(download.suggestedFilename()).toMatch(/^daybook-\d{4}-\d{2}-\d{2}\.sqlite3$/);

  // The file opens in the sqlite3 tool with the documented schema.
  const cli = spawnSync('sqlite3', ['-readonly', file, 'PRAGMA integrity_check; SELECT title FROM tasks ORDER BY title; PRAGMA user_version;'], { encoding: 'utf8' });
  expect(cli.status).toBe(0);
  expect(cli.stdout.trim().split('\n')).toEqual(['ok', 'Also before', 'Before the backup', String(SCHEMA_VERSION)]);

  await openToday(page);
  await page.getByRole('button', { name: 'Delete “Also before”' }).click();
  await addTask(page, 'After the backup');

  await chooseOnDataPage(page, 'Choose a database file…', file);
  const preview = page.getByRole('region', { name: /Restore from the file/ });
  await expect(preview.getByRole('row', { name: /Tasks/ })).toContainText('2');
  await preview.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText('Restored. Your previous data is kept as a snapshot.')).toBeVisible();

  await page.getByRole('link', { name: 'Today' }).click();
  await expect.poll(() => taskTitles(page)).toEqual(['Before the backup', 'Also before']);
  await page.getByRole('button', { name: 'Undo' }).click();
  // Said while it runs (seconds at ten years), then replaced by the outcome.
  await expect(page.getByText('The restore was undone.')).toBeVisible();
  await expect(page.getByText('Undoing the restore…')).toHaveCount(0);
  await expect.poll(() => taskTitles(page)).toEqual(['Before the backup', 'After the backup']);
});

test('refuses a file that is not a database, changing nothing', async ({ page }) => {
  await openToday(page);
  await addTask(page, 'Untouched');
  await chooseOnDataPage(page, 'Choose a database file…', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('just some notes\n'.repeat(20)) });
  await expect(page.getByRole('alert')).toHaveText('This is not a SQLite database file.');
  await expect(page.getByText('Nothing was changed.')).toBeVisible();
  await openToday(page);
  expect(await taskTitles(page)).toEqual(['Untouched']);
});

test('keeps a snapshot of the day on the device (on a new install the week’s, which stands for the day too) and lists it', async ({ page }) => {
  await openToday(page);
  await page.goto('/data');
  const list = page.getByRole('list', { name: 'Snapshots' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Weekly');
  await page.getByRole('button', { name: 'Take a snapshot now' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  // Taken by hand: kept apart from the daily ones, and said so.
  await expect(list.getByRole('listitem').filter({ hasText: 'Taken by you' })).toHaveCount(1);
  await expect(page.getByText('Snapshot taken. The last 5 you take are kept.')).toBeVisible();
  await expect(page.getByText(/Together they take [\d.,]+ [kM]B\./)).toBeVisible();
});

test('the day’s snapshot, copied in steps, downloads as a file sqlite3 opens and restores the data it holds', async ({ page }, testInfo) => {
  await openToday(page);
  await addTask(page, 'In the day’s snapshot');
  await page.goto('/data');
  const list = page.getByRole('list', { name: 'Snapshots' });
  const days = list.getByRole('listitem').filter({ hasText: 'Weekly' });
  await expect(days).toHaveCount(1);

  await openToday(page);
  await addTask(page, 'After the snapshot');
  await page.goto('/data');
  const file = testInfo.outputPath('day.sqlite3');
  const downloading = page.waitForEvent('download');
  await days.getByRole('button', { name: /^Download the snapshot of/ }).click();
  await (await downloading).saveAs(file);

  // Copied from the live WAL file, it is handed out as a rollback-journal file (header bytes 18-19).
  const bytes = readFileSync(file);
  expect([bytes[18], bytes[19]]).toEqual([1, 1]);
  const cli = spawnSync('sqlite3', ['-readonly', file, 'PRAGMA integrity_check; SELECT title FROM tasks ORDER BY title;'], { encoding: 'utf8' });
  expect(cli.status).toBe(0);
  expect(cli.stdout.trim().split('\n')).toEqual(['ok', 'In the day’s snapshot']);

  await days.getByRole('button', { name: /^Restore the snapshot of/ }).click();
  // The preview opens at the top of the page, far above the button: it comes into view with the focus.
  const heading = page.getByRole('heading', { name: /^Restore from the snapshot of/ });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  const preview = page.getByRole('region', { name: /Restore from/ });
  await preview.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText('Restored. Your previous data is kept as a snapshot.')).toBeVisible();
  await page.getByRole('link', { name: 'Today' }).click();
  await expect.poll(() => taskTitles(page)).toEqual(['In the day’s snapshot']);
});

test('deletes a snapshot with a chance to undo, and only for good once the undo has gone', async ({ page }) => {
  await openToday(page);
  await page.goto('/data');
  const list = page.getByRole('list', { name: 'Snapshots' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Take a snapshot now' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  const byHand = list.getByRole('listitem').filter({ hasText: 'Taken by you' });

  await byHand.getByRole('button', { name: /^Delete the snapshot of/ }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(byHand).toHaveCount(1);
  // Undone: still there after a reload.
  await page.reload();
  await expect(list.getByRole('listitem')).toHaveCount(2);

  await byHand.getByRole('button', { name: /^Delete the snapshot of/ }).click();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await page.reload();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Weekly');
});

test('exports everything as JSON and imports it back after a change, with a preview', async ({ page }, testInfo) => {
  await openToday(page);
  await addTask(page, 'Kept in the export');
  const file = testInfo.outputPath('export.json');
  await downloadFromDataPage(page, 'Export JSON', file);

  await openToday(page);
  await page.getByRole('button', { name: 'Delete “Kept in the export”' }).click();
  await addTask(page, 'Made after the export');

  await chooseOnDataPage(page, 'Import a JSON backup…', file);
  const preview = page.getByRole('group', { name: 'What the JSON backup holds' });
  await expect(preview.getByRole('row', { name: /Tasks/ })).toBeVisible();
  await preview.getByRole('button', { name: 'Import and replace' }).click();
  await expect(page.getByText(/^Imported \d+ rows\.$/)).toBeVisible();
  // A new page load opens the database again: the note that the import was under way is gone, so there is nothing to undo.
  await openToday(page);
  expect(await taskTitles(page)).toEqual(['Kept in the export']);
  await expect(page.getByText(/did not finish/)).toHaveCount(0);

  // The import leaves the connection as it found it: the database file (a checkpoint first) downloads and opens.
  const database = testInfo.outputPath('after-import.sqlite3');
  await downloadFromDataPage(page, 'Download the database file', database);
  const cli = spawnSync('sqlite3', ['-readonly', database, 'PRAGMA integrity_check; SELECT title FROM tasks WHERE deleted_at IS NULL;'], { encoding: 'utf8' });
  expect(cli.stdout.trim().split('\n')).toEqual(['ok', 'Kept in the export']);

  // The import's Undo brings back what it replaced, and says so once it has.
  await openToday(page);
  await addTask(page, 'Made after the import');
  await chooseOnDataPage(page, 'Import a JSON backup…', file);
  await page.getByRole('group', { name: 'What the JSON backup holds' }).getByRole('button', { name: 'Import and replace' }).click();
  const imported = page.locator('.toast').filter({ hasText: /^Imported \d+ rows\./ });
  await imported.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('The import was undone.')).toBeVisible();
  await expect(page.getByText('Undoing the import…')).toHaveCount(0);
  await openToday(page);
  expect(await taskTitles(page)).toEqual(['Kept in the export', 'Made after the import']);
});

test('exports an SQL script that the sqlite3 tool replays, and CSV files zipped one per table', async ({ page }, testInfo) => {
  await openToday(page);
  await addTask(page, 'In every export');

  const script = testInfo.outputPath('export.sql');
  expect((await downloadFromDataPage(page, 'Export SQL', script)).suggestedFilename()).toMatch(/^daybook-\d{4}-\d{2}-\d{2}\.sql$/);
  const replayed = testInfo.outputPath('replayed.sqlite3');
  expect(spawnSync('sqlite3', ['-bail', replayed], { input: readFileSync(script, 'utf8'), encoding: 'utf8' }).status).toBe(0);
  const cli = spawnSync('sqlite3', ['-readonly', replayed, 'PRAGMA integrity_check; SELECT title FROM tasks; PRAGMA user_version;'], { encoding: 'utf8' });
  expect(cli.stdout.trim().split('\n')).toEqual(['ok', 'In every export', String(SCHEMA_VERSION)]);

  const zip = testInfo.outputPath('export.zip');
  await downloadFromDataPage(page, 'Export CSV', zip);
  const files = unzipSync(readFileSync(zip));
  expect(Object.keys(files)).toEqual(expect.arrayContaining(['tasks.csv', 'journal_entries.csv', 'habit_logs.csv']));
  expect(strFromU8(files['tasks.csv'] ?? new Uint8Array())).toContain('In every export');
});

test('adds tasks from another app’s CSV file after showing the mapping', async ({ page }) => {
  await openToday(page);
  const today = await page.evaluate(() => {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  });
  const csv = `Task,Due Date,Priority,Notes\nCall the bank,${today},high,About the loan\nWater plants,,low,\n`;
  await chooseOnDataPage(page, 'Import a CSV file…', { name: 'todo-export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const preview = page.getByRole('group', { name: 'What the CSV file holds' });
  await expect(preview).toContainText('2 tasks to add');
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Imported 2 rows.')).toBeVisible();
});

test('lists deleted items in the trash, restores one and deletes one for good', async ({ page }) => {
  await openToday(page);
  await addTask(page, 'Deleted by mistake');
  await addTask(page, 'Really not needed');
  await page.getByRole('button', { name: 'Delete “Deleted by mistake”' }).click();
  await page.getByRole('button', { name: 'Delete “Really not needed”' }).click();
  await page.goto('/data');
  const trash = page.getByRole('list', { name: 'Items in the trash' });
  await expect(trash.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Restore “Deleted by mistake”' }).click();
  await page.getByRole('button', { name: 'Delete for good: “Really not needed”' }).click();
  await expect(page.getByText('The trash is empty')).toBeVisible();
  await openToday(page);
  expect(await taskTitles(page)).toEqual(['Deleted by mistake']);
});

test('the SQL console reads the data and refuses to change it', async ({ page }) => {
  await openToday(page);
  await addTask(page, 'Visible to SQL');
  await page.goto('/data');
  await page.getByRole('link', { name: 'Open the SQL console' }).click();
  const editor = page.getByRole('textbox', { name: /SQL/ });
  await editor.fill('SELECT title, priority FROM tasks');
  await editor.press('Control+Enter');
  await expect(page.getByRole('table')).toContainText('Visible to SQL');

  await editor.fill("DELETE FROM tasks");
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('alert')).toContainText('The console only reads: DELETE is not allowed.');
  await openToday(page);
  expect(await taskTitles(page)).toEqual(['Visible to SQL']);
});

test('maintenance shows the size, counts the rows once asked, compacts, and checks the database', async ({ page }) => {
  await openToday(page);
  await addTask(page, 'Counted');
  await page.goto('/data');
  await expect(page.getByText('Database size')).toBeVisible();
  // Counted only once the list is opened (a count walks every table), then kept up to date.
  const rows = page.locator('summary', { hasText: 'Rows in each table' });
  await expect(rows).toHaveText('Rows in each table');
  await rows.click();
  const tasksRow = page.getByRole('table', { name: 'Rows in each table' }).getByRole('row', { name: /^tasks\b/ });
  await expect(tasksRow).toContainText('1');
  await expect(rows).toHaveText(/^Rows in each table\s\([\d,]+ rows in \d+ tables\)$/);
  await page.getByRole('button', { name: /Compact/ }).click();
  await expect(page.getByText(/^Compacted:/)).toBeVisible();
  await page.getByRole('button', { name: 'Check the database' }).click();
  await expect(page.getByText('Checked: no problems found.')).toBeVisible();
});
