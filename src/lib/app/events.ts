/** Cross-page UI events, typed by name. */
export interface AppEvents {
  /** The person asked for a new task (the `n` shortcut). */
  'task:new': undefined;
}

type Listener<T> = (payload: T) => void;
const listeners = new Map<keyof AppEvents, Set<Listener<never>>>();

export function emit<K extends keyof AppEvents>(name: K, payload: AppEvents[K]): void {
  for (const listener of listeners.get(name) ?? []) (listener as Listener<AppEvents[K]>)(payload);
}

/** Subscribes; returns the unsubscribe function (handy as an $effect cleanup). */
export function on<K extends keyof AppEvents>(name: K, listener: Listener<AppEvents[K]>): () => void {
  const set = listeners.get(name) ?? new Set<Listener<never>>();
  set.add(listener as Listener<never>);
  listeners.set(name, set);
  return () => set.delete(listener as Listener<never>);
}
