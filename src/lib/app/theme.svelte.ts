export type ThemeChoice = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'daybook.theme';

/** Light or dark, following the system unless the person chose one. Kept in localStorage so it applies before the database opens. */
class Theme {
  choice = $state<ThemeChoice>('system');

  load(): void {
    const saved = localStorage.getItem(STORAGE_KEY);
    this.choice = saved === 'light' || saved === 'dark' ? saved : 'system';
    this.#apply();
  }

  set(choice: ThemeChoice): void {
    this.choice = choice;
    if (choice === 'system') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, choice);
    this.#apply();
  }

  #apply(): void {
    if (this.choice === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = this.choice;
  }
}

export const theme = new Theme();
