import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../test/test-database';
import { createTestApp, type TestApp } from '../../test/test-app';
import { systemActor } from '../core';

const system = { actor: systemActor('test') };

describeEachDb('support type service: edits at once', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database());
  });
  afterAll(() => t.app.close());

  it('a rename and a recolour of one type at the same moment both stick, each audited against the other', async () => {
    for (let round = 0; round < 5; round++) {
      const made = await t.services.supportTypes.create(system, {
        code: `courier${round}`,
        name: { en: 'Courier' },
        description: {},
        color: 'gray',
      });
      const results = await Promise.allSettled([
        t.services.supportTypes.update(system, made.id, { name: { en: 'Messenger' } }),
        t.services.supportTypes.update(system, made.id, { color: 'pink' }),
        t.services.supportTypes.update(system, made.id, { description: { en: 'Carries papers' } }),
      ]);
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      const after = await t.services.supportTypes.get(system, made.id);
      expect(after).toMatchObject({
        name: { en: 'Messenger' },
        color: 'pink',
        description: { en: 'Carries papers' },
      });
      const entries = (await t.services.grid.history(system, { limit: 500 })).items
        .filter((e) => e.entity_id === made.id && e.action === 'support_type.update')
        .reverse();
      expect(entries).toHaveLength(3);
      for (let i = 1; i < entries.length; i++) expect(entries[i]!.before).toEqual(entries[i - 1]!.after);
    }
  });
});
