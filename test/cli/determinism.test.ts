// Deterministic results (issue 9): the same files and settings give byte-identical CLI JSON across
// runs and machines. Two separate processes with different time zones, locales and hash seeds
// analyse a team export (with an ask) and must print the same bytes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';

function runCli(env: Record<string, string>): string {
  return execFileSync(
    'npx',
    [
      'tsx',
      'src/cli/main.ts',
      'analyze',
      'test/fixtures/io/team',
      '--need',
      'an accountant in San Diego',
      '--seed',
      '7',
      '--json',
    ],
    { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
}

describe('CLI output', () => {
  it('is byte-identical across processes, time zones and locales', () => {
    const a = runCli({ TZ: 'UTC', LANG: 'C', LC_ALL: 'C' });
    const b = runCli({ TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' });
    expect(JSON.parse(a).people.length).toBeGreaterThan(3);
    expect(createHash('sha256').update(b).digest('hex')).toBe(createHash('sha256').update(a).digest('hex'));
  });
});
