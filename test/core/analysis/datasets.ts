/**
 * Synthetic datasets for the analysis tests (made up here; no real person's data).
 */
import type { ConnectionRecord, Dataset, OwnerRecord } from '../../../src/core/types';
import { getEmptyDataset } from '../../../src/core/types';

export function owner(id: string, name: string): OwnerRecord {
  return { id: `owner:${id}`, name, label: id, ref: { file: `${id}/Profile.csv`, line: 2 } };
}

let line = 1;
export function connection(
  ownerId: string,
  first: string,
  last: string,
  extra: Partial<ConnectionRecord> = {},
): ConnectionRecord {
  const slug = `${first}-${last}`.toLowerCase();
  return {
    owner: `owner:${ownerId}`,
    firstName: first,
    lastName: last,
    url: `https://www.linkedin.com/in/${slug}`,
    ref: { file: `${ownerId}/Connections.csv`, line: ++line },
    ...extra,
  };
}

export const urlOf = (first: string, last: string) => `linkedin.com/in/${first}-${last}`.toLowerCase();

/**
 * One owner (Ana) connected to two groups of five that know each other inside each group (edge table),
 * with one tie between a0 and b0: the bridge. Group a are biotech people in Boston, group b accountants
 * in San Diego.
 */
export function twoGroupsDataset(): Dataset {
  const d = getEmptyDataset();
  d.owners.push(owner('ana', 'Ana Ferreira'));
  for (const side of ['a', 'b'] as const)
    for (let i = 0; i < 5; i++)
      d.connections.push(
        connection('ana', side.toUpperCase() + 'person', `${side}${i}`, {
          company: side === 'a' ? `Bio${i} Inc.` : `Ledger${i} LLP`,
          position: side === 'a' ? 'Research Scientist' : 'Senior Accountant',
        }),
      );
  const ref = (s: string) => ({ url: `https://www.linkedin.com/in/${s}` });
  for (const side of ['a', 'b'])
    for (let i = 0; i < 5; i++)
      for (let j = i + 1; j < 5; j++)
        d.edges.push({
          source: ref(`${side}person-${side}${i}`),
          target: ref(`${side}person-${side}${j}`),
          ref: { file: 'edges.csv', line: d.edges.length + 2 },
        });
  d.edges.push({ source: ref('aperson-a0'), target: ref('bperson-b0'), ref: { file: 'edges.csv', line: 99 } });
  for (const side of ['a', 'b'])
    for (let i = 0; i < 5; i++)
      d.attributes.push({
        person: ref(`${side}person-${side}${i}`),
        attributes:
          side === 'a' ? { industry: 'Biotech', city: 'Boston' } : { industry: 'Accounting', city: 'San Diego' },
        source: 'enrichment',
        ref: { file: 'enrichment.csv', line: i + 2 },
      });
  return d;
}
