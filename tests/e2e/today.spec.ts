import { expect, test } from './helpers';
import { addTask, openToday, quickAdd, taskTitles, todayList } from './helpers';

test.describe('Today', () => {
  test('adds tasks, lists them by priority, and keeps them across a reload', async ({ page }) => {
    await openToday(page);
    await expect(page.getByText('Nothing planned for today yet')).toBeVisible();

    await addTask(page, 'Answer email', { priority: 'low', estimate: '15' });
    await addTask(page, 'Write the design doc', { priority: 'high', estimate: '90' });
    await addTask(page, 'Review pull requests');
    await expect(todayList(page).locator('li')).toHaveCount(3);
    // New tasks show at once at the end; the list takes its priority order when the worker answers.
    await expect.poll(() => taskTitles(page)).toEqual(['Write the design doc', 'Review pull requests', 'Answer email']);
    await expect(todayList(page)).toContainText('1 h 30 min');

    await page.reload();
    await openToday(page);
    expect(await taskTitles(page)).toEqual(['Write the design doc', 'Review pull requests', 'Answer email']);
  });

  test('refuses an empty title with a message beside the field and writes nothing', async ({ page }) => {
    await openToday(page);
    await page.getByLabel('New task').fill('   ');
    await page.getByLabel('New task').press('Enter');
    await expect(page.getByText('Title is required.')).toBeVisible();
    await expect(page.getByLabel('New task')).toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: 'Add' }).click();
    await expect(page.getByText('Title is required.')).toBeVisible();

    await page.getByLabel('New task').fill('Valid title');
    await quickAdd(page).getByLabel('Estimate (min)').fill('lots');
    await page.getByRole('button', { name: 'Add' }).click();
    await expect(page.getByText('Estimate is a whole number of minutes from 0 to 10080 (a week).')).toBeVisible();
    // What was typed stays, so it can be corrected.
    await expect(page.getByLabel('New task')).toHaveValue('Valid title');

    await page.reload();
    await openToday(page);
    await expect(page.getByText('Nothing planned for today yet')).toBeVisible();
  });

  test('marks a task done, edits it, deletes it and undoes the delete', async ({ page }) => {
    await openToday(page);
    await addTask(page, 'First draft');
    await addTask(page, 'Second thing', { priority: 'high' });
    await expect(todayList(page).locator('li')).toHaveCount(2);

    await page.getByRole('checkbox', { name: 'Second thing' }).check();
    await expect(page.getByText('1 of 2 left')).toBeVisible();
    // Done work sinks below open work.
    await expect.poll(() => taskTitles(page)).toEqual(['First draft', 'Second thing']);

    await page.getByRole('button', { name: 'Edit “First draft”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit task' });
    await dialog.getByLabel('Title').fill('');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('Title is required.')).toBeVisible();
    await dialog.getByLabel('Title').fill('Final draft');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => taskTitles(page)).toEqual(['Final draft', 'Second thing']);

    await page.getByRole('button', { name: 'Delete “Final draft”' }).click();
    await expect.poll(() => taskTitles(page)).toEqual(['Second thing']);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => taskTitles(page)).toEqual(['Final draft', 'Second thing']);

    await page.reload();
    await openToday(page);
    expect(await taskTitles(page)).toEqual(['Final draft', 'Second thing']);
    await expect(page.getByRole('checkbox', { name: 'Second thing' })).toBeChecked();
  });

  test('adds a task with Enter from the estimate field as from the title', async ({ page }) => {
    await openToday(page);
    await page.getByLabel('New task').fill('Plan the sprint');
    await quickAdd(page).getByLabel('Estimate (min)').fill('45');
    await quickAdd(page).getByLabel('Estimate (min)').press('Enter');
    await expect(todayList(page)).toContainText('Plan the sprint');
    await expect(todayList(page)).toContainText('45 min');
    await page.getByLabel('New task').fill('Write the retro notes');
    await page.getByLabel('New task').press('Enter');
    await expect.poll(() => taskTitles(page)).toEqual(['Plan the sprint', 'Write the retro notes']);
    await expect(page.getByLabel('New task')).toHaveValue('');
  });

  test('does not add a task on the Enter that confirms an input method’s text', async ({ page }) => {
    await openToday(page);
    const title = page.getByLabel('New task');
    await title.fill('会議の準備');
    const enter = (init: { isComposing?: boolean; keyCode?: number }) =>
      title.evaluate((input, init) => input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, ...init })), init);
    await enter({ isComposing: true });
    await enter({ keyCode: 229 });
    await page.waitForTimeout(300);
    await expect(page.getByText('Nothing planned for today yet')).toBeVisible();
    await expect(title).toHaveValue('会議の準備');
    await enter({});
    await expect(todayList(page)).toContainText('会議の準備');
  });

  test('adds a task once when Enter is pressed twice, and keeps what is typed right after Enter', async ({ page }) => {
    await openToday(page);
    await page.getByLabel('New task').fill('Plan the week');
    // Both submits and the typing land before the worker can answer: they run in one task of the page.
    await page.evaluate(() => {
      const form = document.querySelector<HTMLFormElement>('form[aria-label="Add a task for today"]');
      const input = document.querySelector<HTMLInputElement>('#new-task-title');
      if (!form || !input) throw new Error('No quick-add form');
      form.requestSubmit();
      form.requestSubmit();
      input.value += 'Call Ana';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect.poll(() => taskTitles(page)).toEqual(['Plan the week']);
    await expect(page.getByLabel('New task')).toHaveValue('Call Ana');
    await expect(page.getByText('Title is required.')).toHaveCount(0);

    await page.reload();
    await openToday(page);
    expect(await taskTitles(page)).toEqual(['Plan the week']);
  });

  test('works from the keyboard: n starts a task, Enter adds it, ? lists shortcuts, Esc closes', async ({ page }) => {
    await openToday(page);
    await page.locator('body').press('n');
    await expect(page.getByLabel('New task')).toBeFocused();
    await page.keyboard.type('Typed without a mouse');
    await page.keyboard.press('Enter');
    await expect.poll(() => taskTitles(page)).toEqual(['Typed without a mouse']);

    await page.getByLabel('New task').blur();
    await page.locator('body').press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    await page.locator('body').press('g');
    await page.locator('body').press('s');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  });
});
