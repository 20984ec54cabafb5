import { setTimeout as sleep } from 'node:timers/promises';
import neo4j, { isRetryableError, Neo4jError, type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import { SharedReads, type SharedRow } from './sharedReads.js';

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

/** Attempts at a `readStatement` that meets transient errors (a leader switch, a deadlock). */
const STATEMENT_ATTEMPTS = 3;

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

  /**
   * One statement, read in a transaction of its own that Neo4j commits as it answers (an
   * auto-commit read): a managed transaction's separate COMMIT is one more round trip, 0.35 ms of
   * a 5 ms request on loopback. A read has nothing to undo, so transient errors are retried here
   * as a managed transaction would retry them.
   */
  async readStatement(text: string, params: Record<string, unknown>): Promise<Neo4jRecord[]> {
    for (let attempt = 1; ; attempt++) {
      const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
      this.transactions++;
      try {
        return (await session.run(text, params, { timeout: this.readTimeoutMs })).records;
      } catch (error) {
        if (attempt < STATEMENT_ATTEMPTS && isRetryableError(error)) {
          await sleep(100 * attempt);
          continue;
        }
        throw translate(error);
      } finally {
        await session.close();
      }
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
   * Keys come from clients (a region's name), so what is remembered is bounded: beyond this many
   * answers, the expired and then the oldest go; and a key longer than REMEMBERED_KEY_MAX is read
   * every time, never kept (1,000 keys the size of a request body would hold gigabytes).
   */
  static readonly REMEMBERED_MAX = 1_000;
  static readonly REMEMBERED_KEY_MAX = 200;

  private forgetOldest(now: number): void {
    for (const [key, entry] of this.remembered) if (entry.until <= now) this.remembered.delete(key);
    // A Map iterates in insertion order: the first keys are the oldest.
    for (const key of this.remembered.keys()) {
      if (this.remembered.size < Graph.REMEMBERED_MAX) break;
      this.remembered.delete(key);
    }
  }

  /**
   * A read whose answer is kept for `ttlMs` and given to every caller asking with the same key
   * meanwhile (callers asking while it runs share the one read). For whole-graph summaries that
   * cost far more than they change (the statistics walk the whole region tree), and for lookups
   * every query would repeat (which regions a name names). A write through this Graph forgets
   * them all; a write by another process shows within `ttlMs`.
   */
  readRemembered<T>(key: string, ttlMs: number, read: () => Promise<T>): Promise<T> {
    if (key.length > Graph.REMEMBERED_KEY_MAX) return read();
    const now = Date.now();
    const kept = this.remembered.get(key);
    if (kept && kept.until > now) return kept.answer as Promise<T>;
    if (this.remembered.size >= Graph.REMEMBERED_MAX) this.forgetOldest(now);
    const answer = read();
    const entry = { until: now + ttlMs, answer };
    this.remembered.delete(key); // set anew, so that it counts as the newest
    this.remembered.set(key, entry);
    // A failure is not remembered: the next caller asks Neo4j again.
    answer.catch(() => {
      if (this.remembered.get(key) === entry) this.remembered.delete(key);
    });
    return answer;
  }

  private readonly sharedReads = new SharedReads((work) => this.read(work));

  /**
   * A read that shares one transaction with the other reads asked for in the same turn of the
   * event loop (see `SharedReads`): a GraphQL level costs one transaction, not one per loader.
   */
  readShared(cypher: string, params: Record<string, unknown>): Promise<SharedRow[]> {
    return this.sharedReads.read(cypher, params);
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
