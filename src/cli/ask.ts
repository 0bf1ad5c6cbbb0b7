/**
 * `analyze … --need "<text>" [--me NAME]`: the ask feature in the CLI (issue 6). Loads the vocabulary
 * (bundled synonyms and industries, the gazetteer through io/gazetteer), asks the analysed network,
 * and adds the `need` block to the analysis JSON or prints the three lists (targets, where they are,
 * who to ask) under the readable report. The analyze command calls these functions; nothing here
 * reads files itself.
 */
import type { Analysis } from '../core/analysis/analyze';
import { askNetwork, type AskOptions, type AskResult } from '../core/ask/ask';
import { getBundledVocabulary } from '../core/ask/bundled-vocabulary';
import type { ParsedNeed } from '../core/ask/parse-need';
import type { AskVocabulary } from '../core/ask/vocabulary';
import { loadGazetteer } from '../io/gazetteer';

/** The `--need` line of `analyze --help`. */
export const NEED_USAGE = `    --need "TEXT"        who should I ask? e.g. --need "an accountant in Southern California":
                         adds targets, their clusters and ranked introducers (JSON: "need")`;

/** The `need` block of the analysis JSON (issue 6 § CLI). */
export interface NeedJson {
  text: string;
  parsed: ParsedNeed;
  targets: { id: string; name: string; score: number; why: string[] }[];
  clusters: { id: string; label: string; count: number }[];
  introducers: {
    id: string;
    name: string;
    score: number;
    why: string[];
    reaches: string[];
    paths: string[][];
    kind: string;
  }[];
  /** Targets found in all (the list may be cut). */
  total: number;
  /** Set when nothing matched: "no one in Lisbon". */
  message?: string;
  suggestions?: { text: string; count: number }[];
}

/** The vocabulary with the gazetteer when it loads; without it (with a note) when it does not. */
export async function loadAskVocabulary(): Promise<{ vocab: AskVocabulary; note?: string }> {
  try {
    return { vocab: getBundledVocabulary(await loadGazetteer()) };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { vocab: getBundledVocabulary(), note: `places in --need matched as plain text (${why})` };
  }
}

/** Asks the analysed network; `me` is an owner id (the analysis JSON's `me`), null for none. */
export async function askForCli(
  analysis: Analysis,
  need: string,
  me: string | null,
  options: AskOptions = {},
): Promise<{ result: AskResult; note?: string }> {
  const { vocab, note } = await loadAskVocabulary();
  const result = askNetwork({ ...analysis, vocab, ...(me ? { me } : {}) }, need, options);
  return note ? { result, note } : { result };
}

/** The JSON block of an answer, keys in a fixed order. */
export function toNeedJson(result: AskResult): NeedJson {
  const out: NeedJson = {
    text: result.text,
    parsed: result.parsed,
    targets: result.targets.map((t) => ({ id: t.id, name: t.name, score: t.score, why: [...t.why] })),
    clusters: result.clusters.map((c) => ({ id: c.id, label: c.label, count: c.count })),
    introducers: result.introducers.map((x) => ({
      id: x.id,
      name: x.name,
      score: x.score,
      why: [...x.why],
      reaches: [...x.reaches],
      paths: x.paths.map((p) => [...p]),
      kind: x.kind,
    })),
    total: result.total,
  };
  if (result.message !== undefined) out.message = result.message;
  if (result.suggestions) out.suggestions = result.suggestions.map((s) => ({ text: s.text, count: s.count }));
  return out;
}

/** The analysis JSON with the `need` block added (a new object; the input is not modified). */
export function addNeedToJson<T extends object>(json: T, result: AskResult): T & { need: NeedJson } {
  return { ...json, need: toNeedJson(result) };
}

/** Options for {@link formatNeedReport}. */
export interface NeedReportOptions {
  /** Targets listed. Default 15. */
  targets?: number;
  /** Clusters listed. Default 5. */
  clusters?: number;
  /** Introducers listed. Default 10. */
  introducers?: number;
}

/** Defaults of {@link NeedReportOptions}. */
export const NEED_REPORT_DEFAULTS = { targets: 15, clusters: 5, introducers: 10 };

/** The readable answer: targets, where they are, who to ask. `nameOf` turns ids into names for paths. */
export function formatNeedReport(
  result: AskResult,
  nameOf: (id: string) => string,
  options: NeedReportOptions = {},
): string {
  const o = { ...NEED_REPORT_DEFAULTS, ...options };
  const lines: string[] = ['', `Need: "${result.text}" — ${result.label}`];
  if (result.total === 0) {
    lines.push(`  ${result.message ?? 'no one matches'}`);
    for (const s of result.suggestions ?? []) lines.push(`  - try: ${s.text}`);
    return `${lines.join('\n')}\n`;
  }

  lines.push('', `Targets (${result.total}${result.total > o.targets ? `, top ${o.targets}` : ''})`);
  result.targets.slice(0, o.targets).forEach((t, i) => {
    lines.push(`  ${String(i + 1).padStart(2)}. ${t.name} (${t.score.toFixed(2)})`);
    lines.push(`      ${t.why.join('; ')}`);
  });

  lines.push('', 'Where they are');
  for (const c of result.clusters.slice(0, o.clusters)) lines.push(`  ${c.count} of ${result.total} in ${c.label}`);

  const me = result.me ? nameOf(result.me) : undefined;
  const direct = result.introducers.filter((x) => x.kind === 'direct');
  const others = result.introducers.filter((x) => x.kind !== 'direct');
  lines.push('', `Who to ask${me ? ` (me: ${me})` : ''}`);
  if (direct.length) lines.push(`  Ask directly (targets you know): ${direct.map((x) => x.name).join(', ')}`);
  others.slice(0, o.introducers).forEach((x, i) => {
    lines.push(`  ${String(i + 1).padStart(2)}. ${x.name} (${x.kind}, ${x.score.toFixed(2)})`);
    for (const why of x.why) lines.push(`      - ${why}`);
    const path = x.paths[0];
    if (path) lines.push(`      path: ${path.map(nameOf).join(' → ')}`);
  });
  if (!others.length) lines.push('  no one beyond your own connections reaches the targets');
  return `${lines.join('\n')}\n`;
}
