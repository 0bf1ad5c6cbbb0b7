import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/io/node-inputs';

describe('readInputs', () => {
  it('walks folders (skipping hidden files), keeps zips whole, and names paths from the argument', async () => {
    const root = await mkdtemp(join(tmpdir(), 'netwell-io-'));
    await mkdir(join(root, 'team', 'alice'), { recursive: true });
    await writeFile(join(root, 'team', 'alice', 'Connections.csv'), 'a');
    await writeFile(join(root, 'team', '.DS_Store'), 'x');
    await writeFile(join(root, 'team', 'locations.csv'), 'b');
    await writeFile(join(root, 'export.zip'), 'PK');
    const files = await readInputs([join(root, 'team'), join(root, 'export.zip')]);
    expect(files.map((f) => [f.path, f.bytes.length])).toEqual([
      ['team/alice/Connections.csv', 1],
      ['team/locations.csv', 1],
      ['export.zip', 2],
    ]);
  });

  it('names two arguments with the same name apart', async () => {
    const root = await mkdtemp(join(tmpdir(), 'netwell-io-'));
    for (const d of ['x', 'y']) {
      await mkdir(join(root, d, 'alice'), { recursive: true });
      await writeFile(join(root, d, 'alice', 'Connections.csv'), d);
    }
    const files = await readInputs([
      join(root, 'x', 'alice'),
      join(root, 'y', 'alice'),
      join(root, 'y', 'alice', 'Connections.csv'),
    ]);
    expect(files.map((f) => f.path)).toEqual(['alice/Connections.csv', 'y/alice/Connections.csv', 'Connections.csv']);
  });

  it('says which path does not exist', async () => {
    await expect(readInputs(['/no/such/netwell/path'])).rejects.toThrow(
      /io\/node-inputs: `\/no\/such\/netwell\/path` does not exist/,
    );
  });
});
