import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripIgnoredCharacters } from 'graphql';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../src/graph/driver.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { createLogger } from '../../src/log.js';
import { HEADLINE_QUERY } from '../../src/schema/headline.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { resetGraph, testGraph } from '../helpers.js';

/** Debian's chromium (`apt-get install chromium`; .ci/run installs it); CHROMIUM_PATH for another. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.log(`GraphiQL browser test skipped: no browser at ${CHROMIUM} (apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH)`);

/** The README's screenshot is rewritten only on request, so that a test run leaves the tree clean. */
const UPDATE_SCREENSHOT = Boolean(process.env.UPDATE_SCREENSHOT);

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Loopback, or content the page made itself (GraphiQL's editor workers are blob: URLs). */
function staysLocal(href: string): boolean {
  const url = new URL(href);
  return url.protocol === 'blob:' || url.protocol === 'data:' || LOCAL_HOSTS.has(url.hostname);
}

/** Monaco renders spaces as no-break spaces and only the lines in view. */
const visibleText = async (page: Page, editor: string) => (await page.locator(`${editor} .view-lines`).innerText()).replace(/\u00a0/gu, ' ');

describe.skipIf(!hasChromium)('GraphiQL in a real browser, offline', () => {
  let graph: Graph;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    graph = testGraph();
    await resetGraph(graph);
    const summary = await ingestPaths(graph, ['seeds']);
    expect(summary.failed).toEqual([]);
    server = await startServer({ graph, logger: createLogger('silent'), host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await graph?.close();
  });

  it('opens on the headline query with no request leaving the machine, runs it and shows 三证齐发', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    const requested: string[] = [];
    const leftTheMachine: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    // Every request for another host is refused and remembered: the page must make none.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (staysLocal(url)) return route.continue();
      leftTheMachine.push(url);
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // GraphiQL's own introspection must pass the server's depth and cost limits, or it has no schema.
    const introspection = page.waitForResponse((r) => r.request().method() === 'POST' && /__schema/u.test(r.request().postData() ?? ''));
    await page.goto(server.url);
    const schema = (await (await introspection).json()) as { data?: { __schema?: unknown }; errors?: unknown };
    expect(schema.errors).toBeUndefined();
    expect(schema.data?.__schema).toBeDefined();
    expect(await page.title()).toBe('reform-graph');
    await page.locator('.graphiql-query-editor .view-lines').waitFor({ timeout: 30_000 });

    // The editor holds the headline (the first lines are in view; the tab holds all of it).
    const firstLines = HEADLINE_QUERY.split('\n').slice(0, 8).join('\n');
    await expect.poll(() => visibleText(page, '.graphiql-query-editor'), { timeout: 10_000 }).toContain(firstLines);
    await expect.poll(() => page.locator('.graphiql-tab').first().innerText(), { timeout: 10_000 }).toContain('HebeiDistrictReformsAffectingApprovalTime');

    // Run sends what the editor holds (compacted by yoga's fetcher): all of the headline.
    const [run] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST' && !/__schema/u.test(r.postData() ?? '')),
      page.getByRole('button', { name: /^Execute query/u }).click(),
    ]);
    expect(stripIgnoredCharacters(run.postDataJSON().query)).toBe(stripIgnoredCharacters(HEADLINE_QUERY));
    const response = '.graphiql-response';
    await expect.poll(() => visibleText(page, response), { timeout: 30_000 }).toContain('"programs"');
    const shown = await visibleText(page, response);
    expect(shown).not.toContain('"errors"');

    // Scroll the result pane until 三证齐发 is in view (Monaco renders only what is visible).
    const pane = page.locator(response);
    await pane.hover();
    let found = shown.includes('三证齐发');
    for (let step = 0; !found && step < 60; step++) {
      await page.mouse.wheel(0, 300);
      await page.waitForTimeout(50);
      found = (await visibleText(page, response)).includes('三证齐发');
    }
    expect(found).toBe(true);

    // The README's picture: query and answer, without the empty variables pane.
    await page.getByRole('button', { name: 'Hide editor tools' }).click();
    const screenshot = UPDATE_SCREENSHOT ? 'docs/graphiql.png' : join(tmpdir(), `reform-graph-graphiql-${process.pid}.png`);
    await page.screenshot({ path: screenshot });
    expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe('PNG');
    if (UPDATE_SCREENSHOT) console.log(`GraphiQL screenshot written to ${screenshot}`);
    else rmSync(screenshot);

    expect(leftTheMachine).toEqual([]);
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !staysLocal(url))).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
