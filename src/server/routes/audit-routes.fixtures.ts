import { expect } from 'vitest';
import {
  createEmployee,
  createPerson,
  createToken,
  publishCatalog,
  signIn,
  type TestApp,
} from '../../../test/test-app';
import type { TestDatabase } from '../../../test/test-database';

/**
 * Observed standards of the audits API tests — audits, photos, follow-ups (the worked example of
 * docs/AUDITS.md).
 */
export const CATALOG = `version: etalon/v1
timezone: Europe/Moscow
units:
  - {code: ORG, name: {en: Company}}
  - {code: HR, name: {en: HR}, parent: ORG}
  - {code: IT, name: {en: IT}, parent: ORG}
employees:
  - {code: E1, name: {en: Anna}, unit: HR}
  - {code: E2, name: {en: Ivan}, unit: IT}
standards:
  - code: SMILE
    title: {ru: Улыбка, en: Smile}
    kind: intangible
    category: behaviour
    measure: {type: rating, scale: "1-5", pass_min: 4, weight: 2}
    target: 0.8
    period: month
  - code: EYES
    title: {ru: Взгляд, en: Eye contact}
    kind: intangible
    category: behaviour
    measure: {type: rating, scale: yes_no}
    target: 0.8
    period: month
  - code: TIDY
    title: {en: A tidy desk}
    kind: tangible
    category: environment
    measure: {type: checklist}
    target: 0.8
    period: month
  - code: SIGN-IN
    title: {en: Visitors sign in}
    kind: tangible
    category: environment
    measure: {type: checklist, critical: true, allow_na: false}
    target: 1
    period: month
  - code: DRESS
    title: {en: Dress code}
    kind: tangible
    category: environment
    measure: {type: rating, scale: "1-3", pass_min: 2, weight: 0.5}
    target: 0.8
    period: month
`;

export const TEMPLATE = {
  code: 'RECEPTION',
  title: { ru: 'Приёмная', en: 'Reception audit' },
  pass_mark: 0.8,
  sections: [
    { id: 'behaviour', items: [{ standard: 'SMILE' }, { standard: 'EYES' }] },
    { id: 'environment', items: [{ standard: 'TIDY' }, { standard: 'SIGN-IN' }, { standard: 'DRESS' }] },
  ],
};

/** SMILE passes, EYES and DRESS fail, TIDY is N/A. */
export const EXAMPLE = { SMILE: 5, EYES: 1, TIDY: 'na', 'SIGN-IN': 'yes', DRESS: 1 };

export type Headers = Record<string, string>;

/** People of every kind the rules name, a template, and helpers to call the API. */
export async function setUpAudits(t: TestApp, database: TestDatabase) {
  await publishCatalog(t.services, CATALOG);
  const units = Object.fromEntries(
    (await database.db.selectFrom('units').select(['code', 'id']).execute()).map((u) => [u.code, u.id]),
  );
  const person = async (
    role: Parameters<typeof createPerson>[1],
    employee?: { code: string; unit: string; heads?: boolean },
  ) => {
    const p = await createPerson(t.services, role);
    if (employee)
      await createEmployee(t.services, {
        code: employee.code,
        unitId: units[employee.unit]!,
        userId: p.user.id,
        heads: employee.heads ?? false,
      });
    return { id: p.user.id, headers: await signIn(t.app, p.email) };
  };
  const people = {
    admin: (await createToken(t.services, 'admin')).headers,
    auditor: await person('auditor'),
    auditor2: await person('auditor'),
    staff: await person('staff', { code: 'S1', unit: 'HR' }),
    headHr: await person('head', { code: 'H-HR', unit: 'HR', heads: true }),
    headIt: await person('head', { code: 'H-IT', unit: 'IT', heads: true }),
    viewer: await person('viewer'),
  };
  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    headers: Headers,
    payload?: object,
  ) => t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const created = await call('POST', '/audit-templates', people.admin, TEMPLATE);
  expect(created.statusCode, created.body).toBe(201);
  const templateId = (created.json() as { id: string }).id;

  async function newAudit(headers: Headers, extra: object = {}) {
    const res = await call('POST', '/audits', headers, { template_id: templateId, unit: 'HR', ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  }
  async function submitted(headers: Headers, answers: object = EXAMPLE, extra: object = {}) {
    const id = await newAudit(headers, { answers, ...extra });
    const res = await call('POST', `/audits/${id}/submit`, headers);
    expect(res.statusCode, res.body).toBe(200);
    return id;
  }
  return { units, people, call, templateId, newAudit, submitted };
}

/** The audit log's rows for one entity and action, oldest first. */
export async function auditLogOf(database: TestDatabase, action: string, entityId?: string) {
  let q = database.db.selectFrom('audit_log').selectAll().where('action', '=', action);
  if (entityId !== undefined) q = q.where('entity_id', '=', entityId);
  return q.orderBy('id').execute();
}
