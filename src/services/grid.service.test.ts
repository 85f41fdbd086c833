import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachDb } from '../../test/test-database';
import { createPerson, createTestApp, type TestApp } from '../../test/test-app';
import { actorForUser, systemActor } from '../core';

const system = { actor: systemActor('test') };

/** Edits of cells that already exist: archived types they carry, and two edits at once. */
describeEachDb('grid service: editing existing cells', (database) => {
  let t: TestApp;
  const unit: Record<string, string> = {};
  const type: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(database());
    for (const code of ['A', 'B', 'C', 'D']) {
      const made = await t.services.units.create(system, {
        code,
        name: { en: `${code} unit` },
        parent_id: null,
        timezone: null,
        calendar: null,
        contact: null,
        head_ids: [],
      });
      unit[code] = made.id;
    }
    for (const st of (await t.services.supportTypes.list(system)).items) type[st.code] = st.id;
  });
  afterAll(() => t.app.close());

  const makeCell = (provider: string, recipient: string, types: string[]) =>
    t.services.grid.createCell(system, {
      provider: { kind: 'unit', id: unit[provider]! },
      recipient_unit_id: unit[recipient]!,
      support_type_ids: types,
      instructions: null,
      expected_response: null,
      contact_employee_id: null,
    });

  it('a cell keeps a support type archived since, while its other fields are edited; adding one anew is refused', async () => {
    const courier = await t.services.supportTypes.create(system, {
      code: 'courier',
      name: { en: 'Courier' },
      description: {},
      color: 'gray',
    });
    const cell = await makeCell('A', 'B', [type.information!, courier.id]);
    await t.services.supportTypes.update(system, courier.id, { status: 'archived' });

    // The web editor sends the cell's whole list of types with every save.
    const edited = await t.services.grid.updateCell(system, cell.id, {
      support_type_ids: [type.information!, courier.id],
      instructions: 'Ring 2100',
    });
    expect(edited).toMatchObject({
      instructions: 'Ring 2100',
      support_type_ids: [type.information, courier.id],
    });

    const other = await makeCell('A', 'C', [type.information!]);
    await expect(
      t.services.grid.updateCell(system, other.id, { support_type_ids: [type.information!, courier.id] }),
    ).rejects.toMatchObject({ details: { issues: [{ path: 'support_type_ids.1', code: 'archived' }] } });
  });

  it('several edits of one cell at once all succeed, each audited against the one before it', async () => {
    const cell = await makeCell('B', 'A', [type.information!]);
    const lists = [
      [type.information!, type.paperwork!],
      [type.paperwork!],
      [type.information!, type.deadlines!],
      [type.deadlines!, type.escalation!],
      [type.information!],
      [type.consultation!, type.paperwork!],
    ];
    const results = await Promise.allSettled(
      lists.map((ids, i) =>
        t.services.grid.updateCell(system, cell.id, { support_type_ids: ids, instructions: `edit ${i}` }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const entries = (await t.services.grid.history(system, { limit: 500 })).items.filter(
      (e) => e.entity_id === cell.id && e.action === 'grid_cell.update',
    );
    expect(entries).toHaveLength(lists.length);
    // Oldest first, each edit's `before` is the previous edit's `after`: none was lost.
    const chain = [...entries].reverse();
    for (let i = 1; i < chain.length; i++) expect(chain[i]!.before).toEqual(chain[i - 1]!.after);
    const final = await t.services.grid.getCell(system, cell.id);
    expect(final).toMatchObject({
      instructions: (chain.at(-1)!.after as { instructions: string }).instructions,
      support_type_ids: (chain.at(-1)!.after as { support_type_ids: string[] }).support_type_ids,
    });
  });

  it('an edit racing a delete of the same cell is a 404 or lands before it — never a database error', async () => {
    for (let round = 0; round < 4; round++) {
      const cell = await makeCell('C', 'D', [type.information!]);
      const [update, removal] = await Promise.allSettled([
        t.services.grid.updateCell(system, cell.id, { support_type_ids: [type.paperwork!, type.deadlines!] }),
        t.services.grid.deleteCell(system, cell.id),
      ]);
      expect(removal.status).toBe('fulfilled');
      if (update.status === 'rejected') expect(update.reason).toMatchObject({ code: 'not_found' });
      expect(
        await database()
          .db.selectFrom('grid_cell_types')
          .selectAll()
          .where('cell_id', '=', cell.id)
          .execute(),
      ).toEqual([]);
    }
  });
});

describeEachDb('grid service: a cell created while its support type is deleted', (database) => {
  let t: TestApp;
  const unit: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp(database());
    for (const code of ['P', 'R']) {
      const made = await t.services.units.create(system, {
        code,
        name: { en: `${code} unit` },
        parent_id: null,
        timezone: null,
        calendar: null,
        contact: null,
        head_ids: [],
      });
      unit[code] = made.id;
    }
  });
  afterAll(() => t.app.close());

  it('one of the two wins cleanly: the cell is created and the delete is a 409, or the type is gone and the cell a 400 naming it', async () => {
    for (let round = 0; round < 8; round++) {
      const courier = await t.services.supportTypes.create(system, {
        code: `courier${round}`,
        name: { en: 'Courier' },
        description: {},
        color: 'gray',
      });
      const [created, removed] = await Promise.allSettled([
        t.services.grid.createCell(system, {
          provider: { kind: 'unit', id: unit.P! },
          recipient_unit_id: unit.R!,
          support_type_ids: [courier.id],
          instructions: null,
          expected_response: null,
          contact_employee_id: null,
        }),
        t.services.supportTypes.delete(system, courier.id),
      ]);
      if (created.status === 'fulfilled') {
        expect(removed.status === 'rejected' && removed.reason).toMatchObject({
          code: 'conflict',
          details: { reason: 'in_use' },
        });
        await t.services.grid.deleteCell(system, created.value.id);
      } else {
        expect(removed.status).toBe('fulfilled');
        expect(created.reason).toMatchObject({
          code: 'validation_failed',
          details: { issues: [{ path: 'support_type_ids.0', code: 'unknown' }] },
        });
      }
    }
  });
  it('the same for an edit that adds the type', async () => {
    const cell = await t.services.grid.createCell(system, {
      provider: { kind: 'unit', id: unit.R! },
      recipient_unit_id: unit.P!,
      support_type_ids: [(await t.services.supportTypes.list(system)).items[0]!.id],
      instructions: null,
      expected_response: null,
      contact_employee_id: null,
    });
    for (let round = 0; round < 8; round++) {
      const courier = await t.services.supportTypes.create(system, {
        code: `runner${round}`,
        name: { en: 'Runner' },
        description: {},
        color: 'gray',
      });
      const [edited, removed] = await Promise.allSettled([
        t.services.grid.updateCell(system, cell.id, { support_type_ids: [courier.id] }),
        t.services.supportTypes.delete(system, courier.id),
      ]);
      if (edited.status === 'fulfilled') {
        expect(removed.status === 'rejected' && removed.reason).toMatchObject({ code: 'conflict' });
      } else {
        expect(removed.status).toBe('fulfilled');
        expect(edited.reason).toMatchObject({
          code: 'validation_failed',
          details: { issues: [{ path: 'support_type_ids.0', code: 'unknown' }] },
        });
      }
    }
  });
});

/**
 * The matrix's order must not depend on the PostgreSQL database's collation: production databases
 * are usually created with a language collation (en_US.UTF-8, ICU), which orders case and
 * punctuation differently from SQLite's byte order. The test database is `C`, so the PostgreSQL run
 * gives `units.code` and `employees.code` a language collation first.
 */
describeEachDb('grid matrix: order by code whatever the collation', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database());
    if (database().dialect === 'postgres') {
      for (const table of ['units', 'employees'] as const) {
        await sql`alter table ${sql.table(table)} alter column code type text collate "en-US-x-icu"`.execute(
          database().db,
        );
      }
    }
  });
  afterAll(() => t.app.close());

  it('rows, unit columns and employee columns are ordered by code ignoring case, then by code, in code-point order', async () => {
    const ids: Record<string, string> = {};
    for (const code of ['z', 'Z_1', 'Z.1', 'Z', 'Z-1']) {
      const made = await t.services.units.create(system, {
        code,
        name: { en: `${code} unit` },
        parent_id: null,
        timezone: null,
        calendar: null,
        contact: null,
        head_ids: [],
      });
      ids[code] = made.id;
    }
    const info = (await t.services.supportTypes.list(system)).items[0]!.id;
    for (const code of ['e_1', 'E-1', 'e', 'E']) {
      const person = await t.services.employees.create(system, {
        code,
        name: { en: code },
        position: null,
        unit_id: ids.z!,
        email: null,
        extensions: [],
        user_id: null,
      });
      await t.services.grid.createCell(system, {
        provider: { kind: 'employee', id: person.id },
        recipient_unit_id: ids.Z!,
        support_type_ids: [info],
        instructions: null,
        expected_response: null,
        contact_employee_id: null,
      });
    }
    const m = await t.services.grid.matrix(system, {});
    const order = ['Z', 'z', 'Z-1', 'Z.1', 'Z_1'];
    expect(m.recipients.map((r) => r.code)).toEqual(order);
    expect(m.providers.map((p) => p.code)).toEqual([...order, 'E', 'e', 'E-1', 'e_1']);
  });
});

describeEachDb('grid service: who a head is', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database());
  });
  afterAll(() => t.app.close());

  it('a head whose employee record has left edits no cell any more; a token with the head role edits none', async () => {
    const made = await t.services.units.create(system, {
      code: 'HQ',
      name: { en: 'HQ' },
      parent_id: null,
      timezone: null,
      calendar: null,
      contact: null,
      head_ids: [],
    });
    const other = await t.services.units.create(system, {
      code: 'OPS',
      name: { en: 'OPS' },
      parent_id: null,
      timezone: null,
      calendar: null,
      contact: null,
      head_ids: [],
    });
    const third = await t.services.units.create(system, {
      code: 'LAB',
      name: { en: 'LAB' },
      parent_id: null,
      timezone: null,
      calendar: null,
      contact: null,
      head_ids: [],
    });
    const { user } = await createPerson(t.services, 'head');
    const anna = await t.services.employees.create(system, {
      code: 'anna',
      name: { en: 'Anna' },
      position: null,
      unit_id: made.id,
      email: null,
      extensions: [],
      user_id: user.id,
    });
    await t.services.units.update(system, made.id, { head_ids: [anna.id] });
    const info = (await t.services.supportTypes.list(system)).items[0]!.id;
    const input = {
      provider: { kind: 'unit' as const, id: made.id },
      recipient_unit_id: other.id,
      support_type_ids: [info],
      instructions: null,
      expected_response: null,
      contact_employee_id: null,
    };
    const head = { actor: actorForUser(user) };
    const cell = await t.services.grid.createCell(head, input);

    const token = {
      actor: {
        kind: 'token' as const,
        id: 'tok',
        label: 'head token',
        role: 'head' as const,
        units: 'all' as const,
      },
    };
    await expect(t.services.grid.updateCell(token, cell.id, { instructions: 'x' })).rejects.toMatchObject({
      code: 'forbidden',
      details: { reason: 'not_your_unit' },
    });

    await t.services.employees.update(system, anna.id, { status: 'left' });
    // Heads still lists anna's unit, but her record has left: she heads nothing any more.
    for (const attempt of [
      () => t.services.grid.updateCell(head, cell.id, { instructions: 'x' }),
      () => t.services.grid.deleteCell(head, cell.id),
      () => t.services.grid.createCell(head, { ...input, recipient_unit_id: third.id }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: 'forbidden' });
    }
  });
});
