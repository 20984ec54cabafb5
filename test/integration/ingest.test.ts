import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Graph } from '../../src/graph/driver.js';
import { applySchema } from '../../src/graph/migrate.js';
import { retractArticles } from '../../src/graph/write.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { graphDigest, resetGraph, testGraph, writeCorpus } from '../helpers.js';

const ZHENGZHOU_A = `---
title: 郑州推行拿地即开工
url: https://news.invalid/a
---
郑州市行政审批局推行“拿地即开工”，工程建设项目审批时间由100天压缩至30天。`;
const ZHENGZHOU_B = `---
title: 郑州开通企业开办专区
url: https://news.invalid/b
---
郑州市行政审批局开通“一件事一次办”专区，企业开办时间从3个工作日压缩到1个工作日。河南省鼎盛建材有限公司首个受益。`;

let dir: string;
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function one<T>(graph: Graph, cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  return graph.read(async (tx) => (await tx.run(cypher, params)).records.map((r) => r.toObject() as T));
}

describe('ingest into a real Neo4j', () => {
  let graph: Graph;

  beforeAll(() => {
    graph = testGraph();
  });
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reform-graph-ingest-'));
    await resetGraph(graph);
  });
  afterAll(async () => {
    await graph?.close();
  });

  it('applies the schema idempotently, with a CJK full-text index over names and aliases', async () => {
    await applySchema(graph);
    const [fulltext] = await one<{ analyzer: string; properties: string[] }>(
      graph,
      `SHOW FULLTEXT INDEXES YIELD name, properties, options WHERE name = 'entity_names' RETURN properties, options.indexConfig['fulltext.analyzer'] AS analyzer`,
    );
    expect(fulltext).toEqual({ properties: ['name', 'aliases'], analyzer: 'cjk' });
    await ingestPaths(graph, ['seeds']);
    await graph.write((tx) => tx.run('CALL db.awaitIndexes(60)'));
    const found = await one<{ name: string }>(graph, `CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node RETURN node.name AS name`, { q: '行政审批局' });
    expect(found.map((f) => f.name)).toContain('石家庄市行政审批局');
  });

  it('keeps provenance: articles, MENTIONS, and the articles and sentences of every fact and outcome', async () => {
    const summary = await ingestPaths(graph, ['seeds']);
    expect(summary).toMatchObject({ new: 5, unchanged: 0, replaced: 0, failed: [] });
    const [article] = await one<Record<string, unknown>>(graph, `MATCH (a:Article) WHERE a.source ENDS WITH '000_732da148dba9abcf.txt' RETURN a {.*} AS a`);
    expect((article as { a: Record<string, unknown> }).a).toMatchObject({ title: '石家庄：优化营商环境迈出新步伐', date: '2021-12-24', extractorVersion: expect.any(String) });
    expect((article as { a: { contentHash: string } }).a.contentHash).toMatch(/^[0-9a-f]{64}$/);

    const unsupported = await one<{ n: number }>(
      graph,
      `MATCH ()-[r:LOCATED_IN|BRANCH_OF|HOLDS|IMPLEMENTED_IN|RUN_BY|BASED_ON|ISSUED_BY|ACHIEVED]->()
       WHERE size(r.articles) = 0 OR size(r.articles) <> size(r.sentences) OR any(s IN r.sentences WHERE s = '')
       RETURN count(r) AS n`,
    );
    expect(unsupported[0]!.n).toBe(0);
    const facts = await one<{ n: number }>(graph, `MATCH ()-[r:LOCATED_IN|IMPLEMENTED_IN|ACHIEVED]->() RETURN count(r) AS n`);
    expect(facts[0]!.n).toBeGreaterThan(20);

    const [outcome] = await one<{ articles: string[]; sentences: string[]; indicator: string }>(
      graph,
      `MATCH (o:Outcome {beforeValue: 139, afterValue: 74})-[:MEASURES]->(i:Indicator) RETURN o.articles AS articles, o.sentences AS sentences, i.name AS indicator`,
    );
    expect(outcome!.indicator).toBe('APPROVAL_MATERIALS');
    expect(outcome!.sentences[0]).toContain('审批要件由139个压缩至74个');
    const orphans = await one<{ n: number }>(graph, `MATCH (n:Entity) WHERE NOT n:Region AND NOT (n)<-[:MENTIONS]-(:Article) RETURN count(n) AS n`);
    expect(orphans[0]!.n).toBe(0);
  });

  it('changes nothing when the same files are ingested again: counts and property values', async () => {
    await ingestPaths(graph, ['seeds']);
    const before = await graphDigest(graph);
    const again = await ingestPaths(graph, ['seeds', 'seeds/*.txt']);
    expect(again).toMatchObject({ new: 0, unchanged: 5, replaced: 0, nodesCreated: 0, relationshipsCreated: 0, nodesDeleted: 0, relationshipsDeleted: 0 });
    expect(await graphDigest(graph)).toEqual(before);
  });

  it('meets facts from different articles on the same nodes', async () => {
    file('a.txt', ZHENGZHOU_A);
    file('b.txt', ZHENGZHOU_B);
    await ingestPaths(graph, [dir]);
    const agencies = await one<{ articles: number; located: string[] }>(
      graph,
      `MATCH (a:Agency {name: '郑州市行政审批局'})-[r:LOCATED_IN]->(:Region {code: '4101'})
       RETURN COUNT { (a)<-[:MENTIONS]-(:Article) } AS articles, r.articles AS located`,
    );
    expect(agencies).toHaveLength(1);
    expect(agencies[0]!.articles).toBe(2);
    expect(agencies[0]!.located).toHaveLength(2);
  });

  it('retracts exactly what only one article supported, and entities left with none', async () => {
    file('a.txt', ZHENGZHOU_A);
    await ingestPaths(graph, [dir]);
    const onlyA = await graphDigest(graph);

    const b = file('b.txt', ZHENGZHOU_B);
    await ingestPaths(graph, [b]);
    const [{ id }] = (await one<{ id: string }>(graph, `MATCH (a:Article {url: 'https://news.invalid/b'}) RETURN a.id AS id`)) as [{ id: string }];
    expect((await one<{ n: number }>(graph, `MATCH (e:Enterprise) RETURN count(e) AS n`))[0]!.n).toBe(1);

    const retracted = await retractArticles(graph, [id!, 'article:does-not-exist']);
    expect(retracted.found).toEqual([id]);
    expect(await graphDigest(graph)).toEqual(onlyA);
  });

  it('replaces the facts of an article whose url is known but whose content changed', async () => {
    const path = file('a.txt', ZHENGZHOU_A);
    await ingestPaths(graph, [dir]);
    writeFileSync(path, ZHENGZHOU_A.replace('由100天压缩至30天', '由100天压缩至20天'));
    const summary = await ingestPaths(graph, [dir]);
    expect(summary).toMatchObject({ new: 0, replaced: 1, unchanged: 0 });
    const outcomes = await one<{ after: number }>(graph, `MATCH (o:Outcome) RETURN o.afterValue AS after`);
    expect(outcomes).toEqual([{ after: 20 }]);
    expect((await one<{ n: number }>(graph, `MATCH (a:Article) RETURN count(a) AS n`))[0]!.n).toBe(1);

    // The same as ingesting the new version into an empty graph.
    const replaced = await graphDigest(graph);
    await resetGraph(graph);
    await ingestPaths(graph, [dir]);
    expect(await graphDigest(graph)).toEqual(replaced);
  });

  it('re-extracts articles written by an older extractor only when asked', async () => {
    await ingestPaths(graph, ['seeds']);
    const current = await graphDigest(graph);
    await graph.write((tx) => tx.run(`MATCH (a:Article) WITH a ORDER BY a.id LIMIT 2 SET a.extractorVersion = '0.0.1'`));
    expect(await ingestPaths(graph, ['seeds'])).toMatchObject({ unchanged: 5, replaced: 0 });
    expect(await ingestPaths(graph, ['seeds'], { reextract: true })).toMatchObject({ unchanged: 3, replaced: 2 });
    expect(await graphDigest(graph)).toEqual(current);
  });

  it('reports files that fail with their reason, and ingests the rest', async () => {
    file('empty.txt', '');
    file('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
    file('a.txt', ZHENGZHOU_A);
    const summary = await ingestPaths(graph, [dir, join(dir, 'missing.txt'), join(dir, '*.md')]);
    expect(summary.new).toBe(1);
    expect(summary.failed.map((f) => f.path.split('/').pop()).sort()).toEqual(['*.md', 'empty.txt', 'image.png', 'missing.txt']);
    for (const f of summary.failed) expect(f.reason.length).toBeGreaterThan(5);
  });

  it('kg ingest: plain progress lines off a terminal, a summary, and an exit code that says a file failed', async () => {
    file('a.txt', ZHENGZHOU_A);
    file('empty.txt', '   \n');
    const { code, stdout, stderr } = await kg(['ingest', dir, '--batch-size', '1']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/ingest: 2\/2 articles, 1 failed/);
    expect(stdout).toMatch(/failed: .*empty\.txt: empty article/);
    expect(stdout).toMatch(/articles: 1 new, 0 unchanged, 0 replaced, 1 failed \(of 2 files\)/);
    const again = await kg(['ingest', join(dir, 'a.txt')]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 new, 1 unchanged/);
  });

  it('ends with the same graph after a SIGKILL mid-ingest and a second run as after one clean run', async () => {
    const corpus = writeCorpus(join(dir, 'corpus'), 240, 7);
    expect(readdirSync(corpus)).toHaveLength(240);
    await ingestPaths(graph, [corpus], { batchSize: 10 });
    const clean = await graphDigest(graph);

    await resetGraph(graph);
    const child = spawnKg(['ingest', corpus, '--batch-size', '10']);
    await new Promise<void>((resolve, reject) => {
      child.stderr!.on('data', (chunk: Buffer) => {
        const m = /ingest: (\d+)\/240/u.exec(chunk.toString());
        if (m && Number(m[1]) >= 60) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error('kg ingest ended before it could be killed')));
    });
    await new Promise((resolve) => child.on('close', resolve));
    const articles = (await one<{ n: number }>(graph, `MATCH (a:Article) RETURN count(a) AS n`))[0]!.n;
    expect(articles).toBeGreaterThanOrEqual(60);
    expect(articles).toBeLessThan(240);

    const resumed = await ingestPaths(graph, [corpus], { batchSize: 10 });
    expect(resumed.unchanged).toBeGreaterThanOrEqual(60);
    expect(await graphDigest(graph)).toEqual(clean);
    // Three ingests of 240 articles: about 25 s alone, several times that on a busy machine.
  }, 240_000);
});

function spawnKg(args: string[]) {
  return spawn('node', ['bin/kg.js', ...args], { env: { ...process.env, NEO4J_URI: inject('neo4jUri'), NEO4J_USER: 'neo4j', NEO4J_PASSWORD: inject('neo4jPassword'), LOG_LEVEL: 'warn' } });
}

async function kg(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnKg(args);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}
