/**
 * Reading what the user chose or dropped: files, whole folders (recursively, through the drop's
 * FileSystemEntry API or the folder picker's webkitRelativePath) and zips, as path + bytes. Files are
 * only read, never written.
 */
import type { WorkerFile } from '../worker/protocol';

export async function readFileList(files: Iterable<File>): Promise<WorkerFile[]> {
  const out: WorkerFile[] = [];
  for (const f of files) {
    const path = (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
    out.push({ path, bytes: new Uint8Array(await f.arrayBuffer()) });
  }
  return out;
}

interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
  file?(ok: (f: File) => void, err: (e: unknown) => void): void;
  createReader?(): { readEntries(ok: (entries: Entry[]) => void, err: (e: unknown) => void): void };
}

async function readEntry(entry: Entry, out: WorkerFile[]): Promise<void> {
  if (entry.isFile && entry.file) {
    const file = await new Promise<File>((ok, err) => entry.file!(ok, err));
    out.push({ path: entry.fullPath.replace(/^\//, ''), bytes: new Uint8Array(await file.arrayBuffer()) });
  } else if (entry.isDirectory && entry.createReader) {
    const reader = entry.createReader();
    for (;;) {
      const batch = await new Promise<Entry[]>((ok, err) => reader.readEntries(ok, err));
      if (!batch.length) break;
      for (const e of batch) await readEntry(e, out);
    }
  }
}

/** Everything dropped: files, folders and zips. */
export async function readDataTransfer(dt: DataTransfer): Promise<WorkerFile[]> {
  const entries = Array.from(dt.items)
    .map((item) => (item.webkitGetAsEntry?.() ?? null) as unknown as Entry | null)
    .filter((e): e is Entry => e !== null);
  if (!entries.length) return readFileList(Array.from(dt.files));
  const out: WorkerFile[] = [];
  for (const e of entries) await readEntry(e, out);
  return out;
}
