/**
 * Names to look up at every position of a text (gazetteer names, agency cores), as a trie keyed
 * by UTF-16 code unit: `text[i]` would make a new string, and hash it, at every character. One
 * regular expression alternating thousands of names is much slower to scan with. Names holding
 * a surrogate pair are never matched unit by unit and are left out.
 */
interface TrieNode<V> {
  next: Map<number, TrieNode<V>>;
  value?: V;
}

export class CodeUnitTrie<V> {
  private readonly root: TrieNode<V> = { next: new Map() };
  /** The root's children by code unit, as an array: most characters start no name, and this says so fastest. */
  private first: Array<TrieNode<V> | undefined> | null = null;

  /** Adds a name; the first value given for a name is kept. */
  add(name: string, value: V): this {
    if (/[\ud800-\udfff]/.test(name)) return this; // no u flag: code units, not code points
    let node = this.root;
    for (let k = 0; k < name.length; k++) {
      const unit = name.charCodeAt(k);
      let child = node.next.get(unit);
      if (!child) node.next.set(unit, (child = { next: new Map() }));
      node = child;
    }
    node.value ??= value;
    this.first = null;
    return this;
  }

  /** Calls `found` for every name that starts at `start`, shortest first. */
  forEachAt(text: string, start: number, found: (end: number, value: V) => void): void {
    let node = this.firstUnits()[text.charCodeAt(start)];
    for (let j = start + 1; node; j++) {
      if (node.value !== undefined) found(j, node.value);
      node = j < text.length ? node.next.get(text.charCodeAt(j)) : undefined;
    }
  }

  /** The longest name that starts at `start`, or null. */
  longestAt(text: string, start: number): { end: number; value: V } | null {
    let node = this.firstUnits()[text.charCodeAt(start)];
    let end = -1;
    let value: V | undefined;
    for (let j = start + 1; node; j++) {
      if (node.value !== undefined) (end = j), (value = node.value);
      node = j < text.length ? node.next.get(text.charCodeAt(j)) : undefined;
    }
    return end < 0 ? null : { end, value: value! };
  }

  private firstUnits(): Array<TrieNode<V> | undefined> {
    return (this.first ??= Array.from({ length: 0x10000 }, (_, unit) => this.root.next.get(unit)));
  }
}
