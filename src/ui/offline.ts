/**
 * Opt-in offline use: the checkbox "Keep the app for offline use" registers the service worker
 * built from src/sw.ts (dist/sw.js), which precaches the app's own static files and serves them
 * cache-first, so the app opens again without its server or network. Unticking the box, or
 * "Forget everything", unregisters it and deletes its caches. Without the tick nothing is
 * registered and Cache Storage stays empty (test/browser/privacy.test.ts checks both).
 *
 * The registration itself is the record of the choice: on load the box shows ticked when a
 * registration for the app's scope exists; nothing else is stored to remember it.
 *
 * Not available (the box is disabled and says why) where browsers allow no service worker: pages
 * from `file://` or plain `http://` on another host than localhost, and the dev server (`vite`),
 * which builds no sw.js. Cost: ticking downloads the app's files once (about 5 MB) into Cache Storage.
 *
 * Wiring (src/main.ts):
 *   const offline = createOffline({ available: import.meta.env.PROD });
 *   mountOfflineControls(header.querySelector('.offline'), { offline });
 *   // and "Forget everything" calls offline.drop()
 */
import { h } from './dom';

/** Every cache the service worker makes is named with this prefix (src/sw.ts's CACHE_PREFIX). */
export const OFFLINE_CACHE_PREFIX = 'netwell-offline-';
/** The service worker's file, next to index.html in the build (vite.config.ts's netwellPrecache). */
export const OFFLINE_WORKER_FILE = 'sw.js';
/** How long ticking the box may take to download and cache the app before it gives up. */
export const OFFLINE_INSTALL_TIMEOUT_MS = 120_000;

export type OfflineStatus =
  | { kind: 'off' }
  | { kind: 'installing' }
  | { kind: 'on'; files: number }
  | { kind: 'removed' }
  | { kind: 'unavailable'; reason: 'dev' | 'insecure' }
  | { kind: 'error'; message: string };

/** What the status line says. */
export function toOfflineStatusText(status: OfflineStatus): string {
  switch (status.kind) {
    case 'off':
      return '';
    case 'installing':
      return 'Keeping the app…';
    case 'on':
      return `Kept offline: the app's ${status.files} files, no data.`;
    case 'removed':
      return 'Offline copy removed.';
    case 'unavailable':
      return status.reason === 'dev'
        ? 'Offline use needs the built app (npm start).'
        : 'Offline use needs https:// or localhost.';
    case 'error':
      return `Could not keep the app for offline use: ${status.message}`;
  }
}

export interface Offline {
  /** Whether the app is kept for offline use now (asks the browser; stores nothing). */
  getStatus(): Promise<OfflineStatus>;
  /** Register the service worker and wait until it has cached the app. */
  keep(): Promise<OfflineStatus>;
  /** Unregister the service worker and delete its caches. Harmless when nothing is there. */
  drop(): Promise<OfflineStatus>;
  /** Called with every status `keep` and `drop` reach (also when called from elsewhere). */
  subscribe(listener: (status: OfflineStatus) => void): () => void;
}

export interface OfflineOptions {
  /** False where the build has no sw.js (the dev server). Default true. */
  available?: boolean;
  /** The service worker container. Default `navigator.serviceWorker` (undefined on insecure origins). */
  container?: ServiceWorkerContainer;
  /** Cache Storage. Default `globalThis.caches` (undefined on insecure origins). */
  cacheStorage?: CacheStorage;
  /** The page's base URL, against which sw.js and the scope resolve. Default `document.baseURI`. */
  baseUrl?: string;
}

/** Resolves once `registration` has an active worker (whose install cached the app); rejects if it failed. */
function waitForActive(registration: ServiceWorkerRegistration): Promise<void> {
  if (registration.active) return Promise.resolve();
  const worker = registration.installing ?? registration.waiting;
  if (!worker) return Promise.reject(new Error('the service worker did not start.'));
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('caching the app took too long; is the server still reachable?')),
      OFFLINE_INSTALL_TIMEOUT_MS,
    );
    const check = () => {
      if (worker.state === 'activated') resolve();
      else if (worker.state === 'redundant')
        reject(new Error('the app files could not all be downloaded; is the server still reachable?'));
      else return;
      clearTimeout(timer);
      worker.removeEventListener('statechange', check);
    };
    worker.addEventListener('statechange', check);
    check();
  });
}

/** The offline controller. Creating it registers nothing and reads nothing. */
export function createOffline(options: OfflineOptions = {}): Offline {
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  const container = options.container ?? (nav && 'serviceWorker' in nav ? nav.serviceWorker : undefined);
  const cacheStorage = options.cacheStorage ?? (typeof caches === 'undefined' ? undefined : caches);
  const baseUrl = options.baseUrl ?? (typeof document === 'undefined' ? '' : document.baseURI);
  const listeners = new Set<(status: OfflineStatus) => void>();
  const tell = (status: OfflineStatus) => {
    for (const l of listeners) l(status);
    return status;
  };
  const unavailable = (): OfflineStatus | undefined =>
    options.available === false
      ? { kind: 'unavailable', reason: 'dev' }
      : !container || !cacheStorage
        ? { kind: 'unavailable', reason: 'insecure' }
        : undefined;
  const scope = () => new URL('./', baseUrl).href;

  const countFiles = async (): Promise<number> => {
    if (!cacheStorage) return 0;
    let files = 0;
    for (const name of await cacheStorage.keys())
      if (name.startsWith(OFFLINE_CACHE_PREFIX))
        files = Math.max(files, (await (await cacheStorage.open(name)).keys()).length);
    return files;
  };

  const drop = async (): Promise<OfflineStatus> => {
    try {
      if (container)
        for (const r of await container.getRegistrations()) if (r.scope.startsWith(scope())) await r.unregister();
      if (cacheStorage)
        for (const name of await cacheStorage.keys())
          if (name.startsWith(OFFLINE_CACHE_PREFIX)) await cacheStorage.delete(name);
      return tell(unavailable() ?? { kind: 'removed' });
    } catch (e) {
      return tell({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };

  return {
    async getStatus() {
      const no = unavailable();
      if (no || !container) return no ?? { kind: 'off' };
      const registration = await container.getRegistration(scope());
      return registration?.active ? { kind: 'on', files: await countFiles() } : { kind: 'off' };
    },
    async keep() {
      const no = unavailable();
      if (no || !container) return tell(no ?? { kind: 'off' });
      tell({ kind: 'installing' });
      try {
        const registration = await container.register(new URL(OFFLINE_WORKER_FILE, baseUrl).href, {
          updateViaCache: 'none',
        });
        await waitForActive(registration);
        return tell({ kind: 'on', files: await countFiles() });
      } catch (e) {
        // Leave nothing half-made behind: no registration, no partial cache.
        await drop();
        return tell({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    },
    drop,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export interface OfflineControlsDeps {
  offline: Offline;
}

/**
 * Mounts the checkbox "Keep the app for offline use" and its status line. Ticking keeps the app
 * (registers the service worker); unticking removes it. Returns dispose.
 */
export function mountOfflineControls(el: HTMLElement, deps: OfflineControlsDeps): () => void {
  const { offline } = deps;
  const checkbox = h('input', { type: 'checkbox', name: 'offline' });
  const statusLine = h('p', { className: 'offline-status', role: 'status', 'aria-live': 'polite' });
  const show = (status: OfflineStatus) => {
    statusLine.textContent = toOfflineStatusText(status);
    statusLine.dataset['status'] = status.kind;
    checkbox.checked = status.kind === 'on' || status.kind === 'installing';
    checkbox.disabled = status.kind === 'installing' || status.kind === 'unavailable';
  };
  checkbox.addEventListener('change', () => void (checkbox.checked ? offline.keep() : offline.drop()));
  const root = h(
    'div',
    { className: 'offline-use', role: 'group', 'aria-label': 'Offline use' },
    h('label', {}, checkbox, ' Keep the app for offline use'),
    statusLine,
  );
  // Laid out like the "Remember on this device" group beside it (style.css has no rule for this one yet).
  Object.assign(root.style, { display: 'inline-flex', gap: '0.4rem', alignItems: 'center', fontSize: '0.8rem' });
  Object.assign(statusLine.style, { margin: '0', color: '#555' });
  el.append(root);

  const unsubscribe = offline.subscribe(show);
  let shown = false;
  const offFirst = offline.subscribe(() => (shown = true));
  void offline.getStatus().then((status) => {
    if (!shown) show(status);
  });
  return () => {
    unsubscribe();
    offFirst();
    root.remove();
  };
}
