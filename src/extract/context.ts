import type { Gazetteer } from './gazetteer.js';
import type { RegionLevel } from '../model/index.js';

/** A region as the other findings refer to it (an agency's, a program's place). */
export interface PlaceRef {
  id: string;
  name: string;
  level: RegionLevel;
}

/** Just the reference, without the mention's offsets and lineage. */
export const placeRef = (r: PlaceRef | null | undefined): PlaceRef | null => (r ? { id: r.id, name: r.name, level: r.level } : null);

/** A resolved region mention: where it is and which region (by code or zone id) it names. */
export interface PlacedRegion {
  start: number;
  end: number;
  id: string;
  name: string;
  level: RegionLevel;
  /** Ids of this region and its ancestors, nearest first. */
  lineage: Array<{ id: string; name: string; level: RegionLevel }>;
}

/**
 * Which region a place-less word means: "市行政审批局", "区委", "市长" say only the level.
 * The answer is the nearest region of that level named before the word (articles name the
 * place, then keep writing 市/区 about it; a page of several pieces switches place with each
 * piece), else the first one named after it. A district or zone mention also names its city.
 */
export class RegionContext {
  private readonly placed: PlacedRegion[];

  constructor(placed: PlacedRegion[]) {
    this.placed = [...placed].sort((a, b) => a.start - b.start);
  }

  get mentions(): readonly PlacedRegion[] {
    return this.placed;
  }

  /**
   * The region of a level (or the ancestor of that level of a region named) nearest before `at`,
   * else first after it. Levels are tried in order: 市 means a city, and a province-level
   * municipality only where no city is named at all.
   */
  ofLevel(levels: readonly RegionLevel[], at: number): PlaceRef | null {
    for (const level of levels) {
      // Only the mentions that have a region of this level, by binary search: walking every
      // mention from `at` per call is quadratic when none has one (市 words in a province-only text).
      const withLevel = this.mentionsWithLevel(level);
      if (withLevel.length === 0) continue;
      const k = lastIndexBefore(withLevel, at);
      const m = withLevel[k >= 0 ? k : 0]!;
      return m.lineage.find((r) => r.level === level)!;
    }
    return null;
  }

  /** The most specific region named inside [start, end), else the nearest one named before it. */
  within(start: number, end: number): PlacedRegion | null {
    // The mentions inside are a run of the sorted list: a filter of all of them per call is quadratic.
    let best: PlacedRegion | null = null;
    for (let i = this.lastIndexBefore(start) + 1; i < this.placed.length && this.placed[i]!.start < end; i++) {
      const m = this.placed[i]!;
      if (m.end <= end && (best === null || depth(m) > depth(best))) best = m; // deepest, then first
    }
    if (best) return best;
    const i = this.lastIndexBefore(start);
    return i >= 0 ? this.placed[i]! : null;
  }

  /** Ids of a region the article names and of its ancestors (just the id when not named). */
  lineageIds(id: string): string[] {
    if (!this.firstById) {
      this.firstById = new Map();
      for (const m of this.placed) if (!this.firstById.has(m.id)) this.firstById.set(m.id, m);
    }
    return this.firstById.get(id)?.lineage.map((x) => x.id) ?? [id];
  }

  private firstById: Map<string, PlacedRegion> | null = null;
  private readonly byLevel = new Map<RegionLevel, PlacedRegion[]>();

  private mentionsWithLevel(level: RegionLevel): PlacedRegion[] {
    let list = this.byLevel.get(level);
    if (!list) {
      list = this.placed.filter((m) => m.lineage.some((r) => r.level === level));
      this.byLevel.set(level, list);
    }
    return list;
  }

  /** The region whose mention ends exactly at `at` (a prefix such as 石家庄市 in 石家庄市行政审批局). */
  endingAt(at: number): PlacedRegion | null {
    for (let i = this.lastIndexBefore(at); i >= 0; i--) {
      const m = this.placed[i]!;
      if (m.end === at) return m;
      if (m.end < at) return null;
    }
    return null;
  }

  private lastIndexBefore(at: number): number {
    return lastIndexBefore(this.placed, at);
  }
}

/** Index of the last mention starting before `at` in a list sorted by start, else -1. */
function lastIndexBefore(sorted: readonly PlacedRegion[], at: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < at) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

function depth(m: PlacedRegion): number {
  return m.lineage.length;
}

export function lineageOf(g: Gazetteer, code: string): Array<{ id: string; name: string; level: RegionLevel }> {
  const self = g.byCode.get(code)!;
  return [self, ...g.ancestors(code)].map((r) => ({ id: `region:${r.code}`, name: r.name, level: r.level }));
}
