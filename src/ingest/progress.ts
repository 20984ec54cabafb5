import { SingleBar, Presets } from 'cli-progress';
import type { IngestProgress } from './ingest.js';

/**
 * Ingest progress for people: a bar on a terminal, a plain line per batch otherwise (logs, CI),
 * both on stderr so that stdout keeps the summary.
 */
export function ingestProgress(stream: NodeJS.WriteStream): { update: (p: IngestProgress) => void; stop: () => void } {
  if (stream.isTTY) {
    const bar = new SingleBar({ stream, format: 'ingest [{bar}] {value}/{total} articles | {failed} failed | {eta_formatted} left', hideCursor: true }, Presets.shades_classic);
    let started = false;
    return {
      update: (p) => {
        if (!started) bar.start(p.total, 0, { failed: 0 });
        started = true;
        bar.update(p.done, { failed: p.failed });
      },
      stop: () => started && bar.stop(),
    };
  }
  return {
    update: (p) => stream.write(`ingest: ${p.done}/${p.total} articles, ${p.failed} failed\n`),
    stop: () => {},
  };
}
