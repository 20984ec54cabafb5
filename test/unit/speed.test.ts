// The extractor's shortcuts (anchored pattern scans, conversion of traditional characters only
// where there are some) must give exactly what the plain way gives.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js/t2cn';
import * as Traditional from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { NATIONAL, NATIONAL_FIRST, NATIONAL_STICKY } from '../../src/extract/agencies.js';
import { anchoredMatches, anchoredPattern, firstUnits, matchesFromUnits, maxMatchLength } from '../../src/extract/anchoredScan.js';
import { decodeBytes } from '../../src/extract/decode.js';
import { fullwidthPauses, normalizeArticle } from '../../src/extract/normalize.js';
import { OUTCOME_PATTERNS } from '../../src/extract/outcomes.js';
import { toSimplified } from '../../src/extract/simplified.js';

/** Every fixture article (seeds and dev set), normalised as the extractor reads it. */
const articles = ['seeds', 'test/fixtures/dev'].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => decodeBytes(readFileSync(join(dir, f))).text),
);

// Our own sentences, in the wordings the anchored patterns read.
const SENTENCES = [
  '不动产登记由原来的5个工作日压缩至1个工作日，压缩率达80%。',
  '施工许可办理时间从45天缩短到了12天以内，企业开办3小时内即可办结。',
  '一般项目当天即可全部办结，重大项目2个工作日内“一次办好”。',
  '审批要件由二十项精简为八项，审批环节大约3个减少到1个，办理材料十五份减至六份。',
  '全年受理7×24小时咨询，15秒内接通率保持在九成以上，群众诉求3日内办结。',
  '以前要跑五六趟，现在最多跑一次，1天就能办好；个把月减少到一周。',
];

const plainMatches = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => [m.index, m[0]]);
const anchored = (re: RegExp, text: string, anchor: Parameters<typeof anchoredMatches>[2]) =>
  [...anchoredMatches(re, text, anchor)].map((m) => [m.index, m[0]]);

describe('maxMatchLength', () => {
  it.each([
    ['abc', 3],
    ['a{0,8}', 8],
    ['(?:ab|c)?d', 3],
    ['\\d{1,12}(?:\\.\\d{1,4})?', 17],
    ['(?<n>a|bc)(?=xyz)(?<!q)', 2],
    ['[一二三]{2}', 2],
    ['[^，]', 2], // a negated class may match an astral character
    ['a+', Infinity],
    ['x*y', Infinity],
    ['(a)\\1', Infinity],
    ['a{3,}', Infinity],
  ])('%s can match at most %d units', (source, length) => {
    expect(maxMatchLength(source)).toBe(length);
  });
});

describe('anchoredMatches', () => {
  it('finds what matchAll finds, with the lead tried only before each anchor', () => {
    const { re, anchor } = anchoredPattern('(?<n>\\d{1,3})', '(?:天|日)(?:内)?办结');
    const text = '12天办结，3日内办结，45天审批，7日办结。';
    expect(anchor?.reach).toBe(3);
    expect(anchored(re, text, anchor)).toEqual(plainMatches(re, text));
    expect(anchored(re, text, anchor).map(([, w]) => w)).toEqual(['12天办结', '3日内办结', '7日办结']);
  });

  it('scans everywhere when the lead is unbounded', () => {
    const { re, anchor } = anchoredPattern('\\d+', '天');
    expect(anchor).toBeNull();
    expect(anchored(re, '3天和45天', anchor)).toEqual([[0, '3天'], [3, '45天']]);
  });

  const rows = OUTCOME_PATTERNS.filter((p) => p.anchor);
  it('is used by the outcome patterns that open with a quantity', () => {
    expect(rows.map((p) => p.name)).toEqual(expect.arrayContaining(['pairedChange', 'withinModal', 'within']));
  });

  it.each(OUTCOME_PATTERNS.filter((p) => !p.anchor).map((p) => [p.name, p] as const))('scans with %s as matchAll does', (_name, pattern) => {
    for (const text of [...SENTENCES, ...articles.map((a) => normalizeArticle(a).text)]) {
      expect(anchored(pattern.re, text, null)).toEqual(plainMatches(pattern.re, text));
    }
  });

  it('steps over empty matches as matchAll does, by code point', () => {
    const re = /(?=办)|𠀀?/gu;
    const text = '一𠀀办结，办';
    expect(anchored(re, text, null)).toEqual(plainMatches(re, text));
  });

  it.each(rows.map((p) => [p.name, p] as const))('gives the matches of %s that a full scan gives', (_name, pattern) => {
    for (const text of [...SENTENCES, ...articles.map((a) => normalizeArticle(a).text)]) {
      expect(anchored(pattern.re, text, pattern.anchor!)).toEqual(plainMatches(pattern.re, text));
    }
  });
});

describe('normalizeArticle rewrites found by their first character', () => {
  it.each([
    ['a pinyin gloss after Chinese', '行政审批局在砀（dàng）山县设窗口。', '行政审批局在砀山县设窗口。'],
    ['glosses after Chinese, not a parenthesis after Latin letters', '平台App（测试）上线(v2)后可办。', '平台App（测试）上线后可办。'],
    ['ASCII pauses after Chinese', '企业开办,一天办结;群众满意!', '企业开办，一天办结；群众满意！'],
    ['an ASCII pause before a digit stays', '办结时限为3,5个工作日', '办结时限为3,5个工作日'],
    ['straight quotes around a name', '推行"一网通办"改革。', '推行“一网通办”改革。'],
    ['spaces between Chinese and digits', '比2022 年压缩 一半,  用时  3天', '比2022年压缩一半，用时3天'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeArticle(input).text).toBe(expected);
  });
});

describe('toSimplified', () => {
  const openccAll = OpenCC.Converter({ from: 'hk', to: 'cn' });
  const toHongKong = Traditional.Converter({ from: 'cn', to: 'hk' });
  const toTaiwan = Traditional.Converter({ from: 'cn', to: 'twp' });

  it.each([
    ['simplified text, returned as it is', '市行政审批局推行“一网通办”，审批时限压缩至3个工作日。'],
    ['Hong Kong characters', '區政府推出「一站式」審批服務，辦理時間由10日縮短至3日。'],
    ['a simplified word that is traditional in a phrase', '相关批复已于当日下发，答复时限为五个工作日。'],
    ['variants that convert and convert back', '台州市税务局为个体户办理退税，温州市同步推行。'],
    ['mixed scripts across clauses', '营商环境持续优化；營商環境持續優化。'],
  ])('%s: as OpenCC converts all of it', (_name, text) => {
    expect(toSimplified(text)).toBe(openccAll(text));
  });

  it('gives back the very same string when nothing needs converting', () => {
    const text = '开发区推行“拿地即开工”，项目审批时间缩短一半。';
    expect(toSimplified(text)).toBe(text);
  });

  it('converts every fixture article, and its Hong Kong and Taiwan spellings, as OpenCC does', () => {
    for (const text of articles) {
      for (const variant of [text, toHongKong(text), toTaiwan(text)]) expect(toSimplified(variant)).toBe(openccAll(variant));
    }
  });
});

describe('matchesFromUnits', () => {
  const fromUnits = (re: RegExp, text: string, first: Uint8Array | null) =>
    matchesFromUnits(re, new RegExp(re.source, 'uy'), text, first).map((m) => [m.index, m[0]]);

  it.each([
    ['(?<![省市])(?:财政部|商务部)|国家[\\u4e00-\\u9fff]{1,4}?局', ['财政部', '商务部'], ['国家[\\u4e00-\\u9fff]{1,4}?局'], '省财政部门、财政部和商务部，国家数据局、市商务部'],
    ['甲乙|乙丙', ['甲乙', '乙丙'], [], '甲乙丙，乙丙甲乙'],
  ])('%s: the matches matchAll finds', (source, literals, patterns, text) => {
    const re = new RegExp(source, 'gu');
    const first = firstUnits(literals, patterns);
    expect(first).not.toBeNull();
    expect(fromUnits(re, text, first)).toEqual(plainMatches(re, text));
  });

  it.each([
    ['a pattern that may begin with a class', [], ['[甲乙]丙']],
    ['a pattern alternated at its top level', [], ['国家局|部']],
    ['a pattern whose first character is optional', [], ['国?家局']],
    ['a literal that is not Chinese', ['ab'], []],
  ])('gives no table for %s (the caller scans everywhere)', (_, literals, patterns) => {
    expect(firstUnits(literals, patterns)).toBeNull();
  });

  it('reads the national bodies of every fixture article as matchAll does', () => {
    expect(NATIONAL_FIRST).not.toBeNull();
    for (const text of articles) {
      const plain = [...text.matchAll(NATIONAL)].map((m) => [m.index, m[0]]);
      expect(matchesFromUnits(NATIONAL, NATIONAL_STICKY, text, NATIONAL_FIRST).map((m) => [m.index, m[0]])).toEqual(plain);
    }
  });
});

describe('fullwidthPauses', () => {
  // The regex replace it stands for: an ASCII pause after Chinese text or a closing quote, not before a digit.
  const byRegex = (p: string) =>
    p.replace(/([,;:?!])(?<=[\u3400-\u9fff\uf900-\ufaff”’][,;:?!])(?!\d)/gu, (c) => ({ ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' })[c] ?? c);

  it.each([
    ['窗口受理后,当场出件;群众说:方便!', '窗口受理后，当场出件；群众说：方便！'],
    ['投资额达1,200万元,较上年增长3.5%', '投资额达1,200万元，较上年增长3.5%'],
    ['时限压缩到5天,审批提速', '时限压缩到5天，审批提速'],
    ['“一窗通办”,企业点赞', '“一窗通办”，企业点赞'],
    ['园区,,企业', '园区，,企业'],
    ['效率提升,2023年起', '效率提升,2023年起'],
    [',开头的逗号', ',开头的逗号'],
  ])('%s -> %s', (input, expected) => {
    expect(fullwidthPauses(input)).toBe(expected);
    expect(fullwidthPauses(input)).toBe(byRegex(input));
  });

  it('rewrites every fixture paragraph as the regex replace does', () => {
    for (const text of articles) for (const p of text.split('\n')) expect(fullwidthPauses(p)).toBe(byRegex(p));
  });
});
