/**
 * The CLI end to end, in-process: a synthetic two-person team written to a temp folder (made up here,
 * no real person's data), analysed twice for byte-identical JSON, plus the error paths.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisJson } from '../../src/core/analysis/analyze';
import { parseAnalyzeArgs } from '../../src/cli/analyze';
import { runCli } from '../../src/cli/main';

let dir = '';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const row = (first: string, last: string, company: string, position: string) =>
  `${first},${last},https://www.linkedin.com/in/${first.toLowerCase()}-${last.toLowerCase()},,${company},${position},01 Mar 2024`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'netwell-cli-'));
  const team = join(dir, 'team');
  const bio = ['Ann', 'Ben', 'Cat', 'Dan', 'Eve'].map((f) => row(f, 'Bio', 'Genentix Inc.', 'Research Scientist'));
  const acc = ['Fay', 'Gus', 'Hal', 'Ivy', 'Jon'].map((f) => row(f, 'Ledger', 'Ledgerly LLP', 'Tax Accountant'));
  for (const [owner, first, rows] of [
    ['alice', 'Alice', [...bio, row('Rita', 'Recruit', 'Hire Partners', 'Technical Recruiter')]],
    ['bob', 'Bob', [...acc, row('Rita', 'Recruit', 'Hire Partners', 'Technical Recruiter')]],
  ] as const) {
    mkdirSync(join(team, owner), { recursive: true });
    writeFileSync(
      join(team, owner, 'Profile.csv'),
      'First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n' +
        `${first},Owner,,,,Manager,,,,,,,\n`,
    );
    writeFileSync(join(team, owner, 'Connections.csv'), `${header}\n${rows.join('\n')}\n`);
  }
  const url = (s: string) => `https://www.linkedin.com/in/${s}`;
  writeFileSync(
    join(team, 'edges.csv'),
    'source,target\n' + ['ann-bio', 'fay-ledger'].map((p) => `${url('rita-recruit')},${url(p)}`).join('\n') + '\n',
  );
  mkdirSync(join(dir, 'empty'));
  writeFileSync(join(dir, 'empty', 'notes.txt'), 'nothing here\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('netwell analyze', () => {
  it('prints the issue 5 §6 JSON, byte-identical run after run', async () => {
    const first = await run('analyze', join(dir, 'team'), '--json', '--seed', '3');
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const second = await run('analyze', join(dir, 'team'), '--json', '--seed', '3');
    expect(second.out).toBe(first.out);

    const json = JSON.parse(first.out) as AnalysisJson;
    expect(Object.keys(json)).toEqual([
      'owners',
      'me',
      'people',
      'clusters',
      'superConnectors',
      'modularity',
      'issues',
    ]);
    expect(json.owners.map((o) => o.name).sort()).toEqual(['Alice Owner', 'Bob Owner']);
    expect(json.me).toBe(json.owners[0]?.id);
    const rita = json.people.find((p) => p.id === 'linkedin.com/in/rita-recruit');
    expect(rita).toMatchObject({ name: 'Rita Recruit', company: 'Hire Partners', degree: 1 });
    expect(rita?.owners).toHaveLength(2);
    for (const p of json.people) expect([0, 1, 2]).toContain(p.degree);
    expect(json.people.filter((p) => p.degree === 0)).toHaveLength(2);
    expect(json.people.map((p) => p.id)).toEqual([...json.people.map((p) => p.id)].sort());
    expect(json.clusters.length).toBeGreaterThanOrEqual(2);
    expect(json.superConnectors[0]?.id).toBe('linkedin.com/in/rita-recruit');
    expect(json.superConnectors[0]?.why.join(' | ')).toMatch(/known by 2 of your team/);
  });

  it('honours --me by name and rejects an unknown owner', async () => {
    const ok = await run('analyze', join(dir, 'team'), '--json', '--me', 'bob owner');
    const json = JSON.parse(ok.out) as AnalysisJson;
    expect(json.me).toBe(json.owners.find((o) => o.name === 'Bob Owner')?.id);
    const bad = await run('analyze', join(dir, 'team'), '--me', 'Zed');
    expect(bad.code).not.toBe(0);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
  });

  it('prints a readable report with clusters and super-connectors', async () => {
    const r = await run('analyze', join(dir, 'team'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Netwell analysis: /);
    expect(r.out).toMatch(/Clusters \(\d+\)/);
    expect(r.out).toMatch(/Super-connectors\n\s+1\. Rita Recruit/);
  });

  it('exits non-zero with one stderr line when nothing usable was read', async () => {
    for (const args of [[join(dir, 'empty')], [join(dir, 'does-not-exist')]]) {
      const r = await run('analyze', ...args);
      expect(r.code).not.toBe(0);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('explains usage', async () => {
    expect((await run('--help')).out).toMatch(/analyze <inputs\.\.\.>/);
    expect((await run('analyze')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
    expect(() => parseAnalyzeArgs(['x', '--seed', 'abc'])).toThrow(/integer/);
    expect(parseAnalyzeArgs(['a', 'b', '--resolution=2', '--json'])).toMatchObject({
      inputs: ['a', 'b'],
      resolution: 2,
      json: true,
    });
  });
});
