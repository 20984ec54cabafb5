import type { Gazetteer } from './gazetteer.js';
import type { RegionLevel } from './types.js';

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
      const pick = (m: PlacedRegion) => m.lineage.find((r) => r.level === level) ?? null;
      for (let i = this.lastIndexBefore(at); i >= 0; i--) {
        const r = pick(this.placed[i]!);
        if (r) return r;
      }
      for (let i = this.lastIndexBefore(at) + 1; i < this.placed.length; i++) {
        const r = pick(this.placed[i]!);
        if (r) return r;
      }
    }
    return null;
  }

  /** The most specific region named inside [start, end), else the nearest one named before it. */
  within(start: number, end: number): PlacedRegion | null {
    const inside = this.placed.filter((m) => m.start >= start && m.end <= end);
    if (inside.length > 0) return [...inside].sort((a, b) => depth(b) - depth(a) || a.start - b.start)[0]!;
    const i = this.lastIndexBefore(start);
    return i >= 0 ? this.placed[i]! : null;
  }

  /** Ids of a region the article names and of its ancestors (just the id when not named). */
  lineageIds(id: string): string[] {
    return this.placed.find((m) => m.id === id)?.lineage.map((x) => x.id) ?? [id];
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
    let lo = 0;
    let hi = this.placed.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.placed[mid]!.start < at) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}

function depth(m: PlacedRegion): number {
  return m.lineage.length;
}

export function lineageOf(g: Gazetteer, code: string): Array<{ id: string; name: string; level: RegionLevel }> {
  const self = g.byCode.get(code)!;
  return [self, ...g.ancestors(code)].map((r) => ({ id: `region:${r.code}`, name: r.name, level: r.level }));
}
