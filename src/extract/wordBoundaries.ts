import { readFileSync } from 'node:fs';
import nodejieba from 'nodejieba';

/**
 * jieba word boundaries around a span, so a place's or a reform's name counts only where it is a
 * word of its own (南通 in 指南通过 is not 南通市). jieba gets the project's user dictionary of
 * reform names first (data/jieba-user.dict.utf8, "word freq tag" per line), so 证照分离 and 一网通办
 * stay whole words.
 */
let loaded = false;

/**
 * Loads jieba's dictionaries and ours now. Extraction calls it first thing, so the one-time load
 * (most of a second) is the first article's cost, not that of whichever input first needs a word break.
 */
export function loadWordDictionary(): void {
  jieba();
}

function jieba(): typeof nodejieba {
  if (!loaded) {
    // Inserted into whatever dictionary is loaded: nodejieba.load() would load all of jieba's
    // dictionaries a second time when another extractor has already used jieba.
    for (const line of readFileSync(new URL('./data/jieba-user.dict.utf8', import.meta.url), 'utf8').split('\n')) {
      const [word, , tag] = line.trim().split(/\s+/u);
      if (word) nodejieba.insertWord(word, tag);
    }
    loaded = true;
  }
  return nodejieba;
}

const HAN_CHAR = /^[\u4e00-\u9fff]$/u;

/** Clause punctuation: a window never reaches across it, so segmentation sees one phrase. */
const CLAUSE_END = /[，。；：！？、\n《》“”‘’「」『』（）()【】]/u;

/** The clause around [start, end), at most `reach` characters either side. */
export function clauseWindow(text: string, start: number, end: number, reach = 8): { from: number; to: number } {
  let from = start;
  while (from > 0 && start - from < reach && !CLAUSE_END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && to - end < reach && !CLAUSE_END.test(text[to]!)) to++;
  return { from, to };
}

/** Offsets (into `text`) where jieba puts a word break inside text[from, to), both ends included. */
export function wordBreaks(text: string, from: number, to: number): Set<number> {
  const breaks = new Set<number>([from, to]);
  let at = from;
  for (const word of jieba().cut(text.slice(from, to))) {
    at += word.length;
    breaks.add(at);
  }
  return breaks;
}

/** Whether [start, end) begins and ends on jieba word breaks of its clause. */
export function isWholeWord(text: string, start: number, end: number, reach = 8): boolean {
  // Between punctuation, spaces or the text's ends a span is a word of its own: no need to ask jieba.
  if (!HAN_CHAR.test(text[start - 1] ?? '') && !HAN_CHAR.test(text[end] ?? '')) return true;
  const { from, to } = clauseWindow(text, start, end, reach);
  const breaks = wordBreaks(text, from, to);
  return breaks.has(start) && breaks.has(end);
}

/** jieba's part-of-speech tags of a short string (nodejieba `tag` is slow: short strings only). */
export function tagWords(s: string): Array<{ word: string; tag: string }> {
  return jieba().tag(s);
}
