// Property-based tests (fast-check, seeded): whatever the bytes, importFiles resolves, and every
// physical data line of a Connections.csv is accounted for: the start of a row read, a row skipped
// with an issue, or a later line of a row read whose quoted cell held a line break.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHORT_FIELD_MAX_LINES } from '../../src/io/csv';
import { importFiles } from '../../src/io/import';
import { parseGraphFile } from '../../src/io/graph-files';
import { enc, loadFixture } from './helpers';

const SEED = 20260101;
const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const NOTES = 'Notes:\n"When exporting your connection data, you may notice..."\n\n';

/** A generated cell: its CSV text, and whether it holds a quote outside a well-formed quoted field. */
interface Cell {
  text: string;
  stray: boolean;
}
const plain = (a: fc.Arbitrary<string>): fc.Arbitrary<Cell> => a.map((text) => ({ text, stray: false }));
// A field: plain text, text with quotes/commas/semicolons (stray quotes), a quoted field, or empty.
const field: fc.Arbitrary<Cell> = fc.oneof(
  plain(fc.constant('')),
  plain(fc.stringMatching(/^[A-Za-zÀ-ÿ .'-]{1,12}$/)),
  fc.stringMatching(/^[A-Za-z ,;"]{1,10}$/).map((text) => ({ text, stray: text.includes('"') })),
  plain(fc.stringMatching(/^[A-Za-z ,]{0,8}$/).map((s) => `"${s}"`)),
  plain(fc.constantFrom('30 May 2024', '5-Jan-26', '31/31/2020', '1/8/18, 6:14 PM', 'https://www.linkedin.com/in/x')),
);
// A quoted cell holding a line break (CR, LF or CRLF), as a spreadsheet re-save writes one.
const brokenCell: fc.Arbitrary<string> = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z ]{0,6}$/),
    fc.constantFrom('\n', '\r', '\r\n'),
    fc.stringMatching(/^[A-Za-z ,]{0,6}$/),
  )
  .map(([a, br, b]) => `"${a}${br}${b}"`);
// A record always names someone (first field has a letter), so each must be read or skipped.
const record = fc
  .tuple(fc.stringMatching(/^[A-Za-z]{1,8}$/), fc.array(field, { minLength: 0, maxLength: 9 }))
  .map(([first, rest]) => ({ text: [first, ...rest.map((c) => c.text)].join(','), stray: rest.some((c) => c.stray) }));
// A full-width record (7 cells) with one or two cells holding a line break: read as one row.
const multiLineRecord = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z]{1,8}$/),
    fc.array(plain(fc.stringMatching(/^[A-Za-z .]{0,10}$/)), { minLength: 6, maxLength: 6 }),
    fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), brokenCell), { minLength: 1, maxLength: 2 }),
  )
  .map(([first, rest, breaks]) => {
    const cells = rest.map((c) => c.text);
    for (const [i, c] of breaks) cells[i] = c;
    return { text: [first, ...cells].join(','), stray: false };
  });

describe('properties', () => {
  // At most 20 records: every skipped line is then listed with its line (20 issues per sort).
  it('every physical data line of a mangled Connections.csv is read, skipped with an issue, or part of a row read', async () => {
    let multiLineKept = 0;
    let strayJoined = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            { weight: 5, arbitrary: record },
            { weight: 1, arbitrary: multiLineRecord },
            { weight: 1, arbitrary: fc.constant({ text: '', stray: false }) },
          ),
          {
            maxLength: 20,
          },
        ),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        async (records, preamble, eol) => {
          const head = (preamble ? NOTES : '').replace(/\n/g, eol) + HEADER;
          const text = [head, ...records.map((r) => r.text)].join(eol);
          const r = await importFiles([{ path: 'me/Connections.csv', bytes: enc(text) }]);
          const s = r.summary[0];
          const rows = s?.rows ?? 0;
          const skipped = s?.skipped ?? 0;
          expect(s?.kind).toBe('connections');
          expect(r.dataset.connections).toHaveLength(rows);

          // Physical lines, 1-based; data lines are the non-blank ones after the header.
          const lines = text.split(/\r\n|\r|\n/);
          const headerLine = head.split(/\r\n|\n/).length;
          const data = new Set<number>();
          lines.forEach((l, i) => {
            if (i + 1 > headerLine && l.trim() !== '') data.add(i + 1);
          });
          // Where each row starts: rows read (their ref) and rows skipped (their issue).
          const kept = new Set(r.dataset.connections.map((c) => c.ref.line));
          const skips = r.issues.filter((i) => i.severity === 'warning' && /skipped/.test(i.message));
          const skippedAt = new Set(skips.map((i) => i.line));
          expect(kept.size).toBe(rows);
          expect(skippedAt.size).toBe(skipped);
          const starts = [...kept, ...skippedAt].map(Number).sort((a, b) => a - b);
          expect(new Set(starts).size).toBe(rows + skipped);
          for (const l of starts) expect(data.has(l), `row start ${l} is a data line`).toBe(true);
          for (const d of data) {
            if (kept.has(d) || skippedAt.has(d)) continue;
            // A later line of a row read: the row it belongs to was read (a skip costs one line only),
            // is at most SHORT_FIELD_MAX_LINES lines long, and opened a quote before this line.
            const from = starts.filter((l) => l < d).at(-1);
            expect(from, `line ${d} belongs to no row`).toBeDefined();
            if (from === undefined) continue;
            expect(kept.has(from), `line ${d} belongs to the skipped row at ${from}`).toBe(true);
            expect(d - from).toBeLessThanOrEqual(SHORT_FIELD_MAX_LINES);
            expect(lines.slice(from - 1, d - 1).join('\n')).toContain('"');
            multiLineKept++;
          }
          // Values are one line: a line break in a quoted cell is read as a space.
          for (const c of r.dataset.connections)
            for (const v of [c.firstName, c.lastName, c.company, c.position, c.url, c.email])
              expect(v ?? '').not.toMatch(/[\r\n]/);
          // Without stray quotes every record is one row, read or skipped, however many lines it has.
          const named = records.filter((x) => x.text !== '');
          if (!named.some((x) => x.stray)) expect(rows + skipped).toBe(named.length);
          else if (rows + skipped < named.length) strayJoined++;
          if (skipped) expect(r.issues.some((i) => i.severity === 'warning' && /skipped/.test(i.message))).toBe(true);
          if (named.length > 0 && rows === 0) expect(r.issues.some((i) => i.severity === 'error')).toBe(true);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
    // The runs did reach both cases: multi-line cells kept, and stray quotes that made one row of two lines.
    expect(multiLineKept).toBeGreaterThan(0);
    expect(strayJoined).toBeGreaterThan(0);
  });

  it('random bytes under any name never throw and are always summarised', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom('a/Connections.csv', 'x.zip', 'm.gexf', 'g.graphml', 'j.json', 'notes.txt', 'people.csv'),
        async (bytes, path) => {
          const r = await importFiles([{ path, bytes }]);
          expect(r.summary.length).toBeGreaterThanOrEqual(1);
          for (const s of r.summary)
            if (s.rows === 0 && !['not-used'].includes(s.kind))
              expect(r.issues.some((i) => i.file === s.file || i.file.startsWith(s.file))).toBe(true);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('truncated and byte-flipped fixtures never throw, and zero rows is never silent', async () => {
    const fixtures = await loadFixture('archive', 'connections/current', 'connections/utf16le-tab', 'graph', 'team');
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: fixtures.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        async (i, cut, flips) => {
          const f = fixtures[i];
          if (!f) return;
          const bytes = f.bytes.slice(0, Math.floor(f.bytes.length * cut));
          for (const [at, b] of flips) if (bytes.length) bytes[at % bytes.length] = b;
          const r = await importFiles([{ path: f.path, bytes }]);
          for (const s of r.summary)
            if (bytes.length > 0 && s.rows === 0 && s.kind !== 'not-used')
              expect(r.issues.some((x) => x.file === s.file && x.severity === 'error')).toBe(true);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('graph parsers turn any text into issues, never throws', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.constantFrom('gexf', 'graphml', 'graph-json') as fc.Arbitrary<'gexf' | 'graphml' | 'graph-json'>,
        (text, kind) => {
          const r = parseGraphFile(text, 'x', kind);
          expect(r.nodes === 0 ? r.issues.length : 1).toBeGreaterThan(0);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});
