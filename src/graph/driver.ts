import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';

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

  constructor(connection: GraphConnection) {
    this.driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
      disableLosslessIntegers: true,
      connectionAcquisitionTimeout: 10_000,
      maxTransactionRetryTime: 10_000,
    });
    this.database = connection.database;
  }

  async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(work);
    } finally {
      await session.close();
    }
  }

  async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work);
    } finally {
      await session.close();
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
