import { describe, expect, it } from 'vitest';
import { PlanTracker } from '../../src/graph/plans.js';

/** An `explain` that records what it was asked to plan and settles when the test says. */
function controlledExplain() {
  const asked: string[] = [];
  let settle: { resolve: () => void; reject: (e: Error) => void } | undefined;
  const explain = (cypher: string) => {
    asked.push(cypher);
    return new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  };
  return { asked, explain, succeed: () => settle!.resolve(), fail: () => settle!.reject(new Error('Neo4j went away')) };
}

describe('PlanTracker', () => {
  it('plans a new statement in the background once, and knows it afterwards', async () => {
    const neo4j = controlledExplain();
    const plans = new PlanTracker(neo4j.explain);
    expect(plans.isPlanned('A', {})).toBe(false);
    expect(plans.isPlanned('A', {})).toBe(false); // still being planned: not asked again
    neo4j.succeed();
    await plans.settled();
    expect(plans.isPlanned('A', {})).toBe(true);
    expect(neo4j.asked).toEqual(['A']);
  });

  it('plans one statement at a time: a new one seen meanwhile is planned on a later use', async () => {
    const neo4j = controlledExplain();
    const plans = new PlanTracker(neo4j.explain);
    plans.isPlanned('A', {});
    expect(plans.isPlanned('B', {})).toBe(false);
    neo4j.succeed();
    await plans.settled();
    expect(plans.isPlanned('B', {})).toBe(false);
    expect(neo4j.asked).toEqual(['A', 'B']);
  });

  it('forgets a failed planning, so that the next use tries again', async () => {
    const neo4j = controlledExplain();
    const plans = new PlanTracker(neo4j.explain);
    plans.isPlanned('A', {});
    neo4j.fail();
    await plans.settled();
    expect(plans.isPlanned('A', {})).toBe(false);
    expect(neo4j.asked).toEqual(['A', 'A']);
  });

  it('remembers at most its capacity, forgetting the least recently used first', async () => {
    const neo4j = controlledExplain();
    const plans = new PlanTracker(neo4j.explain, 2);
    const plan = async (cypher: string) => {
      plans.isPlanned(cypher, {});
      neo4j.succeed();
      await plans.settled();
    };
    await plan('A');
    await plan('B');
    expect(plans.isPlanned('A', {})).toBe(true); // A is now the most recently used
    await plan('C');
    expect(plans.isPlanned('A', {})).toBe(true);
    expect(plans.isPlanned('C', {})).toBe(true);
    expect(plans.isPlanned('B', {})).toBe(false); // evicted, so planned again
    expect(neo4j.asked).toEqual(['A', 'B', 'C', 'B']);
  });
});
