// The retry policy of Graph.readStatement, on its own. A transient error (a deadlock, a leader
// switch) cannot be provoked on demand on one local Neo4j, so the driver's session is replaced by
// one that fails as told: this tests our loop, not Neo4j (the integration tests use a real one).
import { Neo4jError, type Session } from 'neo4j-driver';

/** An error as the driver raises it, by its code (the GQL status does not matter here). */
const newError = (message: string, code: string) => new Neo4jError(message, code, '50N42', message);
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, Graph } from '../../src/graph/driver.js';

/** A Graph whose sessions run statements by `answer`, counting the attempts. */
function graphAnswering(answer: (attempt: number) => unknown) {
  const graph = new Graph({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'unused' });
  let attempts = 0;
  const session = {
    run: async () => {
      attempts++;
      const outcome = answer(attempts);
      if (outcome instanceof Error) throw outcome;
      return { records: outcome };
    },
    close: async () => undefined,
  };
  graph.driver.session = () => session as unknown as Session;
  return { graph, attempts: () => attempts };
}

const graphs: Graph[] = [];
afterEach(async () => {
  for (const g of graphs.splice(0)) await g.close();
});

describe('Graph.readStatement', () => {
  it('retries a transient error and answers with the attempt that succeeds', async () => {
    const { graph, attempts } = graphAnswering((n) => (n === 1 ? newError('deadlock', 'Neo.TransientError.Transaction.DeadlockDetected') : ['row']));
    graphs.push(graph);
    await expect(graph.readStatement('RETURN 1', {})).resolves.toEqual(['row']);
    expect(attempts()).toBe(2);
  });

  it('gives up after three attempts, with the error as the service reports it', async () => {
    const { graph, attempts } = graphAnswering(() => newError('no route', 'ServiceUnavailable'));
    graphs.push(graph);
    await expect(graph.readStatement('RETURN 1', {})).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(attempts()).toBe(3);
  });

  it('does not retry what another attempt would not change (a syntax error)', async () => {
    const { graph, attempts } = graphAnswering(() => newError('bad statement', 'Neo.ClientError.Statement.SyntaxError'));
    graphs.push(graph);
    await expect(graph.readStatement('RETURN', {})).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.SyntaxError' });
    expect(attempts()).toBe(1);
  });
});
