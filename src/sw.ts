/**
 * The opt-in service worker ("Keep the app for offline use", src/ui/offline.ts). It precaches the
 * built app's own static files and serves them cache-first, so the app opens without its server
 * after the first load. It is registered only when the person ticks the box; unticking it, or
 * "Forget everything", unregisters it and deletes its cache.
 *
 * What it caches: exactly the list the build wrote into it (the `netwellPrecache` plugin in
 * vite.config.ts replaces the placeholders below): index.html, the JS chunks (app, analysis worker,
 * bundled data such as the gazetteer and the sample) and the CSS. Nothing else is ever put in a
 * cache: no file the person opens (those never pass through fetch), no blob: or data: URL, no
 * response from another origin, nothing fetched at run time.
 *
 * Fetch rule: a same-origin GET for a precached URL (or a navigation to the app's own page) is
 * answered from the cache; everything else goes to the network untouched (and the page's CSP
 * refuses other origins anyway). Cost: install downloads the listed files once (about 5 MB).
 *
 * Written as a classic script with no imports: the build strips the types (Oxc) and the trailing
 * `export {}` that only makes TypeScript treat this file as a module.
 */

/** The precache list, relative to this file: replaced at build time by a JSON array. */
const PRECACHE: readonly string[] = JSON.parse('__NETWELL_PRECACHE__') as string[];
/** The cache's name: `netwell-offline-` + a hash of every precached file's content. */
const CACHE_NAME = 'netwell-offline-__NETWELL_VERSION__';
const CACHE_PREFIX = 'netwell-offline-';

// The parts of the service worker scope this file uses (the project's tsconfig has the DOM lib, not WebWorker).
interface NetwellExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface NetwellFetchEvent extends NetwellExtendableEvent {
  request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface NetwellWorkerScope {
  location: Location;
  registration: { scope: string };
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: NetwellExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: NetwellFetchEvent) => void): void;
}

const sw = self as unknown as NetwellWorkerScope;
const urls = new Set(PRECACHE.map((path) => new URL(path, sw.location.href).href));
const indexUrl = new URL('index.html', sw.location.href).href;

sw.addEventListener('install', (event) => {
  // `cache: 'reload'` skips the HTTP cache, so the copy kept is the one the server has now.
  event.waitUntil(
    caches
      .open(CACHE_NAME)
      .then((cache) => cache.addAll([...urls].map((url) => new Request(url, { cache: 'reload' })))),
  );
});

sw.addEventListener('activate', (event) => {
  // Older versions' caches go; the page that opted in is controlled at once (no reload needed).
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE_NAME).map((n) => caches.delete(n))),
      )
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  url.hash = '';
  let key: string | undefined;
  if (urls.has(url.href)) key = url.href;
  else if (request.mode === 'navigate') {
    // The app's page, with or without "index.html" and whatever query it carries.
    url.search = '';
    if (url.href === sw.registration.scope || url.href === indexUrl) key = indexUrl;
  }
  if (!key) return;
  const cached = key;
  // CacheStorage.match never creates a cache (caches.open would, even after the person opted out).
  event.respondWith(caches.match(cached, { cacheName: CACHE_NAME }).then((hit) => hit ?? fetch(request)));
});

export {};
