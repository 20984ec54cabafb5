/**
 * The six query shapes bench/peer.ts times, each written once for our API (schema.graphql) and
 * once for @neo4j/graphql over bench/peerTypeDefs.ts, asking for the same data with the same page
 * sizes (`first: N` or the default page on ours, `limit: N` or a connection's `first: N` on the
 * peer) and the same orders (ours orders relations by name, then id). The peer's fields are aliased to our names where they differ
 * (`regions: regionsConnection`), so that both answers normalise alike (`idsByLevel`).
 */
import { DEFAULT_PAGE } from '../src/schema/builder.js';
import { graphId } from '../src/schema/ids.js';

/** Rows of a root list, and of each relation below one row (ours: its default page). */
const ROOT_PAGE = 20;
const RELATION_PAGE = DEFAULT_PAGE;

/** Ours orders relations by name then id; the peer is asked for the same. */
const BY_NAME = '[{ name: ASC }, { id: ASC }]';
const EDGES_BY_NAME = '[{ node: { name: ASC } }, { node: { id: ASC } }]';

/** A region named by name, alias, GB/T 2260 code or id: what our `within` accepts. */
const named = (region: string) => {
  const value = JSON.stringify(region);
  return `{ OR: [{ name: { eq: ${value} } }, { code: { eq: ${value} } }, { id: { eq: ${value} } }, { aliases: { includes: ${value} } }] }`;
};

/** A RegionWhere for "within `region`": the region itself, or one with it among its ancestors. */
export const withinRegion = (region: string) => `{ OR: [${named(region)}, { ancestors: { some: ${named(region)} } }] }`;

export interface Shape {
  name: string;
  ours: string;
  peer: string;
  /** Where a peer answer's level path differs from ours: peer path → our path. */
  peerPaths?: Record<string, string>;
}

const PROVINCE = '河北省';
const CITY = '石家庄市';

const headline: Shape = {
  name: 'headline',
  ours: `query Headline {
  programs(where: { region: { within: "${PROVINCE}", levels: [DISTRICT, COUNTY, ZONE] }, affects: [APPROVAL_TIME] }, first: ${ROOT_PAGE}) {
    edges { node {
      id name kind
      regions { edges { node { id name level parent { id name } } evidence { sentence } } }
      agencies { edges { node { id name } } }
      outcomes { edges { node {
        id subject indicator { name }
        before { text value unit } after { text value unit } change { text value percent }
        region { id name }
        evidence { sentence article { title date } }
      } } }
    } }
  }
}`,
  peer: `query Headline {
  programs(
    where: {
      regions: { some: { AND: [{ level: { in: ["DISTRICT", "COUNTY", "ZONE"] } }, ${withinRegion(PROVINCE)}] } }
      outcomes: { some: { measures: { name: { eq: "APPROVAL_TIME" } } } }
    }
    sort: ${BY_NAME}
    limit: ${ROOT_PAGE}
  ) {
    id name kind
    regions: regionsConnection(first: ${RELATION_PAGE}, sort: ${EDGES_BY_NAME}) { edges { properties { sentences } node { id name level parent { id name } } } }
    agencies(limit: ${RELATION_PAGE}, sort: ${BY_NAME}) { id name }
    outcomes: outcomesConnection(first: ${RELATION_PAGE}, sort: [{ node: { id: ASC } }]) { edges { node {
      id subject indicator
      beforeText beforeValue beforeUnit afterText afterValue afterUnit changeText changeValue changePercent
      region { id name }
      sentences reportedIn { title date }
    } } }
  }
}`,
};

/**
 * A province's regions are an unpaged list (about 300 for 河北省, src/cost.ts counts): two pages
 * of 20 below each would be over the rows a query may read (126,300 of 100,000).
 */
const UNDER_EACH_REGION = 10;

const regionsAgenciesPrograms: Shape = {
  name: 'regions → agencies → programs',
  ours: `query RegionsAgenciesPrograms {
  regions(within: "${PROVINCE}") {
    id name
    agencies(first: ${UNDER_EACH_REGION}) { edges { node {
      id name
      programs(first: ${UNDER_EACH_REGION}) { edges { node { id name } } }
    } } }
  }
}`,
  peer: `query RegionsAgenciesPrograms {
  regions(where: ${withinRegion(PROVINCE)}, sort: [{ code: ASC }, { name: ASC }]) {
    id name
    agencies(limit: ${UNDER_EACH_REGION}, sort: ${BY_NAME}) {
      id name
      programs(limit: ${UNDER_EACH_REGION}, sort: ${BY_NAME}) { id name }
    }
  }
}`,
};

const outcomesByIndicator: Shape = {
  name: 'outcomes by indicator',
  ours: `query OutcomesByIndicator {
  outcomes(where: { indicators: [APPROVAL_TIME] }, orderBy: IMPROVEMENT_DESC, first: ${ROOT_PAGE}) {
    edges { node {
      id subject change { text percent }
      program { id name }
      region { id name }
    } }
  }
}`,
  peer: `query OutcomesByIndicator {
  outcomes(where: { indicator: { eq: "APPROVAL_TIME" } }, sort: [{ improvement: DESC }, { id: ASC }], limit: ${ROOT_PAGE}) {
    id subject changeText changePercent
    program: programs(limit: 1, sort: ${BY_NAME}) { id name }
    region { id name }
  }
}`,
};

const officialsWithRoles: Shape = {
  name: 'officials with roles',
  ours: `query OfficialsWithRoles {
  officials(first: ${ROOT_PAGE}) {
    edges { node {
      id name
      roles { title at { ... on Region { id name } ... on Agency { id name } } }
    } }
  }
}`,
  peer: `query OfficialsWithRoles {
  officials(sort: ${BY_NAME}, limit: ${ROOT_PAGE}) {
    id name
    roles: rolesConnection { edges { properties { title } at: node { ... on Region { id name } ... on Agency { id name } } } }
  }
}`,
};

const policiesProgramsRegions: Shape = {
  name: 'policies → programs → regions',
  ours: `query PoliciesProgramsRegions {
  policies(first: ${ROOT_PAGE}) {
    edges { node {
      id name
      programs { edges { node {
        id name
        regions { edges { node { id name } } }
      } } }
    } }
  }
}`,
  peer: `query PoliciesProgramsRegions {
  policies(sort: ${BY_NAME}, limit: ${ROOT_PAGE}) {
    id name
    programs(limit: ${RELATION_PAGE}, sort: ${BY_NAME}) {
      id name
      regions(limit: ${RELATION_PAGE}, sort: ${BY_NAME}) { id name }
    }
  }
}`,
};

const descendantsPrograms: Shape = {
  name: "a city's descendants' programs",
  ours: `query DescendantsPrograms {
  region(name: "${CITY}") {
    id name
    descendants { edges { node {
      id name level
      programs { edges { node { id name } } }
    } } }
  }
}`,
  // No field leads from a region to its descendants here (a @cypher list field takes no limit or
  // sort): they are the regions with the city among their ancestors.
  peer: `query DescendantsPrograms {
  region: regions(where: { name: { eq: "${CITY}" } }, limit: 1) { id name }
  descendants: regions(where: { ancestors: { some: { name: { eq: "${CITY}" } } } }, sort: ${BY_NAME}, limit: ${RELATION_PAGE}) {
    id name level
    programs(limit: ${RELATION_PAGE}, sort: ${BY_NAME}) { id name }
  }
}`,
  peerPaths: { descendants: 'region.descendants', 'descendants.programs': 'region.descendants.programs' },
};

export const SHAPES: readonly Shape[] = [headline, regionsAgenciesPrograms, outcomesByIndicator, officialsWithRoles, policiesProgramsRegions, descendantsPrograms];

/**
 * An answer as the sorted graph ids found at each level of it (`programs`, `programs.regions`,
 * …): connection wrappers (`edges`, `node`) do not count as levels, our global ids are read as
 * graph ids, and the peer's paths are renamed to ours where a shape says so.
 */
export function idsByLevel(data: unknown, side: 'ours' | 'peer', peerPaths: Record<string, string> = {}): Map<string, string[]> {
  const levels = new Map<string, Set<string>>();
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item, path));
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.id === 'string') {
      const level = side === 'peer' ? (peerPaths[path] ?? path) : path;
      if (!levels.has(level)) levels.set(level, new Set());
      levels.get(level)!.add(side === 'ours' ? graphId(record.id) : record.id);
    }
    for (const [key, child] of Object.entries(record)) {
      if (key === 'id') continue;
      visit(child, key === 'edges' || key === 'node' ? path : path ? `${path}.${key}` : key);
    }
  };
  visit(data, '');
  return new Map([...levels].sort(([a], [b]) => a.localeCompare(b)).map(([level, ids]) => [level, [...ids].sort()]));
}

/** The first difference between two answers' levels, or null when they hold the same ids. */
export function firstDifference(ours: Map<string, string[]>, peer: Map<string, string[]>): string | null {
  for (const level of new Set([...ours.keys(), ...peer.keys()])) {
    const a = ours.get(level) ?? [];
    const b = peer.get(level) ?? [];
    const onlyOurs = a.filter((id) => !b.includes(id));
    const onlyPeer = b.filter((id) => !a.includes(id));
    if (onlyOurs.length > 0 || onlyPeer.length > 0) {
      return `at ${level}: ${a.length} ids ours, ${b.length} the peer's; only ours: ${onlyOurs.slice(0, 5).join(', ') || '-'}; only the peer's: ${onlyPeer.slice(0, 5).join(', ') || '-'}`;
    }
  }
  return null;
}
