import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ExtractedArticle } from '../extract/types.js';

export interface ExtractRequest {
  job: number;
  path: string;
}

export type ExtractResponse = { job: number; ok: true; article: ExtractedArticle } | { job: number; ok: false; reason: string };

const WORKER_SCRIPT = new URL('./worker.mjs', import.meta.url);

/**
 * Extraction on worker threads, one per core by default: the extractor is CPU-bound (nodejieba,
 * regular expressions), the writes are not, so extraction of the next batch overlaps the write of
 * this one. A worker that dies is replaced and its job reported as failed.
 */
export class ExtractPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Array<{ request: ExtractRequest; resolve: (r: ExtractResponse) => void }> = [];
  private readonly running = new Map<Worker, { request: ExtractRequest; resolve: (r: ExtractResponse) => void }>();
  private nextJob = 0;
  private closed = false;

  constructor(readonly size: number = Math.max(1, Math.min(availableParallelism(), 4))) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  extract(path: string): Promise<ExtractResponse> {
    if (this.closed) return Promise.reject(new Error('extract pool is closed'));
    return new Promise((resolve) => {
      this.queue.push({ request: { job: this.nextJob++, path }, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.idle, ...this.running.keys()].map((w) => w.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_SCRIPT);
    worker.unref(); // an idle pool never keeps the process alive
    worker.on('message', (response: ExtractResponse) => {
      const task = this.running.get(worker);
      this.running.delete(worker);
      this.idle.push(worker);
      task?.resolve(response);
      this.pump();
    });
    worker.on('error', (error) => {
      const task = this.running.get(worker);
      this.running.delete(worker);
      task?.resolve({ job: task.request.job, ok: false, reason: `extractor thread failed: ${error.message}` });
      if (!this.closed) this.idle.push(this.spawn());
      this.pump();
    });
    return worker;
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.running.set(worker, task);
      worker.ref();
      worker.postMessage(task.request);
    }
    for (const w of this.idle) w.unref();
  }
}
