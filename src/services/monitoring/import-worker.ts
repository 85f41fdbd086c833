import { parentPort, workerData } from 'node:worker_threads';
import type { InteractionRecord } from '../../contract/interaction-record.schema';
import { readInteractionRecordBatches } from '../files/interaction-records.reader';
import { rejectionsOf } from './ingest';
import { AHEAD, type WorkerInput, type WorkerMessage } from './import-pipeline';
import { prepareRecords } from './prepare';
import { buildRules } from './rules';
import type { RejectedRecord } from '../../contract/monitoring.schema';

/**
 * An import's worker thread: reads and validates the file, judges each batch of valid records and
 * makes it ready to write (prepareRecords), and hands the batches to the main thread, which writes
 * them. At most AHEAD batches wait for the main thread at a time, so memory stays bounded when
 * writing is slower than reading.
 */
const input = workerData as WorkerInput;
const port = parentPort!;
const post = (message: WorkerMessage, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);

let waiting = 0;
let wake: (() => void) | undefined;
port.on('message', (m: unknown) => {
  if (m !== 'taken') return;
  waiting -= 1;
  wake?.();
});

async function run() {
  const rules = buildRules(input.rules);
  let bytes = 0;
  let lastBytes = 0;
  let records = 0;
  let rejectedCount = 0;
  let rejected: RejectedRecord[] = [];
  let batch: InteractionRecord[] = [];
  const send = async () => {
    while (waiting >= AHEAD) await new Promise<void>((resolve) => (wake = resolve));
    const prepared = prepareRecords(rules, batch, input.asOfMs);
    batch = [];
    waiting += 1;
    post({ type: 'batch', batch: prepared, records, rejectedCount, rejected, bytes }, [
      prepared.deltas.counts.buffer as ArrayBuffer,
    ]);
    rejected = [];
  };
  const reader = readInteractionRecordBatches(input.path, {
    ...input.reader,
    onBytes(b) {
      bytes = b;
      // A progress bar needs a few updates a second, not one per read.
      if (b - lastBytes >= 1 << 20) {
        lastBytes = b;
        post({ type: 'bytes', bytes: b });
      }
    },
  });
  let index = 0;
  for await (const entries of reader) {
    for (const entry of entries) {
      records += 1;
      const at = index++;
      const problems = rejectionsOf(rules, entry, at);
      if (problems.length > 0) {
        rejectedCount += 1;
        rejected.push(...problems);
        continue;
      }
      if ('record' in entry) batch.push(entry.record);
      if (batch.length >= input.subBatch) await send();
    }
  }
  if (batch.length > 0 || rejected.length > 0) await send();
  post({ type: 'done', records, rejectedCount, bytes });
}

run().catch((e: unknown) => {
  const error = e as Partial<{
    name: string;
    message: string;
    code: string;
    details: unknown;
    issues: unknown;
  }>;
  post({
    type: 'error',
    error: {
      name: error.name ?? 'Error',
      message: error.message ?? String(e),
      code: error.code,
      details: error.details,
      issues: error.issues,
    },
  });
});
