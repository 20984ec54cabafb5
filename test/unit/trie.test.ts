import { describe, expect, it } from 'vitest';
import { CodeUnitTrie } from '../../src/extract/trie.js';

describe('CodeUnitTrie', () => {
  const trie = new CodeUnitTrie<string>().add('行政', 'a').add('行政审批局', 'b').add('审批', 'c').add('行政', 'ignored').add('𠀀局', 'surrogate');
  it.each([
    ['市行政审批局推行改革', 1, ['3:a', '6:b'], { end: 6, value: 'b' }],
    ['市行政审批局推行改革', 3, ['5:c'], { end: 5, value: 'c' }],
    ['市行政审批局推行改革', 0, [], null],
    ['行政', 0, ['2:a'], { end: 2, value: 'a' }],
    ['𠀀局', 0, [], null],
  ])('%s at %i', (text, start, all, longest) => {
    const found: string[] = [];
    trie.forEachAt(text, start, (end, value) => found.push(`${end}:${value}`));
    expect(found).toEqual(all);
    expect(trie.longestAt(text, start)).toEqual(longest);
  });
});
