// `npm run bench:startup`: how long `npm start`'s server takes from process start to a healthy
// /api/health, on a fresh data directory (migrations run) and on an existing one. Median of N runs.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.RUNS ?? 5);
const PORT = 3998;

async function timeToHealthy(dataDir) {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/etalon.mjs', 'serve'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      ETALON_DATA_DIR: dataDir,
      DATABASE_URL: '',
      ETALON_LOG_LEVEL: 'silent',
    },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${PORT}/api/health`);
        if (res.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fresh = [];
const existing = [];
for (let i = 0; i < RUNS; i += 1) {
  const dir = mkdtempSync(join(tmpdir(), 'etalon-bench-'));
  fresh.push(await timeToHealthy(dir));
  existing.push(await timeToHealthy(dir));
  rmSync(dir, { recursive: true, force: true });
}
// The floor: a bare Node process that does nothing, on this machine, now.
const bare = [];
for (let i = 0; i < RUNS; i += 1) {
  const t = performance.now();
  await new Promise((r) => spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' }).once('exit', r));
  bare.push(performance.now() - t);
}
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
);
console.log(`start → healthy, fresh data dir (migrations): median ${median(fresh).toFixed(0)} ms of ${RUNS}`);
console.log(
  `start → healthy, existing data dir:           median ${median(existing).toFixed(0)} ms of ${RUNS}`,
);
console.log(`bare node process start and exit:             median ${median(bare).toFixed(0)} ms (the floor)`);
