/**
 * Synthetic networks with planted answers for the ask tests (made up here; no real person's data).
 * Every person gets a position, a company and a LinkedIn-style location (enrichment table rows), so the
 * ask's own place resolution and synonym matching are what is tested. Names are `<group><n> Test`.
 */
import { analyzeNetwork, type Analysis } from '../../../src/core/analysis/analyze';
import { buildPeople } from '../../../src/core/people';
import type { AttributeRecord, ConnectionRecord, Dataset, EdgeRecord, OwnerRecord } from '../../../src/core/types';
import { getEmptyDataset } from '../../../src/core/types';

export interface PlantedPerson {
  key: string;
  position: string;
  company: string;
  location: string;
  industry?: string;
  /** Owner slugs whose exports list the person; none: known only through edges. */
  owners: string[];
}

let line = 1;
const urlOf = (key: string) => `https://www.linkedin.com/in/${key}`;
export const idOf = (key: string) => `linkedin.com/in/${key}`;

function ownerRecord(slug: string, name: string): OwnerRecord {
  return { id: `owner:${slug}`, name, label: slug, ref: { file: `${slug}/Profile.csv`, line: 2 } };
}

/** A dataset from planted people: connections for those with owners, enrichment rows for everyone, and edges. */
export function toDataset(
  owners: [slug: string, name: string][],
  people: PlantedPerson[],
  edges: [a: string, b: string, weight?: number][] = [],
): Dataset {
  const d: Dataset = getEmptyDataset();
  for (const [slug, name] of owners) d.owners.push(ownerRecord(slug, name));
  for (const p of people) {
    const [first, ...rest] = p.key.split('-');
    for (const o of p.owners) {
      const c: ConnectionRecord = {
        owner: `owner:${o}`,
        firstName: first ?? p.key,
        lastName: rest.join(' ') || 'Test',
        url: urlOf(p.key),
        company: p.company,
        position: p.position,
        connectedOn: '2024-01-01',
        ref: { file: `${o}/Connections.csv`, line: ++line },
      };
      d.connections.push(c);
    }
    const attributes: Record<string, string> = { location: p.location, position: p.position, company: p.company };
    if (p.industry) attributes['industry'] = p.industry;
    const a: AttributeRecord = {
      person: { url: urlOf(p.key), name: `${first ?? p.key} ${rest.join(' ') || 'Test'}` },
      attributes,
      source: 'enrichment',
      ref: { file: 'locations.csv', line: ++line },
    };
    d.attributes.push(a);
  }
  for (const [a, b, weight] of edges) {
    const e: EdgeRecord = {
      source: { url: urlOf(a) },
      target: { url: urlOf(b) },
      ref: { file: 'known-links.csv', line: ++line },
    };
    if (weight !== undefined) e.weight = weight;
    d.edges.push(e);
  }
  return d;
}

/** Runs the analysis of a dataset (people merged, no enrichment: the ask resolves raw places itself). */
export function toAnalysis(d: Dataset): Analysis {
  return analyzeNetwork(buildPeople(d), d, { seed: 1 });
}

/** `n` planted people of a group, positions and places cycling through the given lists. */
export function group(
  prefix: string,
  n: number,
  positions: string[],
  locations: string[],
  owners: string[],
  company = (i: number) => `${prefix.toUpperCase()} Firm ${i % 3}`,
  industry?: string,
): PlantedPerson[] {
  return Array.from({ length: n }, (_x, i) => {
    const p: PlantedPerson = {
      key: `${prefix}${i}-test`,
      position: positions[i % positions.length] ?? '',
      company: company(i),
      location: locations[i % locations.length] ?? '',
      owners,
    };
    if (industry) p.industry = industry;
    return p;
  });
}
