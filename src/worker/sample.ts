// The committed sample network (data/sample/, fictional people), bundled as lazily loaded chunks so
// the app opens on it without a server round-trip to anywhere but its own origin.
import type { WorkerFile } from './protocol';

const files = import.meta.glob('../../data/sample/**/*.csv', { query: '?raw', import: 'default' });

export async function loadSampleFiles(): Promise<WorkerFile[]> {
  const encoder = new TextEncoder();
  const out: WorkerFile[] = [];
  for (const [path, load] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const text = (await load()) as string;
    out.push({ path: path.replace(/^.*data\/sample\//, 'sample/'), bytes: encoder.encode(text) });
  }
  return out;
}
