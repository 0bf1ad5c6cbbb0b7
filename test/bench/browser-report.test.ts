import { describe, expect, it } from 'vitest';
import { getVerdict, isBuildStale, parseBrowserArgs, summariseMetric, toBrowserTable } from './browser-report';

describe('browser bench report', () => {
  it('parses arguments with their defaults and rejects unknown ones', () => {
    expect(parseBrowserArgs([])).toEqual({
      sizes: ['30k'],
      runs: 5,
      build: false,
      timeoutMs: 300_000,
      noInteractions: false,
    });
    expect(parseBrowserArgs(['--runs', '1', '--sizes=10k,30k', '--build', '--timeout', '60'])).toMatchObject({
      runs: 1,
      sizes: ['10k', '30k'],
      build: true,
      timeoutMs: 60_000,
    });
    expect(parseBrowserArgs(['--help'])).toBe('help');
    expect(() => parseBrowserArgs(['--sizes', '7k'])).toThrow(/unknown size '7k'/);
    expect(() => parseBrowserArgs(['--runs', '0'])).toThrow(/whole number/);
    expect(() => parseBrowserArgs(['--fast'])).toThrow(/unknown argument/);
  });

  it('calls a build stale when a source is newer or the build is missing', () => {
    expect(isBuildStale(100, [50, 99])).toBe(false);
    expect(isBuildStale(100, [50, 101])).toBe(true);
    expect(isBuildStale(undefined, [])).toBe(true);
  });

  it('summarises samples over runs, counting runs without a figure', () => {
    const runs = [{ hover: [10, 30] }, { hover: [20] }, {}];
    expect(summariseMetric(runs, 'hover')).toEqual({ median: 20, max: 30, samples: 3, missing: 1 });
    expect(summariseMetric(runs, 'click')).toBeUndefined();
  });

  it('passes a median within its target and fails one over it', () => {
    expect(getVerdict({ median: 50, max: 80, samples: 3, missing: 0 }, 50)).toBe('pass');
    expect(getVerdict({ median: 51, max: 51, samples: 1, missing: 0 }, 50)).toBe('FAIL');
    expect(getVerdict(undefined, 50)).toBe('–');
    expect(getVerdict({ median: 1, max: 1, samples: 1, missing: 0 }, undefined)).toBe('–');
  });

  it('prints targets beside medians in a markdown table', () => {
    const table = toBrowserTable([{ size: '30k', runs: [{ firstMap: [1500], hover: [70] }, { firstMap: [2500] }] }]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^\| metric .*30k target .*30k median/);
    expect(lines.find((l) => l.includes('first map on screen'))).toMatch(
      /≤ 2000 ms \|\s+2000 ms \|\s+2500 ms \(2\) \| pass/,
    );
    expect(lines.find((l) => l.includes('hover'))).toMatch(
      /≤ 50 ms \|\s+70 ms \|\s+70 ms \(1, 1 run without\) \| FAIL/,
    );
    expect(table).not.toContain('click');
  });
});
