/**
 * The readable report of `netwell analyze` (without --json): owners, clusters with names, sizes and
 * terms, the top super-connectors with their reasons, and the import issues. Plain text, 100 columns.
 */
import type { Analysis, AnalysisJson } from '../core/analysis/analyze';

/** Options for {@link toReadableReport}. */
export interface ReportOptions {
  /** Clusters listed. Default 20. */
  clusters?: number;
  /** Super-connectors listed. Default 15. */
  superConnectors?: number;
  /** Issues listed. Default 20. */
  issues?: number;
}

export const REPORT_DEFAULTS = { clusters: 20, superConnectors: 15, issues: 20 };

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The report as text, ending with a newline. */
export function toReadableReport(json: AnalysisJson, analysis: Analysis, options: ReportOptions = {}): string {
  const o = { ...REPORT_DEFAULTS, ...options };
  const lines: string[] = [];
  const me = json.owners.find((x) => x.id === json.me);
  const people = json.people.filter((p) => p.degree > 0);
  lines.push(
    `Netwell analysis: ${plural(people.length, 'person', 'people')}, ${plural(json.owners.length, 'owner')}` +
      (me ? ` (me: ${me.name})` : '') +
      `, ${plural(analysis.graph.size, 'link')}`,
  );
  lines.push(
    `Degree 1: ${people.filter((p) => p.degree === 1).length.toLocaleString('en-US')}, ` +
      `degree 2: ${people.filter((p) => p.degree === 2).length.toLocaleString('en-US')}. ` +
      `Modularity ${json.modularity.toFixed(3)}; bridging ${analysis.bridging.exact ? 'exact' : `sampled (${analysis.bridging.sources} pivots)`}.`,
  );

  lines.push('', `Clusters (${json.clusters.length})`);
  for (const c of json.clusters.slice(0, o.clusters)) {
    const terms = c.terms.length ? ` — ${c.terms.join(', ')}` : '';
    lines.push(`  ${c.label.padEnd(40)} ${String(c.size).padStart(6)}${terms}`);
  }
  if (json.clusters.length > o.clusters) lines.push(`  … and ${json.clusters.length - o.clusters} more`);

  lines.push('', 'Super-connectors');
  json.superConnectors.slice(0, o.superConnectors).forEach((s, i) => {
    lines.push(`  ${String(i + 1).padStart(2)}. ${s.name} (${s.score.toFixed(3)})`);
    for (const why of s.why) lines.push(`      - ${why}`);
  });

  if (json.issues.length > 0) {
    lines.push('', `Issues (${json.issues.length})`);
    for (const i of json.issues.slice(0, o.issues))
      lines.push(`  ${i.file}${i.line ? `:${i.line}` : ''}: ${i.message}`);
    if (json.issues.length > o.issues) lines.push(`  … and ${json.issues.length - o.issues} more (see --json)`);
  }
  return `${lines.join('\n')}\n`;
}
