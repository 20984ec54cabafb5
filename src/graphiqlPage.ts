import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import type { GraphiQLOptions } from 'graphql-yoga';

/**
 * The GraphiQL page, from the npm package `@graphql-yoga/render-graphiql` (yoga's default page
 * loads its scripts from a CDN and stays blank offline). That package is ~9 MB of inlined code as
 * a JavaScript module: importing it costs a server about 80 MiB for its whole life. So the page is
 * rendered once by a short-lived child process into a file, keyed by the package version and the
 * options, and each request streams that file.
 */
const require = createRequire(import.meta.url);
const RENDERER = require.resolve('@graphql-yoga/render-graphiql');
const RENDERER_VERSION = (JSON.parse(await readFile(require.resolve('@graphql-yoga/render-graphiql/package.json'), 'utf8')) as { version: string }).version;
const CACHE_DIR = join(tmpdir(), 'reform-graph-graphiql');

const RENDER_SCRIPT = `
const { renderGraphiQL } = require(process.argv[1]);
let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', () => process.stdout.write(renderGraphiQL(JSON.parse(input))));
`;

const rendering = new Map<string, Promise<string>>();

/** The rendered page's file for these options, rendering it first if no process has yet. */
export function graphiqlPageFile(options: GraphiQLOptions): Promise<string> {
  const key = createHash('sha256').update(`${RENDERER_VERSION}\n${JSON.stringify(options)}`).digest('hex').slice(0, 16);
  let file = rendering.get(key);
  if (!file) {
    file = renderToFile(join(CACHE_DIR, `graphiql-${key}.html`), options);
    rendering.set(key, file);
    file.catch(() => rendering.delete(key)); // a failed render is tried again on the next request
  }
  return file;
}

async function renderToFile(path: string, options: GraphiQLOptions): Promise<string> {
  if (await stat(path).then((s) => s.size > 0, () => false)) return path;
  await mkdir(CACHE_DIR, { recursive: true });
  const child = promisify(execFile)(process.execPath, ['-e', RENDER_SCRIPT, RENDERER], { maxBuffer: 64 * 2 ** 20, encoding: 'utf8' });
  child.child.stdin!.end(JSON.stringify(options));
  const { stdout } = await child;
  // Written aside and renamed: a concurrent server never streams half a page.
  const partial = `${path}.${process.pid}.partial`;
  await writeFile(partial, stdout);
  await rename(partial, path);
  return path;
}

/** The page as a response body: streamed from its file, never held whole in this process. */
export async function graphiqlPage(options: GraphiQLOptions): Promise<ReadableStream<Uint8Array>> {
  return Readable.toWeb(createReadStream(await graphiqlPageFile(options))) as ReadableStream<Uint8Array>;
}
