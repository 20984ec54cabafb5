import { describe, expect, it } from 'vitest';
import { evaluateSeeds } from '../eval/run.js';
import { f1, TARGETS, type Scored } from '../eval/score.js';

// The quality targets of the extractor on the seeds (issue 3, point 11), against the hand-made
// gold of test/fixtures/gold. `npm run eval -- --verbose` shows what is missed and spurious.
describe('extractor quality on the seeds', () => {
  const { totals } = evaluateSeeds();
  it.each(Object.entries(TARGETS) as Array<[Scored, number]>)('%s F1 ≥ %s', (type, target) => {
    expect(f1(totals[type]).f1).toBeGreaterThanOrEqual(target);
  });
});
