// Browser tests run against the built app: build it once (unless NETWELL_SKIP_BUILD=1 and dist/ exists)
// and fail early, with the install command, when Chromium is missing.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { assertChromium } from './browser';

export default function setup(): void {
  assertChromium();
  if (process.env.NETWELL_SKIP_BUILD === '1' && existsSync('dist/index.html')) return;
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
}
