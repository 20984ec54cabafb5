import { extractArticle } from '../../src/extract/article.js';
import type { ExtractedArticle } from '../../src/model/index.js';

export function extract(text: string): ExtractedArticle {
  return extractArticle(Buffer.from(text, 'utf8'), { source: 'test' });
}

export function namesOf(a: ExtractedArticle, type: string): string[] {
  return a.entities.filter((e) => e.type === type).map((e) => e.name);
}

export function attributesOf(a: ExtractedArticle, type: string, name: string): Record<string, unknown> | undefined {
  return a.entities.find((e) => e.type === type && e.name === name)?.attributes;
}
