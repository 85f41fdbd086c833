import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { krippendorffAlpha, observerLeniency } from '../../core/stats/krippendorff';
import { agreementOf, levelOf } from '../../services/calibration.service';
import { describeEachDb } from '../../../test/test-database';
import { createPerson, createTestApp, publishCatalog, signIn, type TestApp } from '../../../test/test-app';

const CATALOG = `version: etalon/v1
timezone: Europe/Moscow
units:
  - {code: ORG, name: {en: Company}}
standards:
  - code: SMILE
    title: {ru: Улыбка, en: Smile}
    kind: intangible
    category: behaviour
    measure: {type: rating, scale: "1-5", pass_min: 4}
    target: 0.8
    period: month
  - code: EYES
    title: {en: Eye contact}
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
    measure: {type: checklist, allow_na: false}
    target: 1
    period: month
`;

const TEMPLATE = {
  code: 'RECEPTION',
  title: { en: 'Reception audit' },
  pass_mark: 0.8,
  sections: [
    { id: 'behaviour', items: [{ standard: 'SMILE' }, { standard: 'EYES' }] },
    { id: 'environment', items: [{ standard: 'TIDY' }, { standard: 'SIGN-IN' }] },
  ],
};

const SUBJECTS = [
  { label: 'Call 1', description: 'Recording of the 9:10 call' },
  { label: 'Call 2', description: 'Recording of the 9:40 call' },
  { label: 'Visit', description: 'Reception on Monday morning' },
];

type Answer = number | 'yes' | 'no' | 'na';
type Headers = Record<string, string>;

/**
 * The small session judged by hand below. SMILE (ordinal): s2 has an N/A against two points;
 * TIDY (nominal): C's N/A on s2 is a value of its own; EYES and SIGN-IN: everyone agrees.
 */
const JUDGED: Record<'A' | 'B' | 'C', Record<string, Record<string, Answer>>> = {
  A: {
    s1: { SMILE: 5, EYES: 2, TIDY: 'yes', 'SIGN-IN': 'yes' },
    s2: { SMILE: 3, EYES: 2, TIDY: 'no', 'SIGN-IN': 'yes' },
    s3: { SMILE: 4, EYES: 2, TIDY: 'yes', 'SIGN-IN': 'yes' },
  },
  B: {
    s1: { SMILE: 4, EYES: 2, TIDY: 'yes', 'SIGN-IN': 'yes' },
    s2: { SMILE: 3, EYES: 2, TIDY: 'no', 'SIGN-IN': 'yes' },
    s3: { SMILE: 2, EYES: 2, TIDY: 'no', 'SIGN-IN': 'yes' },
  },
  C: {
    s1: { SMILE: 5, EYES: 2, TIDY: 'yes', 'SIGN-IN': 'yes' },
    s2: { SMILE: 'na', EYES: 2, TIDY: 'na', 'SIGN-IN': 'yes' },
    s3: { SMILE: 4, EYES: 2, TIDY: 'yes', 'SIGN-IN': 'yes' },
  },
};

interface Detail {
  id: string;
  status: string;
  can_reveal: boolean;
  my_answers: Record<string, Record<string, Answer>>;
  my_comments: Record<string, Record<string, string>>;
  participant_list: { user_id: string; name: string; submitted_at: string | null }[];
  results: null | {
    auditors: { user_id: string }[];
    items: {
      item_id: string;
      agreement: { level: string; alpha: number | null; verdict: string; says: { en: string; ru: string } };
      subjects: { subject_id: string; answers: Record<string, Answer>; disagree: boolean }[];
      na_conflicts: { subject_id: string; na: string[]; points: string[] }[];
    }[];
    overall: { level: string; alpha: number | null; verdict: string }[];
    leniency: { user_id: string; level: string; units: number; mean_deviation: number | null }[];
  };
}

describeEachDb('calibration sessions', (database) => {
  let t: TestApp;
  let lead: Headers;
  let lead2: Headers;
  let staff: Headers;
  const auditors: Record<'A' | 'B' | 'C' | 'D', { headers: Headers; id: string }> = {} as never;
  let staffId: string;
  let templateId: string;
  let sessionId: string;

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const issuesOf = (res: { json(): unknown }) =>
    (res.json() as { error: { details: { issues: { path: string; code?: string }[] } } }).error.details
      .issues;
  const reasonOf = (res: { json(): unknown }) =>
    (res.json() as { error: { code: string; details: { reason?: string } } }).error;

  beforeAll(async () => {
    t = await createTestApp(database());
    t.clock.set('2026-03-10T09:00:00.000Z');
    await publishCatalog(t.services, CATALOG);
    const person = async (role: Parameters<typeof createPerson>[1]) => {
      const p = await createPerson(t.services, role);
      return { headers: await signIn(t.app, p.email), id: p.user.id };
    };
    lead = (await person('manager')).headers;
    lead2 = (await person('manager')).headers;
    for (const k of ['A', 'B', 'C', 'D'] as const) auditors[k] = await person('auditor');
    const s = await person('staff');
    staff = s.headers;
    staffId = s.id;
    const res = await call('POST', '/audit-templates', lead, TEMPLATE);
    expect(res.statusCode, res.body).toBe(201);
    templateId = res.json().id;
  });
  afterAll(async () => {
    await t.app.close();
  });

  const create = (participants: readonly string[], headers = lead) =>
    call('POST', '/calibration-sessions', headers, {
      title: 'March calibration',
      template_id: templateId,
      subjects: SUBJECTS,
      participant_ids: participants,
    });

  it('documents the routes in the OpenAPI document', async () => {
    const paths = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths as Record<
      string,
      Record<string, unknown>
    >;
    expect(Object.keys(paths['/api/v1/calibration-sessions']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/v1/calibration-sessions/{id}/answers']!)).toEqual(['put']);
    expect(Object.keys(paths['/api/v1/calibration-sessions/{id}/reveal']!)).toEqual(['post']);
  });

  describe('creating', () => {
    it('names every bad field at once', async () => {
      const res = await call('POST', '/calibration-sessions', lead, {
        title: 'Bad',
        template_id: '01900000-0000-7000-8000-000000000000',
        subjects: [
          { id: 'x', label: 'One' },
          { id: 'x', label: 'Two' },
          { label: 'Three', interaction_id: 'nope' },
        ],
        participant_ids: [auditors.A.id, auditors.A.id, staffId, '01900000-0000-7000-8000-000000000001'],
      });
      expect(res.statusCode).toBe(400);
      expect(issuesOf(res)).toEqual([
        expect.objectContaining({ path: 'template_id', code: 'unknown_template' }),
        expect.objectContaining({ path: 'subjects.1.id', code: 'duplicate' }),
        expect.objectContaining({ path: 'subjects.2.interaction_id', code: 'unknown_interaction' }),
        expect.objectContaining({ path: 'participant_ids.1', code: 'duplicate' }),
        expect.objectContaining({ path: 'participant_ids.2', code: 'cannot_audit' }),
        expect.objectContaining({ path: 'participant_ids.3', code: 'unknown_user' }),
      ]);
    });

    it('checks the body’s shape naming the field: a title, 1–20 subjects, two participants', async () => {
      const res = await call('POST', '/calibration-sessions', lead, {
        template_id: templateId,
        subjects: [],
        participant_ids: [auditors.A.id],
      });
      expect(res.statusCode).toBe(400);
      expect(
        issuesOf(res)
          .map((i) => i.path)
          .sort(),
      ).toEqual(['participant_ids', 'subjects', 'title']);
      const many = await call('POST', '/calibration-sessions', lead, {
        title: 'Too many',
        template_id: templateId,
        subjects: Array.from({ length: 21 }, (_, i) => ({ label: `S${i}` })),
        participant_ids: [auditors.A.id, auditors.B.id],
      });
      expect(issuesOf(many).map((i) => i.path)).toEqual(['subjects']);
    });

    it('is for quality leads only', async () => {
      expect((await create([auditors.A.id, auditors.B.id], auditors.A.headers)).statusCode).toBe(403);
      expect((await call('GET', '/calibration-sessions/candidates', auditors.A.headers)).statusCode).toBe(
        403,
      );
      expect((await call('GET', '/calibration-sessions', staff)).statusCode).toBe(403);
    });

    it('offers active people who can write audits as participants', async () => {
      const res = await call('GET', '/calibration-sessions/candidates', lead);
      const ids = (res.json().items as { id: string; role: string }[]).map((p) => p.id);
      expect(ids).toEqual(expect.arrayContaining([auditors.A.id, auditors.D.id]));
      expect(ids).not.toContain(staffId);
    });

    it('creates an open session with the template’s latest version and numbered subjects', async () => {
      const res = await create([auditors.A.id, auditors.B.id, auditors.C.id]);
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      sessionId = body.id;
      expect(body).toMatchObject({
        status: 'open',
        subjects: 3,
        participants: 3,
        submitted: 0,
        template: { id: templateId, code: 'RECEPTION', version: 1 },
        can_reveal: true,
        results: null,
        me: { participant: false, submitted_at: null },
      });
      expect(body.subject_list.map((s: { id: string }) => s.id)).toEqual(['s1', 's2', 's3']);
      expect(body.sections.flatMap((s: { items: { id: string }[] }) => s.items.map((i) => i.id))).toEqual([
        'SMILE',
        'EYES',
        'TIDY',
        'SIGN-IN',
      ]);
    });
  });

  describe('judging, blind', () => {
    it('checks each answer against its item, naming subject and item', async () => {
      const res = await call('PUT', `/calibration-sessions/${sessionId}/answers`, auditors.A.headers, {
        answers: { s1: { SMILE: 7, 'SIGN-IN': 'na', NOPE: 'yes' }, zz: { TIDY: 'yes' } },
        comments: { s1: { NOPE: 'x' } },
      });
      expect(res.statusCode).toBe(400);
      expect(issuesOf(res)).toEqual([
        expect.objectContaining({ path: 'answers.s1.SMILE', code: 'invalid_answer' }),
        expect.objectContaining({ path: 'answers.s1.SIGN-IN', code: 'na_not_allowed' }),
        expect.objectContaining({ path: 'answers.s1.NOPE', code: 'unknown_item' }),
        expect.objectContaining({ path: 'answers.zz', code: 'unknown_subject' }),
        expect.objectContaining({ path: 'comments.s1.NOPE', code: 'unknown_item' }),
      ]);
    });

    it('keeps drafts as patches; submitting needs every item on every subject', async () => {
      const first = await call('PUT', `/calibration-sessions/${sessionId}/answers`, auditors.A.headers, {
        answers: { s1: JUDGED.A.s1 },
        comments: { s1: { SMILE: 'A-private-note' } },
      });
      expect(first.statusCode, first.body).toBe(200);
      const early = await call('POST', `/calibration-sessions/${sessionId}/submit`, auditors.A.headers);
      expect(early.statusCode).toBe(400);
      expect(issuesOf(early)).toHaveLength(8);
      expect(issuesOf(early)[0]).toMatchObject({ path: 'answers.s2.SMILE', code: 'unanswered' });
      const cleared = await call('PUT', `/calibration-sessions/${sessionId}/answers`, auditors.A.headers, {
        answers: { s1: { EYES: null } },
      });
      expect((cleared.json() as Detail).my_answers.s1).toEqual({ SMILE: 5, TIDY: 'yes', 'SIGN-IN': 'yes' });
      expect((cleared.json() as Detail).my_comments).toEqual({ s1: { SMILE: 'A-private-note' } });
    });

    it('shows a participant only their own answers, and nobody else anybody’s — only who submitted', async () => {
      for (const k of ['A', 'B'] as const) {
        const res = await call('PUT', `/calibration-sessions/${sessionId}/answers`, auditors[k].headers, {
          answers: JUDGED[k],
        });
        expect(res.statusCode, res.body).toBe(200);
      }
      expect(
        (await call('POST', `/calibration-sessions/${sessionId}/submit`, auditors.A.headers)).statusCode,
      ).toBe(200);

      const asB = await call('GET', `/calibration-sessions/${sessionId}`, auditors.B.headers);
      const b = asB.json() as Detail;
      expect(b.my_answers).toEqual(JUDGED.B);
      expect(b.my_comments).toEqual({});
      expect(b.results).toBeNull();
      expect(asB.body).not.toContain('A-private-note');
      expect(b.participant_list.find((p) => p.user_id === auditors.A.id)!.submitted_at).toBe(
        '2026-03-10T09:00:00.000Z',
      );
      expect(b.participant_list.find((p) => p.user_id === auditors.B.id)!.submitted_at).toBeNull();

      const asLead = await call('GET', `/calibration-sessions/${sessionId}`, lead);
      const l = asLead.json() as Detail;
      expect(l.my_answers).toEqual({});
      expect(l.results).toBeNull();
      expect(asLead.body).not.toContain('A-private-note');
      // Nor does the list say anything but counts.
      const list = await call('GET', '/calibration-sessions', auditors.B.headers);
      expect(list.json().items).toEqual([
        expect.objectContaining({
          id: sessionId,
          submitted: 1,
          me: { participant: true, submitted_at: null },
        }),
      ]);
      expect(list.body).not.toContain('A-private-note');
    });

    it('hides the session from people outside it; submitted answers are final', async () => {
      expect((await call('GET', `/calibration-sessions/${sessionId}`, auditors.D.headers)).statusCode).toBe(
        404,
      );
      expect((await call('GET', '/calibration-sessions', auditors.D.headers)).json().items).toEqual([]);
      const again = await call('PUT', `/calibration-sessions/${sessionId}/answers`, auditors.A.headers, {
        answers: { s1: { SMILE: 1 } },
      });
      expect(again.statusCode).toBe(409);
      expect(reasonOf(again).details.reason).toBe('submitted');
      const asLead = await call('PUT', `/calibration-sessions/${sessionId}/answers`, lead, {
        answers: { s1: { SMILE: 1 } },
      });
      expect(asLead.statusCode).toBe(403);
    });
  });

  describe('revealing', () => {
    it('waits for two submissions, and is the creator’s', async () => {
      const tooFew = await call('POST', `/calibration-sessions/${sessionId}/reveal`, lead);
      expect(tooFew.statusCode).toBe(409);
      expect(reasonOf(tooFew).details.reason).toBe('too_few_submitted');
      expect(
        (await call('POST', `/calibration-sessions/${sessionId}/submit`, auditors.B.headers)).statusCode,
      ).toBe(200);
      await call('PUT', `/calibration-sessions/${sessionId}/answers`, auditors.C.headers, {
        answers: JUDGED.C,
      });
      expect(
        (await call('POST', `/calibration-sessions/${sessionId}/submit`, auditors.C.headers)).statusCode,
      ).toBe(200);
      const other = await call('POST', `/calibration-sessions/${sessionId}/reveal`, lead2);
      expect(other.statusCode).toBe(403);
      expect(reasonOf(other).details.reason).toBe('not_creator');
      expect(
        (await call('POST', `/calibration-sessions/${sessionId}/reveal`, auditors.A.headers)).statusCode,
      ).toBe(403);
      t.clock.set('2026-03-10T10:00:00.000Z');
      const res = await call('POST', `/calibration-sessions/${sessionId}/reveal`, lead);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'revealed', revealed_at: '2026-03-10T10:00:00.000Z' });
      const twice = await call('POST', `/calibration-sessions/${sessionId}/reveal`, lead);
      expect(twice.statusCode).toBe(409);
      expect(reasonOf(twice).details.reason).toBe('revealed');
    });

    it('shows the answers side by side with the disagreements marked', async () => {
      const r = (
        (await call('GET', `/calibration-sessions/${sessionId}`, auditors.A.headers)).json() as Detail
      ).results!;
      expect(r.auditors.map((a) => a.user_id).sort()).toEqual(
        [auditors.A.id, auditors.B.id, auditors.C.id].sort(),
      );
      const tidy = r.items.find((i) => i.item_id === 'TIDY')!;
      expect(tidy.subjects.map((s) => s.disagree)).toEqual([false, true, true]);
      expect(tidy.subjects[1]!.answers).toEqual({
        [auditors.A.id]: 'no',
        [auditors.B.id]: 'no',
        [auditors.C.id]: 'na',
      });
    });

    it('gives alpha per item as computed by hand: nominal counts N/A as a value', async () => {
      const r = ((await call('GET', `/calibration-sessions/${sessionId}`, lead)).json() as Detail).results!;
      const tidy = r.items.find((i) => i.item_id === 'TIDY')!.agreement;
      // Units s1 {yes,yes,yes}, s2 {no,no,na}, s3 {yes,no,yes}; m_u = 3, so each pair weighs 1/2.
      // Coincidences: yes–yes 3 + 1 = 4, no–no 1, no–na 1 (each way), yes–no 1 (each way).
      // n_yes = 5, n_no = 3, n_na = 1, n = 9. D_o = 4/9; D_e = 2(5·3 + 5·1 + 3·1)/(9·8) = 46/72.
      const byHand = 1 - 4 / 9 / (46 / 72);
      expect(tidy.level).toBe('nominal');
      expect(tidy.alpha).toBeCloseTo(byHand, 12);
      expect(tidy.verdict).toBe('disagree');
      expect(tidy.says.en).toContain('sharpen the guidance');
      // The same as core's on the same matrix.
      expect(tidy.alpha).toBe(
        krippendorffAlpha(
          [
            ['yes', 'no', 'yes'],
            ['yes', 'no', 'no'],
            ['yes', 'na', 'yes'],
          ],
          { level: 'nominal' },
        ).alpha,
      );
    });

    it('ordinal items leave N/A out of alpha and list the N/A-versus-point subjects', async () => {
      const r = ((await call('GET', `/calibration-sessions/${sessionId}`, lead)).json() as Detail).results!;
      const smile = r.items.find((i) => i.item_id === 'SMILE')!;
      // Units s1 {5,4,5}, s2 {3,3} (C's N/A is missing), s3 {4,2,4}. Marginals n2 = 1, n3 = 2,
      // n4 = 3, n5 = 2, n = 8. Coincidences: 5–4 and 4–2 ½·2 = 1 each way. δ²(4,5) = (3 + 2 −
      // 2.5)² = 6.25, δ²(2,4) = (1 + 2 + 3 − 2)² = 16; δ²(2,3) = 2.25, δ²(2,5) = 42.25,
      // δ²(3,4) = 6.25, δ²(3,5) = 25. D_o = (2·6.25 + 2·16)/8; D_e = 2(1·2·2.25 + 1·3·16 +
      // 1·2·42.25 + 2·3·6.25 + 2·2·25 + 3·2·6.25)/(8·7) = 624/56.
      const byHand = 1 - 44.5 / 8 / (624 / 56);
      expect(smile.agreement.level).toBe('ordinal');
      expect(smile.agreement.alpha).toBeCloseTo(byHand, 12);
      expect(smile.agreement.verdict).toBe('disagree');
      expect(smile.na_conflicts).toEqual([
        {
          subject_id: 's2',
          na: [auditors.C.id],
          points: expect.arrayContaining([auditors.A.id, auditors.B.id]),
        },
      ]);
      // Nominal items list none: N/A is just another answer there.
      expect(r.items.find((i) => i.item_id === 'TIDY')!.na_conflicts).toEqual([]);
    });

    it('shows full agreement without a coefficient where nobody varied', async () => {
      const r = ((await call('GET', `/calibration-sessions/${sessionId}`, lead)).json() as Detail).results!;
      for (const id of ['EYES', 'SIGN-IN']) {
        const a = r.items.find((i) => i.item_id === id)!.agreement;
        expect(a).toMatchObject({ level: 'nominal', alpha: null, verdict: 'full_agreement' });
        expect(a.says.ru).toContain('Полное согласие');
      }
    });

    it('pools the overall alpha per level and gives each auditor’s leniency', async () => {
      const r = ((await call('GET', `/calibration-sessions/${sessionId}`, lead)).json() as Detail).results!;
      const rows = r.auditors.map((a) =>
        (['A', 'B', 'C'] as const).find((k) => auditors[k].id === a.user_id)!,
      );
      const items = { nominal: ['EYES', 'TIDY', 'SIGN-IN'], ordinal: ['SMILE'] };
      for (const level of ['nominal', 'ordinal'] as const) {
        const matrix = rows.map((k) =>
          items[level].flatMap((item) =>
            ['s1', 's2', 's3'].map((s) => {
              const a = JUDGED[k][s]![item]!;
              return level === 'ordinal' && a === 'na' ? null : a;
            }),
          ),
        );
        const overall = r.overall.find((o) => o.level === level)!;
        expect(overall.alpha).toBe(krippendorffAlpha(matrix, { level }).alpha);
        const core = observerLeniency(matrix, { level });
        expect(r.leniency.filter((l) => l.level === level).map((l) => l.mean_deviation)).toEqual(
          core.map((c) => c.meanDeviation),
        );
      }
      // By hand, SMILE: A +0.5, 0, +1 → 0.5; B −1, 0, −2 → −1; C +0.5, +1 over two subjects → 0.75.
      const ordinal = (k: 'A' | 'B' | 'C') =>
        r.leniency.find((l) => l.level === 'ordinal' && l.user_id === auditors[k].id)!;
      expect(ordinal('A')).toMatchObject({ units: 3, mean_deviation: 0.5 });
      expect(ordinal('B')).toMatchObject({ units: 3, mean_deviation: -1 });
      expect(ordinal('C')).toMatchObject({ units: 2, mean_deviation: 0.75 });
    });

    it('writes the audit log: creation, each submission, the reveal — never the answers before it', async () => {
      const log = await call('GET', `/audit?entity=calibration_session&entity_id=${sessionId}`, lead);
      expect(log.statusCode, log.body).toBe(200);
      const actions = (log.json().items as { action: string }[]).map((e) => e.action).sort();
      expect(actions).toEqual([
        'calibration.create',
        'calibration.reveal',
        'calibration.submit',
        'calibration.submit',
        'calibration.submit',
      ]);
      expect(log.body).not.toContain('A-private-note');
    });

    it('freezes answers after the reveal', async () => {
      const late = await call('PUT', `/calibration-sessions/${sessionId}/answers`, auditors.C.headers, {
        answers: { s1: { SMILE: 1 } },
      });
      expect(late.statusCode).toBe(409);
      expect(reasonOf(late).details.reason).toBe('revealed');
    });

    it('keeps subject ids that are also names of object properties to themselves', async () => {
      const res = await call('POST', '/calibration-sessions', lead, {
        title: 'Odd ids',
        template_id: templateId,
        subjects: [
          { id: 'constructor', label: 'One' },
          { id: 'toString', label: 'Two' },
        ],
        participant_ids: [auditors.A.id, auditors.B.id],
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as string;
      const bad = await call('POST', '/calibration-sessions', lead, {
        title: 'Bad id',
        template_id: templateId,
        subjects: [{ id: '__proto__', label: 'One' }],
        participant_ids: [auditors.A.id, auditors.B.id],
      });
      expect(issuesOf(bad).map((i) => i.path)).toEqual(['subjects.0.id']);
      const given = (smile: number) => ({
        constructor: { SMILE: smile, EYES: 2, TIDY: 'yes', 'SIGN-IN': 'yes' },
        toString: { SMILE: 3, EYES: 1, TIDY: 'no', 'SIGN-IN': 'yes' },
      });
      // A's first save leaves `toString` out: submitting names exactly its four items.
      await call('PUT', `/calibration-sessions/${id}/answers`, auditors.A.headers, {
        answers: { constructor: given(5).constructor },
      });
      const early = await call('POST', `/calibration-sessions/${id}/submit`, auditors.A.headers);
      expect(issuesOf(early).map((i) => i.path)).toEqual([
        'answers.toString.SMILE',
        'answers.toString.EYES',
        'answers.toString.TIDY',
        'answers.toString.SIGN-IN',
      ]);
      for (const [k, smile] of [
        ['A', 5],
        ['B', 4],
      ] as const) {
        await call('PUT', `/calibration-sessions/${id}/answers`, auditors[k].headers, {
          answers: given(smile),
        });
        expect(
          (await call('POST', `/calibration-sessions/${id}/submit`, auditors[k].headers)).statusCode,
        ).toBe(200);
      }
      const r = ((await call('POST', `/calibration-sessions/${id}/reveal`, lead)).json() as Detail).results!;
      const smile = r.items.find((i) => i.item_id === 'SMILE')!;
      expect(smile.subjects.map((s) => s.disagree)).toEqual([true, false]);
      expect(smile.agreement.alpha).toBe(
        krippendorffAlpha(
          [
            [5, 3],
            [4, 3],
          ],
          { level: 'ordinal' },
        ).alpha,
      );
    });

    it('leaves out the answers of participants who did not submit', async () => {
      const res = await create([auditors.A.id, auditors.B.id, auditors.D.id]);
      const id = res.json().id as string;
      for (const k of ['A', 'B'] as const) {
        await call('PUT', `/calibration-sessions/${id}/answers`, auditors[k].headers, { answers: JUDGED[k] });
        expect(
          (await call('POST', `/calibration-sessions/${id}/submit`, auditors[k].headers)).statusCode,
        ).toBe(200);
      }
      await call('PUT', `/calibration-sessions/${id}/answers`, auditors.D.headers, {
        answers: { s1: { SMILE: 1 } },
        comments: { s1: { SMILE: 'D-unsent-note' } },
      });
      const revealed = await call('POST', `/calibration-sessions/${id}/reveal`, lead);
      expect(revealed.statusCode, revealed.body).toBe(200);
      const r = (revealed.json() as Detail).results!;
      expect(r.auditors.map((a) => a.user_id)).not.toContain(auditors.D.id);
      expect(revealed.body).not.toContain('D-unsent-note');
      const smile = r.items.find((i) => i.item_id === 'SMILE')!;
      expect(Object.keys(smile.subjects[0]!.answers).sort()).toEqual([auditors.A.id, auditors.B.id].sort());
      // D still reads their own unsent answers.
      const asD = (await call('GET', `/calibration-sessions/${id}`, auditors.D.headers)).json() as Detail;
      expect(asD.my_answers).toEqual({ s1: { SMILE: 1 } });
      // The list shows both sessions to the lead, newest first.
      const list = (await call('GET', '/calibration-sessions', lead)).json();
      const ids = list.items.map((s: { id: string }) => s.id);
      expect(ids[0]).toBe(id);
      expect(ids).toHaveLength(3);
      expect(ids.at(-1)).toBe(sessionId);
    });
  });
});

describe('calibration agreement (no database)', () => {
  it('is not computable when no subject has two judgements, and N/A alone leaves a rating unpaired', () => {
    // Ordinal: B's N/A on s1 is missing, so no subject has two points.
    expect(
      agreementOf(
        [
          [4, null],
          [null, 3],
        ],
        'ordinal',
      ),
    ).toMatchObject({ alpha: null, verdict: 'not_computable', pairable_units: 0, units: 2 });
  });

  it('classifies alpha by the customary thresholds, compared unrounded', () => {
    // Four subjects, three auditors, one answer off: the verdict follows core's alpha.
    const matrix = [
      ['yes', 'no', 'yes', 'no'],
      ['yes', 'no', 'yes', 'no'],
      ['yes', 'no', 'yes', 'yes'],
    ];
    const a = agreementOf(matrix, 'nominal');
    const core = krippendorffAlpha(matrix, { level: 'nominal' }).alpha!;
    expect(a.alpha).toBe(core);
    expect(a.verdict).toBe(core >= 0.8 ? 'reliable' : core >= 0.667 ? 'tentative' : 'disagree');
    expect(agreementOf([['yes'], ['yes']], 'nominal')).toMatchObject({
      alpha: null,
      verdict: 'full_agreement',
    });
  });

  it('levels: yes/no ratings and checklists are nominal, point scales ordinal', () => {
    expect(levelOf({ type: 'rating', scale: 'yes_no' })).toBe('nominal');
    expect(levelOf({ type: 'rating' })).toBe('nominal');
    expect(levelOf({ type: 'checklist' })).toBe('nominal');
    expect(levelOf({ type: 'rating', scale: '1-3' })).toBe('ordinal');
  });
});
