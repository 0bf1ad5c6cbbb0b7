#!/usr/bin/env node
// `npm test`: every test runner, then one closing line with the totals: `N passed, N failed`.
// 1. unit tests (vitest, Node: core, io, cli); 2. browser tests (vitest driving real headless
// Chromium against the built app). Exits non-zero when anything failed or a runner could not run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const runs = [
  { name: 'unit', args: ['vitest', 'run'] },
  { name: 'browser', args: ['vitest', 'run', '--config', 'vitest.browser.config.ts'] },
];
mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;
let broken = false;
for (const run of runs) {
  const out = `test-results/${run.name}.json`;
  rmSync(out, { force: true });
  console.log(`\n=== ${run.name} tests ===`);
  const r = spawnSync('npx', [...run.args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], {
    stdio: 'inherit',
  });
  try {
    const json = JSON.parse(readFileSync(out, 'utf8'));
    passed += json.numPassedTests ?? 0;
    failed += json.numFailedTests ?? 0;
    // A suite that failed to load (syntax error, setup failure) has no failed tests: count it once.
    const brokenSuites = (json.testResults ?? []).filter(
      (t) => t.status === 'failed' && !(t.assertionResults ?? []).length,
    );
    failed += brokenSuites.length;
    if (r.status !== 0 && json.numFailedTests === 0 && brokenSuites.length === 0) {
      failed += 1;
      console.error(`${run.name}: runner exited with ${r.status} without a failed test (setup error?)`);
    }
  } catch {
    broken = true;
    failed += 1;
    console.error(`${run.name}: the runner produced no report (exit ${r.status}).`);
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken ? 1 : 0);
