// The entry of an import's worker thread (see import-pipeline.ts). A worker starts without the
// main thread's module hooks, so it registers tsx itself, as bin/etalon.mjs does, before loading
// the TypeScript that does the work.
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');
