/**
 * Node only (the CLI): turns paths given on the command line into InputFiles. A file is read as
 * is (a zip stays one InputFile; importFiles opens it); a folder is walked recursively. Paths are
 * '/'-separated and start with the argument's own name, so the folder `~/exports` holding
 * `alice/Connections.csv` gives `exports/alice/Connections.csv`. Hidden files (`.DS_Store`, `.git`)
 * are skipped. The files are only read, never modified. Cost: O(total bytes).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { InputFile } from './import';

async function walk(dir: string, out: string[]): Promise<void> {
  const items = await readdir(dir, { withFileTypes: true });
  items.sort((a, b) => a.name.localeCompare(b.name));
  for (const it of items) {
    if (it.name.startsWith('.')) continue;
    const p = join(dir, it.name);
    if (it.isDirectory()) await walk(p, out);
    else if (it.isFile()) out.push(p);
  }
}

/** The last `k` segments of an absolute path, '/'-separated: the shortest not used by an earlier argument. */
function getUniqueName(abs: string, used: Set<string>): string {
  const segments = abs.split(sep).filter(Boolean);
  for (let k = 1; k <= segments.length; k++) {
    const name = segments.slice(-k).join('/');
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  return segments.join('/');
}

/**
 * Read files, folders (recursively) and zips into InputFiles. Each argument is named by its last
 * path segment (`alice`, `Connections.csv`), or more segments when two arguments would share a name
 * (`x/alice`, `y/alice`). Rejects with a clear message when a path does not exist.
 */
export async function readInputs(paths: string[]): Promise<InputFile[]> {
  const files: InputFile[] = [];
  const used = new Set<string>();
  for (const arg of paths) {
    const abs = resolve(arg);
    let info;
    try {
      info = await stat(abs);
    } catch {
      throw new Error(`io/node-inputs: \`${arg}\` does not exist. Check the path, or quote it if it has spaces.`);
    }
    const name = getUniqueName(abs, used);
    if (info.isDirectory()) {
      const found: string[] = [];
      await walk(abs, found);
      for (const f of found)
        files.push({
          path: `${name}/${relative(abs, f).split(sep).join('/')}`,
          bytes: new Uint8Array(await readFile(f)),
        });
    } else {
      files.push({ path: name, bytes: new Uint8Array(await readFile(abs)) });
    }
  }
  return files;
}
