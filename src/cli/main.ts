/**
 * Netwell's headless command: `npm run --silent cli -- <command> [options]`. Dispatches to one module
 * per command; each returns an exit code and writes through the given streams, so tests can run the
 * CLI in-process. Commands: analyze.
 */
import { pathToFileURL } from 'node:url';
import { ANALYZE_USAGE, runAnalyze } from './analyze';

/** Where a command writes: stdout for results, stderr for progress and one-line errors. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const USAGE = `netwell — a local-first map of your LinkedIn network

Usage: npm run --silent cli -- <command> [options]

Commands:
${ANALYZE_USAGE}
  --help                 this text
`;

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'analyze') return runAnalyze(rest, io);
  io.stderr(`netwell: unknown command '${command}'. Try: npm run --silent cli -- --help\n`);
  return 2;
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  const io: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`netwell: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
