// Scores inferIndustry and inferRole on a labelled table of [company, position, industry, family]
// rows: accuracy of each and a readable list of the misses (printed by the tests that use it).
import { inferIndustry, inferRole } from '../../../src/core/enrich';

export interface TradeScore {
  industryAccuracy: number;
  familyAccuracy: number;
  /** Accuracies and every miss, for the test log. */
  report: string;
}

export function scoreTrades(rows: readonly (readonly [string, string, string, string])[]): TradeScore {
  const industryMisses: string[] = [];
  const familyMisses: string[] = [];
  for (const [company, position, industry, family] of rows) {
    const gotIndustry = inferIndustry(company, position)?.value ?? '';
    const gotFamily = inferRole(position)?.value.family ?? '';
    if (gotIndustry !== industry)
      industryMisses.push(`${company} / ${position}: ${gotIndustry || '-'} (want ${industry || '-'})`);
    if (gotFamily !== family) familyMisses.push(`${position}: ${gotFamily || '-'} (want ${family || '-'})`);
  }
  const industryAccuracy = 1 - industryMisses.length / rows.length;
  const familyAccuracy = 1 - familyMisses.length / rows.length;
  const report =
    `industry ${(industryAccuracy * 100).toFixed(1)}%, role family ${(familyAccuracy * 100).toFixed(1)}% of ${rows.length}\n` +
    `  industry misses:\n    ${industryMisses.join('\n    ')}\n  family misses:\n    ${familyMisses.join('\n    ')}`;
  return { industryAccuracy, familyAccuracy, report };
}
