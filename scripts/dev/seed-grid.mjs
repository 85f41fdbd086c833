#!/usr/bin/env node
/**
 * Fills an Etalon instance with a large synthetic service grid, to see the matrix at size:
 * 300 units (6 branches × 7 departments × 6 teams), 30 employees and a few thousand cells.
 *
 *   node scripts/dev/seed-grid.mjs http://127.0.0.1:3922 admin@example.org 'the password'
 *
 * An instance still at first-run setup gets that administrator first. Everything goes through the
 * public API (cookie session + CSRF), so the data is exactly what a person could have entered.
 */
const [
  base = 'http://127.0.0.1:3922',
  email = 'grid.admin@example.org',
  password = 'copper lantern 77 harbours',
] = process.argv.slice(2);
const UNITS = Number(process.env.SEED_UNITS ?? 300);
const CELLS_PER_UNIT = Number(process.env.SEED_CELLS_PER_UNIT ?? 10);
const PARALLEL = 4;

let cookie = '';
let csrf = '';

async function call(method, path, body) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (cookie) headers.cookie = cookie;
  if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const set = res.headers.get('set-cookie');
  if (set) cookie = set.split(';')[0];
  const text = await res.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return json;
}

/** Runs `fn` over `items` with a few requests in flight at once. */
async function pool(items, fn) {
  let next = 0;
  const out = [];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

// A small deterministic random generator, so two runs seed the same grid.
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = (list) => list[Math.floor(random() * list.length)];

const setup = await call('GET', '/setup');
if (setup.needed) await call('POST', '/setup', { name: 'Grid Admin', email, password });
const session = await call('POST', '/auth/login', { email, password });
csrf = session.csrf_token;

const started = Date.now();
const stamp = started.toString(36).slice(-4).toUpperCase();
const branches = Math.max(1, Math.round(UNITS / 50));
const units = [];
for (let b = 0; b < branches && units.length < UNITS; b++) {
  const branch = await call('POST', '/units', {
    code: `S${stamp}-B${b}`,
    name: { en: `Branch ${b + 1}`, ru: `Филиал ${b + 1}` },
  });
  units.push(branch);
  for (let d = 0; d < 7 && units.length < UNITS; d++) {
    const dept = await call('POST', '/units', {
      code: `S${stamp}-B${b}-D${d}`,
      name: { en: `Department ${b + 1}.${d + 1}`, ru: `Отдел ${b + 1}.${d + 1}` },
      parent_id: branch.id,
    });
    units.push(dept);
    const teams = Array.from({ length: 6 }, (_, k) => k).slice(0, Math.max(0, UNITS - units.length));
    units.push(
      ...(await pool(teams, (k) =>
        call('POST', '/units', {
          code: `S${stamp}-B${b}-D${d}-T${k}`,
          name: { en: `Team ${b + 1}.${d + 1}.${k + 1}`, ru: `Группа ${b + 1}.${d + 1}.${k + 1}` },
          parent_id: dept.id,
        }),
      )),
    );
  }
}
console.log(`${units.length} units`);

const employees = await pool(
  Array.from({ length: 30 }, (_, i) => i),
  (i) =>
    call('POST', '/employees', {
      code: `S${stamp}-E${i}`,
      name: { en: `Employee ${i + 1}`, ru: `Сотрудник ${i + 1}` },
      position: 'Specialist',
      unit_id: pick(units).id,
      email: `seed.${stamp.toLowerCase()}.${i}@example.org`,
      extensions: [`${2000 + i}`],
    }),
);
console.log(`${employees.length} employees`);

const types = (await call('GET', '/support-types?limit=500')).items.filter((t) => t.status === 'active');
const wanted = [];
const seen = new Set();
for (const recipient of units) {
  for (let k = 0; k < CELLS_PER_UNIT; k++) {
    const employee = random() < 0.05;
    const provider = employee
      ? { kind: 'employee', id: pick(employees).id }
      : { kind: 'unit', id: pick(units).id };
    if (provider.id === recipient.id) continue; // a unit does not help itself
    const key = `${provider.kind}:${provider.id}|${recipient.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const n = 1 + Math.floor(random() * 3);
    const ids = [...new Set(Array.from({ length: n }, () => pick(types).id))];
    wanted.push({
      provider,
      recipient_unit_id: recipient.id,
      support_type_ids: ids,
      instructions: random() < 0.5 ? 'Write to the service desk; attach the request form.' : null,
      expected_response: random() < 0.5 ? 'Within one working day' : null,
      contact_employee_id: random() < 0.3 ? pick(employees).id : null,
    });
  }
}
let done = 0;
await pool(wanted, async (cell) => {
  await call('POST', '/grid/cells', cell);
  if (++done % 500 === 0) console.log(`${done} cells…`);
});
console.log(`${done} cells; ${((Date.now() - started) / 1000).toFixed(1)} s`);
