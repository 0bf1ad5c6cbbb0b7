/**
 * Opt-in "remember on this device": the imported files (paths + bytes, so the analysis can be re-run),
 * the user's edits (core/edits) and view settings, kept in IndexedDB. Without opt-in nothing is
 * stored: the database does not exist until the user ticks "Remember on this device" (loading never
 * creates it), and it is deleted by "Forget everything" (or by unticking). No localStorage, no cookies.
 *
 * Never a corrupt store: each save writes a new generation (`gen:<n>`: description, edits, settings),
 * the files' bytes if they changed (`files:<checksum>`, shared by the generations that use them, so
 * saving an edit does not rewrite megabytes), and flips the `current` pointer, all in ONE readwrite
 * transaction that also deletes the older generations and unused files. IndexedDB transactions are
 * atomic, so a tab closed mid-write leaves the previous generation and pointer untouched. On load,
 * both records are validated (schema version, file count and sizes, a length + FNV-1a checksum of the
 * description and one of the bytes); if the current generation fails, the newest valid other one is
 * used, and if none is valid the store is emptied and the app starts clean and says so.
 *
 * Database layout (for tests that reach into it): database `netwell`, version 1, object store
 * `state`, out-of-line string keys: `current` → `{ generation: n }`, `gen:<n>` → GenerationRecord,
 * `files:<checksum>` → FilesRecord.
 *
 * How to wire it (src/main.ts / src/ui/app.ts):
 *
 *   const persistence = createPersistence();                 // the page's indexedDB
 *   const { status, state } = await persistence.load();      // never creates the database
 *   if (state) { analyse state.files, apply state.edits and state.settings }   // else the sample, as today
 *   const dispose = mountRememberControls(el, { persistence, getState, initialStatus: status });
 *   // On every change of files, edits or settings (debounced, ~1 s): does nothing unless opted in.
 *   store.subscribe(() => scheduleSave(() => persistence.save(getState())));
 *
 * where `getState()` returns the current RememberedState ({ label, files, edits, settings }). Keep the
 * files' own copy of the bytes: the worker client transfers `bytes.buffer`, which detaches it on the
 * page (a save of detached bytes is refused with an error status rather than storing empty files).
 * Cost: hashing new files is O(bytes) once (cached per Uint8Array); an edit-only save writes a few KB
 * (60 MB of files: 2 ms, measured in headless Chromium); a load reads and hashes the bytes once.
 */
import { getEmptyUserEdits, toUserEdits, type UserEdits } from '../core/edits';
import { h } from './dom';

export const PERSIST_DB_NAME = 'netwell';
export const PERSIST_DB_VERSION = 1;
export const PERSIST_STORE = 'state';
export const PERSIST_CURRENT_KEY = 'current';
/** Version of the stored record's layout; a record of another version is not read. */
export const PERSIST_SCHEMA_VERSION = 1;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A file as imported: its path as the user sees it and its bytes. */
export interface RememberedFile {
  path: string;
  bytes: Uint8Array;
}

/** Everything remembered: enough to re-run the analysis and restore the user's work. */
export interface RememberedState {
  /** What the view was made from, shown in the header ("3 files"). */
  label: string;
  files: RememberedFile[];
  edits: UserEdits;
  /** View settings (resolution, seed, filters...): JSON values only. */
  settings: { [key: string]: JsonValue };
}

/** One generation as written to IndexedDB under `gen:<n>`: the description, edits and settings. */
export interface GenerationRecord {
  schema: number;
  generation: number;
  /** ISO time of the save. */
  savedAt: string;
  /** JSON of { label, files: [{ path, size }], filesKey, edits, settings }. */
  meta: string;
  /** `<length>:<FNV-1a 32 hex>` of the meta's UTF-8 bytes ({@link computeChecksum}). */
  checksum: string;
}

/**
 * The files' bytes, under `files:<checksum>`: written once per set of files and shared by the
 * generations that use it, so saving an edit does not rewrite (or re-hash) megabytes of input.
 */
export interface FilesRecord {
  schema: number;
  /** {@link computeFilesChecksum} of the bytes; also the key's suffix. */
  checksum: string;
  files: Uint8Array[];
}

// ---------------------------------------------------------------------------------------------------
// Pure parts: checksum, serialisation, validation, generations, status text.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a (32-bit) of `bytes`, continuing from `hash` (default the FNV offset basis). */
export function updateFnv1a(bytes: Uint8Array, hash: number = FNV_OFFSET): number {
  let h = hash >>> 0;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i] ?? 0;
    h = Math.imul(h, FNV_PRIME) >>> 0;
  }
  return h >>> 0;
}

const hex = (n: number) => n.toString(16).padStart(8, '0');

/** `<total length>:<FNV-1a hex>` of the meta's UTF-8 bytes followed by every file's bytes. */
export function computeChecksum(meta: string, files: readonly Uint8Array[] = []): string {
  const metaBytes = new TextEncoder().encode(meta);
  let hash = updateFnv1a(metaBytes);
  let length = metaBytes.length;
  for (const f of files) {
    hash = updateFnv1a(f, hash);
    length += f.length;
  }
  return `${length}:${hex(hash)}`;
}

/** Size and FNV-1a of one file. */
export interface FileHash {
  size: number;
  hash: number;
}

/** Size and FNV-1a of each file; `cache` (by bytes object) spares re-hashing the same files on every save. */
export function getFileHashes(files: readonly Uint8Array[], cache?: WeakMap<Uint8Array, number>): FileHash[] {
  return files.map((bytes) => {
    let hash = cache?.get(bytes);
    if (hash === undefined) {
      hash = updateFnv1a(bytes);
      cache?.set(bytes, hash);
    }
    return { size: bytes.length, hash };
  });
}

/** `<total bytes>:<FNV-1a hex of the list "size:hash;…">`: one checksum for a list of files, order included. */
export function computeFilesChecksum(hashes: readonly FileHash[]): string {
  const total = hashes.reduce((n, h) => n + h.size, 0);
  const list = hashes.map((h) => `${h.size}:${hex(h.hash)};`).join('');
  return `${total}:${hex(updateFnv1a(new TextEncoder().encode(list)))}`;
}

/** The key of generation `n`. */
export function toGenerationKey(n: number): string {
  return `gen:${n}`;
}

/** The key of a files record. */
export function toFilesKey(checksum: string): string {
  return `files:${checksum}`;
}

/** True for a files record's key. */
export function isFilesKey(key: IDBValidKey): key is string {
  return typeof key === 'string' && key.startsWith('files:');
}

/** The generation number of a key, or undefined when it is not a generation key. */
export function getGenerationOfKey(key: IDBValidKey): number | undefined {
  if (typeof key !== 'string') return undefined;
  const m = /^gen:(\d+)$/.exec(key);
  return m ? Number(m[1]) : undefined;
}

/** The next generation: one more than the highest among the keys (1 for an empty store). */
export function getNextGeneration(keys: readonly IDBValidKey[]): number {
  let max = 0;
  for (const k of keys) max = Math.max(max, getGenerationOfKey(k) ?? 0);
  return max + 1;
}

function getGenerations(keys: readonly IDBValidKey[], latest: number): number[] {
  return keys
    .map(getGenerationOfKey)
    .filter((g): g is number => g !== undefined && g <= latest)
    .sort((a, b) => b - a);
}

/** Older generations kept after writing `latest`: the `keep - 1` newest below it. */
export function getKeptGenerations(keys: readonly IDBValidKey[], latest: number, keep = 1): number[] {
  return getGenerations(keys, latest)
    .filter((g) => g !== latest)
    .slice(0, Math.max(0, keep - 1));
}

/** Generation keys to delete after writing `latest`: all but the `keep` newest (latest included). */
export function getStaleGenerationKeys(keys: readonly IDBValidKey[], latest: number, keep = 1): string[] {
  const kept = new Set([latest, ...getKeptGenerations(keys, latest, keep)]);
  return getGenerations(keys, latest)
    .filter((g) => !kept.has(g))
    .map(toGenerationKey);
}

/** The order to try generations in on load: `current` first, then the others newest first. */
export function getLoadOrder(keys: readonly IDBValidKey[], current: number | undefined): number[] {
  const gens = keys
    .map(getGenerationOfKey)
    .filter((g): g is number => g !== undefined && g !== current)
    .sort((a, b) => b - a);
  return current !== undefined && keys.includes(toGenerationKey(current)) ? [current, ...gens] : gens;
}

// A view onto part of a bigger buffer would be stored with the whole buffer by structured cloning.
function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** What one save writes: the generation record, and the files record (written only if its key is new). */
export interface StoredRecords {
  generation: GenerationRecord;
  filesKey: string;
  /** Builds the files record (copies views onto bigger buffers). */
  toFilesRecord(): FilesRecord;
}

/** Serialises a state for `generation`. `hashes`: the files' {@link getFileHashes}, when already known. */
export function toStoredRecords(
  state: RememberedState,
  generation: number,
  savedAt: string,
  hashes: readonly FileHash[] = getFileHashes(state.files.map((f) => f.bytes)),
): StoredRecords {
  const checksum = computeFilesChecksum(hashes);
  const filesKey = toFilesKey(checksum);
  const meta = JSON.stringify({
    label: state.label,
    files: state.files.map((f) => ({ path: f.path, size: f.bytes.length })),
    filesKey,
    edits: state.edits,
    settings: state.settings,
  });
  return {
    generation: { schema: PERSIST_SCHEMA_VERSION, generation, savedAt, meta, checksum: computeChecksum(meta) },
    filesKey,
    toFilesRecord: () => ({
      schema: PERSIST_SCHEMA_VERSION,
      checksum,
      files: state.files.map((f) => ownBytes(f.bytes)),
    }),
  };
}

/** The files key a generation record points to, or undefined when it cannot be read. */
export function getFilesKeyOfRecord(record: unknown): string | undefined {
  if (!isObject(record) || typeof record['meta'] !== 'string') return undefined;
  try {
    const meta: unknown = JSON.parse(record['meta']);
    return isObject(meta) && typeof meta['filesKey'] === 'string' && meta['filesKey'].startsWith('files:')
      ? meta['filesKey']
      : undefined;
  } catch {
    return undefined;
  }
}

export type ReadRecordResult =
  { ok: true; state: RememberedState; savedAt: string; generation: number } | { ok: false; reason: string };

/** Validates a generation record and its files record read back from storage, or says why they cannot be trusted. */
export function fromStoredRecords(record: unknown, filesRecord: unknown): ReadRecordResult {
  const bad = (reason: string): ReadRecordResult => ({ ok: false, reason });
  if (!isObject(record)) return bad('the saved record is missing or not an object');
  if (record['schema'] !== PERSIST_SCHEMA_VERSION)
    return bad(
      `the saved record has layout version ${String(record['schema'])}, this app reads version ${PERSIST_SCHEMA_VERSION}`,
    );
  const { generation, savedAt, meta, checksum } = record;
  if (
    typeof generation !== 'number' ||
    typeof savedAt !== 'string' ||
    typeof meta !== 'string' ||
    typeof checksum !== 'string'
  )
    return bad('the saved record lacks a field');
  if (computeChecksum(meta) !== checksum)
    return bad('the saved description does not match its checksum (an incomplete or damaged write)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(meta);
  } catch {
    return bad('the saved description is not valid JSON');
  }
  if (
    !isObject(parsed) ||
    typeof parsed['label'] !== 'string' ||
    !Array.isArray(parsed['files']) ||
    typeof parsed['filesKey'] !== 'string' ||
    !isObject(parsed['settings'])
  )
    return bad('the saved description lacks a field');
  if (!isObject(filesRecord)) return bad('the saved files are missing');
  if (filesRecord['schema'] !== PERSIST_SCHEMA_VERSION) return bad('the saved files have another layout version');
  const files = filesRecord['files'];
  if (!Array.isArray(files) || !files.every((f) => f instanceof Uint8Array))
    return bad('the saved files are not bytes');
  const filesChecksum = computeFilesChecksum(getFileHashes(files));
  if (filesChecksum !== filesRecord['checksum'] || toFilesKey(filesChecksum) !== parsed['filesKey'])
    return bad('the saved files do not match their checksum (an incomplete or damaged write)');
  const listed = parsed['files'];
  if (listed.length !== files.length)
    return bad(`the saved description lists ${listed.length} files but ${files.length} are stored`);
  const out: RememberedFile[] = [];
  for (let i = 0; i < listed.length; i++) {
    const entry: unknown = listed[i];
    const bytes = files[i] as Uint8Array;
    if (!isObject(entry) || typeof entry['path'] !== 'string' || entry['size'] !== bytes.length)
      return bad(`saved file ${i + 1} does not match its description`);
    out.push({ path: entry['path'], bytes });
  }
  const edits = parsed['edits'] === undefined ? getEmptyUserEdits() : toUserEdits(parsed['edits']);
  return {
    ok: true,
    generation,
    savedAt,
    state: { label: parsed['label'], files: out, edits, settings: parsed['settings'] as RememberedState['settings'] },
  };
}

/** What the remember feature is doing, for the status line. */
export type PersistStatus =
  | { kind: 'off' }
  | { kind: 'empty' }
  | { kind: 'restored'; savedAt: string; files: number; bytes: number; fellBack: boolean }
  | { kind: 'saved'; savedAt: string; files: number; bytes: number }
  | { kind: 'reset'; reason: string }
  | { kind: 'forgotten' }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'error'; message: string };

function toSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

function toTime(iso: string): string {
  // The stored ISO time, shown without seconds in UTC so the text is the same on every machine.
  return iso.length >= 16 ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso;
}

/** The status line's text. Never holds a person's name: only counts, sizes, times and reasons. */
export function toPersistStatusText(status: PersistStatus): string {
  const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
  switch (status.kind) {
    case 'off':
      return 'Nothing is stored on this device.';
    case 'empty':
      return 'Remembering on this device; nothing saved yet.';
    case 'restored':
      return `Restored from this device: ${files(status.files)} (${toSize(status.bytes)}) saved ${toTime(status.savedAt)}${
        status.fellBack ? ' (the latest save was incomplete; restored the one before)' : ''
      }.`;
    case 'saved':
      return `Remembered on this device: ${files(status.files)} (${toSize(status.bytes)}), saved ${toTime(status.savedAt)}.`;
    case 'reset':
      return `What was stored on this device could not be read (${status.reason}); started clean. Still remembering: your next change is saved.`;
    case 'forgotten':
      return 'Forgotten: everything stored on this device was deleted.';
    case 'unavailable':
      return `This browser cannot store data here (${status.reason}); nothing is stored.`;
    case 'error':
      return `Could not save on this device: ${status.message}`;
  }
}

// ---------------------------------------------------------------------------------------------------
// IndexedDB.

export interface LoadResult {
  status: PersistStatus;
  /** The restored state, when status is `restored`. */
  state?: RememberedState;
}

export interface Persistence {
  /** True when the user opted in (the database exists). Never creates it. */
  isRemembering(): Promise<boolean>;
  /** Reads the last complete state. Never creates the database: without opt-in, status `off`. */
  load(): Promise<LoadResult>;
  /** Opts in and saves `state` (creates the database). */
  remember(state: RememberedState): Promise<PersistStatus>;
  /** Saves `state` only if the user opted in; otherwise does nothing and returns status `off`. */
  save(state: RememberedState): Promise<PersistStatus>;
  /** Deletes the database and everything in it. */
  forget(): Promise<PersistStatus>;
  /** Told of every status change (saves, loads, forget), e.g. by the remember controls. */
  subscribe(listener: (status: PersistStatus) => void): () => void;
  /** Closes the connection (tests, page teardown). */
  close(): void;
}

/** Options for {@link createPersistence}. */
export interface PersistenceOptions {
  /** Database name. Default `netwell` ({@link PERSIST_DB_NAME}). */
  dbName?: string;
  /** Generations kept after a save, the new one included. Default 1 (only the new one: the write is atomic). */
  keepGenerations?: number;
  /** The clock for `savedAt`. Default `() => new Date()`. */
  now?: () => Date;
}

export const PERSISTENCE_DEFAULTS = { dbName: PERSIST_DB_NAME, keepGenerations: 1, now: () => new Date() };

function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('ui/persist: the IndexedDB transaction was aborted.'));
    tx.onerror = () => reject(tx.error ?? new Error('ui/persist: the IndexedDB transaction failed.'));
  });
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function isDetached(bytes: Uint8Array): boolean {
  try {
    // Constructing a view on a detached buffer throws in every engine (ArrayBuffer.detached is recent).
    new Uint8Array(bytes.buffer, 0, 0);
    return false;
  } catch {
    return true;
  }
}

function totalBytes(state: RememberedState): number {
  return state.files.reduce((n, f) => n + f.bytes.length, 0);
}

/** The remember feature over an IndexedDB factory (the page's `indexedDB` by default; injectable for tests). */
export function createPersistence(idb: IDBFactory = indexedDB, options: PersistenceOptions = {}): Persistence {
  const o = { ...PERSISTENCE_DEFAULTS, ...options };
  let db: IDBDatabase | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const hashCache = new WeakMap<Uint8Array, number>();
  const listeners = new Set<(status: PersistStatus) => void>();

  const tell = (status: PersistStatus): PersistStatus => {
    for (const l of listeners) l(status);
    return status;
  };

  // Every operation runs after the previous one, so a forget never races a save.
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const exists = async (): Promise<boolean> => {
    if (db) return true;
    if (typeof idb.databases === 'function') {
      const list = await idb.databases();
      return list.some((d) => d.name === o.dbName);
    }
    // No databases(): open without creating (an upgrade from version 0 is aborted, which creates nothing).
    return (await open(false)) !== undefined;
  };

  const open = (create: boolean): Promise<IDBDatabase | undefined> => {
    if (db) return Promise.resolve(db);
    return new Promise((resolve, reject) => {
      const req = idb.open(o.dbName, PERSIST_DB_VERSION);
      let refused = false;
      req.onupgradeneeded = (event) => {
        if (event.oldVersion === 0 && !create) {
          refused = true;
          req.transaction?.abort();
          return;
        }
        const d = req.result;
        if (!d.objectStoreNames.contains(PERSIST_STORE)) d.createObjectStore(PERSIST_STORE);
      };
      req.onsuccess = () => {
        db = req.result;
        // Another tab's "forget everything" must not be blocked by this connection.
        db.onversionchange = () => {
          db?.close();
          db = undefined;
        };
        resolve(db);
      };
      req.onerror = (event) => {
        if (refused) {
          event.preventDefault();
          resolve(undefined);
        } else reject(req.error ?? new Error('ui/persist: could not open IndexedDB.'));
      };
      req.onblocked = () =>
        reject(new Error('ui/persist: IndexedDB is blocked by another tab; close other Netwell tabs and try again.'));
    });
  };

  const write = async (state: RememberedState, create: boolean): Promise<PersistStatus> => {
    // A file whose buffer was transferred to the worker is empty here: saving it would lose the data.
    // (No file path in the message: a folder may be named after a person.)
    const detached = state.files.filter((f) => isDetached(f.bytes)).length;
    if (detached)
      throw new Error(
        `ui/persist: the bytes of ${detached} file(s) were handed to the worker (detached); keep a copy (bytes.slice()) to remember them.`,
      );
    const d = await open(create);
    if (!d) return { kind: 'off' };
    const savedAt = o.now().toISOString();
    const hashes = getFileHashes(
      state.files.map((f) => f.bytes),
      hashCache,
    );
    const tx = d.transaction(PERSIST_STORE, 'readwrite');
    const done = transactionDone(tx);
    const store = tx.objectStore(PERSIST_STORE);
    const keysReq = store.getAllKeys();
    // 1. Choose the generation, 2. write the files (if new) and the generation, 3. flip `current`,
    // 4. delete older generations and unused files: one transaction, all or nothing.
    keysReq.onsuccess = () => {
      const keys = keysReq.result;
      const generation = getNextGeneration(keys);
      const records = toStoredRecords(state, generation, savedAt, hashes);
      const used = new Set([records.filesKey]);
      const kept = getKeptGenerations(keys, generation, o.keepGenerations);
      const finish = () => {
        if (!keys.includes(records.filesKey)) store.put(records.toFilesRecord(), records.filesKey);
        store.put(records.generation, toGenerationKey(generation));
        store.put({ generation }, PERSIST_CURRENT_KEY);
        for (const k of getStaleGenerationKeys(keys, generation, o.keepGenerations)) store.delete(k);
        for (const k of keys) if (isFilesKey(k) && !used.has(k)) store.delete(k);
      };
      let pending = kept.length;
      if (!pending) finish();
      for (const g of kept) {
        const req = store.get(toGenerationKey(g));
        req.onsuccess = () => {
          const key = getFilesKeyOfRecord(req.result);
          if (key) used.add(key);
          if (--pending === 0) finish();
        };
      }
    };
    await done;
    return { kind: 'saved', savedAt, files: state.files.length, bytes: totalBytes(state) };
  };

  const read = async (): Promise<LoadResult> => {
    if (!(await exists())) return { status: { kind: 'off' } };
    const d = await open(false);
    if (!d) return { status: { kind: 'off' } };
    // Read in request callbacks only, so the transaction stays active in every browser.
    const tx = d.transaction(PERSIST_STORE, 'readonly');
    const done = transactionDone(tx);
    const store = tx.objectStore(PERSIST_STORE);
    let keys: IDBValidKey[] = [];
    let currentGen: number | undefined;
    let order: number[] = [];
    const records: unknown[] = [];
    const filesRecords = new Map<string, unknown>();
    const keysReq = store.getAllKeys();
    keysReq.onsuccess = () => {
      keys = keysReq.result;
      const currentReq = store.get(PERSIST_CURRENT_KEY);
      currentReq.onsuccess = () => {
        const current: unknown = currentReq.result;
        currentGen = isObject(current) && typeof current['generation'] === 'number' ? current['generation'] : undefined;
        order = getLoadOrder(keys, currentGen);
        let pending = order.length;
        order.forEach((g, i) => {
          const req = store.get(toGenerationKey(g));
          req.onsuccess = () => {
            records[i] = req.result;
            if (--pending > 0) return;
            // 2nd round: the files records the generations point to.
            for (const key of new Set(records.map(getFilesKeyOfRecord))) {
              if (!key) continue;
              const filesReq = store.get(key);
              filesReq.onsuccess = () => filesRecords.set(key, filesReq.result);
            }
          };
        });
      };
    };
    await done;
    let firstReason: string | undefined;
    for (let i = 0; i < records.length; i++) {
      const r = fromStoredRecords(records[i], filesRecords.get(getFilesKeyOfRecord(records[i]) ?? ''));
      if (r.ok) {
        const status: PersistStatus = {
          kind: 'restored',
          savedAt: r.savedAt,
          files: r.state.files.length,
          bytes: totalBytes(r.state),
          fellBack: i > 0 || currentGen !== order[0],
        };
        return { status, state: r.state };
      }
      firstReason ??= r.reason;
    }
    if (!keys.length) return { status: { kind: 'empty' } };
    // Nothing readable: clear the store (the opt-in stays) and say so.
    const clearTx = d.transaction(PERSIST_STORE, 'readwrite');
    const cleared = transactionDone(clearTx);
    clearTx.objectStore(PERSIST_STORE).clear();
    await cleared;
    return { status: { kind: 'reset', reason: firstReason ?? 'no saved state was found' } };
  };

  const guard = async (task: () => Promise<PersistStatus>): Promise<PersistStatus> => {
    try {
      return await task();
    } catch (e) {
      return { kind: 'error', message: message(e) };
    }
  };

  return {
    isRemembering: () => serial(async () => exists().catch(() => false)),
    load: () =>
      serial(async () => {
        let result: LoadResult;
        try {
          result = await read();
        } catch (e) {
          result = { status: { kind: 'unavailable', reason: message(e) } };
        }
        tell(result.status);
        return result;
      }),
    remember: (state) => serial(async () => tell(await guard(() => write(state, true)))),
    save: (state) =>
      serial(async () => {
        const status = await guard(async () => ((await exists()) ? write(state, false) : { kind: 'off' }));
        return status.kind === 'off' ? status : tell(status);
      }),
    forget: () =>
      serial(async () => {
        db?.close();
        db = undefined;
        const status = await guard(async () => {
          const req = idb.deleteDatabase(o.dbName);
          await new Promise<void>((resolve, reject) => {
            req.onsuccess = () => resolve();
            req.onerror = () => reject(req.error ?? new Error('ui/persist: could not delete the IndexedDB database.'));
            // Blocked by another tab's open connection: the deletion completes once it closes (they close on versionchange).
          });
          return { kind: 'forgotten' };
        });
        return tell(status);
      }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      db?.close();
      db = undefined;
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// The controls.

export interface RememberControlsDeps {
  persistence: Persistence;
  /** The state to save when the user opts in. */
  getState: () => RememberedState;
  /** The status of the load at start-up, shown first. Default: asked from `persistence`. */
  initialStatus?: PersistStatus;
  /** Called after "Forget everything" (e.g. to drop the user's edits from the page too). Default: nothing. */
  onForget?: () => void;
  /**
   * Called by the "Forget everything" button only (not by unticking the box), for what else the app
   * keeps on this device (the offline copy of the app, src/ui/offline.ts). Default: nothing.
   */
  onForgetEverything?: () => Promise<unknown> | void;
}

/**
 * Mounts the checkbox "Remember on this device", the button "Forget everything" and a status line.
 * Ticking saves the current state; unticking or the button deletes everything stored. Returns dispose.
 */
export function mountRememberControls(el: HTMLElement, deps: RememberControlsDeps): () => void {
  const { persistence } = deps;
  const checkbox = h('input', { type: 'checkbox', name: 'remember' });
  const statusLine = h('p', { className: 'remember-status', role: 'status', 'aria-live': 'polite' });
  const show = (status: PersistStatus) => {
    statusLine.textContent = toPersistStatusText(status);
    statusLine.dataset['status'] = status.kind;
    if (status.kind === 'off' || status.kind === 'forgotten' || status.kind === 'unavailable') checkbox.checked = false;
    if (status.kind === 'saved' || status.kind === 'restored' || status.kind === 'empty' || status.kind === 'reset')
      checkbox.checked = true;
  };
  const forget = async () => {
    checkbox.disabled = true;
    await persistence.forget();
    checkbox.disabled = false;
    checkbox.checked = false;
    deps.onForget?.();
  };
  checkbox.addEventListener('change', () => {
    if (checkbox.checked) {
      statusLine.textContent = 'Saving on this device…';
      checkbox.disabled = true;
      void persistence.remember(deps.getState()).then((status) => {
        checkbox.disabled = false;
        if (status.kind === 'error') checkbox.checked = false;
      });
    } else void forget();
  });
  const button = h('button', { type: 'button', className: 'forget' }, 'Forget everything');
  button.addEventListener('click', () => void Promise.all([forget(), deps.onForgetEverything?.()]));
  const root = h(
    'div',
    { className: 'remember', role: 'group', 'aria-label': 'Remember on this device' },
    h('label', {}, checkbox, ' Remember on this device'),
    button,
    statusLine,
  );
  el.append(root);

  const unsubscribe = persistence.subscribe(show);
  if (deps.initialStatus) show(deps.initialStatus);
  else
    void persistence.isRemembering().then((on) => {
      if (!statusLine.textContent) show(on ? { kind: 'empty' } : { kind: 'off' });
    });
  return () => {
    unsubscribe();
    root.remove();
  };
}
