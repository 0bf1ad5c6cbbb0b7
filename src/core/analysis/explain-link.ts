/**
 * Why two people are linked, in words: turns an evidence-graph edge's kinds and evidence into the
 * lines the person panel shows ("12 messages, the last on 2024-11-02", "both at Harborline Tax
 * Partners", "similar: accounting, san diego (cosine 0.82)"). Pure; O(degree) per person.
 */
import type { LinkKind } from './evidence-graph';
import type { EvidenceGraphReader } from './link-graph';

export interface LinkExplanation {
  /** The other person's id. */
  id: string;
  name: string;
  kinds: LinkKind[];
  weight: number;
  /** One line per piece of evidence. */
  evidence: string[];
}

/** Options for {@link getLinkExplanations}. */
export interface ExplainOptions {
  /** Most links returned, strongest first. Default 200. */
  limit?: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Every link of `person`, strongest first (ties by id), each with its evidence in words. */
export function getLinkExplanations(
  graph: EvidenceGraphReader,
  person: string,
  options: ExplainOptions = {},
): LinkExplanation[] {
  if (!graph.hasNode(person)) return [];
  const out: LinkExplanation[] = [];
  graph.forEachEdge(person, (_edge, a, s, t) => {
    const other = s === person ? t : s;
    const ev = a.evidence;
    const lines: string[] = [];
    const kinds = (Object.keys(a.kinds) as LinkKind[]).sort();
    if (a.kinds.connection !== undefined) lines.push('a LinkedIn connection (Connections.csv)');
    if (ev.messages)
      lines.push(`${plural(ev.messages, 'message')}${ev.lastContact ? `, the last on ${ev.lastContact}` : ''}`);
    if (ev.invitations) lines.push(plural(ev.invitations, 'invitation'));
    if (ev.endorsements) lines.push(plural(ev.endorsements, 'endorsement'));
    if (ev.recommendations) lines.push(plural(ev.recommendations, 'recommendation'));
    if (ev.knowsRecords)
      lines.push(
        `knows each other: ${plural(ev.knowsRecords, 'record')} in an edge table or graph file${ev.knowsTypes?.length ? ` (${ev.knowsTypes.join(', ')})` : ''}`,
      );
    if (ev.sharedOwners && ev.sharedOwners > 1) lines.push(`in ${ev.sharedOwners} of your team's exports`);
    if (ev.company) lines.push(`colleagues: both at ${ev.company} (inferred from Company)`);
    if (ev.emailDomain) lines.push(`colleagues: same e-mail domain ${ev.emailDomain} (inferred)`);
    if (ev.similarity !== undefined)
      lines.push(
        `similar profiles${ev.terms?.length ? `: ${ev.terms.slice(0, 5).join(', ')}` : ''} (cosine ${ev.similarity.toFixed(2)}, inferred)`,
      );
    out.push({
      id: other,
      name: graph.getNodeAttribute(other, 'name'),
      kinds,
      weight: Math.round(a.weight * 1000) / 1000,
      evidence: lines,
    });
  });
  out.sort((x, y) => y.weight - x.weight || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return out.slice(0, options.limit ?? 200);
}
