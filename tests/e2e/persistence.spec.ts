import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { expect, test } from './helpers';
import { addTask, launchOptions, openToday, taskTitles } from './helpers';

test('keeps tasks when the browser is closed and opened again on the same profile', async ({ baseURL }) => {
  const profile = mkdtempSync(join(tmpdir(), 'daybook-profile-'));
  try {
    const first = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
    const page = first.pages()[0] ?? (await first.newPage());
    await openToday(page);
    await addTask(page, 'Survives a restart', { priority: 'high' });
    await addTask(page, 'So does this one');
    await expect.poll(() => taskTitles(page)).toEqual(['Survives a restart', 'So does this one']);
    await first.close();

    const second = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
    const again = second.pages()[0] ?? (await second.newPage());
    await openToday(again);
    expect(await taskTitles(again)).toEqual(['Survives a restart', 'So does this one']);
    await second.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('keeps every acknowledged task when the browser is killed mid-session', async ({ baseURL }) => {
  const profile = mkdtempSync(join(tmpdir(), 'daybook-crash-'));
  try {
    const first = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
    const page = first.pages()[0] ?? (await first.newPage());
    await openToday(page);
    const titles = Array.from({ length: 12 }, (_, index) => `Acknowledged ${String(index + 1).padStart(2, '0')}`);
    for (const title of titles) await addTask(page, title);
    await expect(page.getByRole('list', { name: "Today's tasks" }).locator('li')).toHaveCount(titles.length);
    // No clean shutdown: SIGKILL every process of this profile, as a crash or a killed tab would.
    const killed = spawnSync('pkill', ['-KILL', '-f', '--', profile]);
    expect(killed.status).toBe(0);
    await first.close().catch(() => undefined);

    const second = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
    const again = second.pages()[0] ?? (await second.newPage());
    await openToday(again);
    expect(await taskTitles(again)).toEqual(titles);
    await second.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
