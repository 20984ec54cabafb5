import { createServer, type Server } from 'node:http';
import { createYoga } from 'graphql-yoga';
import type { Graph } from './graph/driver.js';
import type { Logger } from './log.js';
import { schema } from './schema/index.js';
import type { Context } from './schema/context.js';

/** The query GraphiQL opens with: ready to run against the seeds. */
export const GRAPHIQL_DEFAULT_QUERY = `# Regions of Hebei found in the articles, with their parents.
query RegionsOfHebei {
  regions(within: "河北省") {
    name
    level
    code
    parent { name }
  }
}
`;

export function createYogaApp(graph: Graph, logger: Logger) {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: () => ({ graph }),
    graphiql: { defaultQuery: GRAPHIQL_DEFAULT_QUERY, title: 'reform-graph' },
    landingPage: false,
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

/** Serves GraphQL (and GraphiQL) on /graphql and a liveness probe on /health. */
export async function startServer(options: { graph: Graph; logger: Logger; host: string; port: number }): Promise<RunningServer> {
  const yoga = createYogaApp(options.graph, options.logger);
  const server = createServer(yoga);
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
