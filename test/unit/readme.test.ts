import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

const DOCS = ['README.md', 'docs/ARCHITECTURE.md'];
const SCHEMA = buildSchema(readFileSync('schema.graphql', 'utf8'));

/** The bodies of a Markdown file's fenced blocks of one language, with the line each starts on. */
function fencedBlocks(markdown: string, language: string): Array<{ line: number; body: string }> {
  const blocks: Array<{ line: number; body: string }> = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== '```' + language) continue;
    const end = lines.findIndex((l, j) => j > i && l.trim() === '```');
    expect(end, `block opened on line ${i + 1} is closed`).toBeGreaterThan(i);
    blocks.push({ line: i + 1, body: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

/** Targets of Markdown links and images that are paths in this repository (not URLs, not anchors). */
function localLinks(markdown: string): string[] {
  const targets = [...markdown.matchAll(/\]\(([^)\s]{1,300})\)/gu)].map((m) => m[1]!);
  return targets.filter((t) => !/^[a-z]+:/iu.test(t) && !t.startsWith('#')).map((t) => t.replace(/#.{0,200}$/u, ''));
}

describe.each(DOCS)('%s, as a newcomer reads it', (file) => {
  const markdown = readFileSync(file, 'utf8');

  it('has GraphQL snippets that parse and are valid against schema.graphql', () => {
    const blocks = fencedBlocks(markdown, 'graphql');
    if (file === 'README.md') expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const { line, body } of blocks) {
      let document;
      try {
        document = parse(body);
      } catch (error) {
        throw new Error(`${file}, the graphql block on line ${line} does not parse: ${(error as Error).message}`);
      }
      expect(validate(SCHEMA, document).map((e) => `${file}:${line}: ${e.message}`)).toEqual([]);
    }
  });

  it('links only to files that exist in a clone', () => {
    const links = localLinks(markdown);
    expect(links.length).toBeGreaterThan(0);
    const base = dirname(file);
    for (const link of links) {
      const target = normalize(join(base, link));
      expect(target.startsWith('..'), `${file} links outside the repository: ${link}`).toBe(false);
      expect(existsSync(target), `${file} links to ${link}, which is missing`).toBe(true);
    }
  });
});

describe('README.md', () => {
  const readme = readFileSync('README.md', 'utf8');

  it('links the architecture document and shows the GraphiQL screenshot, a real PNG', () => {
    expect(localLinks(readme)).toContain('docs/ARCHITECTURE.md');
    expect(readme).toMatch(/!\[[^\]]{1,200}\]\(docs\/graphiql\.png\)/u);
    expect(readFileSync('docs/graphiql.png').subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it('documents the front matter fields the extractor reads', () => {
    const normalize = readFileSync('src/extract/normalize.ts', 'utf8');
    const fields = [...normalize.matchAll(/field\('([a-z_]{1,30})'\)/gu)].map((m) => m[1]!);
    expect(fields).toEqual(expect.arrayContaining(['title', 'date', 'url']));
    for (const field of new Set(fields)) expect(readme, `front matter field ${field}`).toContain(`\`${field}\``);
  });
});
