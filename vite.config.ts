import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, transformWithOxc, type Plugin } from 'vite';

/**
 * Writes `sw.js`, the opt-in offline service worker (src/sw.ts), into the build with the list of
 * files it precaches: every file of the bundle except source maps (index.html, the app's and the
 * analysis worker's JS chunks, the bundled data such as the gazetteer and the sample, the CSS).
 * The list and a version (a SHA-256 of every listed file's name and content) replace the
 * placeholders in src/sw.ts, so any change to the app gives a new sw.js and a new cache.
 * Build only: `vite` (dev) serves no service worker and the app says offline use is unavailable.
 */
function netwellPrecache(): Plugin {
  let root = process.cwd();
  return {
    name: 'netwell-precache',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      root = config.root;
    },
    generateBundle: {
      // After Vite's own plugins have emitted index.html and the worker's chunks.
      order: 'post',
      async handler(_options, bundle) {
        const files = Object.values(bundle)
          .filter((f) => !f.fileName.endsWith('.map') && f.fileName !== 'sw.js')
          .sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
        if (!files.some((f) => f.fileName === 'index.html'))
          this.error('netwell-precache: index.html is not in the bundle; is the plugin running after vite:build-html?');
        const hash = createHash('sha256');
        for (const f of files)
          hash
            .update(`${f.fileName}\0`)
            .update(f.type === 'chunk' ? f.code : f.source)
            .update('\0');
        const version = hash.digest('hex').slice(0, 16);
        const path = resolve(root, 'src/sw.ts');
        const { code } = await transformWithOxc(readFileSync(path, 'utf8'), path, { lang: 'ts' });
        const precache = JSON.stringify(files.map((f) => f.fileName));
        const out = code
          .replace(/^export\s*\{\s*\};?\s*$/m, '')
          .replace(/(['"])__NETWELL_PRECACHE__\1/, () => JSON.stringify(precache))
          .replace('__NETWELL_VERSION__', version);
        if (/^\s*(import|export)\b/m.test(out) || out.includes('__NETWELL_'))
          this.error('netwell-precache: src/sw.ts must stay a classic script with both placeholders; see its header.');
        this.emitFile({ type: 'asset', fileName: 'sw.js', source: out });
      },
    },
  };
}

// The app is static: `vite build` writes dist/, which runs from any static server (see docs/privacy.md).
export default defineConfig({
  base: './',
  plugins: [netwellPrecache()],
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 4000 },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    testTimeout: 60_000,
  },
});
