import { gazetteer, stripSuffix, type Gazetteer, type GazetteerRegion, type SurfaceForm } from './gazetteer.js';
import type { PlacedRegion } from './context.js';
import { sentenceAt, type Sentence } from './sentences.js';
import type { Evidence, RegionEntity, RegionLevel } from './types.js';

/** One place in the text where a gazetteer name occurs, before disambiguation. */
export interface RegionMention {
  start: number;
  end: number;
  surface: string;
  candidates: SurfaceForm[];
}

/** A short form followed by one of these names a street, station or outlet, not the region (中山路, 新华社). */
const NOT_A_REGION_AFTER = /^(路|街|大街|大道|道|巷|社|网|报|村|镇|乡|站|桥|号|机场|公园|广场|大厦|小区|医院|大学|中学|小学)/u;

const LEVEL_RANK: Record<RegionLevel, number> = { PROVINCE: 0, CITY: 1, ZONE: 2, DISTRICT: 2, COUNTY: 2 };
const MAX_EVIDENCE = 3;

interface TrieNode {
  next: Map<string, TrieNode>;
  forms?: SurfaceForm[];
}

let trie: TrieNode | null = null;

function formsTrie(g: Gazetteer): TrieNode {
  if (trie) return trie;
  const root: TrieNode = { next: new Map() };
  for (const [surface, forms] of g.forms) {
    let node = root;
    for (const ch of surface) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map() }));
      node = child;
    }
    node.forms = forms;
  }
  trie = root;
  return root;
}

/** Every gazetteer name in the text, leftmost-longest, without overlaps. */
export function scanRegionMentions(text: string, g: Gazetteer = gazetteer()): RegionMention[] {
  const root = formsTrie(g);
  const out: RegionMention[] = [];
  let i = 0;
  while (i < text.length) {
    let node = root.next.get(text[i]!);
    let best: { end: number; forms: SurfaceForm[] } | null = null;
    let j = i + 1;
    while (node) {
      if (node.forms) best = { end: j, forms: node.forms };
      if (j >= text.length) break;
      node = node.next.get(text[j]!);
      j++;
    }
    if (best) {
      const surface = text.slice(i, best.end);
      const candidates = best.forms.every((f) => f.kind === 'SHORT') && NOT_A_REGION_AFTER.test(text.slice(best.end, best.end + 2))
        ? []
        : best.forms;
      if (candidates.length > 0) out.push({ start: i, end: best.end, surface, candidates });
      i = best.end;
    } else {
      i++;
    }
  }
  return out;
}

/**
 * Decides which region each mention names. The article's unambiguous places are the context:
 * 新华区 is the one in 石家庄市 when the article names 石家庄; a district's short form (藁城)
 * counts only when its city or province is named too; a bare ambiguous name with no such
 * context is dropped rather than guessed.
 */
export function resolveRegionMentions(mentions: RegionMention[], g: Gazetteer = gazetteer()): Array<RegionMention & { code: string }> {
  const anchors = new Map<string, number>();
  const anchor = (code: string) => {
    for (const r of [g.byCode.get(code)!, ...g.ancestors(code)]) anchors.set(r.code, (anchors.get(r.code) ?? 0) + 1);
  };
  for (const m of mentions) {
    const [only] = m.candidates;
    if (m.candidates.length !== 1 || !only) continue;
    const level = g.byCode.get(only.code)!.level;
    if (only.kind === 'FULL' || level === 'PROVINCE' || level === 'CITY') anchor(only.code);
  }

  const support = (r: GazetteerRegion) => g.ancestors(r.code).reduce((n, a) => n + (anchors.get(a.code) ?? 0), 0);
  const surfaceCount = new Map<string, number>();
  for (const m of mentions) surfaceCount.set(m.surface, (surfaceCount.get(m.surface) ?? 0) + 1);

  // Short forms are ordinary words too often (白银, 通道, 光明) to take on sight:
  // a district's, county's or zone's needs its own parent named in the article; a city's needs
  // its province named, or to recur; a province's is taken as written.
  const trusted = (form: SurfaceForm, region: GazetteerRegion, surface: string) => {
    if (form.kind === 'FULL' || region.level === 'PROVINCE') return true;
    if (region.level === 'CITY') return support(region) > 0 || (surfaceCount.get(surface) ?? 0) >= 2;
    if (region.parentCode === null) return false;
    // 廊坊开发区 names its city in itself.
    const parentName = g.byCode.get(region.parentCode)!.name;
    return (anchors.get(region.parentCode) ?? 0) > 0 || (region.level === 'ZONE' && surface.startsWith(stripSuffix(parentName)));
  };

  const resolved: Array<RegionMention & { code: string }> = [];
  for (const m of mentions) {
    const options = m.candidates
      .map((form) => ({ form, region: g.byCode.get(form.code)! }))
      .filter(({ form, region }) => trusted(form, region, m.surface))
      .map((o) => ({ ...o, rank: LEVEL_RANK[o.region.level], support: support(o.region) }))
      // Higher levels first (河北 is the province before it is 天津's 河北区), then context.
      .sort((a, b) => a.rank - b.rank || b.support - a.support);
    const [best, second] = options;
    if (!best) continue;
    if (second && second.rank === best.rank && second.support === best.support) continue; // no context decides: drop
    resolved.push({ ...m, code: best.region.code });
  }
  return resolved;
}

export function regionId(code: string): string {
  return `region:${code}`;
}

/** Zone suffixes after a place name, and the full form each abbreviation stands for. */
const ZONE_AFTER_PLACE = /^(经济技术开发区|高新技术产业开发区|经济开发区|经开区|高新区|开发区|综合保税区|保税区|自贸区|新区)/u;
const ZONE_FULL_SUFFIX: Record<string, string> = { 经开区: '经济技术开发区', 高新区: '高新技术产业开发区' };

interface ZoneMention {
  start: number;
  end: number;
  surface: string;
  id: string;
  name: string;
  parentCode: string;
}

/**
 * Development zones the gazetteer lacks (石家庄经济技术开发区, 石家庄经开区): a place name followed
 * by a zone suffix, placed under that place. One id per canonical name and parent.
 */
function zoneMentions(text: string, resolved: Array<RegionMention & { code: string }>, g: Gazetteer): ZoneMention[] {
  const out: ZoneMention[] = [];
  for (const m of resolved) {
    const region = g.byCode.get(m.code)!;
    if (region.level === 'PROVINCE' || region.level === 'ZONE') continue;
    const suffix = ZONE_AFTER_PLACE.exec(text.slice(m.end, m.end + 9))?.[1];
    if (!suffix) continue;
    const name = stripSuffix(region.name) + (ZONE_FULL_SUFFIX[suffix] ?? suffix);
    if (g.forms.get(name)?.some((f) => f.kind === 'FULL')) continue; // a gazetteer zone: the scan has it
    out.push({ start: m.start, end: m.end + suffix.length, surface: text.slice(m.start, m.end + suffix.length), id: `region:zone:${region.code}:${name}`, name, parentCode: region.code });
  }
  return out;
}

export interface RegionFindings {
  entities: RegionEntity[];
  /** Every resolved mention with its lineage, for the other extractors' place context. */
  placed: PlacedRegion[];
}

/** Regions named in the text, with their surface forms, evidence and lineage up to the province. */
export function findRegions(text: string, sentences: readonly Sentence[], g: Gazetteer = gazetteer()): RegionFindings {
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

  const resolved = resolveRegionMentions(scanRegionMentions(text, g), g);
  for (const m of resolved) {
    const r = g.byCode.get(m.code)!;
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
  for (const z of zoneMentions(text, resolved, g)) {
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

/** The Region entities of a text (see findRegions). */
export function extractRegions(text: string, sentences: readonly Sentence[], g: Gazetteer = gazetteer()): RegionEntity[] {
  return findRegions(text, sentences, g).entities;
}

export function evidenceFor(text: string, sentences: readonly Sentence[], start: number, end: number): Evidence {
  const s = sentenceAt(sentences, start);
  return { sentence: s ? text.slice(s.start, s.end) : text.slice(start, end), start, end };
}
