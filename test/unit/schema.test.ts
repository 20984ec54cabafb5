import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema, SCHEMA_FILE } from '../../src/schema/print.js';

describe('schema.graphql', () => {
  it('is the printed Pothos schema (run `npm run schema:print` after changing src/schema)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printedSchema());
  });
});
