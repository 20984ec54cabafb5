/** A sentence of the normalised text, by offsets. */
export interface Sentence {
  start: number;
  end: number;
}

/**
 * Sentences end at 。！？；!? (with any closing quotes after them) and at paragraph breaks.
 * Offsets are into the normalised text, so evidence can point back into it.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const boundary = /[。！？；!?]+[”’」』）)]*|\n/gu;
  let start = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m[0] === '\n' ? m.index : m.index + m[0].length;
    pushTrimmed(text, start, end, out);
    start = m.index + m[0].length;
  }
  pushTrimmed(text, start, text.length, out);
  return out;
}

/**
 * Longer "sentences" are cut (real ones run to a few hundred characters): every extractor works
 * sentence by sentence and copies a sentence into each piece of evidence, so an unpunctuated
 * megabyte must not be one sentence.
 */
export const MAX_SENTENCE_CHARS = 1000;
/** Where a long sentence is best cut: after a comma or other pause. */
const PAUSE = /[，、,：:\s]/u;

function pushTrimmed(text: string, start: number, end: number, out: Sentence[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  while (end - start > MAX_SENTENCE_CHARS) {
    let cut = start + MAX_SENTENCE_CHARS;
    // The last pause in the second half of the window, else a hard cut (never inside a surrogate pair).
    let pause = cut;
    while (pause > start + MAX_SENTENCE_CHARS / 2 && !PAUSE.test(text[pause - 1]!)) pause--;
    if (pause > start + MAX_SENTENCE_CHARS / 2) cut = pause;
    else if (/[\udc00-\udfff]/.test(text[cut]!)) cut--;
    pushTrimmed(text, start, cut, out);
    start = cut;
    while (start < end && /\s/.test(text[start]!)) start++;
  }
  if (end > start) out.push({ start, end });
}

/** The sentence that contains offset `at` (binary search; sentences are sorted). */
export function sentenceAt(sentences: readonly Sentence[], at: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
