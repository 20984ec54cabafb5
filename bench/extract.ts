/**
 * Extractor throughput against nodejieba's `cut` alone, same corpus, same run:
 *   npx tsx bench/extract.ts [rounds=20] [dir=seeds]
 * The corpus is every article of `dir`; each round runs both over all of it (interleaved, so
 * machine noise hits both alike). Prints MB/s of UTF-8 text for each and the ratio.
 * Goal (extractor issue): extractor ≥ 0.5 × cut.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nodejieba from 'nodejieba';
import { extractArticle } from '../src/extract/article.js';
import { decodeBytes } from '../src/extract/decode.js';

const rounds = Number(process.argv[2] ?? 20);
const dir = process.argv[3] ?? 'seeds';
const files = readdirSync(dir).filter((f) => !f.startsWith('.')).sort();
const articles = files.map((f) => readFileSync(join(dir, f)));
const texts = articles.map((b) => decodeBytes(b).text);
const megabytes = articles.reduce((n, b) => n + b.length, 0) / 1e6;

// Warm up both (dictionaries, JIT, gazetteer trie) before timing.
for (const b of articles) extractArticle(b);
for (const t of texts) nodejieba.cut(t);

let extractMs = 0;
let cutMs = 0;
let sink = 0;
for (let r = 0; r < rounds; r++) {
  let t0 = performance.now();
  for (const b of articles) sink += extractArticle(b).entities.length;
  extractMs += performance.now() - t0;
  t0 = performance.now();
  for (const t of texts) sink += nodejieba.cut(t).length;
  cutMs += performance.now() - t0;
}
const extractRate = (megabytes * rounds) / (extractMs / 1000);
const cutRate = (megabytes * rounds) / (cutMs / 1000);
console.log(`corpus: ${files.length} articles, ${megabytes.toFixed(3)} MB, ${rounds} rounds (checksum ${sink})`);
console.log(`extractor:     ${extractRate.toFixed(2)} MB/s`);
console.log(`nodejieba.cut: ${cutRate.toFixed(2)} MB/s`);
console.log(`ratio extractor/cut: ${(extractRate / cutRate).toFixed(2)} (goal ≥ 0.5)`);
