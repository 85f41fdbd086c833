import { setImmediate as yieldToOthers } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { AppError, ValidationError, type ErrorCode, type FieldIssue } from '../../core/errors';
import type { RejectedRecord } from '../../contract/monitoring.schema';
import type { ReadRecordsOptions } from '../files/interaction-records.reader';
import type { WriteCounts } from './ingest';
import type { PreparedBatch } from './prepare';
import type { RulesInput } from './rules';

/**
 * A file import in two threads: a worker reads, validates and judges the records and makes each
 * batch ready to write (import-worker.ts); this thread writes the batches, one transaction each,
 * while the worker prepares the next. On a machine with two cores that is most of the import's
 * work done beside the database's. Same rules, same results as importing in one thread (tested):
 * the worker builds its rules from the very data this thread's were built from.
 */

export interface ImportProgress extends WriteCounts {
  rejected_count: number;
  records: number;
}

export interface ImportEntriesOptions {
  /** Called after each written chunk with the running totals. */
  onProgress?: (progress: ImportProgress) => void;
  /** Called for every problem of every rejected record. */
  onRejected?: (rejected: RejectedRecord) => void;
  /** Records per transaction (default 5,000). */
  chunkSize?: number;
}

/** What the worker is started with. */
export interface PipelineInput {
  path: string;
  /** The reader's options, without its callbacks. */
  reader: Omit<ReadRecordsOptions, 'onBytes'>;
  rules: RulesInput;
  asOfMs: number;
  chunkSize: number;
}

export interface WorkerInput extends PipelineInput {
  /** Records per batch sent. */
  subBatch: number;
}

/** What the worker tells this thread. `records` and `rejectedCount` are running totals. */
export type WorkerMessage =
  | {
      type: 'batch';
      batch: PreparedBatch;
      records: number;
      rejectedCount: number;
      rejected: RejectedRecord[];
      bytes: number;
    }
  | { type: 'bytes'; bytes: number }
  | { type: 'done'; records: number; rejectedCount: number; bytes: number }
  | {
      type: 'error';
      error: { name: string; message: string; code?: string; details?: unknown; issues?: unknown };
    };

export interface PipelineOptions extends ImportEntriesOptions {
  /** Told the bytes read so far, a few times a second. */
  onBytes?: (bytes: number) => void;
  /** Awaited after each committed transaction (a job stores its progress and rejections there). */
  afterTransaction?: () => Promise<void>;
}

/**
 * Writes one transaction's batches: takes them from `next` (undefined: no more for this
 * transaction) and returns what they counted.
 */
export type TransactionWriter = (next: () => Promise<PreparedBatch | undefined>) => Promise<WriteCounts>;

/** Records per batch the worker sends: small, so writing starts soon and the threads overlap finely. */
const SUB_BATCH = 5_000;
/** Batches the worker may have sent that this thread has not taken yet (bounds memory). */
export const AHEAD = 8;

/**
 * Imports a file through a worker thread. The worker sends batches of a few thousand prepared
 * records; `writeTransaction` is called once per transaction of up to `chunkSize` records and
 * takes batches as they come, so this thread writes while the worker prepares. Rejects with the
 * reader's error (a broken file) or the writer's; either way the worker is stopped, and the
 * transactions committed stay.
 */
export async function importInWorker(
  input: PipelineInput,
  writeTransaction: TransactionWriter,
  options: PipelineOptions,
): Promise<ImportProgress> {
  const progress: ImportProgress = { created: 0, updated: 0, unchanged: 0, rejected_count: 0, records: 0 };
  const worker = new Worker(new URL('./import-worker.mjs', import.meta.url), {
    workerData: { ...input, subBatch: Math.min(SUB_BATCH, input.chunkSize) } satisfies WorkerInput,
    // Batches waiting to be sent survive several young-generation collections; more room there
    // means fewer copies of them.
    resourceLimits: { maxYoungGenerationSizeMb: 48 },
  });
  const inbox = new Inbox<WorkerMessage>();
  worker.on('message', (m: WorkerMessage) => inbox.push(m));
  worker.on('error', (e) => inbox.fail(e));
  worker.on('exit', (code) =>
    inbox.fail(new Error(`the import's worker thread stopped (exit code ${code})`)),
  );
  let done = false;
  const seen = { records: 0, rejectedCount: 0 };
  const nextBatch = async (): Promise<PreparedBatch | undefined> => {
    while (!done) {
      const m = await inbox.next();
      if (m.type === 'bytes') options.onBytes?.(m.bytes);
      else if (m.type === 'error') throw rebuildError(m.error);
      else {
        seen.records = m.records;
        seen.rejectedCount = m.rejectedCount;
        options.onBytes?.(m.bytes);
        if (m.type === 'done') done = true;
        else {
          worker.postMessage('taken');
          for (const r of m.rejected) options.onRejected?.(r);
          if (m.batch.ids.length > 0) return m.batch;
        }
      }
    }
    return undefined;
  };
  try {
    while (!done) {
      let taken = 0;
      const c = await writeTransaction(async () => {
        if (taken >= input.chunkSize) return undefined;
        const batch = await nextBatch();
        taken += batch?.ids.length ?? 0;
        return batch;
      });
      progress.created += c.created;
      progress.updated += c.updated;
      progress.unchanged += c.unchanged;
      progress.records = seen.records;
      progress.rejected_count = seen.rejectedCount;
      options.onProgress?.({ ...progress });
      await options.afterTransaction?.();
      // Batches already waiting resolve without a turn of the event loop: give one, so a server
      // answers the requests that came in while this transaction was written.
      await yieldToOthers();
    }
  } finally {
    await worker.terminate();
  }
  return progress;
}

/** Messages in arrival order, taken one at a time; a failure is thrown to the taker. */
class Inbox<T> {
  readonly #items: T[] = [];
  #failure: unknown;
  #waiting: { resolve: (item: T) => void; reject: (e: unknown) => void } | undefined;

  push(item: T) {
    if (this.#waiting) {
      const w = this.#waiting;
      this.#waiting = undefined;
      w.resolve(item);
    } else this.#items.push(item);
  }

  /** Fails the next take once the messages already here are taken. */
  fail(e: unknown) {
    this.#failure ??= e;
    if (this.#waiting) {
      const w = this.#waiting;
      this.#waiting = undefined;
      w.reject(this.#failure);
    }
  }

  next(): Promise<T> {
    if (this.#items.length > 0) return Promise.resolve(this.#items.shift()!);
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => (this.#waiting = { resolve, reject }));
  }
}

/** The reader's error as it was thrown in the worker, so callers see the same error either way. */
function rebuildError(e: Extract<WorkerMessage, { type: 'error' }>['error']): Error {
  if (e.name === 'ValidationError' && Array.isArray(e.issues))
    return new ValidationError(e.issues as FieldIssue[], e.message);
  if (e.code !== undefined) return new AppError(e.code as ErrorCode, e.message, e.details);
  const error = new Error(e.message);
  error.name = e.name;
  return error;
}
