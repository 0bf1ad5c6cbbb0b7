/**
 * `npm run sample -- --connections N --owners M --seed S --out DIR`: writes the synthetic sample
 * (io/sample/generate) to DIR: one LinkedIn-style export folder per owner, locations.csv,
 * known-links.csv and truth.json. Same arguments, same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULTS, generateSample } from '../io/sample/generate';

const HELP = `Usage: npm run sample -- [--connections N] [--owners M] [--seed S] [--out DIR]

Writes a fictional team's LinkedIn exports, as LinkedIn writes them, with planted structure.
  --connections N  rows of each owner's Connections.csv (default ${DEFAULTS.connections})
  --owners M       team members, one export folder each (default ${DEFAULTS.owners})
  --seed S         seed of every random choice; same arguments give the same bytes (default ${DEFAULTS.seed})
  --out DIR        output folder (default data/sample)
  --help           this text

Files are written over; files of a previous run that this one does not write are left in place.`;

/** Parsed command-line arguments of the sample command. */
export interface SampleArgs {
  connections: number;
  owners: number;
  seed: number;
  out: string;
  help: boolean;
}

/** Parses `--name value` / `--name=value` arguments; throws an Error naming the bad argument and the fix. */
export function parseSampleArgs(argv: readonly string[]): SampleArgs {
  const args: SampleArgs = {
    connections: DEFAULTS.connections,
    owners: DEFAULTS.owners,
    seed: DEFAULTS.seed,
    out: 'data/sample',
    help: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      args.help = true;
      continue;
    }
    const m = /^--(connections|owners|seed|out)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`cli/sample: unknown argument '${arg}'. Run with --help to see the options.`);
    const name = m[1] as 'connections' | 'owners' | 'seed' | 'out';
    let value = m[2];
    if (value === undefined) {
      value = argv[i + 1];
      i += 1;
    }
    if (value === undefined || value === '' || (m[2] === undefined && value.startsWith('--')))
      throw new Error(`cli/sample: --${name} needs a value, e.g. --${name} 3.`);
    if (name === 'out') {
      args.out = value;
      continue;
    }
    const n = Number(value);
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(n)) {
      throw new Error(`cli/sample: --${name} must be a whole number, got '${value}'.`);
    }
    args[name] = n;
  }
  return args;
}

function main(): void {
  let args: SampleArgs;
  try {
    args = parseSampleArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  if (args.help) {
    console.log(HELP);
    return;
  }
  const t0 = performance.now();
  let result;
  try {
    result = generateSample({ connections: args.connections, owners: args.owners, seed: args.seed });
  } catch (e) {
    console.error((e as Error).message.replace(/^io\/sample:/, 'cli/sample:'));
    process.exit(2);
  }
  const t1 = performance.now();
  let bytes = 0;
  for (const f of result.files) {
    const path = join(args.out, ...f.path.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.text, 'utf8');
    bytes += Buffer.byteLength(f.text, 'utf8');
  }
  const t2 = performance.now();
  const people = Object.keys(result.truth.people).length;
  console.log(
    `Wrote ${result.files.length} files (${(bytes / 1e6).toFixed(1)} MB, ${people} people, ${args.owners} owners) to ${args.out} ` +
      `in ${((t2 - t0) / 1000).toFixed(2)} s (generate ${((t1 - t0) / 1000).toFixed(2)} s).`,
  );
}

// Run only when executed (tsx src/cli/sample.ts), not when a test imports parseSampleArgs.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
