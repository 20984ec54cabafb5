import type { ManagedTransaction } from 'neo4j-driver';

/** A record of a shared read, by column name. */
export interface SharedRow {
  get(key: string): unknown;
}

/** Runs work in one managed read transaction (`Graph.read`). */
export type ReadTransaction = <T>(work: (tx: ManagedTransaction) => Promise<T>) => Promise<T>;

interface QueuedRead {
  cypher: string;
  params: Record<string, unknown>;
  resolve: (rows: SharedRow[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Reads asked for in the same turn of the event loop, run together in one transaction: the
 * DataLoaders of one GraphQL level all dispatch together, so a level costs one transaction (its
 * statements pipelined on one connection) instead of one per loader. If the transaction fails,
 * every read of the turn fails with its error.
 */
export class SharedReads {
  private queued: QueuedRead[] = [];

  constructor(private readonly readTransaction: ReadTransaction) {}

  read(cypher: string, params: Record<string, unknown>): Promise<SharedRow[]> {
    return new Promise((resolve, reject) => {
      // setImmediate runs after the promise jobs of this turn, in which the other loaders dispatch.
      if (this.queued.length === 0) setImmediate(() => void this.flush());
      this.queued.push({ cypher, params, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queued;
    this.queued = [];
    try {
      const results = await this.readTransaction((tx) => Promise.all(batch.map((q) => tx.run(q.cypher, q.params))));
      batch.forEach((q, i) => q.resolve(results[i]!.records));
    } catch (error) {
      for (const q of batch) q.reject(error);
    }
  }
}
