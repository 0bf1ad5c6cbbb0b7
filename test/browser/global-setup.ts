// Browser tests run against the built app: build it once (unless NETWELL_SKIP_BUILD=1 and it exists)
// and fail early, with the install command, when Chromium is missing. NETWELL_DIST names another
// build folder than dist/ (so two people can test two builds on one machine).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { assertChromium } from './browser';

export default function setup(): void {
  assertChromium();
  const dist = process.env.NETWELL_DIST ?? 'dist';
  if (process.env.NETWELL_SKIP_BUILD === '1' && existsSync(`${dist}/index.html`)) return;
  // NODE_ENV=production as `npm run build` has it: vitest sets NODE_ENV=test, which a child `vite build` would
  // inherit, giving a bundle with import.meta.env.PROD false (offline use off) and dependencies' dev code.
  execSync(`npx vite build --logLevel warn --outDir ${JSON.stringify(dist)}`, {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
