import { open } from 'node:fs/promises';
import { ArticleTooLargeError, MAX_ARTICLE_BYTES } from '../extract/article.js';

const CHUNK_BYTES = 1024 * 1024;

/**
 * An article file's bytes, refused with ArticleTooLargeError (naming the file, its size and the
 * limit) before anything is read when it is over the limit: a 1 GB file must not cost 1 GB of
 * memory to refuse. The size comes from the open handle, so it is the file that is then read;
 * reading stops past the limit anyway, for a file that grows meanwhile or a pipe or device
 * whose size stat cannot tell.
 */
export async function readArticleFile(path: string, limit: number = MAX_ARTICLE_BYTES): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new Error(`${path}: is a directory, not an article file`);
    if (info.size > limit) throw new ArticleTooLargeError(info.size, limit, path);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, limit + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw new ArticleTooLargeError(limit, limit, path, true);
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** An error's message for a report line that already names the file (no "path: path: …"). */
export function reasonFor(error: unknown, path: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
}
