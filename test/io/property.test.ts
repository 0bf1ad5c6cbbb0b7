// Property-based tests (fast-check, seeded): whatever the bytes, importFiles resolves, and every
// data line of a Connections.csv is either read or skipped with an issue.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/io/import';
import { parseGraphFile } from '../../src/io/graph-files';
import { enc, loadFixture } from './helpers';

const SEED = 20260101;
const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const NOTES = 'Notes:\n"When exporting your connection data, you may notice..."\n\n';

// A field: plain text, text with quotes/commas/semicolons, a quoted field, or empty.
const field = fc.oneof(
  fc.constant(''),
  fc.stringMatching(/^[A-Za-zÀ-ÿ .'-]{1,12}$/),
  fc.stringMatching(/^[A-Za-z ,;"]{1,10}$/),
  fc.stringMatching(/^[A-Za-z ,]{0,8}$/).map((s) => `"${s}"`),
  fc.constantFrom('30 May 2024', '5-Jan-26', '31/31/2020', '1/8/18, 6:14 PM', 'https://www.linkedin.com/in/x'),
);
// A data line always names someone (first field has a letter), so each must be read or skipped.
const dataLine = fc
  .tuple(fc.stringMatching(/^[A-Za-z]{1,8}$/), fc.array(field, { minLength: 0, maxLength: 9 }))
  .map(([first, rest]) => [first, ...rest].join(','));

describe('properties', () => {
  it('every data line of a mangled Connections.csv is read or skipped with an issue', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof({ weight: 5, arbitrary: dataLine }, { weight: 1, arbitrary: fc.constant('') }), {
          maxLength: 40,
        }),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        async (lines, preamble, eol) => {
          const text = ((preamble ? NOTES : '') + [HEADER, ...lines].join('\n')).replace(/\n/g, eol);
          const r = await importFiles([{ path: 'me/Connections.csv', bytes: enc(text) }]);
          const s = r.summary[0];
          const dataLines = lines.filter((l) => l !== '').length;
          expect(s?.kind).toBe('connections');
          expect((s?.rows ?? 0) + (s?.skipped ?? 0)).toBe(dataLines);
          expect(r.dataset.connections).toHaveLength(s?.rows ?? 0);
          if (s?.skipped)
            expect(r.issues.some((i) => i.severity === 'warning' && /skipped/.test(i.message))).toBe(true);
          if (dataLines > 0 && s?.rows === 0) expect(r.issues.some((i) => i.severity === 'error')).toBe(true);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
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
