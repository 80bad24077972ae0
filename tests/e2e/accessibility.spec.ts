import { expect, test } from './helpers';
import { addTask, expectNoAxeViolations, openToday } from './helpers';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('Today has no axe violations, empty and with tasks, at phone and desktop widths', async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await openToday(page);
      await expectNoAxeViolations(page);
      await addTask(page, 'A task to check', { priority: 'high', estimate: '25' });
      await page.getByRole('checkbox', { name: 'A task to check' }).check();
      await expectNoAxeViolations(page);
      await page.setViewportSize({ width: 1440, height: 900 });
      await expectNoAxeViolations(page);
    });

    test('Settings and the dialogs have no axe violations', async ({ page }) => {
      await openToday(page);
      await addTask(page, 'Edit me');
      await page.getByRole('button', { name: 'Edit “Edit me”' }).click();
      await expect(page.getByRole('dialog', { name: 'Edit task' })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await expectNoAxeViolations(page);
      await page.keyboard.press('Escape');
      await page.getByRole('link', { name: 'Settings' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('the Data page and the SQL console have no axe violations, at phone and desktop widths', async ({ page }) => {
      await openToday(page);
      await addTask(page, 'Something to look at');
      await page.getByRole('button', { name: 'Delete “Something to look at”' }).click();
      for (const width of [360, 1440]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto('/data');
        await expect(page.getByRole('list', { name: 'Snapshots' })).toBeVisible();
        await expect(page.getByRole('list', { name: 'Items in the trash' })).toBeVisible();
        await expectNoAxeViolations(page);
        await page.goto('/data/console');
        const editor = page.getByRole('textbox', { name: /SQL/ });
        await editor.fill('SELECT id, title, deleted_at FROM tasks');
        await editor.press('Control+Enter');
        await expect(page.getByRole('table')).toBeVisible();
        await expectNoAxeViolations(page);
      }
    });
  });
}

test('the theme can be switched in Settings and the choice is kept', async ({ page }) => {
  await page.goto('/settings');
  await page.getByLabel('Dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByLabel('Dark')).toBeChecked();
});
