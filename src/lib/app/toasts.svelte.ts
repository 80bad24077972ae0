export interface Toast {
  readonly id: number;
  readonly message: string;
  readonly tone: 'info' | 'error';
  readonly action?: { readonly label: string; readonly run: () => void | Promise<void> };
  /** Runs when the toast goes without its action taken: timed out, dismissed or pushed out. */
  readonly onExpire?: () => void;
}

const VISIBLE_MS = 6000;
/** How many toasts show at once; an older one is pushed out. */
const MAX_VISIBLE = 3;

/** Short messages at the bottom of the screen, some with an action such as Undo. */
class Toasts {
  items = $state.raw<readonly Toast[]>([]);
  #nextId = 1;

  show(message: string, options: { tone?: Toast['tone']; action?: Toast['action']; onExpire?: Toast['onExpire'] } = {}): void {
    const toast = this.#add({
      message,
      tone: options.tone ?? 'info',
      ...(options.action && { action: options.action }),
      ...(options.onExpire && { onExpire: options.onExpire })
    });
    setTimeout(() => this.dismiss(toast.id), options.action ? VISIBLE_MS * 1.5 : VISIBLE_MS);
  }

  /**
   * For work that takes seconds (an Undo that restores the whole database): a toast that stays
   * until `settle` puts the outcome in its place.
   */
  pending(message: string): { settle(outcome: string, tone?: Toast['tone']): void } {
    const toast = this.#add({ message, tone: 'info' });
    return {
      settle: (outcome, tone = 'info') => {
        this.dismiss(toast.id);
        this.show(outcome, { tone });
      }
    };
  }

  error(message: string): void {
    this.show(message, { tone: 'error' });
  }

  #add(fields: Omit<Toast, 'id'>): Toast {
    const toast: Toast = { id: this.#nextId++, ...fields };
    const pushedOut = this.items.slice(0, -(MAX_VISIBLE - 1));
    this.items = [...this.items.slice(-(MAX_VISIBLE - 1)), toast];
    for (const old of pushedOut) old.onExpire?.();
    return toast;
  }

  /** Takes a toast away; `actionTaken` when its action was chosen (then it does not expire). */
  dismiss(id: number, { actionTaken = false }: { actionTaken?: boolean } = {}): void {
    const toast = this.items.find((item) => item.id === id);
    if (!toast) return;
    this.items = this.items.filter((item) => item.id !== id);
    if (!actionTaken) toast.onExpire?.();
  }
}

export const toasts = new Toasts();
