// Shared helpers for the io tests: load a fixture folder the way the CLI does.
import { fileURLToPath } from 'node:url';
import { importFiles, type InputFile } from '../../src/io/import';
import { readInputs } from '../../src/io/node-inputs';
import type { ImportResult } from '../../src/core/types';

export const FIXTURES = fileURLToPath(new URL('../fixtures/io/', import.meta.url));

export async function loadFixture(...dirs: string[]): Promise<InputFile[]> {
  return readInputs(dirs.map((d) => FIXTURES + d));
}

export async function importFixture(...dirs: string[]): Promise<ImportResult> {
  return importFiles(await loadFixture(...dirs));
}

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Issue messages of one severity, for compact assertions. */
export function messages(r: ImportResult, severity?: 'error' | 'warning' | 'info'): string[] {
  return r.issues
    .filter((i) => !severity || i.severity === severity)
    .map((i) => `${i.file}:${i.line ?? ''} ${i.message}`);
}
