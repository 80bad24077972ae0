/** The global keyboard shortcuts, listed in the `?` help dialog. */
export const SHORTCUTS = [
  { keys: 'n', description: 'New task' },
  { keys: 'g t', description: 'Go to Today' },
  { keys: 'g s', description: 'Go to Settings' },
  { keys: '?', description: 'Show this help' },
  { keys: 'Esc', description: 'Close a dialog' }
] as const;

export type ShortcutAction = 'new' | 'today' | 'settings' | 'help';

/** Turns key presses into actions; `g` starts a two-key sequence. Ignores typing in fields. */
export function createShortcutHandler(onAction: (action: ShortcutAction) => void): (event: KeyboardEvent) => void {
  let pendingG = false;
  return (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    const key = event.key;
    if (pendingG) {
      pendingG = false;
      if (key === 't') onAction('today');
      else if (key === 's') onAction('settings');
      return;
    }
    if (key === 'g') pendingG = true;
    else if (key === 'n') onAction('new');
    else if (key === '?') onAction('help');
    else return;
    event.preventDefault();
  };
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
