import * as OpenCC from 'opencc-js/t2cn';
import { configs } from 'opencc-js/preset/t2cn';

/**
 * Traditional (Hong Kong, Taiwan, mainland traditional) to simplified characters, with OpenCC's
 * hk→cn conversion, run only on the clauses that have something to convert: the conversion
 * walks a dictionary trie at every character and most articles are simplified already.
 */
const convert = OpenCC.Converter({ from: 'hk', to: 'cn' });

interface Dictionaries {
  /**
   * A character of every dictionary entry that changes text, by UTF-16 unit: 1 for such a
   * character, 2 for the high surrogate of an astral one (then `astral` says). A clause without
   * one is left as it is. A table, because a regex class of thousands of characters scans slowly.
   */
  mayChange: Uint8Array;
  astral: Set<number>;
  /** Characters that no dictionary entry holds (1 by UTF-16 unit): clauses between them convert one by one. */
  separators: Uint8Array;
}

let dictionaries: Dictionaries | null = null;

/** Built on first use from the dictionaries the converter uses (hk2s: normalization, segmentation, two conversions). */
function load(): Dictionaries {
  if (dictionaries) return dictionaries;
  const config = configs.hk2s as unknown as { normalizationChain?: unknown[][]; segmentation: unknown; conversionChain: unknown[][] };
  const entriesOf = (group: unknown): Array<[string, string]> => {
    const out: Array<[string, string]> = [];
    for (const d of [group].flat(Infinity)) {
      if (typeof d === 'string') for (const line of d.split('|')) out.push(line.split(' ') as [string, string]);
    }
    return out;
  };
  const [first, second, ...more] = config.conversionChain;
  const normalization = entriesOf(config.normalizationChain ?? []);
  const stage1 = entriesOf(first);
  const stage2 = entriesOf(second);
  const segmentation = entriesOf(config.segmentation);
  const later = entriesOf(more);
  const all = [...normalization, ...segmentation, ...stage1, ...stage2, ...later];

  const inSomeKey = new Set<string>();
  // Single characters that change: the representative of a phrase is one of them where it has one.
  const changingChars = new Set<string>();
  for (const [key, value] of all) {
    for (const ch of key) inSomeKey.add(ch);
    if (key !== value && [...key].length === 1) changingChars.add(key);
  }
  // 台 -> 臺 (Hong Kong variant to OpenCC's traditional) -> 台 (to simplified) changes nothing, as long
  // as no longer entry of the second conversion holds 臺: such a character needs no conversion.
  const secondSingle = new Map(stage2.filter(([key]) => [...key].length === 1));
  const inSecondPhrase = new Set(stage2.filter(([key]) => [...key].length > 1).flatMap(([key]) => [...key]));
  const roundTrip = (key: string, value: string) =>
    more.length === 0 && [...key].length === 1 && [...value].length === 1 && secondSingle.get(value) === key && !inSecondPhrase.has(value);

  const changing = [...normalization, ...segmentation, ...stage1.filter(([key, value]) => !roundTrip(key, value)), ...stage2, ...later];
  const representatives = new Set<string>();
  for (const [key, value] of changing) {
    if (key === value) continue;
    const k = [...key];
    const v = [...value];
    const differing = k.length === v.length ? k.filter((ch, i) => ch !== v[i]) : [];
    representatives.add(differing.find((ch) => changingChars.has(ch)) ?? differing[0] ?? k.find((ch) => changingChars.has(ch)) ?? k[0]!);
  }
  // A match never reaches across a character that no entry holds, so the text converts clause by clause.
  const separators = [...'\n，。；：！？、,.;:!? '].filter((ch) => !inSomeKey.has(ch));
  const mayChange = new Uint8Array(0x10000);
  const astral = new Set<number>();
  for (const ch of representatives) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0xffff) {
      astral.add(cp);
      mayChange[ch.charCodeAt(0)] = 2;
    } else {
      mayChange[cp] = 1;
    }
  }
  const separatorUnits = new Uint8Array(0x10000);
  for (const ch of separators) separatorUnits[ch.charCodeAt(0)] = 1;
  dictionaries = { mayChange, astral, separators: separatorUnits };
  return dictionaries;
}

/** The text in simplified characters; the same string when it has nothing to convert. */
export function toSimplified(text: string): string {
  const { mayChange, astral, separators } = load();
  // One scan for the characters that may change; each converts its clause, found by walking out
  // to the separators around it (a test per clause costs more than the scan).
  const parts: string[] = [];
  let kept = 0;
  for (let at = 0; at < text.length; at++) {
    const flag = mayChange[text.charCodeAt(at)];
    if (flag === 0 || (flag === 2 && !astral.has(text.codePointAt(at)!))) continue;
    let start = at;
    while (start > kept && separators[text.charCodeAt(start - 1)] === 0) start--;
    let end = at + 1;
    while (end < text.length && separators[text.charCodeAt(end)] === 0) end++;
    parts.push(text.slice(kept, start), convert(text.slice(start, end)));
    kept = end;
    at = end - 1;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(kept));
  return parts.join('');
}
