import { test as base, expect, type Download, type FileChooser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { chromiumLaunchOptions } from '../chromium';

/** Launch options for browsers a test starts itself (persistent profiles). */
export const launchOptions = chromiumLaunchOptions;

/** Opens Today and waits until the database is ready. */
export async function openToday(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(page.getByText('Loading today’s tasks…')).toHaveCount(0);
}

export function quickAdd(page: Page) {
  return page.getByRole('form', { name: 'Add a task for today' });
}

export async function addTask(page: Page, title: string, options: { priority?: string; estimate?: string } = {}): Promise<void> {
  const form = quickAdd(page);
  await form.getByLabel('New task').fill(title);
  if (options.priority) await form.getByLabel('Priority').selectOption(options.priority);
  if (options.estimate !== undefined) await form.getByLabel('Estimate (min)').fill(options.estimate);
  await form.getByLabel('New task').press('Enter');
  await waitForAcknowledged(page, title.trim());
}

/**
 * Resolves once `title` is listed, the input is cleared and no row is still marked busy (the
 * worker committed it). Polled every frame inside the page; an evaluate that returns a plain value
 * rather than waitForFunction's handle, because a handle arriving as its page closes (the failover
 * test closes a tab mid-stream) fails the test from outside any try.
 */
async function waitForAcknowledged(page: Page, title: string, timeoutMs = 15_000): Promise<void> {
  await page.evaluate(
    ([expected, limit]) =>
      new Promise<void>((resolve, reject) => {
        const deadline = performance.now() + limit;
        const check = () => {
          const input = document.getElementById('new-task-title') as HTMLInputElement | null;
          const rows = [...document.querySelectorAll('[aria-label="Today\'s tasks"] li')];
          const listed = rows.some((row) => row.textContent?.includes(expected));
          const busy = rows.some((row) => row.getAttribute('aria-busy') === 'true');
          if (input?.value === '' && listed && !busy) resolve();
          else if (performance.now() > deadline) reject(new Error(`“${expected}” was not acknowledged within ${limit} ms`));
          else requestAnimationFrame(check);
        };
        check();
      }),
    [title, timeoutMs] as const
  );
}

export function todayList(page: Page) {
  return page.getByRole('list', { name: "Today's tasks" });
}

export async function taskTitles(page: Page): Promise<string[]> {
  return todayList(page).locator('li .title').allTextContents();
}

/** On the Data page: clicks `button`, saves the download it starts at `file` and answers it. */
export async function downloadFromDataPage(page: Page, button: string, file: string): Promise<Download> {
  await page.goto('/data');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const download = await downloading;
  await download.saveAs(file);
  return download;
}

/** On the Data page: opens the file picker labelled `picker` and gives it `files`. */
export async function chooseOnDataPage(page: Page, picker: string, files: Parameters<FileChooser['setFiles']>[0]): Promise<void> {
  await page.goto('/data');
  const choosing = page.waitForEvent('filechooser');
  await page.getByText(picker).click();
  await (await choosing).setFiles(files);
}

/** The cells of the one row `sql` answers, as the Data page's SQL console shows them. */
export async function sqlAnswer(page: Page, sql: string): Promise<string[]> {
  await page.goto('/data');
  await page.getByRole('link', { name: 'Open the SQL console' }).click();
  const editor = page.getByRole('textbox', { name: /SQL/ });
  await editor.fill(sql);
  await editor.press('Control+Enter');
  const cells = page.getByRole('table').getByRole('cell');
  await expect(cells.first()).toBeVisible();
  return cells.allInnerTexts();
}

/** Fails the test on any axe violation, listing them readably. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

/**
 * The test every spec uses: it records each request the app makes and fails if any goes to
 * another origin (nothing leaves the device), and fails on any Content Security Policy violation.
 */
export const test = base.extend<{ originGuard: void }>({
  originGuard: [
    async ({ context, baseURL }, use) => {
      const foreign: string[] = [];
      const allowed = new URL(baseURL ?? 'http://localhost').origin;
      context.on('request', (request) => {
        const url = request.url();
        if (/^(data|blob|about|chrome-extension):/.test(url)) return;
        if (new URL(url).origin !== allowed) foreign.push(url);
      });
      const violations: string[] = [];
      context.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await use();
      expect(foreign, 'requests to other origins').toEqual([]);
      expect(violations, 'Content Security Policy violations').toEqual([]);
    },
    { auto: true }
  ]
});

export { expect };
