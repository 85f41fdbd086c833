import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDb } from '../../test/test-database';
import { createPerson, createTestApp, type TestApp, publishCatalog } from '../../test/test-app';
import { actorForUser, systemActor } from '../core';
import { STANDARDS_YAML } from '../../scripts/bench/engine-fixtures';
import { readInteractionRecordBatches } from './files/interaction-records.reader';
import { INTERRUPTED } from './import.service';
import type { CallContext } from './service-context';

const cli = { actor: systemActor('cli') };

const HEADER = 'id,channel,unit,employee,started_at,answered_at,rings';
const row = (i: number) => `s${i},phone,HR,E1,2026-03-02T09:${String(i).padStart(2, '0')}:00Z,,${i % 5}`;
const CSV = [HEADER, ...Array.from({ length: 40 }, (_, i) => row(i))].join('\n');

describeEachDb(
  'file imports: uploads that break off, and imports a dead process left running',
  (database) => {
    let t: TestApp;
    let manager: CallContext;
    let dir: string;

    beforeAll(async () => {
      t = await createTestApp(database());
      dir = mkdtempSync(join(tmpdir(), 'etalon-import-test-'));
      t.clock.set('2027-01-10T00:00:00.000Z');
      await publishCatalog(t.services, STANDARDS_YAML);
      manager = { actor: actorForUser((await createPerson(t.services, 'manager')).user) };
    });
    afterAll(async () => {
      await t.app.close();
      rmSync(dir, { recursive: true, force: true });
    });
    beforeEach(async () => {
      await database().db.deleteFrom('monitoring_jobs').execute();
    });

    const uploads = () => {
      const dir = t.services.imports.directory;
      return existsSync(dir) ? readdirSync(dir) : [];
    };
    const jobRow = (id: string) =>
      database().db.selectFrom('monitoring_jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    it('a body that breaks off (the client gave up) leaves no job and no file', async () => {
      const body = new Readable({ read() {} });
      body.push(Buffer.from(CSV.slice(0, 200)));
      const pending = t.services.imports.upload(manager, { name: 'calls.csv' }, body);
      body.destroy(new Error('aborted'));
      await expect(pending).rejects.toThrow('aborted');
      expect(await t.services.monitoring.jobs(cli, { kind: 'import' })).toEqual([]);
      expect(uploads()).toEqual([]);
    });

    it('an import a dead process left running is failed at start; the same file again completes it', async () => {
      const first = await t.services.imports.upload(manager, { name: 'calls.csv' }, Readable.from([CSV]));
      const queued = await t.services.imports.upload(manager, { name: 'later.csv' }, Readable.from([CSV]));
      // The process died after claiming the first and writing its first ten records.
      await database()
        .db.updateTable('monitoring_jobs')
        .set({ status: 'running', started_at: t.clock().toISOString() })
        .where('id', '=', first.id)
        .execute();
      const partial = join(dir, 'head.csv');
      writeFileSync(partial, [HEADER, ...Array.from({ length: 10 }, (_, i) => row(i))].join('\n'));
      const written = await t.services.monitoring.importEntries(
        manager,
        readInteractionRecordBatches(partial, await t.services.monitoring.readerFields()),
      );
      expect(written.created).toBe(10);

      expect(await t.services.imports.failInterrupted()).toBe(1);
      expect(await jobRow(first.id)).toMatchObject({ status: 'failed', error: INTERRUPTED });
      expect((await jobRow(queued.id)).status).toBe('queued');
      expect(uploads()).toEqual([`${queued.id}.upload`]);
      // A file stored by a process that died before it queued the job is removed too.
      writeFileSync(join(t.services.imports.directory, 'stray.upload'), CSV);
      expect(await t.services.imports.failInterrupted()).toBe(0);
      expect(uploads()).toEqual([`${queued.id}.upload`]);

      // The queued one runs (it is the same file): the ten written are unchanged, the rest created.
      expect(await t.services.monitoring.runJobs()).toBe(1);
      expect(JSON.parse((await jobRow(queued.id)).counts)).toEqual({
        created: 30,
        updated: 0,
        unchanged: 10,
        rejected_count: 0,
        records: 40,
      });
      expect(uploads()).toEqual([]);
    });

    it('an import whose uploader was deactivated fails, and its file is removed', async () => {
      const person = await createPerson(t.services, 'manager');
      const job = await t.services.imports.upload(
        { actor: actorForUser(person.user) },
        { name: 'calls.csv' },
        Readable.from([CSV]),
      );
      await database()
        .db.updateTable('users')
        .set({ status: 'deactivated' })
        .where('id', '=', person.user.id)
        .execute();
      await t.services.monitoring.runJobs();
      expect(await jobRow(job.id)).toMatchObject({
        status: 'failed',
        error: 'the person who uploaded the file can no longer import',
        created_by: person.user.id,
      });
      expect(uploads()).toEqual([]);
    });

    it('a file that cannot be read as its format fails the job with the reason', async () => {
      const job = await t.services.imports.upload(
        manager,
        { name: 'broken.csv' },
        Readable.from(['id,channel\n"s1,phone\n']),
      );
      await t.services.monitoring.runJobs();
      const failed = await jobRow(job.id);
      expect(failed.status).toBe('failed');
      expect(failed.error).toMatch(/^broken\.csv:2: .*quote/i);
      expect(uploads()).toEqual([]);
    });
  },
);
