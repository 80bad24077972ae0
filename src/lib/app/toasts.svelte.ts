export interface Toast {
  readonly id: number;
  readonly message: string;
  readonly tone: 'info' | 'error';
  readonly action?: { readonly label: string; readonly run: () => void | Promise<void> };
}

const VISIBLE_MS = 6000;

/** Short messages at the bottom of the screen, some with an action such as Undo. */
class Toasts {
  items = $state.raw<readonly Toast[]>([]);
  #nextId = 1;

  show(message: string, options: { tone?: Toast['tone']; action?: Toast['action'] } = {}): void {
    const toast: Toast = { id: this.#nextId++, message, tone: options.tone ?? 'info', ...(options.action && { action: options.action }) };
    this.items = [...this.items.slice(-2), toast];
    setTimeout(() => this.dismiss(toast.id), options.action ? VISIBLE_MS * 1.5 : VISIBLE_MS);
  }

  error(message: string): void {
    this.show(message, { tone: 'error' });
  }

  dismiss(id: number): void {
    this.items = this.items.filter((toast) => toast.id !== id);
  }
}

export const toasts = new Toasts();
