// Not a test: measures importFiles on a synthetic 30,000-row Connections.csv plus a 100 MB
// messages.csv (multi-line HTML content). Run: npx tsx test/io/bench-import.ts
import { importFiles } from '../../src/io/import';

const enc = (s: string) => new TextEncoder().encode(s);
const conns = ['Notes:', '"x"', '', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
for (let i = 0; i < 30_000; i++)
  conns.push(
    `P${i},Q${i},https://www.linkedin.com/in/p-${i},,Co ${i % 500},Role ${i % 30},0${1 + (i % 9)} Jan 20${10 + (i % 15)}`,
  );
const head =
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,IS MESSAGE DRAFT\n';
const body = '"<p>' + 'lorem ipsum, dolor ""sit"" amet\n'.repeat(30) + '</p>"';
const me = 'Me Owner,https://www.linkedin.com/in/me';
const parts: string[] = [head];
let size = head.length;
let n = 0;
while (size < 100 * 1024 * 1024) {
  const other = `P${n % 3000} Q${n % 3000},https://www.linkedin.com/in/p-${n % 3000}`;
  const row = `c${n >> 4},,${n % 2 ? other : me},${n % 2 ? me : other},2024-12-23 19:29:01 UTC,,${body},INBOX,No\n`;
  parts.push(row);
  size += row.length;
  n++;
}
const files = [
  { path: 'me/Connections.csv', bytes: enc(conns.join('\n')) },
  { path: 'me/messages.csv', bytes: enc(parts.join('')) },
];
parts.length = 0;
const rss0 = process.memoryUsage().rss;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let reports = 0;
const r = await importFiles(files, { onProgress: () => reports++ });
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
console.log(`messages.csv: ${(files[1]?.bytes.length ?? 0) / 1048576} MB, ${n} messages; Connections.csv: 30,000 rows`);
console.log(
  `wall ${Math.round(wall)} ms, cpu ${Math.round((cpu.user + cpu.system) / 1000)} ms, rss +${Math.round((process.memoryUsage().rss - rss0) / 1048576)} MB, ${reports} progress reports`,
);
console.log(r.summary.map((s) => `${s.file}: ${s.rows} read, ${s.skipped} skipped`).join('; '));
