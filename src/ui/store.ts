/**
 * A tiny store: one state object, replaced (never mutated) by pure producers
 * `(state) => newState`, with subscribers told after each change. Views read from it and dispatch to it.
 */
export interface Store<S> {
  get(): S;
  update(producer: (state: S) => S): void;
  subscribe(listener: (state: S, previous: S) => void): () => void;
}

export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<(state: S, previous: S) => void>();
  return {
    get: () => state,
    update(producer) {
      const previous = state;
      const next = producer(state);
      if (next === previous) return;
      state = next;
      for (const l of listeners) {
        // One failing view must not starve the others (the error still reaches the console).
        try {
          l(state, previous);
        } catch (e) {
          setTimeout(() => {
            throw e;
          });
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export interface ShownUpdater {
  /** Update now if shown, else remember the view is out of date. */
  refresh(): void;
  /** Update if the view was out of date and is shown now. */
  catchUp(): void;
}

/**
 * For a view that may be off screen (a closed tab): `update` runs only while `isShown()`; changes made while it
 * is not only mark it out of date, and `catchUp` brings it up to date once shown. Default: always shown.
 */
export function createShownUpdater(update: () => void, isShown: () => boolean = () => true): ShownUpdater {
  let stale = false;
  const refresh = () => {
    stale = !isShown();
    if (!stale) update();
  };
  return { refresh, catchUp: () => stale && isShown() && refresh() };
}
