/**
 * Dates as LinkedIn and spreadsheets write them, to ISO `YYYY-MM-DD`:
 * `30 May 2024`, `5-Jan-26`, `06-May-22`, `16.09.2021` (day first), `1/8/18, 6:14 PM` and
 * `8/26/22` (US month first, as LinkedIn writes them; day first only when the first number is
 * above 12), `2024-12-23 19:29:01 UTC`, `2024/02/24 14:03:38 UTC`, `Tue Aug 30 14:33:11 UTC 2022`,
 * `May 30, 2024`. Two-digit years are 20yy below 70, else 19yy. Impossible dates (`31/31/2020`)
 * give undefined. Cost: O(length).
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

function month(text: string): number | undefined {
  const i = MONTHS.indexOf(text.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]);
  return i >= 0 ? i + 1 : undefined;
}

function year(text: string): number {
  const y = Number(text);
  if (text.length <= 2) return y < 70 ? 2000 + y : 1900 + y;
  return y;
}

function iso(y: number, m: number | undefined, d: number): string | undefined {
  if (!m || m < 1 || m > 12 || d < 1 || y < 1900 || y > 2999) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Parse a date in any of the forms above to `YYYY-MM-DD`; undefined when not understood. */
export function parseDate(text: string | undefined): string | undefined {
  const s = text?.trim();
  if (!s) return undefined;
  let m: RegExpMatchArray | null;
  // 2024-12-23, 2024/02/24 14:03:38 UTC, 2024-12-23T10:00:00Z
  if ((m = s.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[\sT])/)))
    return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  // 30 May 2024, 5-Jan-26, 06-May-22, 30 May 2024 10:00
  if ((m = s.match(/^(\d{1,2})[\s\-/.]+([A-Za-z]{3,9})\.?[\s\-/.,]+(\d{2}|\d{4})(?:$|[\s,T])/)))
    return iso(year(m[3] ?? ''), month(m[2] ?? ''), Number(m[1]));
  // May 30, 2024 / Tue Aug 30 14:33:11 UTC 2022
  if (
    (m = s.match(/^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(?:[\d:]+\s+(?:[A-Z]{2,5}\s+)?)?(\d{4})$/))
  )
    return iso(Number(m[3]), month(m[1] ?? ''), Number(m[2]));
  // 16.09.2021 (day first, European re-saves)
  if ((m = s.match(/^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:$|\s)/)))
    return iso(year(m[3] ?? ''), Number(m[2]), Number(m[1]));
  // 1/8/18, 6:14 PM (US month first; day first only when the first number cannot be a month)
  if ((m = s.match(/^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})(?:$|[\s,])/))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = year(m[3] ?? '');
    return a > 12 ? iso(y, b, a) : iso(y, a, b);
  }
  return undefined;
}
