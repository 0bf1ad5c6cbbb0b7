// The remember feature: its pure parts (checksum, serialisation, validation, generations, status text)
// with known answers, then the IndexedDB flow against a small in-memory IndexedDB written below
// (no fake-indexeddb package is installed). The fake keeps what matters here: transactions are atomic
// (writes land only on commit, an abort discards them), requests made after a transaction committed
// throw, and an upgrade aborted from version 0 creates no database. The real browser is checked by
// the Playwright test described in docs/privacy.md.
import { describe, expect, it } from 'vitest';
import { getEmptyUserEdits, setClusterName, setPersonAttribute } from '../../src/core/edits';
import {
  PERSIST_CURRENT_KEY,
  PERSIST_DB_NAME,
  PERSIST_STORE,
  computeChecksum,
  createPersistence,
  computeFilesChecksum,
  fromStoredRecords,
  getFileHashes,
  getFilesKeyOfRecord,
  getKeptGenerations,
  getGenerationOfKey,
  getLoadOrder,
  getNextGeneration,
  getStaleGenerationKeys,
  toGenerationKey,
  toPersistStatusText,
  toStoredRecords,
  updateFnv1a,
  type RememberedState,
  type FilesRecord,
  type GenerationRecord,
} from '../../src/ui/persist';

const enc = (s: string) => new TextEncoder().encode(s);
const flip = (bytes: Uint8Array, i: number) => (bytes[i] = (bytes[i] ?? 0) ^ 0xff);

function state(label = 'Connections.csv', text = 'First Name,Last Name\nBo,Lind\n'): RememberedState {
  let edits = setClusterName(getEmptyUserEdits(), 'c1', 'Lisbon tax', ['p1', 'p2']);
  edits = setPersonAttribute(edits, 'p1', 'Bo Lind', 'notes', 'mentor');
  return {
    label,
    files: [
      { path: 'ana/Connections.csv', bytes: enc(text) },
      { path: 'ana/empty.csv', bytes: new Uint8Array(0) },
    ],
    edits,
    settings: { resolution: 1.5, seed: 7, filters: ['tax'], dark: false },
  };
}

describe('FNV-1a checksum', () => {
  // Published FNV-1a 32-bit test vectors (Fowler, Noll, Vo; draft-eastlake-fnv).
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('fnv1a(%j)', (text, hash) => {
    expect(updateFnv1a(enc(text))).toBe(hash);
  });

  it('continues across chunks and prefixes the total length', () => {
    expect(updateFnv1a(enc('bar'), updateFnv1a(enc('foo')))).toBe(0xbf9cf968);
    expect(computeChecksum('foo', [enc('bar')])).toBe('6:bf9cf968');
    expect(computeChecksum('', [])).toBe('0:811c9dc5');
  });

  it('changes when one byte or a file boundary changes the content', () => {
    const a = computeChecksum('m', [enc('abc'), enc('def')]);
    expect(computeChecksum('m', [enc('abc'), enc('dEf')])).not.toBe(a);
    expect(computeChecksum('m', [enc('abc'), enc('de')])).not.toBe(a);
  });
});

describe('file checksums', () => {
  it('hash each file once with a cache, and combine sizes, hashes and order', () => {
    const a = enc('abc');
    const b = enc('def');
    const cache = new WeakMap<Uint8Array, number>();
    expect(getFileHashes([a, b], cache)).toEqual([
      { size: 3, hash: updateFnv1a(a) },
      { size: 3, hash: updateFnv1a(b) },
    ]);
    cache.set(a, 42); // a cached value is used as is
    expect(getFileHashes([a], cache)).toEqual([{ size: 3, hash: 42 }]);
    const ab = computeFilesChecksum(getFileHashes([a, b]));
    expect(ab).toMatch(/^6:[0-9a-f]{8}$/);
    expect(computeFilesChecksum(getFileHashes([b, a]))).not.toBe(ab);
    expect(computeFilesChecksum(getFileHashes([a, enc('deF')]))).not.toBe(ab);
    expect(computeFilesChecksum([])).toBe('0:811c9dc5');
  });
});

describe('stored records', () => {
  const SAVED = '2026-11-25T22:00:00.000Z';
  const records = (s = state(), generation = 1) => {
    const r = toStoredRecords(s, generation, SAVED);
    return { gen: r.generation, files: r.toFilesRecord(), filesKey: r.filesKey };
  };

  it('round-trip a state', () => {
    const s = state();
    const { gen, files, filesKey } = records(s, 3);
    expect(gen.schema).toBe(1);
    expect(gen.generation).toBe(3);
    expect(JSON.parse(gen.meta).files).toEqual([
      { path: 'ana/Connections.csv', size: 29 },
      { path: 'ana/empty.csv', size: 0 },
    ]);
    expect(filesKey).toBe(`files:${files.checksum}`);
    expect(getFilesKeyOfRecord(gen)).toBe(filesKey);
    const back = fromStoredRecords(structuredClone(gen), structuredClone(files));
    expect(back).toEqual({ ok: true, generation: 3, savedAt: SAVED, state: s });
  });

  it('give the same files key to the same files, whatever the edits', () => {
    const a = records(state());
    const b = records({ ...state(), edits: getEmptyUserEdits(), label: 'other' }, 2);
    expect(b.filesKey).toBe(a.filesKey);
    expect(records(state('x', 'other bytes')).filesKey).not.toBe(a.filesKey);
  });

  it('store a view onto a bigger buffer as its own bytes', () => {
    const big = enc('xxxxHELLOxxxx');
    const { files } = records({ ...state(), files: [{ path: 'a.csv', bytes: big.subarray(4, 9) }] });
    expect(files.files[0]?.buffer.byteLength).toBe(5);
    expect(new TextDecoder().decode(files.files[0])).toBe('HELLO');
  });

  const reasonOf = (gen: unknown, files: unknown) => {
    const r = fromStoredRecords(gen, files);
    return r.ok ? 'ok' : r.reason;
  };
  const remeta = (g: GenerationRecord, meta: string): GenerationRecord => ({
    ...g,
    meta,
    checksum: computeChecksum(meta),
  });

  it.each<[string, (g: GenerationRecord, f: FilesRecord) => [unknown, unknown], RegExp]>([
    ['nothing', (_g, f) => [undefined, f], /missing or not an object/],
    ['another layout version', (g, f) => [{ ...g, schema: 2 }, f], /layout version 2/],
    ['a missing field', (g, f) => [{ ...g, savedAt: undefined }, f], /lacks a field/],
    [
      'edited JSON',
      (g, f) => [{ ...g, meta: g.meta.replace('Lisbon', 'Lisbox') }, f],
      /description does not match its checksum/,
    ],
    ['a consistent description that is not JSON', (g, f) => [remeta(g, '{'), f], /not valid JSON/],
    ['missing files', (g) => [g, undefined], /files are missing/],
    ['files that are not bytes', (g, f) => [g, { ...f, files: ['abc'] }], /not bytes/],
    [
      'one flipped byte',
      (g, f) => {
        const files = f.files.map((b) => b.slice());
        flip(files[0]!, 0);
        return [g, { ...f, files }];
      },
      /files do not match their checksum/,
    ],
    ['a truncated file', (g, f) => [g, { ...f, files: [f.files[0]!.slice(0, 10), f.files[1]] }], /files do not match/],
    ['a lost (empty) file', (g, f) => [g, { ...f, files: [f.files[0]] }], /files do not match/],
    [
      'files of another save',
      (g) => [g, records(state('x', 'other bytes')).files],
      /files do not match their checksum/,
    ],
    [
      'a consistent description that disagrees with its files',
      (g, f) => [remeta(g, g.meta.replace('"size":29', '"size":28')), f],
      /file 1 does not match/,
    ],
  ])('refuses %s', (_name, damage, reason) => {
    const { gen, files } = records();
    expect(reasonOf(gen, files)).toBe('ok');
    const [g, f] = damage(structuredClone(gen), structuredClone(files));
    expect(reasonOf(g, f)).toMatch(reason);
  });
});

describe('generations', () => {
  it('parse and build keys', () => {
    expect(toGenerationKey(12)).toBe('gen:12');
    expect(getGenerationOfKey('gen:12')).toBe(12);
    expect(getGenerationOfKey('current')).toBeUndefined();
    expect(getGenerationOfKey('gen:x')).toBeUndefined();
    expect(getGenerationOfKey(3)).toBeUndefined();
  });

  it('choose the next one above every existing one', () => {
    expect(getNextGeneration([])).toBe(1);
    expect(getNextGeneration([PERSIST_CURRENT_KEY])).toBe(1);
    expect(getNextGeneration(['gen:2', 'current', 'gen:10', 'gen:9'])).toBe(11);
  });

  it('keep the newest ones after a write', () => {
    const keys = ['current', 'gen:3', 'gen:4', 'gen:1', 'gen:5'];
    expect(getStaleGenerationKeys(keys, 5)).toEqual(['gen:4', 'gen:3', 'gen:1']);
    expect(getStaleGenerationKeys(keys, 5, 2)).toEqual(['gen:3', 'gen:1']);
    // The key being written is not yet among the keys read before the write.
    expect(getStaleGenerationKeys(['gen:1', 'gen:2'], 3)).toEqual(['gen:2', 'gen:1']);
    expect(getKeptGenerations(keys, 5)).toEqual([]);
    expect(getKeptGenerations(keys, 5, 3)).toEqual([4, 3]);
  });

  it('load the current one first, then the others newest first', () => {
    expect(getLoadOrder(['current', 'gen:2', 'gen:7', 'gen:5'], 5)).toEqual([5, 7, 2]);
    expect(getLoadOrder(['gen:2', 'gen:7'], 9)).toEqual([7, 2]);
    expect(getLoadOrder(['gen:2'], undefined)).toEqual([2]);
    expect(getLoadOrder([], undefined)).toEqual([]);
  });
});

describe('status text', () => {
  it('says what is stored, with counts and sizes only', () => {
    expect(toPersistStatusText({ kind: 'off' })).toBe('Nothing is stored on this device.');
    expect(
      toPersistStatusText({ kind: 'saved', savedAt: '2026-11-25T22:03:09.123Z', files: 2, bytes: 3 * 1048576 }),
    ).toBe('Remembered on this device: 2 files (3.0 MB), saved 2026-11-25 22:03 UTC.');
    expect(
      toPersistStatusText({ kind: 'restored', savedAt: '2026-11-25T22:03:09Z', files: 1, bytes: 2048, fellBack: true }),
    ).toMatch(
      /^Restored from this device: 1 file \(2 KB\) saved 2026-11-25 22:03 UTC \(the latest save was incomplete/,
    );
    expect(toPersistStatusText({ kind: 'reset', reason: 'x' })).toMatch(/could not be read \(x\); started clean/);
  });
});

// ---------------------------------------------------------------------------------------------------
// A small in-memory IndexedDB: one object store per database, out-of-line keys, atomic transactions.

type Handler = ((event: FakeEvent) => void) | null;
interface FakeEvent {
  oldVersion?: number;
  preventDefault(): void;
}
const event = (extra: Partial<FakeEvent> = {}): FakeEvent => ({ preventDefault() {}, ...extra });

class FakeRequest {
  result: unknown;
  error: DOMException | null = null;
  transaction: FakeTransaction | null = null;
  onsuccess: Handler = null;
  onerror: Handler = null;
  onupgradeneeded: Handler = null;
  onblocked: Handler = null;
}

interface FakeDatabaseData {
  version: number;
  stores: Map<string, Map<string, unknown>>;
}

class FakeTransaction {
  oncomplete: Handler = null;
  onabort: Handler = null;
  onerror: Handler = null;
  error: DOMException | null = null;
  private queue: { request: FakeRequest; run: (data: Map<string, Map<string, unknown>>) => unknown }[] = [];
  private state: 'active' | 'done' | 'aborted' = 'active';
  private readonly working: Map<string, Map<string, unknown>>;

  constructor(
    private readonly data: FakeDatabaseData,
    private readonly mode: IDBTransactionMode | 'versionchange',
    private readonly factory: FakeIndexedDB,
  ) {
    this.working = new Map([...data.stores].map(([name, store]) => [name, new Map(store)]));
    if (mode !== 'versionchange') setTimeout(() => this.step(), 0);
  }

  objectStore(name: string) {
    const request = (run: (store: Map<string, unknown>) => unknown) => this.request((d) => run(d.get(name)!));
    return {
      get: (key: string) => request((s) => structuredClone(s.get(key))),
      getAllKeys: () => request((s) => [...s.keys()].sort()),
      put: (value: unknown, key: string) => {
        this.factory.puts.push(key);
        const copy = structuredClone(value); // cloned at the call, as IndexedDB does (DataCloneError here)
        return request((s) => void s.set(key, copy));
      },
      delete: (key: string) => request((s) => void s.delete(key)),
      clear: () => request((s) => s.clear()),
    };
  }

  request(run: (data: Map<string, Map<string, unknown>>) => unknown): FakeRequest {
    if (this.state !== 'active') throw new DOMException('The transaction has finished.', 'TransactionInactiveError');
    const request = new FakeRequest();
    this.queue.push({ request, run });
    return request;
  }

  abort() {
    if (this.state !== 'active') return;
    this.state = 'aborted';
    this.error = new DOMException('The transaction was aborted.', 'AbortError');
    this.onabort?.(event());
  }

  private step() {
    while (this.queue.length && this.state === 'active') {
      const { request, run } = this.queue.shift()!;
      request.result = run(this.working);
      try {
        request.onsuccess?.(event());
      } catch {
        // An exception in a success handler aborts the transaction.
        this.abort();
      }
    }
    if (this.state !== 'active') return;
    if (this.mode === 'readwrite' && this.factory.abortNextWrite) {
      // As if the tab closed before the commit: nothing of this transaction lands.
      this.factory.abortNextWrite = false;
      this.abort();
      return;
    }
    this.state = 'done';
    if (this.mode === 'readwrite') this.data.stores = this.working;
    this.oncomplete?.(event());
  }
}

class FakeConnection {
  onversionchange: Handler = null;
  closed = false;
  upgrade: FakeTransaction | null = null;
  constructor(
    readonly data: FakeDatabaseData,
    private readonly factory: FakeIndexedDB,
  ) {}
  get objectStoreNames() {
    return { contains: (name: string) => this.data.stores.has(name) };
  }
  createObjectStore(name: string) {
    this.data.stores.set(name, new Map());
    return {};
  }
  transaction(name: string, mode: IDBTransactionMode) {
    if (this.closed) throw new DOMException('The connection is closed.', 'InvalidStateError');
    if (!this.data.stores.has(name)) throw new DOMException(`No store ${name}.`, 'NotFoundError');
    return new FakeTransaction(this.data, mode, this.factory);
  }
  close() {
    this.closed = true;
    this.factory.connections.delete(this);
  }
}

class FakeIndexedDB {
  readonly dbs = new Map<string, FakeDatabaseData>();
  readonly connections = new Set<FakeConnection>();
  abortNextWrite = false;
  opens = 0;
  /** Keys of every put, committed or not. */
  readonly puts: string[] = [];

  constructor(withDatabases = true) {
    if (!withDatabases) (this as { databases?: unknown }).databases = undefined;
  }

  databases(): Promise<{ name: string; version: number }[]> {
    return Promise.resolve([...this.dbs].map(([name, d]) => ({ name, version: d.version })));
  }

  open(name: string, version: number): FakeRequest {
    this.opens++;
    const request = new FakeRequest();
    setTimeout(() => {
      const existed = this.dbs.get(name);
      const data = existed ?? { version: 0, stores: new Map() };
      const connection = new FakeConnection(data, this);
      request.result = connection;
      if (data.version < version) {
        if (!existed) this.dbs.set(name, data);
        const oldVersion = data.version;
        const upgrade = new FakeTransaction(data, 'versionchange', this);
        request.transaction = upgrade;
        request.onupgradeneeded?.(event({ oldVersion }));
        if ((upgrade as unknown as { state: string }).state === 'aborted') {
          if (oldVersion === 0) this.dbs.delete(name);
          request.error = new DOMException('The upgrade was aborted.', 'AbortError');
          request.onerror?.(event());
          return;
        }
        data.version = version;
      }
      this.connections.add(connection);
      request.onsuccess?.(event());
    }, 0);
    return request;
  }

  deleteDatabase(name: string): FakeRequest {
    const request = new FakeRequest();
    setTimeout(() => {
      for (const c of [...this.connections]) if (this.dbs.get(name) === c.data) c.onversionchange?.(event());
      this.dbs.delete(name);
      request.onsuccess?.(event());
    }, 0);
    return request;
  }

  store(name = PERSIST_DB_NAME): Map<string, unknown> | undefined {
    return this.dbs.get(name)?.stores.get(PERSIST_STORE);
  }
}

/** The store's keys, files records shown as `files:*`. */
function keysOf(fake: FakeIndexedDB): string[] {
  return [...(fake.store()?.keys() ?? [])].map((k) => (k.startsWith('files:') ? 'files:*' : k)).sort();
}

function setup(options: { withDatabases?: boolean; keepGenerations?: number } = {}) {
  const fake = new FakeIndexedDB(options.withDatabases ?? true);
  let t = Date.UTC(2026, 10, 25, 22, 0, 0);
  const persistence = createPersistence(fake as unknown as IDBFactory, {
    now: () => new Date((t += 60_000)),
    ...(options.keepGenerations ? { keepGenerations: options.keepGenerations } : {}),
  });
  return { fake, persistence };
}

describe('createPersistence (in-memory IndexedDB)', () => {
  it.each([true, false])('stores nothing without opt-in (databases() available: %s)', async (withDatabases) => {
    const { fake, persistence } = setup({ withDatabases });
    expect(await persistence.load()).toEqual({ status: { kind: 'off' } });
    expect(await persistence.save(state())).toEqual({ kind: 'off' });
    expect(await persistence.isRemembering()).toBe(false);
    expect([...fake.dbs.keys()]).toEqual([]);
    if (withDatabases) expect(fake.opens).toBe(0);
  });

  it('remembers on opt-in, restores on the next load, and forgets', async () => {
    const { fake, persistence } = setup();
    const seen: string[] = [];
    persistence.subscribe((s) => seen.push(s.kind));
    expect(await persistence.remember(state())).toEqual({
      kind: 'saved',
      savedAt: '2026-11-25T22:01:00.000Z',
      files: 2,
      bytes: 29,
    });
    expect(await persistence.isRemembering()).toBe(true);
    expect(keysOf(fake)).toEqual(['current', 'files:*', 'gen:1']);

    // A new page: a new persistence over the same IndexedDB.
    persistence.close();
    const again = createPersistence(fake as unknown as IDBFactory);
    const loaded = await again.load();
    expect(loaded.status).toEqual({
      kind: 'restored',
      savedAt: '2026-11-25T22:01:00.000Z',
      files: 2,
      bytes: 29,
      fellBack: false,
    });
    expect(loaded.state).toEqual(state());

    expect(await again.forget()).toEqual({ kind: 'forgotten' });
    expect(await fake.databases()).toEqual([]);
    expect(await again.load()).toEqual({ status: { kind: 'off' } });
    expect(seen).toEqual(['saved']);
  });

  it('saves each change as a new generation, writes the files only when they change, and keeps only the newest', async () => {
    const { fake, persistence } = setup();
    const same = state('one');
    await persistence.remember(same);
    await persistence.save({ ...same, label: 'two' });
    await persistence.save({ ...same, label: 'three' });
    expect(keysOf(fake)).toEqual(['current', 'files:*', 'gen:3']);
    expect(fake.store()!.get('current')).toEqual({ generation: 3 });
    expect(fake.puts.filter((k) => k.startsWith('files:')).length).toBe(1);
    expect((await persistence.load()).state?.label).toBe('three');
    // New files: a new files record, the old one deleted in the same transaction.
    const oldKey = [...fake.store()!.keys()].find((k) => k.startsWith('files:'));
    await persistence.save(state('four', 'Other,Bytes\n'));
    expect(keysOf(fake)).toEqual(['current', 'files:*', 'gen:4']);
    expect(fake.store()!.has(oldKey!)).toBe(false);
    expect((await persistence.load()).state?.files[0]?.bytes).toEqual(enc('Other,Bytes\n'));
  });

  it('refuses to save files whose bytes were handed to a worker (detached)', async () => {
    const { fake, persistence } = setup();
    const s = state();
    structuredClone(s.files[0]!.bytes.buffer, { transfer: [s.files[0]!.bytes.buffer] });
    const status = await persistence.remember(s);
    expect(status).toMatchObject({ kind: 'error' });
    expect(status.kind === 'error' && status.message).toMatch(/detached/);
    expect(keysOf(fake)).toEqual([]);
  });

  it('keeps the last complete state when a write is interrupted', async () => {
    const { fake, persistence } = setup();
    await persistence.remember(state('complete'));
    fake.abortNextWrite = true;
    const status = await persistence.save(state('interrupted'));
    expect(status.kind).toBe('error');
    expect(keysOf(fake)).toEqual(['current', 'files:*', 'gen:1']);
    const loaded = await createPersistence(fake as unknown as IDBFactory).load();
    expect(loaded.status.kind).toBe('restored');
    expect(loaded.state?.label).toBe('complete');
  });

  it('falls back to an older complete generation when the current one is damaged', async () => {
    const { fake, persistence } = setup({ keepGenerations: 2 });
    await persistence.remember(state('older', 'old bytes'));
    await persistence.save(state('newer', 'new bytes'));
    expect(keysOf(fake)).toEqual(['current', 'files:*', 'files:*', 'gen:1', 'gen:2']);
    const damaged = fake.store()!.get(getFilesKeyOfRecord(fake.store()!.get('gen:2'))!) as FilesRecord;
    flip(damaged.files[0]!, 3);
    const loaded = await createPersistence(fake as unknown as IDBFactory).load();
    expect(loaded.status).toMatchObject({ kind: 'restored', fellBack: true });
    expect(loaded.state?.label).toBe('older');
  });

  it('starts clean and says so when nothing stored can be read, and stays opted in', async () => {
    const { fake, persistence } = setup();
    await persistence.remember(state());
    const record = fake.store()!.get('gen:1') as GenerationRecord;
    fake.store()!.set('gen:1', { ...record, meta: record.meta.slice(0, -5) });
    const fresh = createPersistence(fake as unknown as IDBFactory);
    const loaded = await fresh.load();
    expect(loaded.state).toBeUndefined();
    expect(loaded.status).toEqual({
      kind: 'reset',
      reason: 'the saved description does not match its checksum (an incomplete or damaged write)',
    });
    expect([...fake.store()!.keys()]).toEqual([]);
    expect(await fresh.isRemembering()).toBe(true);
    expect((await fresh.load()).status).toEqual({ kind: 'empty' });
    expect((await fresh.save(state('next'))).kind).toBe('saved');
    expect((await fresh.load()).state?.label).toBe('next');
  });

  it('runs operations in order, so a forget issued during a save wins', async () => {
    const { fake, persistence } = setup();
    const saving = persistence.remember(state());
    const forgetting = persistence.forget();
    expect((await saving).kind).toBe('saved');
    expect(await forgetting).toEqual({ kind: 'forgotten' });
    expect(await fake.databases()).toEqual([]);
  });
});
