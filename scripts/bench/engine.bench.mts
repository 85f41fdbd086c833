// `npm run bench:engine`: 1,000,000 synthetic records (mixed channels, eight standards, two
// calendars with holidays and DST) through `etalon evaluate`, from CSV and from NDJSON, beside the
// same files only parsed with the same reader, in the same run. Each phase runs in its own
// process (one core) and reports records/s and peak RSS. COUNT=… changes the size.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { STANDARDS_YAML, writeFixtures } from './engine-fixtures';

const COUNT = Number(process.env.COUNT ?? 1_000_000);
const dir = join(tmpdir(), `etalon-bench-engine-${COUNT}`);
const csv = join(dir, 'records.csv');
const ndjson = join(dir, 'records.ndjson');
const standards = join(dir, 'standards.yaml');
mkdirSync(dir, { recursive: true });
writeFileSync(standards, STANDARDS_YAML);
if (!existsSync(csv) || !existsSync(ndjson)) {
  process.stderr.write(`writing ${COUNT} records to ${dir} …\n`);
  await writeFixtures(COUNT, csv, ndjson);
}

interface PhaseResult {
  records: number;
  seconds: number;
  maxRssMb: number;
}
const run = (phase: 'parse' | 'evaluate', file: string): PhaseResult =>
  JSON.parse(
    execFileSync(
      process.execPath,
      ['--import', 'tsx', new URL('./engine-phase.mts', import.meta.url).pathname, phase, file, standards],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    ),
  ) as PhaseResult;

const rate = (r: PhaseResult) => r.records / r.seconds;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
);
console.log(`records: ${fmt(COUNT)}\n`);
console.log(
  'file    | parse only rec/s | end to end rec/s | end to end / parse | peak RSS (parse / evaluate)',
);
for (const [name, file] of [
  ['CSV', csv],
  ['NDJSON', ndjson],
] as const) {
  const parse = run('parse', file);
  const evaluate = run('evaluate', file);
  if (parse.records !== COUNT || evaluate.records !== COUNT)
    throw new Error(`expected ${COUNT} records, got ${parse.records} / ${evaluate.records}`);
  console.log(
    `${name.padEnd(7)} | ${fmt(rate(parse)).padStart(16)} | ${fmt(rate(evaluate)).padStart(16)} | ${`${Math.round((rate(evaluate) / rate(parse)) * 100)} %`.padStart(18)} | ${Math.round(parse.maxRssMb)} MB / ${Math.round(evaluate.maxRssMb)} MB`,
  );
}
console.log('\nbars: end to end ≥ 150,000 rec/s on one core, and ≥ 50 % of parse only');
