import net from 'node:net';
import tls from 'node:tls';
import neo4j, { Neo4jError, type Driver, type ManagedTransaction } from 'neo4j-driver';

/**
 * neo4j-driver (5.28) leaves Nagle's algorithm on and writes a message in 1,400-byte chunks, so a
 * statement longer than that is several small writes: the last waits for Neo4j's delayed ACK, and
 * such a statement took 48 ms instead of 5 (measured on loopback; see docs/PERFORMANCE.md). The
 * driver has no option for it, and opens its sockets with `net.connect` / `tls.connect` looked up
 * at call time, so those two get TCP_NODELAY here, once per process. Other callers of these two
 * functions get it too, which only ever sends their writes sooner.
 */
const NO_DELAY = Symbol.for('reform-graph.noDelay');
for (const mod of [net, tls] as Array<{ connect: (...args: never[]) => net.Socket }>) {
  const connect = mod.connect as typeof mod.connect & { [NO_DELAY]?: true };
  if (connect[NO_DELAY]) continue;
  const withNoDelay = Object.assign((...args: never[]) => connect(...args).setNoDelay(true), { [NO_DELAY]: true as const });
  mod.connect = withNoDelay;
}

/** Neo4j cannot be reached (down, restarting, network): callers may retry later. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** A read ran longer than the transaction timeout and was stopped by Neo4j. */
export class QueryTimeoutError extends Error {
  override name = 'QueryTimeoutError';
}

/** The driver's errors, in the two kinds callers handle: unreachable, and too slow. */
function translate(error: unknown): unknown {
  if (error instanceof Neo4jError) {
    if (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired') return new DatabaseUnavailableError(`Neo4j is unavailable: ${error.message}`);
    if (/TransactionTimedOut|Terminated/u.test(error.code)) return new QueryTimeoutError('the query took longer than the database timeout allows');
  }
  return error;
}

/** How many planned statements `Graph.isPlanned` remembers: the size of Neo4j's default plan cache. */
const PLANS_REMEMBERED = 1000;

export interface GraphConnection {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

/**
 * The one driver of a process, with a session per unit of work and managed transactions
 * (retried by the driver on transient errors). Integers: the driver is asked for plain JS
 * numbers (`disableLosslessIntegers`); every integer we store (counts, values, offsets) is far
 * below 2^53.
 */
export class Graph {
  readonly driver: Driver;
  readonly database: string | undefined;
  /** Transactions run so far: the test that guards against N+1 queries counts round trips with it. */
  transactions = 0;
  /** Reads are stopped by Neo4j after this long (ms), so a costly query cannot hold the server. */
  readTimeoutMs = 10_000;

  constructor(connection: GraphConnection) {
    this.driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
      disableLosslessIntegers: true,
      connectionAcquisitionTimeout: 5_000,
      connectionTimeout: 3_000,
      maxTransactionRetryTime: 5_000,
    });
    this.database = connection.database;
  }

  async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    this.transactions++;
    try {
      return await session.executeRead(work, { timeout: this.readTimeoutMs });
    } catch (error) {
      throw translate(error);
    } finally {
      await session.close();
    }
  }

  async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    this.transactions++;
    this.remembered.clear();
    try {
      return await session.executeWrite(work);
    } catch (error) {
      throw translate(error);
    } finally {
      // Also after: a read remembered while the write ran may have seen the graph before it.
      this.remembered.clear();
      await session.close();
    }
  }

  /** Answers of `readRemembered`, until a time (ms since the epoch); one in flight is shared. */
  private readonly remembered = new Map<string, { until: number; answer: Promise<unknown> }>();

  /**
   * A read whose answer is kept for `ttlMs` and given to every caller asking with the same key
   * meanwhile (callers asking while it runs share the one read). For whole-graph summaries that
   * cost far more than they change: the statistics walk the whole region tree. A write through
   * this Graph forgets them all; a write by another process shows within `ttlMs`.
   */
  readRemembered<T>(key: string, ttlMs: number, read: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const kept = this.remembered.get(key);
    if (kept && kept.until > now) return kept.answer as Promise<T>;
    const answer = read();
    const entry = { until: now + ttlMs, answer };
    this.remembered.set(key, entry);
    // A failure is not remembered: the next caller asks Neo4j again.
    answer.catch(() => {
      if (this.remembered.get(key) === entry) this.remembered.delete(key);
    });
    return answer;
  }

  private pending: Array<{ cypher: string; params: Record<string, unknown>; resolve: (r: Array<{ get(key: string): unknown }>) => void; reject: (e: unknown) => void }> = [];

  /**
   * A read that shares one transaction with the other reads asked for in the same turn of the
   * event loop: the DataLoaders of one GraphQL level all dispatch together, so a level costs one
   * transaction (its statements pipelined on one connection) instead of one per loader.
   */
  readShared(cypher: string, params: Record<string, unknown>): Promise<Array<{ get(key: string): unknown }>> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => void this.flushShared());
      this.pending.push({ cypher, params, resolve, reject });
    });
  }

  private async flushShared(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const results = await this.read((tx) => Promise.all(batch.map((q) => tx.run(q.cypher, q.params))));
      batch.forEach((q, i) => q.resolve(results[i]!.records));
    } catch (error) {
      for (const q of batch) q.reject(error);
    }
  }

  /** Statements Neo4j has planned for this process (true) or is planning (false), oldest first. */
  private readonly planned = new Map<string, boolean>();
  private planning: Promise<void> | null = null;

  /**
   * Whether Neo4j has already planned this statement for us. If not, it is planned now in the
   * background (EXPLAIN puts the plan in Neo4j's cache), one statement at a time, and the caller
   * answers another way this once. For statements whose text depends on the query's shape (a root
   * list with the relations it selects): Neo4j takes 0.15 to 0.5 s to plan one, which a client
   * trying queries in GraphiQL should not wait for, and which a client sending many new shapes
   * should not be able to multiply.
   */
  isPlanned(cypher: string, params: Record<string, unknown>): boolean {
    const known = this.planned.get(cypher);
    if (known) {
      this.planned.delete(cypher); // most recently used last
      this.planned.set(cypher, true);
      return true;
    }
    if (known === undefined && this.planning === null) {
      this.planned.set(cypher, false);
      this.planning = this.read((tx) => tx.run(`EXPLAIN ${cypher}`, params))
        .then(
          () => {
            this.planned.set(cypher, true);
            // Neo4j keeps 1,000 plans by default (server.db.query_cache_size); remember no more.
            while (this.planned.size > PLANS_REMEMBERED) this.planned.delete(this.planned.keys().next().value!);
          },
          () => {
            this.planned.delete(cypher); // tried again on its next use
          },
        )
        .finally(() => {
          this.planning = null;
        });
    }
    return false;
  }

  /** Resolves once the statement being planned in the background, if any, is planned. */
  async plansSettled(): Promise<void> {
    await this.planning;
  }

  /** Runs outside an explicit transaction: schema statements cannot share one with data. */
  async runAutoCommit(cypher: string): Promise<void> {
    const session = this.driver.session({ database: this.database });
    this.remembered.clear(); // schema statements and whole-graph clears change what was read
    try {
      await session.run(cypher);
    } finally {
      await session.close();
    }
  }

  async verify(): Promise<void> {
    await this.driver.verifyConnectivity({ database: this.database });
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
