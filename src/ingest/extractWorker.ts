import { extractArticle } from '../extract/article.js';
import type { ExtractRequest, ExtractResponse } from './pool.js';
import { readArticleFile, reasonFor } from './readArticle.js';

/** One extraction process (ExtractPool): reads a file and runs the (pure) extractor on it. */
process.on('message', async (request: ExtractRequest) => {
  let response: ExtractResponse;
  try {
    const article = extractArticle(await readArticleFile(request.path), { source: request.path });
    response = { job: request.job, ok: true, article };
  } catch (error) {
    response = { job: request.job, ok: false, reason: reasonFor(error, request.path) };
  }
  process.send!(response);
});
