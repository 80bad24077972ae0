import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { addTask, expect, openToday, quickAdd, taskTitles, test, todayList } from './helpers';

const SERVICE_WORKER = 'build/sw.js';

/** Waits until the service worker is active and controls the page. */
async function untilControlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
    await openToday(page);
  }
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test('is installable: a complete manifest, icons and an active service worker', async ({ page, request }) => {
  await openToday(page);
  const link = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(link).toBeTruthy();
  const manifest = (await (await request.get(link ?? '')).json()) as {
    name: string;
    display: string;
    start_url: string;
    icons: { src: string; sizes: string; purpose?: string }[];
    shortcuts: { url: string }[];
  };
  expect(manifest).toMatchObject({ name: 'Daybook', display: 'standalone', start_url: '/' });
  expect(manifest.icons.some((icon) => icon.sizes === '512x512' && icon.purpose === 'maskable')).toBe(true);
  expect(manifest.icons.some((icon) => icon.sizes === '192x192')).toBe(true);
  for (const icon of manifest.icons) expect((await request.get(icon.src)).headers()['content-type']).toBe('image/png');
  expect(manifest.shortcuts.map((shortcut) => shortcut.url)).toEqual(['/?new=task']);
  await untilControlled(page);
});

test('works fully offline after the first visit, through a hard reload', async ({ page, context }) => {
  await openToday(page);
  await addTask(page, 'Added online');
  await untilControlled(page);

  await context.setOffline(true);
  await page.reload();
  await openToday(page);
  expect(await taskTitles(page)).toEqual(['Added online']);
  await addTask(page, 'Added offline', { priority: 'high' });
  await page.getByRole('button', { name: 'Edit “Added online”' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit task' });
  await dialog.getByLabel('Title').fill('Edited offline');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => taskTitles(page)).toEqual(['Added offline', 'Edited offline']);
  await page.goto('/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  await context.setOffline(false);
  await openToday(page);
  expect(await taskTitles(page)).toEqual(['Added offline', 'Edited offline']);
});

test('offers a new version but never reloads over unsaved typing', async ({ page }) => {
  await openToday(page);
  await untilControlled(page);
  await quickAdd(page).getByLabel('New task').fill('Half-typed idea');
  // A "new release": the same service worker with different bytes, as a deploy would publish it.
  const original = readFileSync(SERVICE_WORKER, 'utf8');
  writeFileSync(SERVICE_WORKER, `${original}\n// next release`);
  try {
    await expectUpdateFlow(page);
  } finally {
    writeFileSync(SERVICE_WORKER, original);
  }
});

async function expectUpdateFlow(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
  await expect(page.getByText('A new version of Daybook is ready.')).toBeVisible();
  const update = page.getByRole('button', { name: 'Update now' });
  await expect(update).toBeDisabled();
  await expect(quickAdd(page).getByLabel('New task')).toHaveValue('Half-typed idea');

  await quickAdd(page).getByLabel('New task').fill('');
  await expect(update).toBeEnabled();
  const reloaded = page.waitForEvent('load');
  await update.click();
  await reloaded;
  await openToday(page);
  await expect(page.getByText('A new version of Daybook is ready.')).toHaveCount(0);
}

test('sets a strict Content Security Policy that the app runs under', async ({ page }) => {
  await openToday(page);
  const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
  expect(policy).toContain("connect-src 'self'");
  expect(policy).toContain("object-src 'none'");
  // Two hashed inline scripts: SvelteKit's start-up and app.html's, which starts the database worker.
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[^']+'){2}(;|$)/);
  expect(policy).not.toContain("'unsafe-inline' 'sha");
  await addTask(page, '<img src=x onerror="window.__pwned=1">');
  await expect(todayList(page).getByText('<img src=x onerror="window.__pwned=1">')).toBeVisible();
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});
