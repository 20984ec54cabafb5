/** A word for use inside a regular expression: its metacharacters escaped. */
export function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * Words of a data list as a regex alternation, escaped, longest first: 减少 must be tried before
 * 减, or the shorter word wins and the match ends early.
 */
export function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}
