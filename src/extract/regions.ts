import { gazetteer, stripSuffix, type Gazetteer, type GazetteerRegion, type SurfaceForm } from './gazetteer.js';
import type { PlacedRegion } from './context.js';
import { loadData } from './data/load.js';
import { sentenceAt, type Sentence } from './sentences.js';
import { CodeUnitTrie } from './trie.js';
import type { Evidence, RegionEntity, RegionLevel } from '../model/index.js';
import { clauseWindow, loadWordDictionary, tagWords, wordBreaks } from './wordBoundaries.js';

/** One place in the text where a gazetteer name occurs, before disambiguation. */
export interface RegionMention {
  start: number;
  end: number;
  surface: string;
  candidates: SurfaceForm[];
  /** Written right before a body only a real place has (叶县人民法院, 沛县人民政府). */
  beforeOwnBody?: boolean;
}

/** Bodies only a real place has: a county's two-character name (叶县) or a city's short one (南宁) written before one names that place. */
const OWN_BODY_AFTER = /^(?:人民政府|人民法院|人民检察院|人大常委会|县委(?!员)|委(?![员会托屈婉实])|政府|海关(?!总署))/u;

interface NotPlaces {
  idioms: string[];
  commonWords: string[];
  notAfter: string[];
  joinedSuffixes: string[];
}
const NOT_PLACES = loadData<NotPlaces>('region-not-places');
/** Short form -> the idioms holding it and where it sits in each (白银 -> 真金白银 at 2). */
const IDIOMS_BY_PART = new Map<string, Array<{ idiom: string; at: number }>>();
const COMMON_WORDS = new Set(NOT_PLACES.commonWords);
/** A short form followed by one of these names a street, station or school, not the region (中山路, 新华社). */
const NOT_AFTER = [...NOT_PLACES.notAfter].sort((a, b) => b.length - a.length);

export interface MediaSuffix {
  suffix: string;
  notBefore?: string[];
  onlyBefore?: string[];
}
export const MEDIA = loadData<{ afterPlace: MediaSuffix[]; titleSuffixes: string[] }>('media-outlets');
interface ZoneSuffix {
  suffix: string;
  canonical: string;
  strong: boolean;
}
const ZONE_DATA = loadData<{ suffixes: ZoneSuffix[]; stemStopwords: string[]; stemTags: string[]; stemNotEnding: string[]; genericBefore: string[] }>('zone-suffixes');
const ZONE_SUFFIXES = [...ZONE_DATA.suffixes].sort((a, b) => b.suffix.length - a.suffix.length);

const MEDIA_AFTER_PLACE = [...MEDIA.afterPlace].sort((a, b) => b.suffix.length - a.suffix.length);

/**
 * Entries by the first UTF-16 unit of their text, each list in the entries' order: only those can
 * be written at a place, so a lookup tries a few, not the whole list at every mention.
 */
function byFirstUnit<T>(entries: readonly T[], textOf: (e: T) => string): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const e of entries) {
    const t = textOf(e);
    if (t === '') throw new Error('regions: an empty suffix in the data would be written everywhere');
    const list = out.get(t.charCodeAt(0));
    if (list) list.push(e);
    else out.set(t.charCodeAt(0), [e]);
  }
  return out;
}
const NO_ENTRIES: never[] = [];
const MEDIA_BY_FIRST = byFirstUnit(MEDIA_AFTER_PLACE, (m) => m.suffix);
const ZONE_SUFFIXES_BY_FIRST = byFirstUnit(ZONE_SUFFIXES, (z) => z.suffix);

/**
 * The length of an outlet's suffix written at `at` (日报, 新闻网, 发布》), 0 when none: a place
 * named before it names an outlet (河北日报记者, 来源：石家庄新闻网), which places nothing.
 */
export function mediaSuffixAt(text: string, at: number): number {
  for (const m of MEDIA_BY_FIRST.get(text.charCodeAt(at)) ?? NO_ENTRIES) {
    if (!text.startsWith(m.suffix, at)) continue;
    const after = at + m.suffix.length;
    if (m.notBefore?.some((w) => text.startsWith(w, after))) continue;
    if (m.onlyBefore && !m.onlyBefore.some((w) => text.startsWith(w, after))) continue;
    return m.suffix.length;
  }
  return 0;
}

/** Whether the short form at [start, end) sits inside an idiom or word that is no place (真金白银, 三明治). */
function insideIdiom(text: string, start: number, surface: string): boolean {
  return (IDIOMS_BY_PART.get(surface) ?? []).some(({ idiom, at }) => start - at >= 0 && text.startsWith(idiom, start - at));
}

function indexIdioms(g: Gazetteer): void {
  if (IDIOMS_BY_PART.size > 0) return;
  for (const idiom of NOT_PLACES.idioms) {
    for (let i = 0; i < idiom.length; i++) {
      for (let j = i + 2; j <= idiom.length; j++) {
        const part = idiom.slice(i, j);
        if (!g.forms.has(part)) continue;
        const list = IDIOMS_BY_PART.get(part) ?? [];
        list.push({ idiom, at: i });
        IDIOMS_BY_PART.set(part, list);
      }
    }
  }
}

const LEVEL_RANK: Record<RegionLevel, number> = { PROVINCE: 0, CITY: 1, ZONE: 2, DISTRICT: 2, COUNTY: 2 };
const MAX_EVIDENCE = 3;

let trie: CodeUnitTrie<SurfaceForm[]> | null = null;

function formsTrie(g: Gazetteer): CodeUnitTrie<SurfaceForm[]> {
  if (trie) return trie;
  trie = new CodeUnitTrie<SurfaceForm[]>();
  for (const [surface, forms] of g.forms) trie.add(surface, forms);
  return trie;
}

/** Every gazetteer name in the text, leftmost-longest, without overlaps, that can be a place there. */
export function scanRegionMentions(text: string, g: Gazetteer = gazetteer()): RegionMention[] {
  const names = formsTrie(g);
  indexIdioms(g);
  const raw: RegionMention[] = [];
  let i = 0;
  while (i < text.length) {
    const longest = names.longestAt(text, i);
    if (longest) {
      const best = { end: longest.end, forms: longest.value };
      raw.push({ start: i, end: best.end, surface: text.slice(i, best.end), candidates: best.forms, ...(OWN_BODY_AFTER.test(text.slice(best.end, best.end + 5)) ? { beforeOwnBody: true } : {}) });
      i = best.end;
    } else {
      i++;
    }
  }
  return raw.filter((m, k) => canBePlace(text, m, raw[k - 1], raw[k + 1]));
}

/**
 * A name names a place only where it is not an outlet's name (河北日报). A short form must also be
 * a word of its own, by jieba's segmentation of its clause (南通 in 指南通过, 三明 in 三明治 are
 * not), outside the idioms of region-not-places.json, and not the start of a street's or
 * school's name (中山路). Two names written together (吉林长春) are words of their own even when
 * jieba keeps them as one.
 */
function canBePlace(text: string, m: RegionMention, previous: RegionMention | undefined, next: RegionMention | undefined): boolean {
  if (mediaSuffixAt(text, m.end) > 0) return false;
  if (!m.candidates.every((f) => f.kind === 'SHORT')) return true;
  if (NOT_AFTER.some((w) => text.startsWith(w, m.end))) return false;
  if (insideIdiom(text, m.start, m.surface)) return false;
  if (!hanAt(text, m.start - 1) && !hanAt(text, m.end)) return true; // stands alone between punctuation
  // Names of three characters or more (石家庄, 张家口) hardly ever hide inside other words; the
  // two-character ones do (南通 in 指南通过), and only those are worth a segmentation.
  if (m.surface.length >= 3) return true;
  const { from, to } = clauseWindow(text, m.start, m.end);
  const breaks = wordBreaks(text, from, to);
  const startsWord = breaks.has(m.start) || previous?.end === m.start;
  const endsWord =
    breaks.has(m.end) ||
    next?.start === m.end ||
    zoneSuffixAt(text, m.end) !== undefined ||
    (NOT_PLACES.joinedSuffixes.includes(text[m.end] ?? '') && breaks.has(m.end + 1));
  return startsWord && endsWord;
}

/** Whether text[at] is a Chinese character (a module function: a closure per mention costs more than the test). */
function hanAt(text: string, at: number): boolean {
  return at >= 0 && at < text.length && HAN.test(text[at]!);
}

/**
 * Decides which region each mention names. The article's unambiguous places are the context:
 * 新华区 is the one in 石家庄市 when the article names 石家庄; a district's short form (藁城)
 * counts only when its city or province is named too; a bare ambiguous name with no such
 * context is dropped rather than guessed. A short form never vouches for itself: only full
 * names, provinces and a place written right before one of its own parts (石家庄藁城) do.
 */
export function resolveRegionMentions(mentions: RegionMention[], g: Gazetteer = gazetteer()): Array<RegionMention & { code: string }> {
  const anchors = new Map<string, number>();
  const anchor = (code: string) => {
    for (const r of [g.byCode.get(code)!, ...g.ancestors(code)]) anchors.set(r.code, (anchors.get(r.code) ?? 0) + 1);
  };
  const isAncestor = (ancestor: string, code: string) => g.ancestors(code).some((a) => a.code === ancestor);
  for (const [k, m] of mentions.entries()) {
    const [only] = m.candidates;
    if (m.candidates.length === 1 && only && (only.kind === 'FULL' || g.byCode.get(only.code)!.level === 'PROVINCE') && !ordinaryStem(g.byCode.get(only.code)!)) anchor(only.code);
    // 石家庄藁城, 杭州余杭区, 吉林长春: a place written right before one of its parts names both.
    const next = mentions[k + 1];
    if (next?.start !== m.end) continue;
    for (const outer of m.candidates) {
      const inner = next.candidates.find((f) => isAncestor(outer.code, f.code));
      if (inner) anchor(inner.code);
    }
  }

  // Once the anchors are final (below), each region's support is read once, not per mention and form.
  let finalSupport: Map<string, number> | null = null;
  const support = (r: GazetteerRegion) => {
    const known = finalSupport?.get(r.code);
    if (known !== undefined) return known;
    const n = g.ancestors(r.code).reduce((sum, a) => sum + (anchors.get(a.code) ?? 0), 0);
    finalSupport?.set(r.code, n);
    return n;
  };
  const surfaceCount = new Map<string, number>();
  for (const m of mentions) surfaceCount.set(m.surface, (surfaceCount.get(m.surface) ?? 0) + 1);

  // Short forms are ordinary words too often (白银, 通道, 光明) to take on sight:
  // a district's, county's or zone's needs its own parent named in the article; a city's needs
  // its province or its own fuller name, or to recur when it is not an ordinary word too
  // (region-not-places.json); a province's is taken as written.
  // A name of three characters or more that is no ordinary word (石家庄, 张家口) is evidence enough.
  const cityTrusted = (region: GazetteerRegion, surface: string) =>
    support(region) > 0 ||
    (anchors.get(region.code) ?? 0) > 0 ||
    (!COMMON_WORDS.has(surface) && ((surfaceCount.get(surface) ?? 0) >= 2 || surface.length >= 3));
  // A trusted city short form then vouches for its own districts (石家庄 … 藁城).
  for (const m of mentions) {
    const [only] = m.candidates;
    if (m.candidates.length !== 1 || !only || only.kind !== 'SHORT') continue;
    const region = g.byCode.get(only.code)!;
    if (region.level === 'CITY' && cityTrusted(region, m.surface)) anchors.set(region.code, (anchors.get(region.code) ?? 0) + 1);
  }
  finalSupport = new Map();
  const trusted = (form: SurfaceForm, region: GazetteerRegion, surface: string, beforeOwnBody = false) => {
    if (form.kind === 'FULL' && ordinaryStem(region)) return support(region) > 0;
    // 叶县人民法院: a county's own two-character full name, before its own court or government.
    // 南宁海关, 满洲里海关: a city's short form, or a county-level city's of three characters, likewise.
    if (beforeOwnBody && (region.level === 'CITY' || (region.level === 'COUNTY' && (surface === region.name || surface.length >= 3)))) return true;
    if (form.kind === 'FULL' || region.level === 'PROVINCE') return true;
    if (region.level === 'CITY') return cityTrusted(region, surface);
    if (region.parentCode === null) return false;
    // 廊坊开发区 names its city in itself.
    const parentName = g.byCode.get(region.parentCode)!.name;
    return (anchors.get(region.parentCode) ?? 0) > 0 || (region.level === 'ZONE' && surface.startsWith(stripSuffix(parentName)));
  };

  const resolved: Array<RegionMention & { code: string }> = [];
  for (const [k, m] of mentions.entries()) {
    // 洱源县西山: a short name right after a place it is not part of names a spot in that place.
    const previous = mentions[k - 1];
    const followsStranger =
      previous?.end === m.start &&
      m.candidates.every((f) => f.kind === 'SHORT' && LEVEL_RANK[g.byCode.get(f.code)!.level] === 2 && !previous.candidates.some((p) => isAncestor(p.code, f.code)));
    if (followsStranger) continue;
    // One object per trusted form, built in one loop (spreading each into a new one costs more than the rest).
    const options: Array<{ region: GazetteerRegion; rank: number; support: number }> = [];
    for (const form of m.candidates) {
      const region = g.byCode.get(form.code)!;
      if (trusted(form, region, m.surface, m.beforeOwnBody)) options.push({ region, rank: LEVEL_RANK[region.level], support: support(region) });
    }
    // Higher levels first (河北 is the province before it is 天津's 河北区), then context.
    options.sort((a, b) => a.rank - b.rank || b.support - a.support);
    const [best, second] = options;
    if (!best) continue;
    if (second && second.rank === best.rank && second.support === best.support) continue; // no context decides: drop
    // Written out, not spread: spreading mentions of two shapes (with and without beforeOwnBody) is slow.
    const r: RegionMention & { code: string } = { start: m.start, end: m.end, surface: m.surface, candidates: m.candidates, code: best.region.code };
    if (m.beforeOwnBody !== undefined) r.beforeOwnBody = m.beforeOwnBody;
    resolved.push(r);
  }
  return resolved;
}

/** A county's or district's full name whose stem is an ordinary word (会同县: 会同 is "together with"). */
function ordinaryStem(region: GazetteerRegion): boolean {
  return (region.level === 'COUNTY' || region.level === 'DISTRICT') && COMMON_WORDS.has(stripSuffix(region.name));
}

export function regionId(code: string): string {
  return `region:${code}`;
}

interface ListedZone {
  name: string;
  /** Full gazetteer name of the region the zone belongs to. */
  parent: string;
  aliases: string[];
}

interface ZoneMention {
  start: number;
  end: number;
  surface: string;
  id: string;
  name: string;
  parentCode: string;
}

const zoneId = (parentCode: string, name: string) => `region:zone:${parentCode}:${name}`;

let listedZones: Map<string, { name: string; parentCode: string }> | null = null;

/** Surface form -> the listed zone it names (zones.json), with its parent's code. */
export function listedZoneForms(g: Gazetteer = gazetteer()): ReadonlyMap<string, { name: string; parentCode: string }> {
  if (listedZones) return listedZones;
  const out = new Map<string, { name: string; parentCode: string }>();
  for (const z of loadData<{ zones: ListedZone[] }>('zones').zones) {
    const parents = (g.forms.get(z.parent) ?? []).filter((f) => f.kind === 'FULL');
    if (parents.length !== 1) throw new Error(`zones.json: parent ${z.parent} of ${z.name} is not one gazetteer region`);
    for (const surface of [z.name, ...z.aliases]) out.set(surface, { name: z.name, parentCode: parents[0]!.code });
  }
  listedZones = out;
  return out;
}

let listedByEnding: Map<string, string[]> | null = null;

/** Listed zones (两江新区, 河北雄安新区), leftmost-longest: public names that need no context. */
function listedZoneMentions(text: string, g: Gazetteer): ZoneMention[] {
  const forms = listedZoneForms(g);
  // Found by their last two characters (新区, 园区, 片区 …): a few indexOf scans of the text, not
  // a lookup at every character.
  if (!listedByEnding) {
    listedByEnding = new Map();
    for (const surface of forms.keys()) {
      const ending = surface.slice(-2);
      listedByEnding.set(ending, [...(listedByEnding.get(ending) ?? []), surface]);
    }
  }
  const found: ZoneMention[] = [];
  for (const [ending, surfaces] of listedByEnding) {
    for (let at = text.indexOf(ending); at >= 0; at = text.indexOf(ending, at + 1)) {
      const end = at + ending.length;
      for (const surface of surfaces) {
        const start = end - surface.length;
        if (start < 0 || !text.startsWith(surface, start)) continue;
        const zone = forms.get(surface)!;
        found.push({ start, end, surface, id: zoneId(zone.parentCode, zone.name), name: zone.name, parentCode: zone.parentCode });
      }
    }
  }
  found.sort((x, y) => x.start - y.start || y.end - x.end);
  // Sorted by start, a mention inside an earlier one starts before the furthest end so far
  // (comparing each with all earlier ones is quadratic).
  let reach = -1;
  return found.filter((z) => {
    const inside = z.start < reach;
    reach = Math.max(reach, z.end);
    return !inside;
  });
}

const STEM_STOPWORDS = new Set(ZONE_DATA.stemStopwords);
const STEM_TAGS = new Set(ZONE_DATA.stemTags);
const HAN = /^[\u4e00-\u9fff]+$/u;

/** The zone suffix written at `at`, longest first (经济技术开发区 before 开发区). */
function zoneSuffixAt(text: string, at: number): ZoneSuffix | undefined {
  return (ZONE_SUFFIXES_BY_FIRST.get(text.charCodeAt(at)) ?? NO_ENTRIES).find((z) => text.startsWith(z.suffix, at));
}

/** A zone's own name between a place and a suffix (双沟 in 泗洪县双沟经济开发区): nouns, not 推进 or 全市. */
function isZoneStem(stem: string): boolean {
  if (!HAN.test(stem) || STEM_STOPWORDS.has(stem)) return false;
  return tagWords(stem).every((w) => STEM_TAGS.has(w.tag) && !STEM_STOPWORDS.has(w.word));
}

/**
 * Development zones the gazetteer lacks: a place name, a stem of up to four characters and a zone
 * suffix (石家庄经开区 -> 石家庄经济技术开发区 under 石家庄市; 泗洪县双沟经济开发区 -> 双沟经济开发区
 * under 泗洪县); the zones listed in zones.json wherever they are named; and a stem with one of
 * the suffixes that always name a zone (经济开发区, 高新区 …) with no place before it, placed
 * under the nearest region named before it. One id per canonical name and parent.
 */
function zoneMentions(
  text: string,
  resolved: Array<RegionMention & { code: string }>,
  listed: ZoneMention[],
  g: Gazetteer,
): { zones: ZoneMention[]; gazetteerZones: Array<RegionMention & { code: string }> } {
  const listedForms = listedZoneForms(g);
  const out: ZoneMention[] = [...listed];
  // Characters inside a zone or region already read, marked once: overlap tests against every
  // mention for each candidate are quadratic on a long article.
  const zoneCover = new Uint8Array(text.length);
  const gazetteerZoneCover = new Uint8Array(text.length);
  const resolvedCover = new Uint8Array(text.length);
  const resolvedEnds = new Set(resolved.map((m) => m.end));
  const covers = (cover: Uint8Array, start: number, end: number) => cover.subarray(Math.max(0, start), Math.max(0, end)).includes(1);
  const mark = (cover: Uint8Array, start: number, end: number) => cover.fill(1, Math.max(0, start), Math.max(0, end));
  for (const z of listed) mark(zoneCover, z.start, z.end);
  for (const m of resolved) mark(resolvedCover, m.start, m.end);
  const taken = (start: number, end: number) => covers(zoneCover, start, end);
  const gazetteerZones: Array<RegionMention & { code: string }> = [];
  const push = (start: number, end: number, name: string, parentCode: string) => {
    if (taken(start, end) || covers(gazetteerZoneCover, start, end)) return;
    // 扬州市经开区: a gazetteer zone written another way; the scan's trie does not know this form.
    const gazetteerForm = g.forms.get(name)?.find((f) => f.kind === 'FULL' && g.byCode.get(f.code)!.level === 'ZONE');
    if (gazetteerForm) {
      gazetteerZones.push({ start, end, surface: text.slice(start, end), candidates: [gazetteerForm], code: gazetteerForm.code });
      mark(gazetteerZoneCover, start, end);
      return;
    }
    const known = listedForms.get(name);
    const at = known ?? { name, parentCode };
    out.push({ start, end, surface: text.slice(start, end), id: zoneId(at.parentCode, at.name), name: at.name, parentCode: at.parentCode });
    mark(zoneCover, start, end);
  };

  for (const m of resolved) {
    const region = g.byCode.get(m.code)!;
    // Municipalities (天津市) name zones as cities do: 天津经济技术开发区.
    if ((region.level === 'PROVINCE' && !region.name.endsWith('市')) || region.level === 'ZONE') continue;
    for (let stemLength = 0; stemLength <= 4; stemLength++) {
      const suffix = zoneSuffixAt(text, m.end + stemLength);
      if (!suffix) continue;
      const stem = text.slice(m.end, m.end + stemLength);
      if (stemLength > 0 && !isZoneStem(stem)) break;
      // 洛阳市产业园区, 洛阳市开发区: the city's parks in general; 洛阳开发区 names one.
      if (stemLength === 0 && !suffix.strong && m.surface === region.name) break;
      // As written: 石家庄高新区 keeps 石家庄; 泗洪县双沟经济开发区 is named 双沟经济开发区.
      const place = m.surface !== region.name ? m.surface : stemLength === 0 ? stripSuffix(region.name) : '';
      push(m.start, m.end + stemLength + suffix.suffix.length, place + stem + suffix.canonical, region.code);
      break;
    }
  }

  // Strong suffixes with no place right before them: a stem of their own (马庄经济开发区), else
  // the zone of that kind the article is about (高新区 in an article on 石家庄高新区).
  const bare: Array<{ start: number; end: number; canonical: string }> = [];
  for (const z of ZONE_SUFFIXES) {
    if (!z.strong) continue;
    for (let at = text.indexOf(z.suffix); at >= 0; at = text.indexOf(z.suffix, at + z.suffix.length)) {
      const end = at + z.suffix.length;
      if (zoneSuffixAt(text, at) !== z || taken(at, end) || covers(resolvedCover, at, end)) continue;
      // 扬州市经开区: the place right before the suffix was read by the rule above.
      if (resolvedEnds.has(at) || covers(gazetteerZoneCover, at, end)) continue;
      const before = wordsBeforeSuffix(text, at);
      if ('generic' in before) continue;
      if ('bare' in before) {
        bare.push({ start: at, end, canonical: z.canonical });
        continue;
      }
      const start = at - before.stem.length;
      const parent = [...resolved].reverse().find((m) => m.end <= start) ?? resolved.find((m) => m.start >= end);
      if (!parent) continue; // no place in the article to put it in
      const region = g.byCode.get(parent.code)!;
      push(start, end, before.stem + z.canonical, region.level === 'ZONE' && region.parentCode ? region.parentCode : region.code);
    }
  }

  // The zones named so far, of each kind (the canonical suffix a name ends with), kept sorted by
  // start, then by list (out, resolved, gazetteerZones) and place in it: the nearest one of a kind
  // is found by binary search, where filtering and sorting every zone per bare suffix is quadratic.
  type Named = { start: number; group: number; index: number; zone: ZoneMention | null; code: string | null };
  const before = (x: Named, y: Named) => x.start - y.start || x.group - y.group || x.index - y.index;
  const kinds = new Map<string, Named[]>([...new Set(bare.map((b) => b.canonical))].map((c) => [c, []]));
  const addNamed = (name: string, entry: Named) => {
    for (const [canonical, list] of kinds) {
      if (!name.endsWith(canonical)) continue;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(list[mid]!, entry) < 0) lo = mid + 1;
        else hi = mid;
      }
      list.splice(lo, 0, entry);
    }
  };
  const zoneName = (code: string) => {
    const region = g.byCode.get(code)!;
    return region.level === 'ZONE' ? region.name : null;
  };
  out.forEach((z, index) => addNamed(z.name, { start: z.start, group: 0, index, zone: z, code: null }));
  resolved.forEach((m, index) => {
    const name = zoneName(m.code);
    if (name) addNamed(name, { start: m.start, group: 1, index, zone: null, code: m.code });
  });
  gazetteerZones.forEach((m, index) => {
    const name = zoneName(m.code);
    if (name) addNamed(name, { start: m.start, group: 2, index, zone: null, code: m.code });
  });
  const cityZone = cityZoneFinder(resolved, g);

  for (const b of bare) {
    const list = kinds.get(b.canonical)!;
    // A zone read at this very place (from an earlier bare suffix) does not name it.
    const usable = (n: Named) => !(n.group === 0 && n.start === b.start);
    // The nearest named before the suffix (first listed among those at one place), else the first named.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start < b.start) lo = mid + 1;
      else hi = mid;
    }
    let nearest: Named | undefined;
    if (lo > 0) {
      let k = lo - 1;
      while (k > 0 && list[k - 1]!.start === list[lo - 1]!.start) k--;
      nearest = list[k];
    } else {
      nearest = list.find(usable);
    }
    const surface = text.slice(b.start, b.end);
    if (nearest?.zone) {
      out.push({ ...nearest.zone, start: b.start, end: b.end, surface });
      addNamed(nearest.zone.name, { start: b.start, group: 0, index: out.length - 1, zone: out.at(-1)!, code: null });
      continue;
    }
    // None named: the gazetteer's one zone of that kind in the city the article is about.
    const code = nearest?.code ?? cityZone(b, b.canonical);
    if (code) {
      gazetteerZones.push({ start: b.start, end: b.end, surface, candidates: [{ code, kind: 'SHORT' }], code });
      const name = zoneName(code);
      if (name) addNamed(name, { start: b.start, group: 2, index: gazetteerZones.length - 1, zone: null, code });
    }
  }
  return { zones: out, gazetteerZones };
}

const ZONES_BY_PARENT = new WeakMap<Gazetteer, Map<string, GazetteerRegion[]>>();

/** The gazetteer's zones by parent code, in gazetteer order: read once, not the whole gazetteer per city and article. */
function zonesByParent(g: Gazetteer): Map<string, GazetteerRegion[]> {
  let index = ZONES_BY_PARENT.get(g);
  if (!index) {
    index = new Map();
    for (const r of g.byCode.values()) {
      if (r.level !== 'ZONE' || r.parentCode === null) continue;
      const list = index.get(r.parentCode);
      if (list) list.push(r);
      else index.set(r.parentCode, [r]);
    }
    ZONES_BY_PARENT.set(g, index);
  }
  return index;
}

/**
 * The gazetteer's only zone of a kind in the city named nearest before `b` (else after it).
 * Resolved mentions are sorted by start, so the city is found by binary search, and each
 * city's zones of a kind are read from the gazetteer once.
 */
function cityZoneFinder(resolved: Array<RegionMention & { code: string }>, g: Gazetteer): (b: { start: number }, canonical: string) => string | null {
  const cityOf = (m: RegionMention & { code: string }) => [g.byCode.get(m.code)!, ...g.ancestors(m.code)].find((r) => r.level === 'CITY');
  const inCity = resolved.flatMap((m) => {
    const city = cityOf(m);
    return city ? [{ start: m.start, city }] : [];
  });
  const zones = new Map<string, string | null>();
  return (b, canonical) => {
    let lo = 0;
    let hi = inCity.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (inCity[mid]!.start < b.start) lo = mid + 1;
      else hi = mid;
    }
    const city = (lo > 0 ? inCity[lo - 1] : inCity[0])?.city;
    if (!city) return null;
    const key = `${city.code}|${canonical}`;
    if (!zones.has(key)) {
      const ofKind = (zonesByParent(g).get(city.code) ?? NO_ENTRIES).filter((r) => r.name.endsWith(canonical));
      zones.set(key, ofKind.length === 1 ? ofKind[0]!.code : null);
    }
    return zones.get(key)!;
  };
}

const STEM_NOT_ENDING = ZONE_DATA.stemNotEnding;
const GENERIC_BEFORE = new Set(ZONE_DATA.genericBefore);

/**
 * What stands right before a zone suffix with no place before it: a stem of its own (jieba's last
 * one or two nouns, 马庄), a word that makes the suffix generic (全市, 国家级), or nothing that names
 * a zone (在高新区, 规划局经济技术开发区分局: bare, the zone the article is about).
 */
function wordsBeforeSuffix(text: string, at: number): { stem: string } | { generic: true } | { bare: true } {
  const { from } = clauseWindow(text, at, at, 6);
  // Nothing, or no Chinese character, right before: no stem to tag (jieba's tag is slow).
  if (from === at || !HAN.test(text[at - 1]!)) return { bare: true };
  const words = tagWords(text.slice(from, at));
  if (GENERIC_BEFORE.has(words.at(-1)?.word ?? '')) return { generic: true };
  const stemOf = (maxWords: number, maxLength: number, tags: ReadonlySet<string>) => {
    let stem = '';
    let named = false;
    for (let k = words.length - 1; k >= 0 && k >= words.length - maxWords; k--) {
      const w = words[k]!;
      if (!tags.has(w.tag) || STEM_STOPWORDS.has(w.word) || !HAN.test(w.word) || stem.length + w.word.length > maxLength) break;
      if (STEM_NOT_ENDING.some((e) => w.word.endsWith(e))) break;
      stem = w.word + stem;
      named ||= NAME_TAGS.has(w.tag);
    }
    return { stem, named };
  };
  let { stem } = stemOf(2, 4, STEM_TAGS);
  // 查干湖旅游经济开发区: a longer stem, or one with a trade word (旅游), only when it holds a name word.
  const longer = stemOf(3, 6, LONG_STEM_TAGS);
  if (longer.named && longer.stem.length > stem.length) stem = longer.stem;
  return stem.length >= 2 ? { stem } : { bare: true };
}

/** Words that name a place or a thing of its own (jieba: places, proper nouns, unknown words). */
const NAME_TAGS = new Set(['ns', 'nz', 'nr', 'nrt', 'x', 'j']);
const LONG_STEM_TAGS = new Set([...ZONE_DATA.stemTags, 'vn']);

export interface RegionFindings {
  entities: RegionEntity[];
  /** Every resolved mention with its lineage, for the other extractors' place context. */
  placed: PlacedRegion[];
}

/** Regions named in the text, with their surface forms, evidence and lineage up to the province. */
export function findRegions(text: string, sentences: readonly Sentence[], g: Gazetteer = gazetteer()): RegionFindings {
  loadWordDictionary(); // regions come first in extraction: the dictionary loads with the first article
  const byId = new Map<string, RegionEntity>();
  const placed: PlacedRegion[] = [];
  // The region itself, then its ancestors up to the province.
  const lineageFrom = (code: string) =>
    [g.byCode.get(code)!, ...g.ancestors(code)].map((a) => ({
      id: regionId(a.code),
      name: a.name,
      level: a.level,
      code: a.code,
      parentId: a.parentCode ? regionId(a.parentCode) : null,
    }));
  const note = (id: string, make: () => RegionEntity, surface: string, start: number, end: number) => {
    let entity = byId.get(id);
    if (!entity) byId.set(id, (entity = make()));
    if (!entity.aliases.includes(surface)) entity.aliases.push(surface);
    if (entity.evidence.length < MAX_EVIDENCE) entity.evidence.push(evidenceFor(text, sentences, start, end));
    placed.push({
      start,
      end,
      id,
      name: entity.name,
      level: entity.attributes.level,
      lineage: [{ id, name: entity.name, level: entity.attributes.level }, ...entity.attributes.lineage.map(({ id: aid, name, level }) => ({ id: aid, name, level }))],
    });
  };

  const listed = listedZoneMentions(text, g);
  // 广州南沙新区: the listed zone, not 南沙区, is what 南沙 names there; 广州 (湖南 in 湖南湘江新区)
  // still names the zone's own parent or one of its ancestors.
  const containsZone = (m: RegionMention & { code: string }, z: ZoneMention) =>
    m.code === z.parentCode || g.ancestors(z.parentCode).some((a) => a.code === m.code);
  // Listed zones are sorted and do not overlap: the ones a mention overlaps are found by binary search.
  const overlapsListed = (m: RegionMention & { code: string }) => {
    let lo = 0;
    let hi = listed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (listed[mid]!.end > m.start) hi = mid;
      else lo = mid + 1;
    }
    for (let k = lo; k < listed.length && listed[k]!.start < m.end; k++) if (!containsZone(m, listed[k]!)) return true;
    return false;
  };
  const resolved = resolveRegionMentions(scanRegionMentions(text, g), g).filter((m) => !overlapsListed(m));
  const { zones, gazetteerZones } = zoneMentions(text, resolved, listed, g);
  renameAbbreviatedZones(zones);
  const listedForms = listedZoneForms(g);
  for (const m of [...resolved, ...gazetteerZones]) {
    const r = g.byCode.get(m.code)!;
    // 兰州新区 is in the gazetteer too: the listed zone's official name (甘肃兰州新区) is the one entity.
    const listed = r.level === 'ZONE' ? listedForms.get(r.name) : undefined;
    if (listed) {
      zones.push({ start: m.start, end: m.end, surface: m.surface, id: zoneId(listed.parentCode, listed.name), name: listed.name, parentCode: listed.parentCode });
      continue;
    }
    const [, ...ancestors] = lineageFrom(r.code);
    note(
      regionId(r.code),
      () => ({
        id: regionId(r.code),
        type: 'Region',
        name: r.name,
        attributes: { level: r.level, code: r.code, parent: ancestors[0]?.name ?? null, parentId: ancestors[0]?.id ?? null, lineage: ancestors },
        aliases: [],
        evidence: [],
      }),
      m.surface,
      m.start,
      m.end,
    );
  }
  for (const z of zones) {
    const ancestors = lineageFrom(z.parentCode);
    note(
      z.id,
      () => ({
        id: z.id,
        type: 'Region',
        name: z.name,
        attributes: { level: 'ZONE', code: null, parent: ancestors[0]!.name, parentId: ancestors[0]!.id, lineage: ancestors },
        aliases: [],
        evidence: [],
      }),
      z.surface,
      z.start,
      z.end,
    );
  }
  for (const e of byId.values()) e.aliases = e.aliases.filter((a) => a !== e.name);
  return { entities: [...byId.values()], placed: placed.sort((a, b) => a.start - b.start) };
}

const ABBREVIATION_ALTERNATIVES = Object.entries(
  loadData<{ abbreviationAlternatives: Record<string, { canonical: string; alternatives: string[] }> }>('zone-suffixes').abbreviationAlternatives,
);

/**
 * 桦甸经济开发区 … 桦甸经开区: an abbreviation names the zone the article writes in full with the
 * same stem and another kind, not a second zone of the abbreviation's canonical kind.
 */
function renameAbbreviatedZones(zones: ZoneMention[]): void {
  const abbreviated = (z: ZoneMention) => ABBREVIATION_ALTERNATIVES.find(([abbreviation, { canonical }]) => z.surface.endsWith(abbreviation) && z.name.endsWith(canonical));
  const writtenInFull = new Map<string, ZoneMention>();
  for (const z of zones) if (!abbreviated(z)) writtenInFull.set(z.name, z);
  for (const z of zones) {
    const found = abbreviated(z);
    if (!found || writtenInFull.has(z.name)) continue;
    const [, { canonical, alternatives }] = found;
    const stem = z.name.slice(0, -canonical.length);
    const full = alternatives.map((a) => writtenInFull.get(stem + a)).find((f) => f !== undefined && f.parentCode === z.parentCode);
    if (full) {
      z.name = full.name;
      z.id = full.id;
    }
  }
}

/** The Region entities of a text (see findRegions). */
export function extractRegions(text: string, sentences: readonly Sentence[], g: Gazetteer = gazetteer()): RegionEntity[] {
  return findRegions(text, sentences, g).entities;
}

export function evidenceFor(text: string, sentences: readonly Sentence[], start: number, end: number): Evidence {
  const s = sentenceAt(sentences, start);
  return { sentence: s ? text.slice(s.start, s.end) : text.slice(start, end), start, end };
}
