import { readFileSync } from 'node:fs';

/**
 * The extractor's rule data (word lists, suffix lists, pattern rows) lives as JSON beside this
 * file, so adding a word or a row is a data edit with a table test, not a code change.
 * Read once, at module load: extraction itself stays pure.
 */
export function loadData<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./${name}.json`, import.meta.url), 'utf8')) as T;
}
