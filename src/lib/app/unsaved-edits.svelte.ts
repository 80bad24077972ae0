import { SvelteSet } from 'svelte/reactivity';

/** Which forms hold typed text that is not saved yet; an update never reloads over them. */
class UnsavedEdits {
  readonly #forms = new SvelteSet<string>();

  get any(): boolean {
    return this.#forms.size > 0;
  }

  /** Call from an $effect: marks the form dirty or clean, and clean again when it goes away. */
  track(form: string, dirty: boolean): () => void {
    if (dirty) this.#forms.add(form);
    else this.#forms.delete(form);
    return () => this.#forms.delete(form);
  }
}

export const unsavedEdits = new UnsavedEdits();
