import { z } from 'zod/v4';
import { AGENCY_KINDS, CHANGE_DIRECTIONS, INDICATORS, OUTCOME_STATUSES, PROGRAM_KINDS, REGION_LEVELS, type NodeLabel } from '../model/index.js';

/**
 * Nodes as the graph layer returns them (`nodeProjection` in relations.ts: the node's properties,
 * its `label` and, for an outcome, `evidenceArticles`), checked and typed at the boundary. The
 * properties are the ones write.ts stores. Unknown properties are dropped rather than refused:
 * graphs written by older versions hold some. A property a graph may lack reads as null (or an
 * empty list): Neo4j does not store nulls, so `{.*}` leaves such a property out altogether.
 */

/** A property that may be absent: null when it is. */
const maybe = <T extends z.ZodTypeAny>(type: T) => type.nullable().default(null);
const maybeText = maybe(z.string());
const maybeNumber = maybe(z.number());
const texts = z.array(z.string()).default([]);

/** What every entity (a node that also has the `Entity` label) holds. */
const entity = { id: z.string(), name: z.string(), aliases: texts };

export const ArticleSchema = z.object({
  label: z.literal('Article'),
  id: z.string(),
  title: maybeText,
  date: maybeText,
  source: maybeText,
  url: maybeText,
  contentHash: z.string(),
  extractorVersion: z.string(),
  encoding: maybeText,
});

export const RegionSchema = z.object({ label: z.literal('Region'), ...entity, level: z.enum(REGION_LEVELS), code: maybeText });

export const AgencySchema = z.object({
  label: z.literal('Agency'),
  ...entity,
  kind: maybe(z.enum(AGENCY_KINDS)),
  /** The region's name and id as the first article placed it. */
  region: maybeText,
  regionId: maybeText,
  /** The name of the body a branch belongs to. */
  parent: maybeText,
});

export const OfficialSchema = z.object({ label: z.literal('Official'), ...entity, title: maybeText, region: maybeText, agency: maybeText });

export const ProgramSchema = z.object({ label: z.literal('Program'), ...entity, kind: maybe(z.enum(PROGRAM_KINDS)), categories: texts, region: maybeText });

export const PolicySchema = z.object({ label: z.literal('Policy'), ...entity });

export const EnterpriseSchema = z.object({ label: z.literal('Enterprise'), ...entity, region: maybeText });

export const IndicatorSchema = z.object({ label: z.literal('Indicator'), id: z.string(), name: z.enum(INDICATORS) });

export const OutcomeSchema = z.object({
  label: z.literal('Outcome'),
  id: z.string(),
  indicator: z.enum(INDICATORS),
  /** Null in graphs written before outcomes had a status: those were all achievements. */
  status: maybe(z.enum(OUTCOME_STATUSES)),
  subject: z.string(),
  /** The program's name as the article gives it. */
  program: maybeText,
  beforeText: maybeText,
  beforeValue: maybeNumber,
  beforeUnit: maybeText,
  afterText: maybeText,
  afterValue: maybeNumber,
  afterUnit: maybeText,
  changeText: maybeText,
  changeValue: maybeNumber,
  changeUnit: maybeText,
  changePercent: maybeNumber,
  direction: maybe(z.enum(CHANGE_DIRECTIONS)),
  /** Provenance: the articles that report it and, in the same order, their sentences. */
  articles: texts,
  sentences: texts,
  evidenceArticles: z.array(ArticleSchema).default([]),
});

/** One schema per label: a label added to the model fails here until it has one. */
export const NODE_SCHEMAS = {
  Region: RegionSchema,
  Agency: AgencySchema,
  Official: OfficialSchema,
  Program: ProgramSchema,
  Policy: PolicySchema,
  Enterprise: EnterpriseSchema,
  Indicator: IndicatorSchema,
  Outcome: OutcomeSchema,
  Article: ArticleSchema,
} as const satisfies { [L in NodeLabel]: z.ZodObject<{ label: z.ZodLiteral<L> } & z.core.$ZodShape> };

type RecordsByLabel = { [L in NodeLabel]: z.output<(typeof NODE_SCHEMAS)[L]> };
/** The record of a label (an index into one map, so that a record of any label is a NodeRecord). */
export type RecordOf<L extends NodeLabel> = RecordsByLabel[L];
export type RegionRecord = RecordOf<'Region'>;
export type AgencyRecord = RecordOf<'Agency'>;
export type OfficialRecord = RecordOf<'Official'>;
export type ProgramRecord = RecordOf<'Program'>;
export type PolicyRecord = RecordOf<'Policy'>;
export type EnterpriseRecord = RecordOf<'Enterprise'>;
export type IndicatorRecord = RecordOf<'Indicator'>;
export type OutcomeRecord = RecordOf<'Outcome'>;
export type ArticleRecord = RecordOf<'Article'>;
export type NodeRecord = RecordsByLabel[NodeLabel];

/** The properties of the relationship a walk went along: its provenance and, for HOLDS, the title. */
export const SupportSchema = z.object({
  articles: z.array(z.string()).optional(),
  sentences: z.array(z.string()).optional(),
  /** Null when the relationship has none (read as `r {.title}` when the query asks for no evidence). */
  title: z.string().nullish(),
});
export type Support = z.output<typeof SupportSchema>;

/** The nodes a query's walks reached from a node, by selection key (see `projectWithWalks`). */
export interface Walks {
  walked?: Record<string, WalkedRecord[]>;
}
export type NodeWithWalks<T extends NodeRecord = NodeRecord> = T & Walks;

/**
 * A node reached by a walk: the relationship's properties (none for walks of many hops) and, when
 * the query asked for them, the articles of its provenance.
 */
export interface WalkSupport {
  support?: Support;
  supportArticles?: ArticleRecord[];
}
export type WalkedRecord<T extends NodeRecord = NodeRecord> = T & Walks & WalkSupport;

/** A row the graph returned that does not have the shape its label promises. */
export class GraphRowError extends Error {
  constructor(
    readonly label: string,
    readonly id: string | null,
    /** `field: what is wrong`, one per problem. */
    readonly problems: readonly string[],
  ) {
    super(`${label} row${id === null ? '' : ` ${id}`} from the graph: ${problems.join('; ')}`);
    this.name = 'GraphRowError';
  }
}

const idOf = (raw: unknown): string | null => {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
};

/** The value at `path` in `value`, undefined when any step is missing. */
const at = (value: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined), value);

/** `schema`'s reading of `value`, the part `path` of the row `raw`, or a GraphRowError naming the row and the fields. */
function check<S extends z.ZodType>(schema: S, value: unknown, raw: unknown, label: string, path: readonly string[] = []): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  // zod says what it expected; a field the row lacks altogether is worth saying as such.
  const problems = parsed.error.issues.map((i) => `${[...path, ...i.path].join('.') || '(row)'}: ${at(value, i.path) === undefined ? 'missing' : i.message}`);
  throw new GraphRowError(label, idOf(raw), problems);
}

/** A node read by a statement that matched its label already. */
export const parseNodeOf = <L extends NodeLabel>(label: L, raw: unknown): RecordOf<L> => check(NODE_SCHEMAS[label], raw, raw, label) as RecordOf<L>;

const isNodeLabel = (label: unknown): label is NodeLabel => typeof label === 'string' && Object.hasOwn(NODE_SCHEMAS, label);

/** A node of any label (the row's `label` says which), known properties only. */
export function parseNode(raw: unknown): NodeRecord {
  const label = (raw as { label?: unknown } | null)?.label;
  if (!isNodeLabel(label)) throw new GraphRowError(typeof label === 'string' ? label : 'Unlabelled', idOf(raw), [`label: not one of ${Object.keys(NODE_SCHEMAS).join(', ')}`]);
  return parseNodeOf(label, raw);
}

const WalkedSchema = z.record(z.string(), z.array(z.unknown()));
const ArticlesSchema = z.array(ArticleSchema);

/** The parts of a row beside the node's own properties. */
interface RowExtras {
  walked?: unknown;
  support?: unknown;
  supportArticles?: unknown;
}

function parseWalks(node: NodeWithWalks, raw: RowExtras): void {
  if (raw.walked == null) return;
  const walked: Record<string, WalkedRecord[]> = {};
  for (const [key, rows] of Object.entries(check(WalkedSchema, raw.walked, raw, node.label, ['walked']))) walked[key] = rows.map(parseWalked);
  node.walked = walked;
}

/**
 * A node with the walks below it (`walked`), each reached node parsed with its support; of `label`
 * when the statement matched it already.
 */
export function parseNodeWithWalks(raw: unknown): NodeWithWalks;
export function parseNodeWithWalks<L extends NodeLabel>(raw: unknown, label: L): NodeWithWalks<RecordOf<L>>;
export function parseNodeWithWalks(raw: unknown, label?: NodeLabel): NodeWithWalks {
  const node: NodeWithWalks = label ? parseNodeOf(label, raw) : parseNode(raw);
  parseWalks(node, raw as RowExtras);
  return node;
}

/** A node reached by a walk: the node, its relationship's `support`, `supportArticles`, and the walks below it. */
export function parseWalked(raw: unknown): WalkedRecord {
  const node: WalkedRecord = parseNode(raw);
  const extras = raw as RowExtras;
  if (extras.support != null) node.support = check(SupportSchema, extras.support, raw, node.label, ['support']);
  if (extras.supportArticles != null) node.supportArticles = check(ArticlesSchema, extras.supportArticles, raw, node.label, ['supportArticles']);
  parseWalks(node, extras);
  return node;
}
