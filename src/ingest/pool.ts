import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { ExtractedArticle } from '../model/index.js';

export interface ExtractRequest {
  job: number;
  path: string;
}

export type ExtractResponse = { job: number; ok: true; article: ExtractedArticle } | { job: number; ok: false; reason: string };

const WORKER_SCRIPT = new URL('./worker.mjs', import.meta.url);

/**
 * Extraction in child processes, one per core by default: the extractor is CPU-bound (nodejieba,
 * regular expressions), the writes are not, so extraction of the next batch overlaps the write of
 * this one. Processes rather than worker threads: nodejieba's dictionaries are native memory that
 * a terminated thread leaves in our heap (about 350 MiB after the seeds), while an exited process
 * returns all of it, so a server that ingested at start-up serves as lean as one that did not.
 * A worker that dies is replaced and its job reported as failed.
 */
export class ExtractPool {
  private readonly idle: ChildProcess[] = [];
  private readonly queue: Array<{ request: ExtractRequest; resolve: (r: ExtractResponse) => void }> = [];
  private readonly running = new Map<ChildProcess, { request: ExtractRequest; resolve: (r: ExtractResponse) => void }>();
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
    const workers = [...this.idle, ...this.running.keys()];
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.exitCode !== null || w.signalCode !== null) return resolve();
            w.once('exit', () => resolve());
            w.ref(); // held until it has exited, so close() resolves
            w.kill();
          }),
      ),
    );
  }

  private spawn(): ChildProcess {
    // 'advanced' serialisation: the extracted article crosses as a structured clone, not JSON text.
    const worker = fork(WORKER_SCRIPT, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    worker.on('message', (response: ExtractResponse) => {
      const task = this.running.get(worker);
      this.running.delete(worker);
      this.idle.push(worker);
      task?.resolve(response);
      this.pump();
    });
    worker.on('exit', (code, signal) => {
      const task = this.running.get(worker);
      this.running.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      if (this.closed) return;
      task?.resolve({ job: task.request.job, ok: false, reason: `extractor process failed (${signal ?? `exit code ${code}`})` });
      this.idle.push(this.spawn());
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
      worker.channel?.ref();
      worker.send(task.request);
    }
    // An idle pool never keeps the process alive.
    for (const w of this.idle) {
      w.unref();
      w.channel?.unref();
    }
  }
}
