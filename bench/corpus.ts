/**
 * A realistic corpus of any size, deterministic for a given seed:
 *   npx tsx bench/corpus.ts N OUT_DIR [--seed 1]
 * Each article recombines real sentences of the seed articles, with the places they name moved
 * to one other district or county of the gazetteer (its city and province follow, and with them
 * every agency named after them) and their numbers changed, so that extraction and ingest see the
 * language of real articles at any scale, with entities spread the way a national corpus spreads
 * them.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes } from '../src/extract/decode.js';
import { gazetteer, type GazetteerRegion } from '../src/extract/gazetteer.js';
import { normalizeArticle } from '../src/extract/normalize.js';
import { scanRegionMentions } from '../src/extract/regions.js';
import { splitSentences } from '../src/extract/sentences.js';

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedSentences(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir).filter((f) => !f.startsWith('.')).sort()) {
    const { text } = normalizeArticle(decodeBytes(readFileSync(join(dir, f))).text);
    for (const s of splitSentences(text)) {
      const sentence = text.slice(s.start, s.end).trim();
      if (sentence.length >= 12 && /[\u4e00-\u9fff]{6}/u.test(sentence)) out.push(sentence);
    }
  }
  return out;
}

/** Numbers scaled by 0.5–1.5, keeping their decimals: 64项 → 71项, 174.4天 → 120.9天. */
function newNumbers(sentence: string, rnd: () => number): string {
  return sentence.replace(/\d+(?:\.\d+)?/gu, (n) => {
    if (/^(19|20)\d\d$/u.test(n) || n === '12345') return n; // years and the hotline stay
    const decimals = n.includes('.') ? n.split('.')[1]!.length : 0;
    const value = Math.max(decimals ? 0.1 : 1, Number(n) * (0.5 + rnd()));
    return value.toFixed(decimals);
  });
}

export function* generateCorpus(count: number, seed = 1, seedsDir = 'seeds'): Generator<{ name: string; content: string }> {
  const g = gazetteer();
  const sentences = seedSentences(seedsDir);
  const places = [...g.byCode.values()].filter((r) => r.level === 'DISTRICT' || r.level === 'COUNTY');
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  for (let i = 0; i < count; i++) {
    const district = pick(places);
    const city = district.parentCode ? g.byCode.get(district.parentCode)! : district;
    const province = g.byCode.get(district.provinceCode)!;
    const byLevel: Record<GazetteerRegion['level'], string> = {
      PROVINCE: province.name,
      CITY: city.name,
      DISTRICT: district.name,
      COUNTY: district.name,
      ZONE: `${city.name.replace(/市$/u, '')}经济技术开发区`,
    };
    const body: string[] = [];
    const n = 8 + Math.floor(rnd() * 18);
    for (let k = 0; k < n; k++) {
      let sentence = pick(sentences);
      // Replace from the end so earlier offsets stay valid.
      for (const m of scanRegionMentions(sentence).reverse()) {
        const level = g.byCode.get(m.candidates[0]!.code)!.level;
        sentence = sentence.slice(0, m.start) + byLevel[level] + sentence.slice(m.end);
      }
      body.push(newNumbers(/[。！？；”]$/u.test(sentence) ? sentence : `${sentence}。`, rnd));
    }
    const paragraphs: string[] = [];
    for (let k = 0; k < body.length; k += 3) paragraphs.push(body.slice(k, k + 3).join(''));
    const date = `20${20 + Math.floor(rnd() * 6)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    const name = `corpus-${seed}-${String(i).padStart(6, '0')}.txt`;
    const content = [
      '---',
      `title: "${district.name}：优化营商环境 第${i + 1}篇"`,
      `date: ${date}`,
      `url: https://corpus.invalid/${seed}/${i}`,
      '---',
      ...paragraphs,
      '',
    ].join('\n');
    yield { name, content };
  }
}

/** `count` generated articles written into `dir` (made if missing); returns `dir`. */
export function writeCorpus(dir: string, count: number, seed = 1): string {
  mkdirSync(dir, { recursive: true });
  for (const { name, content } of generateCorpus(count, seed)) writeFileSync(join(dir, name), content);
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [countArg, out] = process.argv.slice(2);
  const seedAt = process.argv.indexOf('--seed');
  const seed = seedAt > 0 ? Number(process.argv[seedAt + 1]) : 1;
  const count = Number(countArg);
  if (!Number.isInteger(count) || count < 1 || !out) {
    console.error('usage: npx tsx bench/corpus.ts N OUT_DIR [--seed S]');
    process.exit(2);
  }
  writeCorpus(out, count, seed);
  const bytes = readdirSync(out).reduce((n, f) => n + statSync(join(out, f)).size, 0);
  console.log(`wrote ${count} articles (${(bytes / 1e6).toFixed(1)} MB) to ${out}`);
}
