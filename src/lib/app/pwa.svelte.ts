import { Workbox } from 'workbox-window';
import { unsavedEdits } from './unsaved-edits.svelte';

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/**
 * The installable, offline side of the app: registers the service worker, says when a new
 * version is waiting, and switches to it only when the person asks and nothing is being edited.
 */
class AppShell {
  updateReady = $state(false);
  canInstall = $state(false);
  #workbox: Workbox | null = null;
  #installPrompt: InstallPromptEvent | null = null;
  #switching = false;

  start(): void {
    if (typeof window === 'undefined' || import.meta.env.DEV || !('serviceWorker' in navigator)) return;
    const workbox = new Workbox('/sw.js', { scope: '/' });
    workbox.addEventListener('waiting', () => (this.updateReady = true));
    // Reload only for a switch the person asked for, never because another tab updated.
    workbox.addEventListener('controlling', () => {
      if (this.#switching) location.reload();
    });
    // Where the browser refuses a service worker (some private windows, blocked storage) the app
    // still works, only not offline: nothing to tell the person beyond the console.
    workbox.register().catch((error: unknown) => console.warn('Daybook will not work offline here: the service worker was refused.', error));
    this.#workbox = workbox;
    window.addEventListener('beforeinstallprompt', (event) => {
      event.preventDefault();
      this.#installPrompt = event as InstallPromptEvent;
      this.canInstall = true;
    });
    window.addEventListener('appinstalled', () => (this.canInstall = false));
  }

  /** Switches to the waiting version; refuses while a form holds unsaved text. */
  applyUpdate(): boolean {
    if (!this.#workbox || unsavedEdits.any) return false;
    this.#switching = true;
    this.#workbox.messageSkipWaiting();
    return true;
  }

  async install(): Promise<void> {
    const prompt = this.#installPrompt;
    if (!prompt) return;
    await prompt.prompt();
    const choice = await prompt.userChoice;
    if (choice.outcome === 'accepted') this.canInstall = false;
    this.#installPrompt = null;
  }
}

export const appShell = new AppShell();
