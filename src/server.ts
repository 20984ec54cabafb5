import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { DatabaseUnavailableError, QueryTimeoutError, type Graph } from './graph/driver.js';
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
  maxCost: 100_000,
  maxDirectives: 20,
  /** Request bodies beyond this are refused before parsing (an 8 MB article fits). */
  maxBodyBytes: 10 * 1024 * 1024,
} as const;

export interface ServerOptions {
  graph: Graph;
  logger: Logger;
  host: string;
  port: number;
  /** Mutations need this key; without one, they are refused. */
  apiKey?: string | null;
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

/** Errors the graph layer raises, as GraphQL errors with codes clients can act on. */
function asGraphQLError(error: unknown): GraphQLError | null {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof DatabaseUnavailableError) {
    return new GraphQLError('the database is unavailable; try again shortly', { extensions: { code: 'DATABASE_UNAVAILABLE' } });
  }
  if (original instanceof QueryTimeoutError) {
    return new GraphQLError('the query took too long and was stopped; ask for less (smaller first, lower depth)', { extensions: { code: 'QUERY_TIMEOUT' } });
  }
  return null;
}

/** graphql-armor's rejections carry no code: give them one, so clients can tell a limit from a bug. */
const LIMIT_MESSAGE = /(depth limit|aliases limit|token limit|cost limit|directives limit)/iu;

function withLimitCode(error: GraphQLError): GraphQLError {
  if (error.extensions?.code || !LIMIT_MESSAGE.test(error.message)) return error;
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code: 'QUERY_TOO_COMPLEX' } });
}

const limitCodes: Plugin = {
  onResultProcess: ({ result, setResult }) => {
    if (Array.isArray(result) || !result || typeof result !== 'object' || !('errors' in result) || !result.errors) return;
    setResult({ ...result, errors: result.errors.map((e) => (e instanceof GraphQLError ? withLimitCode(e) : e)) });
  },
};

export function createYogaApp(options: Pick<ServerOptions, 'graph' | 'logger' | 'apiKey'>) {
  const { graph, logger } = options;
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: ({ request }) => ({ graph, loaders: createLoaders(graph), apiKeyAccepted: keyMatches(apiKeyOf(request), options.apiKey) }),
    // Analysts use GraphiQL in production too: it opens with the headline traversal.
    graphiql: { defaultQuery: HEADLINE_QUERY, title: 'reform-graph' },
    landingPage: false,
    plugins: [
      EnvelopArmorPlugin({
        maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: false, flattenFragments: true },
        maxAliases: { n: LIMITS.maxAliases, allowList: [] },
        maxTokens: { n: LIMITS.maxTokens },
        costLimit: { maxCost: LIMITS.maxCost, ignoreIntrospection: false },
        maxDirectives: { n: LIMITS.maxDirectives },
        blockFieldSuggestion: { enabled: false }, // analysts are helped by "did you mean"
      }),
      limitCodes,
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
      error: (...args) => logger.error(args.map(String).join(' ')),
    },
  });
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * GraphQL (and GraphiQL) on /graphql; /health says the process is up (200 always); /ready says
 * whether Neo4j answers (200 or 503), for load balancers.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const yoga = createYogaApp(options);
  const server = createServer((req, res) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > LIMITS.maxBodyBytes) {
      res.writeHead(413, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: `request body over ${LIMITS.maxBodyBytes} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }));
      req.resume();
      return;
    }
    if (req.url === '/ready') {
      options.graph
        .verify()
        .then(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ready":true}'))
        .catch((error: unknown) => {
          res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ ready: false, reason: error instanceof Error ? error.message : String(error) }));
        });
      return;
    }
    void yoga(req, res);
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
