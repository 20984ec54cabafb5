import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { extractArticle } from '../extract/article.js';
import type { ExtractRequest, ExtractResponse } from './pool.js';

/** One extraction thread: reads a file and runs the (pure) extractor on it. */
parentPort!.on('message', async (request: ExtractRequest) => {
  let response: ExtractResponse;
  try {
    const article = extractArticle(await readFile(request.path), { source: request.path });
    response = { job: request.job, ok: true, article };
  } catch (error) {
    response = { job: request.job, ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(response);
});
