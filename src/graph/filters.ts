import { LISTED_LABELS, type ListedLabel } from '../model/index.js';
import { setParam } from './relations.js';

/**
 * Query filters as small composable pieces. Each piece is a constant Cypher predicate over the
 * node `n` plus the parameters it reads; `where` joins the pieces that apply. User input only
 * ever travels as parameter values, never as Cypher text.
 */
export interface Filter {
  cypher: string;
  params: Record<string, unknown>;
  /** Constant Cypher before the main MATCH, binding what the anchor starts from (`root`). */
  prelude?: string;
  /**
   * A MATCH that binds `n` from a selective start instead of scanning the label (programs from
   * the regions within 河北省, not every program tested against 河北省). It is the whole filter:
   * its `cypher` is empty. A query has at most one.
   */
  anchor?: string;
}

/** A filter value that cannot mean anything (a date that is not a day): the client's mistake. */
export class InvalidFilterError extends Error {
  override name = 'InvalidFilterError';
}

/**
 * A day as YYYY-MM-DD that exists on the calendar. Article dates are stored so and compared as
 * text: "2025-13-45" would compare, and quietly match nothing.
 */
export function isoDay(value: string | null | undefined, name: string): string | null {
  if (value == null || value === '') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !day || day.getUTCFullYear() !== Number(m[1]) || day.getUTCMonth() !== Number(m[2]) - 1 || day.getUTCDate() !== Number(m[3])) {
    throw new InvalidFilterError(`"${name}" must be a day as YYYY-MM-DD, not "${value.slice(0, 40)}"`);
  }
  return value;
}

/** A label with a root list (the model's LISTED_LABELS). */
export type Listed = ListedLabel;

/** How each kind of node is placed in a region. */
const PLACED_IN: Record<Listed, string> = {
  Region: '(n)-[:PART_OF*0..0]->(place:Region)',
  Agency: '(n)-[:LOCATED_IN]->(place:Region)',
  Official: '(n)-[:HOLDS]->()-[:LOCATED_IN*0..1]->(place:Region)',
  Program: '(n)-[:IMPLEMENTED_IN]->(place:Region)',
  Policy: '(n)-[:ISSUED_BY]->()-[:LOCATED_IN*0..1]->(place:Region)',
  Enterprise: '(n)-[:LOCATED_IN]->(place:Region)',
  Outcome: '(n)-[:IN_REGION]->(place:Region)',
  Article: '(n)-[:MENTIONS]->(place:Region)',
};

/** A node named by its name, an alias, its code (regions) or its id. */
export const NAMED = (v: string, param: string) => `(${v}.name = $${param} OR ${v}.code = $${param} OR ${v}.id = $${param} OR $${param} IN ${v}.aliases)`;

/**
 * A region as a client names it (by name, alias, code or id; `region(code:)` also by a code of its
 * own). A statement takes it as a parameter value, and the graph layer turns it into the ids of
 * the regions it names before the statement runs (`regionIdsNamed` in read.ts): the lookup is one
 * constant statement, planned once for every query shape, where inlined it cost each new shape
 * 15 to 20 ms more planning.
 */
export class RegionName {
  constructor(
    readonly name: string | null,
    readonly code: string | null = null,
  ) {}
}

/** The regions `$within` names (ids, once resolved), bound as `root`. */
export const WITHIN_ROOTS = 'MATCH (root:Region) WHERE root.id IN $within';

const perLabel = (cypher: (label: Listed) => string) =>
  Object.fromEntries(LISTED_LABELS.map((label) => [label, cypher(label)])) as Record<Listed, string>;

/**
 * From the places within the roots (at one of `$levels`, when given) to the nodes placed there.
 * Without levels the statement says nothing of them: a filter on a null parameter still costs
 * Neo4j some milliseconds to plan on every new query shape.
 */
const regionAnchor = (label: Listed, atLevels: boolean) => `MATCH (place:Region)-[:PART_OF*0..]->(root)
WITH DISTINCT place${atLevels ? ' WHERE place.level IN $levels' : ''}
MATCH ${PLACED_IN[label].replace('(n)', `(n:${label})`)}
WITH DISTINCT n`;
const regionAnchors = perLabel((label) => regionAnchor(label, false));
const regionAnchorsAtLevels = perLabel((label) => regionAnchor(label, true));

const levelFilters = perLabel((label) => `EXISTS { MATCH ${PLACED_IN[label]} WHERE place.level IN $levels }`);

/** Placed in a region within `within` (itself included), at one of `levels`. */
export function inRegion(label: Listed, region: { within?: string | null; levels?: readonly string[] | null } | null | undefined): Filter | null {
  if (!region || (region.within == null && region.levels == null)) return null;
  if (region.within == null) return { cypher: levelFilters[label], params: { levels: region.levels } };
  if (region.levels == null) return { cypher: '', params: { within: new RegionName(region.within) }, prelude: WITHIN_ROOTS, anchor: regionAnchors[label] };
  return { cypher: '', params: { within: new RegionName(region.within), levels: region.levels }, prelude: WITHIN_ROOTS, anchor: regionAnchorsAtLevels[label] };
}

export function nameContains(name: string | null | undefined): Filter | null {
  return name ? { cypher: '(n.name CONTAINS $name OR any(a IN coalesce(n.aliases, []) WHERE a CONTAINS $name))', params: { name } } : null;
}

/** Programs that achieved an outcome of one of these indicators. */
export function affects(indicators: readonly string[] | null | undefined): Filter | null {
  return indicators?.length
    ? { cypher: 'EXISTS { MATCH (n)-[:ACHIEVED]->(:Outcome)-[:MEASURES]->(i:Indicator) WHERE i.name IN $affects }', params: { affects: indicators } }
    : null;
}

export function runBy(agency: string | null | undefined): Filter | null {
  return agency ? { cypher: `EXISTS { MATCH (n)-[:RUN_BY]->(a:Agency) WHERE ${NAMED('a', 'agency')} }`, params: { agency } } : null;
}

export function inCategory(category: string | null | undefined): Filter | null {
  return category ? { cypher: '$category IN coalesce(n.categories, [])', params: { category } } : null;
}

export function ofKind(kind: string | null | undefined): Filter | null {
  return kind ? { cypher: 'n.kind = $kind', params: { kind } } : null;
}

export function withTitle(title: string | null | undefined): Filter | null {
  return title ? { cypher: 'EXISTS { MATCH (n)-[h:HOLDS]->() WHERE h.title CONTAINS $title }', params: { title } } : null;
}

export function holdsAt(agency: string | null | undefined): Filter | null {
  return agency ? { cypher: `EXISTS { MATCH (n)-[:HOLDS]->(a:Agency) WHERE ${NAMED('a', 'holdsAt')} }`, params: { holdsAt: agency } } : null;
}

/** Named in an article dated on or after `since` and on or before `until` (ISO dates). */
export function reportedBetween(since: string | null | undefined, until: string | null | undefined): Filter | null {
  since = isoDay(since, 'since');
  until = isoDay(until, 'until');
  if (!since && !until) return null;
  return {
    cypher: `EXISTS { MATCH (art:Article)-[:MENTIONS]->(n) WHERE ($since IS NULL OR art.date >= $since) AND ($until IS NULL OR art.date <= $until) }`,
    params: { since: since ?? null, until: until ?? null },
  };
}

export function dated(since: string | null | undefined, until: string | null | undefined): Filter | null {
  since = isoDay(since, 'since');
  until = isoDay(until, 'until');
  if (!since && !until) return null;
  return { cypher: '($since IS NULL OR n.date >= $since) AND ($until IS NULL OR n.date <= $until)', params: { since: since ?? null, until: until ?? null } };
}

/** Outcomes of these statuses (ACHIEVED, TARGET); outcomes stored before statuses existed are achieved. */
export function withStatus(statuses: readonly string[] | null | undefined): Filter | null {
  return statuses?.length ? { cypher: "coalesce(n.status, 'ACHIEVED') IN $statuses", params: { statuses } } : null;
}

export function measures(indicators: readonly string[] | null | undefined): Filter | null {
  return indicators?.length ? { cypher: 'n.indicator IN $indicators', params: { indicators } } : null;
}

export function achievedBy(program: string | null | undefined): Filter | null {
  return program ? { cypher: 'EXISTS { MATCH (p:Program)-[:ACHIEVED]->(n) WHERE p.id = $program OR p.name = $program }', params: { program } } : null;
}

/**
 * From the node named (by id or name) back to the articles that mention it, instead of testing
 * every article's mentions (23,000 db hits for 505 articles; about 100 so). Only entities and
 * outcomes are mentioned, and outcomes have no name: these three seeks are every match.
 */
const MENTIONED = `CALL {
  MATCH (e:Entity {id: $mentions}) RETURN e
  UNION MATCH (e:Entity {name: $mentions}) RETURN e
  UNION MATCH (e:Outcome {id: $mentions}) RETURN e
}
MATCH (n:Article)-[:MENTIONS]->(e)
WITH DISTINCT n`;

/** Articles that mention an entity or outcome (its id or name). An anchor: only articles take it. */
export function mentions(entity: string | null | undefined): Filter | null {
  return entity ? { cypher: '', params: { mentions: entity }, anchor: MENTIONED } : null;
}

/**
 * The parameters of several filters, each name set once: two filters that chose the same name
 * would otherwise read each other's value without a word.
 */
function mergedParams(filters: readonly Filter[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const f of filters) for (const [name, value] of Object.entries(f.params)) setParam(params, name, value);
  return params;
}

/** The pieces that apply, joined: `WHERE a AND b`, or nothing; with the one anchor, if any. */
export function where(...filters: Array<Filter | null>): Filter {
  const used = filters.filter((f): f is Filter => f !== null);
  const anchors = used.filter((f) => f.anchor);
  if (anchors.length > 1) throw new Error('a query can have only one anchored filter');
  const predicates = used.filter((f) => !f.anchor);
  return {
    cypher: predicates.length === 0 ? '' : `WHERE ${predicates.map((f) => `(${f.cypher})`).join('\n  AND ')}`,
    params: mergedParams(used),
    prelude: anchors[0]?.prelude,
    anchor: anchors[0]?.anchor,
  };
}
