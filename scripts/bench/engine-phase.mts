// One measured phase of `npm run bench:engine`, in a process of its own so its peak RSS is its own:
//   parse <file>     — read and validate every record, nothing else (the parse-only floor)
//   evaluate <file>  — the same records through the whole engine (what `etalon evaluate` does)
import { readInteractionRecords } from '../../src/services/files/interaction-records.reader';
import { evaluateFiles } from '../../src/services/evaluation/evaluate-files';

const [phase, file, standards] = process.argv.slice(2);
const started = performance.now();
let records = 0;
if (phase === 'parse') {
  for await (const entry of readInteractionRecords(file!)) if ('record' in entry) records += 1;
} else {
  const report = await evaluateFiles({
    standardsPath: standards!,
    interactionsPath: file!,
    asOfMs: Date.parse('2027-01-01T00:00:00Z'),
    by: 'unit',
    skipInvalid: false,
  });
  records = report.records;
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(JSON.stringify({ records, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
