import neo4j, { Neo4jError, type Driver, type ManagedTransaction } from 'neo4j-driver';

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
    try {
      return await session.executeWrite(work);
    } catch (error) {
      throw translate(error);
    } finally {
      await session.close();
    }
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

  /** Runs outside an explicit transaction: schema statements cannot share one with data. */
  async runAutoCommit(cypher: string): Promise<void> {
    const session = this.driver.session({ database: this.database });
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
