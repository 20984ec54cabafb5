import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { createYoga, useReadinessCheck, type CORSOptions, type GraphiQLOptions } from 'graphql-yoga';
import { rowsReadLimit } from './cost.js';
import { DatabaseUnavailableError, QueryTimeoutError, type Graph } from './graph/driver.js';
import { InvalidFilterError } from './graph/filters.js';
import { planRegionLookup, probeRead } from './graph/read.js';
import { graphiqlPage, graphiqlPageFile } from './graphiqlPage.js';
import { createLoaders } from './loaders/index.js';
import type { Logger } from './log.js';
import type { Context } from './schema/context.js';
import { schema } from './schema/index.js';
import { HEADLINE_QUERY } from './schema/headline.js';

/**
 * Limits on what one request may ask. Depth counts introspection too (graphql-armor ≥ 3.2 with
 * max-depth 2.4.2, which closes the fragment-cache bypass); GraphiQL's own introspection query
 * is 13 levels deep, so 15 leaves it room and stops recursive abuse.
 */
export const LIMITS = {
  maxDepth: 15,
  maxAliases: 15,
  maxTokens: 2000,
  /**
   * Rows a query may read, as src/cost.ts counts them: a page of 100 inside a page of 100 (10,100)
   * with their evidence passes, a third level of 100 (over a million) does not. The examples in
   * docs/queries cost 10 to 6,050; GraphiQL's introspection about 10,000.
   */
  maxRowsRead: 100_000,
  maxDirectives: 20,
  /** Request bodies beyond this are refused before parsing (an 8 MB article fits). */
  maxBodyBytes: 10 * 1024 * 1024,
} as const;

/** How long a start waits for Neo4j to plan the statements every region query runs first. */
const PLAN_AHEAD_MS = 2_000;

export interface ServerOptions {
  graph: Graph;
  logger: Logger;
  host: string;
  port: number;
  /** Mutations need this key; without one, they are refused. */
  apiKey?: string | null;
  /**
   * Browser origins allowed to call the API from another site (`*`: any, without credentials).
   * Empty: same-origin only, which is how GraphiQL is served.
   */
  corsOrigins?: readonly string[];
}

function keyMatches(given: string | null, expected: string | null | undefined): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function apiKeyOf(request: Request): string | null {
  const bearer = /^Bearer\s+(.+)$/iu.exec(request.headers.get('authorization') ?? '');
  return bearer?.[1]?.trim() ?? request.headers.get('x-api-key');
}

/** Bad filters, and Pothos's rejections of malformed global ids and paging arguments: the client's. */
function isClientInput(error: unknown): error is InvalidFilterError | PothosValidationError {
  return error instanceof InvalidFilterError || error instanceof PothosValidationError;
}

/**
 * graphql-js's rejection of the request itself (a variable of the wrong type): it wraps the
 * reason, uncoded, in an error with no path. An uncoded error with a path (an enum value the
 * schema cannot represent) is the service's, not the client's.
 */
function isRequestRejection(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && error.path === undefined && error.originalError instanceof GraphQLError && !error.originalError.extensions?.code;
}

/** Errors the graph layer (and graphql-js) raise, as GraphQL errors with codes clients can act on. */
function asGraphQLError(error: unknown): GraphQLError | null {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof DatabaseUnavailableError) {
    return new GraphQLError('the database is unavailable; try again shortly', { extensions: { code: 'DATABASE_UNAVAILABLE' } });
  }
  if (isClientInput(original)) {
    return new GraphQLError(original.message, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  // Its own message: for a variable, it names the variable as well as the problem.
  if (isRequestRejection(error)) return new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
  if (original instanceof QueryTimeoutError) {
    return new GraphQLError('the query took too long and was stopped; ask for less (smaller first, lower depth)', { extensions: { code: 'QUERY_TIMEOUT' } });
  }
  return null;
}

/** An error the client made (bad input): answered as BAD_USER_INPUT, not worth an error log line. */
function isClientMistake(error: unknown): boolean {
  return isClientInput(error instanceof GraphQLError ? error.originalError : error) || isRequestRejection(error);
}

/**
 * graphql-armor calls a protection's onReject just before it throws its own error, which has no
 * code; throwing a coded one first replaces it and still stops validation (or, for the token
 * limit, the parser, which has no validation context to report to) at once.
 */
const rejectAsTooComplex = {
  onReject: [
    (_context: unknown, error: GraphQLError) => {
      throw new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { code: 'QUERY_TOO_COMPLEX' } });
    },
  ],
};

/**
 * /ready: a real read of the graph (probeRead: one attempt, 3 s), 200 {"ready":true} or 503 with
 * the reason, as JSON for load balancers and people alike.
 */
function readiness(graph: Graph) {
  return useReadinessCheck({
    endpoint: '/ready',
    check: async ({ fetchAPI }) => {
      const answer = (status: number, body: object) => new fetchAPI.Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      try {
        await probeRead(graph);
        return answer(200, { ready: true });
      } catch (error) {
        return answer(503, { ready: false, reason: error instanceof Error ? error.message : String(error) });
      }
    },
  });
}

export const GRAPHIQL_OPTIONS: GraphiQLOptions = { defaultQuery: HEADLINE_QUERY, title: 'reform-graph' };

/**
 * CORS headers for a request's Origin. yoga's default echoes any Origin with credentials, and
 * given one allowed origin it sends that origin to every caller; so the decision is made here.
 */
export function corsFor(origin: string | null, allowed: readonly string[]): CORSOptions {
  if (!origin) return false;
  // With `*`, the origin is echoed (yoga's way of saying any) and credentials are never allowed.
  if (allowed.includes('*')) return { origin: [origin], credentials: false };
  if (allowed.includes(origin)) return { origin: [origin], credentials: true };
  return false;
}

export function createYogaApp(options: Pick<ServerOptions, 'graph' | 'logger' | 'apiKey' | 'corsOrigins'>) {
  const { graph, logger } = options;
  const corsOrigins = options.corsOrigins ?? [];
  return createYoga<Record<string, unknown>, Context>({
    schema,
    cors: (request) => corsFor(request.headers.get('origin'), corsOrigins),
    context: ({ request }) => ({ graph, loaders: createLoaders(graph), apiKeyAccepted: keyMatches(apiKeyOf(request), options.apiKey) }),
    // Analysts use GraphiQL in production too: it opens with the headline traversal.
    graphiql: GRAPHIQL_OPTIONS,
    // From the npm package, not yoga's default page: that one loads its scripts, styles and editor
    // workers from a public CDN (blank offline), and its GraphiQL 4.5.1 puts the welcome comment in
    // `query`, which wins over `defaultQuery` (graphql-yoga PR #4578). graphiqlPage.ts says why it
    // is rendered out of process.
    renderGraphiQL: graphiqlPage,
    landingPage: false,
    plugins: [
      readiness(graph),
      EnvelopArmorPlugin({
        maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: false, flattenFragments: true, ...rejectAsTooComplex },
        maxAliases: { n: LIMITS.maxAliases, allowList: [], ...rejectAsTooComplex },
        maxTokens: { n: LIMITS.maxTokens, ...rejectAsTooComplex },
        // armor prices fields, not rows: a page of 100 in a page of 100 cost it millions. Ours is rowsReadLimit.
        costLimit: { enabled: false },
        maxDirectives: { n: LIMITS.maxDirectives, ...rejectAsTooComplex },
        blockFieldSuggestion: { enabled: false }, // analysts are helped by "did you mean"
      }),
      rowsReadLimit(LIMITS.maxRowsRead),
    ],
    maskedErrors: {
      maskError: (error, message) => {
        const known = asGraphQLError(error);
        if (known) return known;
        if (error instanceof GraphQLError && (error.extensions?.code || !error.originalError)) return error;
        logger.error({ err: error instanceof GraphQLError ? error.originalError : error }, 'unexpected error');
        return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      },
    },
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      // yoga logs every error it re-codes; a client's bad input is not the service's error.
      error: (...args) => (args.some(isClientMistake) ? logger.debug : logger.error).call(logger, args.map(String).join(' ')),
    },
  });
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

function refuseLargeBody(req: IncomingMessage, res: ServerResponse): void {
  const message = `request body over ${LIMITS.maxBodyBytes} bytes (${LIMITS.maxBodyBytes / 1024 / 1024} MB): send less, or ingest large articles with \`kg ingest\``;
  res.writeHead(413, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }));
  // The client may still be sending: closing now would lose the 413 to EPIPE on its side. The
  // rest is read and dropped, up to as much again; a client that sends more is cut off.
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LIMITS.maxBodyBytes) req.socket.destroy();
  });
  req.resume();
}

/**
 * The request body, read up to the limit whatever the transfer encoding (Content-Length can be
 * absent, with chunked uploads, or wrong); null once more bytes arrive than the limit allows.
 */
function readLimitedBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeListener('data', onData);
        req.removeListener('end', onEnd);
        done(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => done(Buffer.concat(chunks, size));
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', fail);
  });
}

/**
 * GraphQL (and GraphiQL) on /graphql; /health says the process is up (200 always); /ready says
 * whether Neo4j serves a read (200 or 503), for load balancers.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const yoga = createYogaApp(options);
  // The first query naming a region should not wait for Neo4j to plan the lookup: planned before
  // listening, for at most PLAN_AHEAD_MS (a Neo4j that is down or slow does not hold the start up).
  await Promise.race([planRegionLookup(options.graph).catch(() => undefined), sleep(PLAN_AHEAD_MS, undefined, { ref: false })]);
  // Rendered ahead, so an analyst's first visit does not wait for it.
  graphiqlPageFile(GRAPHIQL_OPTIONS).catch((error: unknown) => options.logger.warn(`rendering the GraphiQL page failed: ${error instanceof Error ? error.message : String(error)}`));
  const server = createServer((req, res) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > LIMITS.maxBodyBytes) {
      refuseLargeBody(req, res);
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') {
      void yoga(req, res);
      return;
    }
    readLimitedBody(req, LIMITS.maxBodyBytes).then(
      (body) => {
        if (body === null) return refuseLargeBody(req, res);
        // yoga takes a body already read from `req.body` (as it does behind body-parser).
        if (body.length > 0) (req as IncomingMessage & { body?: Buffer }).body = body;
        void yoga(req, res);
      },
      () => req.destroy(), // the client went away mid-body
    );
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => done());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    url: `http://${host}:${port}${yoga.graphqlEndpoint}`,
    server,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
