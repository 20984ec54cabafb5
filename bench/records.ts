// Cost of checking graph rows (src/graph/records.ts): µs per row over 10,000 rows, flat and nested
// as the headline query reads them. `npx tsx bench/records.ts`
import { parseNode, parseNodeWithWalks } from '../src/graph/records.js';

const article = { label: 'Article', id: 'article:1', title: '标题', date: '2024-03-01', source: 'a.md', url: 'https://example.org/1', contentHash: 'abc', extractorVersion: '0.3.0', encoding: 'utf-8' };
const region = (i: number) => ({ label: 'Region', id: `region:${i}`, name: `地区${i}`, aliases: ['别名'], level: 'CITY', code: String(i) });
const agency = (i: number) => ({ label: 'Agency', id: `agency:${i}`, name: `机构${i}`, aliases: [], type: 'Agency', kind: 'DEPARTMENT', region: '石家庄市', regionId: 'region:1301' });
const outcome = (i: number) => ({
  label: 'Outcome', id: `outcome:${i}`, indicator: 'APPROVAL_TIME', status: 'ACHIEVED', subject: '审批时间',
  beforeText: '20个工作日', beforeValue: 20, beforeUnit: '工作日', afterText: '5个工作日', afterValue: 5, afterUnit: '工作日',
  changeText: '15个工作日', changeValue: -15, changeUnit: '工作日', changePercent: -75, direction: 'DECREASE',
  articles: ['article:1'], sentences: ['审批时间由20个工作日压缩至5个工作日。'], evidenceArticles: [article],
});
const program = (i: number) => ({ label: 'Program', id: `program:${i}`, name: `项目${i}`, aliases: [], type: 'Program', kind: 'REFORM', categories: ['approval'], region: '石家庄市' });
const support = { articles: ['article:1'], sentences: ['…'] };
/** A program as the headline reads it: two regions, an agency, three outcomes each with its region. */
const headline = (i: number) => ({
  ...program(i),
  walked: {
    w0: [region(1), region(2)].map((r) => ({ ...r, support })),
    w1: [{ ...agency(i), support }],
    w2: [1, 2, 3].map((k) => ({ ...outcome(i * 10 + k), support, walked: { w0: [{ ...region(k), support: {} }] } })),
  },
});

const N = 10_000;
function time(name: string, rows: unknown[], parse: (r: unknown) => unknown, report: boolean): void {
  for (const r of rows.slice(0, 2000)) parse(r); // warm up
  const runs = 5;
  const start = process.hrtime.bigint();
  for (let k = 0; k < runs; k++) for (const r of rows) parse(r);
  const us = Number(process.hrtime.bigint() - start) / 1000 / (runs * rows.length);
  if (report) console.log(`${name.padEnd(38)} ${us.toFixed(2)} µs/row`);
}

const cases: Array<[string, unknown[], (r: unknown) => unknown]> = [
  ['region', Array.from({ length: N }, (_, i) => region(i)), parseNode],
  ['outcome (with its evidence article)', Array.from({ length: N }, (_, i) => outcome(i)), parseNode],
  ['mixed region/agency/program/outcome', Array.from({ length: N }, (_, i) => [region, agency, program, outcome][i % 4]!(i)), parseNode],
  ['headline program (10 nodes nested)', Array.from({ length: N }, (_, i) => headline(i)), parseNodeWithWalks],
];
// Two rounds: the first lets V8 settle on the shapes of every case, the second is reported.
for (const round of [1, 2]) for (const [name, rows, parse] of cases) time(name, rows, parse, round === 2);
