/** Has Neo4j plan a statement (puts its plan in Neo4j's cache) without running it. */
export type Explain = (cypher: string, params: Record<string, unknown>) => Promise<unknown>;

/** How many planned statements are remembered: the size of Neo4j's default plan cache (server.db.query_cache_size). */
export const PLANS_REMEMBERED = 1000;

/**
 * Which statements Neo4j has already planned for this process, with the planning of new ones done
 * in the background, one statement at a time. For statements whose text depends on the query's
 * shape (a root list with the relations it selects): Neo4j takes 0.15 to 0.5 s to plan one, which
 * a client trying queries in GraphiQL should not wait for, and which a client sending many new
 * shapes should not be able to multiply.
 */
export class PlanTracker {
  /** Statements planned (true) or being planned (false), least recently used first. */
  private readonly planned = new Map<string, boolean>();
  private planning: Promise<void> | null = null;

  constructor(
    private readonly explain: Explain,
    private readonly capacity = PLANS_REMEMBERED,
  ) {}

  /**
   * Whether Neo4j has already planned this statement. If not, and nothing else is being planned,
   * it is planned now in the background, and the caller answers another way this once.
   */
  isPlanned(cypher: string, params: Record<string, unknown>): boolean {
    const known = this.planned.get(cypher);
    if (known) {
      this.planned.delete(cypher); // most recently used last
      this.planned.set(cypher, true);
      return true;
    }
    if (known === undefined && this.planning === null) this.planInBackground(cypher, params);
    return false;
  }

  /** Resolves once the statement being planned in the background, if any, is planned (or failed). */
  async settled(): Promise<void> {
    await this.planning;
  }

  private planInBackground(cypher: string, params: Record<string, unknown>): void {
    this.planned.set(cypher, false);
    this.planning = this.explain(cypher, params)
      .then(
        () => {
          this.planned.set(cypher, true);
          // Neo4j would have evicted the oldest plans by now: forget them too.
          while (this.planned.size > this.capacity) this.planned.delete(this.planned.keys().next().value!);
        },
        () => {
          this.planned.delete(cypher); // tried again on its next use
        },
      )
      .finally(() => {
        this.planning = null;
      });
  }
}
