import { describe, expect, it } from 'vitest';
import { createOffline, OFFLINE_CACHE_PREFIX, toOfflineStatusText, type OfflineStatus } from '../../src/ui/offline';

const BASE = 'http://127.0.0.1:5173/app/index.html';

/** A fake service worker registration whose worker reaches `finalState` right after registering. */
function makeRegistration(scope: string, finalState: ServiceWorkerState, log: string[]) {
  const listeners = new Set<() => void>();
  const worker = {
    state: 'installing' as ServiceWorkerState,
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
  };
  const registration = {
    scope,
    installing: worker as unknown as ServiceWorker | null,
    waiting: null,
    active: null as ServiceWorker | null,
    unregister: async () => {
      log.push(`unregister ${scope}`);
      return true;
    },
  };
  setTimeout(() => {
    worker.state = finalState;
    if (finalState === 'activated') registration.active = worker as unknown as ServiceWorker;
    for (const l of listeners) l();
  }, 1);
  return registration;
}

/** Fakes of the service worker container and Cache Storage, recording what is done to them. */
function makeBrowser(finalState: ServiceWorkerState = 'activated') {
  const log: string[] = [];
  const registrations: ReturnType<typeof makeRegistration>[] = [];
  const stores = new Map<string, string[]>();
  const container = {
    register: async (url: string) => {
      log.push(`register ${url}`);
      const r = makeRegistration(new URL('./', url).href, finalState, log);
      registrations.push(r);
      if (finalState === 'activated') stores.set(`${OFFLINE_CACHE_PREFIX}abc`, ['index.html', 'assets/a.js']);
      return r;
    },
    getRegistration: async (url: string) => registrations.find((r) => url.startsWith(r.scope) && r.active),
    getRegistrations: async () => [
      ...registrations,
      makeRegistration('http://127.0.0.1:5173/other/', 'activated', log),
    ],
  } as unknown as ServiceWorkerContainer;
  const cacheStorage = {
    keys: async () => [...stores.keys()],
    open: async (name: string) => ({ keys: async () => stores.get(name) ?? [] }),
    delete: async (name: string) => {
      log.push(`delete ${name}`);
      return stores.delete(name);
    },
  } as unknown as CacheStorage;
  stores.set('someone-else', ['x']);
  return { log, stores, container, cacheStorage };
}

describe('createOffline', () => {
  it('touches nothing until asked, then keeps the app and counts its cached files', async () => {
    const b = makeBrowser();
    const offline = createOffline({ container: b.container, cacheStorage: b.cacheStorage, baseUrl: BASE });
    expect(b.log).toEqual([]);
    expect(await offline.getStatus()).toEqual({ kind: 'off' });
    const seen: OfflineStatus['kind'][] = [];
    offline.subscribe((s) => seen.push(s.kind));
    expect(await offline.keep()).toEqual({ kind: 'on', files: 2 });
    expect(b.log).toEqual(['register http://127.0.0.1:5173/app/sw.js']);
    expect(seen).toEqual(['installing', 'on']);
    expect(await offline.getStatus()).toEqual({ kind: 'on', files: 2 });
  });

  it('drops only its own scope and its own caches', async () => {
    const b = makeBrowser();
    const offline = createOffline({ container: b.container, cacheStorage: b.cacheStorage, baseUrl: BASE });
    await offline.keep();
    b.log.length = 0;
    expect(await offline.drop()).toEqual({ kind: 'removed' });
    expect(b.log).toEqual(['unregister http://127.0.0.1:5173/app/', `delete ${OFFLINE_CACHE_PREFIX}abc`]);
    expect([...b.stores.keys()]).toEqual(['someone-else']);
  });

  it('cleans up and reports an error when caching fails', async () => {
    const b = makeBrowser('redundant');
    const offline = createOffline({ container: b.container, cacheStorage: b.cacheStorage, baseUrl: BASE });
    const status = await offline.keep();
    expect(status.kind).toBe('error');
    expect(b.log).toContain('unregister http://127.0.0.1:5173/app/');
    expect(toOfflineStatusText(status)).toMatch(/^Could not keep the app for offline use: /);
  });

  it('is unavailable in the dev server and where there is no service worker', async () => {
    const b = makeBrowser();
    const dev = createOffline({
      available: false,
      container: b.container,
      cacheStorage: b.cacheStorage,
      baseUrl: BASE,
    });
    expect(await dev.keep()).toEqual({ kind: 'unavailable', reason: 'dev' });
    expect(b.log).toEqual([]);
    const insecure = createOffline({ cacheStorage: b.cacheStorage, baseUrl: BASE });
    expect(await insecure.getStatus()).toEqual({ kind: 'unavailable', reason: 'insecure' });
    expect(toOfflineStatusText({ kind: 'unavailable', reason: 'insecure' })).toBe(
      'Offline use needs https:// or localhost.',
    );
  });
});
