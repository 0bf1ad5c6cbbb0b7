/**
 * `netwell analyze <inputs...> [--me NAME] [--need TEXT] [--seed N] [--resolution R] [--json]`: reads files, folders
 * and zips (io/node-inputs), imports them (io/import), merges people (core/people), resolves places,
 * industries and roles (core/enrich with io/gazetteer, when available), runs the analysis
 * (core/analysis) and prints a readable report or the stable JSON of issue 5 §6.
 * Exit 0 on success (import issues are listed, not fatal); 1 with a one-line stderr message when
 * nothing usable was read; 2 for a usage error.
 */
import { analyzeNetwork, getMeOwner, toAnalysisJson, type AnalysisJson } from '../core/analysis/analyze';
import { buildPeople, type PeopleIndex } from '../core/people';
import type { ImportIssue, Person } from '../core/types';
import { importFiles } from '../io/import';
import { readInputs } from '../io/node-inputs';
import { addNeedToJson, askForCli, formatNeedReport, NEED_USAGE } from './ask';
import type { CliIo } from './main';
import { toReadableReport } from './report';

export const ANALYZE_USAGE = `  analyze <inputs...>    files, folders or zips: a folder with Connections.csv is one export,
                         a folder of such folders is a team (one export per subfolder)
    --me NAME            the owner whose point of view answers use (default: the first export's owner)
    --seed N             seed of every random choice (default 1)
    --resolution R       cluster resolution: higher gives more, smaller clusters (default 1)
    --json               print one JSON object instead of the readable report
${NEED_USAGE}`;

export interface AnalyzeArgs {
  inputs: string[];
  me?: string;
  /** `--need "<text>"`: ask who to ask about this need (issue 6). */
  need?: string;
  seed: number;
  resolution: number;
  json: boolean;
  help: boolean;
}

/** Parses `analyze`'s arguments; throws a one-line usage error. */
export function parseAnalyzeArgs(args: string[]): AnalyzeArgs {
  const out: AnalyzeArgs = { inputs: [], seed: 1, resolution: 1, json: false, help: false };
  const value = (i: number, flag: string): string => {
    const v = args[i];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const take = () => inline ?? value(++i, flag);
    if (flag === '--json') out.json = true;
    else if (flag === '--help' || flag === '-h') out.help = true;
    else if (flag === '--me') out.me = take();
    else if (flag === '--need') out.need = take();
    else if (flag === '--seed') {
      const n = Number(take());
      if (!Number.isInteger(n)) throw new Error('--seed takes an integer');
      out.seed = n;
    } else if (flag === '--resolution') {
      const r = Number(take());
      if (!(r > 0)) throw new Error('--resolution takes a positive number');
      out.resolution = r;
    } else if (flag.startsWith('--')) throw new Error(`unknown option ${flag}`);
    else out.inputs.push(a);
  }
  return out;
}

type Enricher = (people: Person[]) => Promise<string | undefined>;

/**
 * Place / industry / role enrichment, when core/enrich and the gazetteer are present. Loaded by a
 * computed specifier so the CLI still runs (without enrichment, with an info issue) where they are not.
 */
async function loadEnricher(): Promise<Enricher> {
  const specifier = '../core/enrich/index';
  try {
    const mod = (await import(/* @vite-ignore */ specifier)) as {
      enrichPeople?: (people: Person[], gazetteer: unknown) => unknown;
    };
    const { loadGazetteer } = await import('../io/gazetteer');
    const enrich = mod.enrichPeople;
    if (!enrich)
      return () => Promise.resolve('core/enrich has no enrichPeople; places, industries and roles not resolved');
    return async (people) => {
      try {
        await enrich(people, await loadGazetteer());
        return undefined;
      } catch (error) {
        return `enrichment failed (${error instanceof Error ? error.message : String(error)}); places, industries and roles not resolved`;
      }
    };
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return () => Promise.resolve(`enrichment not available (${why}); places, industries and roles not resolved`);
  }
}

/** Runs `analyze` and returns the exit code. */
export async function runAnalyze(argv: string[], io: CliIo): Promise<number> {
  let args: AnalyzeArgs;
  try {
    args = parseAnalyzeArgs(argv);
  } catch (error) {
    io.stderr(`netwell analyze: ${error instanceof Error ? error.message : String(error)}. Try --help.\n`);
    return 2;
  }
  if (args.help) {
    io.stdout(`Usage: npm run --silent cli -- analyze <inputs...> [options]\n${ANALYZE_USAGE}\n`);
    return 0;
  }
  if (args.inputs.length === 0) {
    io.stderr('netwell analyze: no inputs. Give files, folders or zips, e.g. `analyze exports/alice`.\n');
    return 2;
  }

  // 1. Read and import.
  let imported;
  try {
    imported = await importFiles(await readInputs(args.inputs));
  } catch (error) {
    io.stderr(`netwell analyze: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const { dataset } = imported;
  const issues: Pick<ImportIssue, 'file' | 'line' | 'message'>[] = [...imported.issues];

  // 2. People.
  const index: PeopleIndex = imported.people ?? buildPeople(dataset);
  if (index.people.filter((p) => !p.ownerId).length === 0) {
    const first = imported.issues.find((i) => i.severity === 'error') ?? imported.issues[0];
    io.stderr(
      `netwell analyze: nothing usable was read from ${args.inputs.join(', ')}` +
        (first ? ` (${first.file}: ${first.message})` : ' (no Connections.csv, edge table or graph file found)') +
        '.\n',
    );
    return 1;
  }

  // 3. Owners and "me".
  const owners = dataset.owners.map((o) => ({ id: o.id, name: o.name }));
  if (args.me && !getMeOwner(owners, args.me)) {
    io.stderr(
      `netwell analyze: --me '${args.me}' names no owner; owners are: ${owners.map((o) => o.name).join(', ') || 'none'}.\n`,
    );
    return 2;
  }

  // 4. Enrichment (places, industries, roles), when available.
  const enrichNote = await (await loadEnricher())(index.people);
  if (enrichNote) issues.push({ file: '(analysis)', message: enrichNote });

  // 5. Analysis.
  const analysis = analyzeNetwork(index, dataset, { seed: args.seed, resolution: args.resolution });
  const json: AnalysisJson = toAnalysisJson(analysis, index, { owners, ...(args.me ? { me: args.me } : {}), issues });

  // 6. The need (issue 6): a `need` block in the JSON, three lists under the report.
  let output: object = json;
  let needReport = '';
  if (args.need !== undefined) {
    const { result, note } = await askForCli(analysis, args.need, json.me);
    if (note) json.issues.push({ file: '(ask)', message: note });
    output = addNeedToJson(json, result);
    const nameOf = (id: string) => (analysis.graph.hasNode(id) ? analysis.graph.getNodeAttribute(id, 'name') : id);
    needReport = formatNeedReport(result, nameOf);
  }

  // 7. Output.
  io.stdout(args.json ? `${JSON.stringify(output, null, 2)}\n` : toReadableReport(json, analysis) + needReport);
  return 0;
}
