/**
 * Opening a zip (LinkedIn's `Basic_`/`Complete_`/`Initial_LinkedInDataExport_MM-DD-YYYY.zip`)
 * safely with fflate: the central directory is read first, without inflating anything, and the
 * archive is refused when it declares more than MAX_ZIP_ENTRIES entries or MAX_ZIP_BYTES
 * uncompressed (a zip bomb), or holds an entry whose path escapes the archive (`../`, `/abs`).
 * A file named `.zip` that is not one is refused too. Never throws. Cost: O(uncompressed size).
 */
import { unzipSync } from 'fflate';

/** Most bytes a zip may expand to: 1 GiB. */
export const MAX_ZIP_BYTES = 1024 * 1024 * 1024;
/** Most entries a zip may hold. */
export const MAX_ZIP_ENTRIES = 5000;

export interface ZipEntry {
  /** Path inside the archive, '/'-separated. */
  name: string;
  bytes: Uint8Array;
}

export interface ZipResult {
  entries: ZipEntry[];
  /** Why the archive was refused; no entries then. */
  error?: string;
}

/** True when the bytes start like a zip archive (local file header or empty-archive record). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06))
  );
}

function isJunk(name: string): boolean {
  return name.endsWith('/') || name.startsWith('__MACOSX/') || /(^|\/)\.DS_Store$/.test(name);
}

function isUnsafe(name: string): boolean {
  return name.startsWith('/') || /^[a-z]:/i.test(name) || name.split(/[/\\]/).includes('..');
}

/** Options for {@link unzipArchive}. */
export interface UnzipOptions {
  /** Most uncompressed bytes. Default {@link MAX_ZIP_BYTES}. */
  maxBytes?: number;
  /** Most entries. Default {@link MAX_ZIP_ENTRIES}. */
  maxEntries?: number;
}

/** Unzip an archive's files (directories and macOS `__MACOSX/` junk left out), or say why not. */
export function unzipArchive(bytes: Uint8Array, options: UnzipOptions = {}): ZipResult {
  const maxBytes = options.maxBytes ?? MAX_ZIP_BYTES;
  const maxEntries = options.maxEntries ?? MAX_ZIP_ENTRIES;
  if (!isZip(bytes)) return { entries: [], error: 'the file is named .zip but is not a zip archive; nothing was read' };
  let count = 0;
  let total = 0;
  let unsafe: string | undefined;
  try {
    unzipSync(bytes, {
      filter(f) {
        count++;
        total += f.originalSize;
        if (!unsafe && isUnsafe(f.name)) unsafe = f.name;
        return false;
      },
    });
  } catch (e) {
    return {
      entries: [],
      error: `the zip archive is damaged (${(e as Error).message}); nothing was read. Download it again.`,
    };
  }
  if (unsafe)
    return {
      entries: [],
      error: `the zip holds an entry outside the archive (\`${unsafe}\`); refused for safety, nothing was read`,
    };
  if (count > maxEntries)
    return {
      entries: [],
      error: `the zip holds ${count} entries, more than the limit of ${maxEntries}; refused (zip bomb?), nothing was read`,
    };
  if (total > maxBytes)
    return {
      entries: [],
      error: `the zip expands to ${Math.round(total / 1048576)} MiB, more than the limit of ${Math.round(maxBytes / 1048576)} MiB; refused (zip bomb?), nothing was read`,
    };
  try {
    const files = unzipSync(bytes, { filter: (f) => !isJunk(f.name) });
    return { entries: Object.entries(files).map(([name, b]) => ({ name, bytes: b })) };
  } catch (e) {
    return {
      entries: [],
      error: `the zip archive is damaged (${(e as Error).message}); nothing was read. Download it again.`,
    };
  }
}
