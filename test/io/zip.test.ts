import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/io/import';
import { MAX_ZIP_BYTES, unzipArchive } from '../../src/io/zip';
import { enc, loadFixture, messages } from './helpers';

/** A zip built from the archive fixture, entries at its root as LinkedIn writes them. */
async function archiveZip(): Promise<Uint8Array> {
  const files = await loadFixture('archive');
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[f.path.split('/').pop() ?? f.path] = f.bytes;
  return zipSync(entries);
}

/** Overwrite the uncompressed-size field of every central-directory record (what a zip bomb declares). */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++)
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  return out;
}

describe('zip archives', () => {
  it('reads a Basic_LinkedInDataExport zip like the unzipped folder', async () => {
    const name = 'Basic_LinkedInDataExport_01-02-2026.zip';
    const r = await importFiles([{ path: name, bytes: await archiveZip() }]);
    expect(r.dataset.owners.map((o) => [o.id, o.label])).toEqual([['owner:alice-martin', name]]);
    expect(r.summary.find((s) => s.file === `${name}/Connections.csv`)).toMatchObject({ kind: 'connections', rows: 3 });
    expect(r.summary).toHaveLength(12);
    expect(messages(r, 'error')).toEqual([]);
  });

  it('names the owner from the zip when there is no Profile.csv', async () => {
    const zip = zipSync({ 'Connections.csv': enc('First Name,Last Name,Connected On\nA,B,01 Jan 2024\n') });
    const r = await importFiles([{ path: 'team/bob/Complete_LinkedInDataExport_03-04-2025.zip', bytes: zip }]);
    expect(r.dataset.owners.map((o) => o.name)).toEqual(['bob']);
  });

  it('refuses a file named .zip that is not one', async () => {
    const r = await importFiles([{ path: 'export.zip', bytes: enc('First Name,Last Name\n') }]);
    expect(messages(r)).toEqual([
      'export.zip: io/zip: the file is named .zip but is not a zip archive; nothing was read',
    ]);
    expect(r.summary).toEqual([{ file: 'export.zip', kind: 'unreadable', rows: 0, skipped: 0 }]);
  });

  it('refuses entries that escape the archive', async () => {
    const zip = zipSync({ '../evil.csv': enc('x'), 'Connections.csv': enc('y') });
    const r = await importFiles([{ path: 'a.zip', bytes: zip }]);
    expect(messages(r)).toEqual([
      'a.zip: io/zip: the zip holds an entry outside the archive (`../evil.csv`); refused for safety, nothing was read',
    ]);
    expect(r.dataset.connections).toEqual([]);
  });

  it('refuses a zip bomb before inflating it', async () => {
    const zip = declareSize(zipSync({ 'a.csv': enc('a'), 'b.csv': enc('b') }), 0x7fffffff);
    const r = await importFiles([{ path: 'bomb.zip', bytes: zip }]);
    expect(messages(r)[0]).toMatch(
      /^bomb\.zip: io\/zip: the zip expands to 4096 MiB, more than the limit of 1024 MiB; refused/,
    );
    expect(MAX_ZIP_BYTES).toBe(1024 ** 3);
  });

  it('refuses too many entries', () => {
    const entries: Record<string, Uint8Array> = {};
    for (let i = 0; i < 11; i++) entries[`f${i}.csv`] = enc('x');
    expect(unzipArchive(zipSync(entries), { maxEntries: 10 }).error).toMatch(/11 entries, more than the limit of 10/);
  });

  it('reports a damaged zip', async () => {
    const zip = zipSync({ 'Connections.csv': enc('First Name,Last Name\n'.repeat(50)) });
    const r = await importFiles([{ path: 'cut.zip', bytes: zip.subarray(0, zip.length - 30) }]);
    expect(messages(r, 'error')[0]).toMatch(/^cut\.zip: io\/zip: the zip archive is damaged/);
  });
});
