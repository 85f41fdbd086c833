// `npm run bench:grid`: the service grid at the size the issue names (300 × 300), end to end.
// Starts the real server on a fresh SQLite directory, loads 300 units, 300 employees and a grid of
// CELLS cells through the public import API, then measures:
//   - organization and grid import throughput (rows a second);
//   - GET /api/v1/grid (the matrix answer) latency and size, median of RUNS;
//   - XLSX export, and re-import of that file (all unchanged);
//   - in Debian's Chromium: time until the matrix is on screen, and frames per second while the
//     matrix scrolls diagonally at SPEED px/s for SCROLL_MS — against the display's 60 frames a second, the
//     physical limit of "smooth".
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const PORT = Number(process.env.BENCH_PORT ?? 3997);
const BASE = `http://127.0.0.1:${PORT}`;
const CELLS = Number(process.env.CELLS ?? 20_000);
const RUNS = Number(process.env.RUNS ?? 5);
const SCROLL_MS = Number(process.env.SCROLL_MS ?? 4000);
/** A brisk mouse-wheel scroll: about two screens a second. */
const SPEED = Number(process.env.SPEED ?? 1500);
const ADMIN = { name: 'Bench Admin', email: 'bench@example.org', password: 'copper lantern 77 harbours' };

let cookie = '';
let csrf = '';

async function call(method: string, path: string, body?: string | Buffer, type = 'application/json') {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = type;
  if (cookie) headers.cookie = cookie;
  if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
  const res = await fetch(`${BASE}/api/v1${path}`, { method, headers, body: body ?? null });
  const set = res.headers.get('set-cookie');
  if (set) cookie = set.split(';')[0]!;
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return res;
}
const json = (body: object) => JSON.stringify(body);
const csvRow = (cells: (string | number)[]) =>
  cells.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(',');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
}

/** 300 units: one company, 6 branches, 7 departments each, 6 teams each (1 + 6 + 42 + 251 = 300). */
function units(): { code: string; parent: string }[] {
  const list = [{ code: 'CO', parent: '' }];
  for (let b = 1; b <= 6; b++) {
    list.push({ code: `B${b}`, parent: 'CO' });
    for (let d = 1; d <= 7; d++) {
      list.push({ code: `B${b}-D${d}`, parent: `B${b}` });
      for (let t = 1; t <= 6 && list.length < 300; t++)
        list.push({ code: `B${b}-D${d}-T${t}`, parent: `B${b}-D${d}` });
    }
  }
  return list;
}

/**
 * Scrolls the matrix down and right at `speed` px a second for `duration` ms, one step a frame,
 * counting frames. A string, because tsx would wrap a function's inner helpers in `__name`, which
 * the page does not have.
 */
const scrollScript = (duration: number, speed: number) => `new Promise((resolve) => {
  const matrix = document.querySelector('[data-testid="grid-matrix"]');
  const maxTop = matrix.scrollHeight - matrix.clientHeight;
  const maxLeft = matrix.scrollWidth - matrix.clientWidth;
  let frames = 0, longest = 0;
  const t0 = performance.now();
  let last = t0;
  requestAnimationFrame(function step(now) {
    frames += 1;
    longest = Math.max(longest, now - last);
    last = now;
    // ${speed} px a second down and right, turning back at the far edge.
    const travelled = ((now - t0) / 1000) * ${speed};
    const bounce = (max) => (Math.floor(travelled / max) % 2 === 0 ? travelled % max : max - (travelled % max));
    matrix.scrollTop = bounce(maxTop);
    matrix.scrollLeft = bounce(maxLeft);
    if (now - t0 < ${duration}) requestAnimationFrame(step);
    else resolve({ frames, ms: now - t0, longest });
  });
})`;

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'etalon-bench-grid-'));
  const server = spawn(process.execPath, ['bin/etalon.mjs', 'serve'], {
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
        if ((await fetch(`${BASE}/api/health`)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await call('POST', '/setup', json(ADMIN));
    const login = await call('POST', '/auth/login', json({ email: ADMIN.email, password: ADMIN.password }));
    csrf = ((await login.json()) as { csrf_token: string }).csrf_token;

    const unitList = units();
    const unitsCsv = [
      'code,name_ru,name_en,parent_code',
      ...unitList.map((u) => csvRow([u.code, `Подразделение ${u.code}`, `Unit ${u.code}`, u.parent])),
    ].join('\r\n');
    const [, unitsMs] = await timed(() => call('POST', '/org/import?kind=units', unitsCsv, 'text/csv'));
    const employeesCsv = [
      'code,name_ru,name_en,unit_code,email,extensions',
      ...Array.from({ length: 300 }, (_, i) =>
        csvRow([
          `E${i}`,
          `Сотрудник ${i}`,
          `Employee ${i}`,
          unitList[i % 300]!.code,
          `e${i}@example.org`,
          String(1000 + i),
        ]),
      ),
    ].join('\r\n');
    const [, employeesMs] = await timed(() =>
      call('POST', '/org/import?kind=employees', employeesCsv, 'text/csv'),
    );

    // A dense grid: CELLS distinct (provider, recipient) pairs spread over the matrix, 1–3 types each.
    const types = [
      'information',
      'paperwork',
      'deadlines',
      'consultation',
      'escalation',
      'document_delivery',
    ];
    const rows = [
      'provider_kind,provider_code,recipient_code,support_types,instructions,expected_response,contact_code',
    ];
    // Every pair visited once in a scattered order (7919 is prime to 90,000), the diagonal skipped.
    let made = 0;
    for (let k = 0; made < CELLS && k < 90_000; k++) {
      const pair = (k * 7919) % 90_000;
      const p = Math.floor(pair / 300);
      const r = pair % 300;
      if (p === r) continue;
      made += 1;
      const n = 1 + (made % 3);
      rows.push(
        csvRow([
          'unit',
          unitList[p]!.code,
          unitList[r]!.code,
          types.slice(made % 4, (made % 4) + n).join('; '),
          `Write to desk ${p}`,
          'one working day',
          '',
        ]),
      );
    }
    const [, gridMs] = await timed(() => call('POST', '/grid/import', rows.join('\r\n'), 'text/csv'));

    const matrixTimes: number[] = [];
    let matrixBytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const [text, ms] = await timed(async () => (await call('GET', '/grid')).text());
      matrixTimes.push(ms);
      matrixBytes = Buffer.byteLength(text);
    }
    const [xlsx, exportMs] = await timed(async () =>
      Buffer.from(await (await call('GET', '/grid/export?format=xlsx')).arrayBuffer()),
    );
    const [reimport, reimportMs] = await timed(async () =>
      (
        await call(
          'POST',
          '/grid/import',
          xlsx,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
      ).json(),
    );

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu'],
    });
    let firstPaintMs = 0;
    let scroll = { frames: 0, ms: 0, longest: 0 };
    try {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addCookies([{ name: 'etalon_session', value: cookie.split('=')[1]!, url: BASE }]);
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${BASE}/grid`);
      await page.getByRole('gridcell').first().waitFor();
      firstPaintMs = performance.now() - started;
      scroll = (await page.evaluate(scrollScript(SCROLL_MS, SPEED))) as typeof scroll;
    } finally {
      await browser.close();
    }

    const fps = (scroll.frames / scroll.ms) * 1000;
    const line = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`);
    console.log(
      `Etalon grid benchmark — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.versions.node}`,
    );
    line('units import (300, CSV)', `${unitsMs.toFixed(0)} ms`);
    line('employees import (300, CSV)', `${employeesMs.toFixed(0)} ms`);
    line(
      `grid import (${CELLS} cells, CSV)`,
      `${gridMs.toFixed(0)} ms = ${((CELLS / gridMs) * 1000).toFixed(0)} cells/s`,
    );
    line(
      `GET /grid (300 rows × 300 columns, median of ${RUNS})`,
      `${median(matrixTimes).toFixed(0)} ms, ${(matrixBytes / 1024).toFixed(0)} KiB`,
    );
    line('XLSX export', `${exportMs.toFixed(0)} ms, ${(xlsx.length / 1024).toFixed(0)} KiB`);
    line('XLSX re-import (all unchanged)', `${reimportMs.toFixed(0)} ms, ${JSON.stringify(reimport)}`);
    line('browser: /grid until the first cell shows', `${firstPaintMs.toFixed(0)} ms`);
    line(
      `browser: diagonal scroll, ${SPEED} px/s for ${SCROLL_MS} ms`,
      `${fps.toFixed(1)} frames/s = ${((fps / 60) * 100).toFixed(0)}% of the 60 frames/s limit, longest frame ${scroll.longest.toFixed(0)} ms`,
    );
  } finally {
    server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
