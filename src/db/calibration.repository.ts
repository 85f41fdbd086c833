import type {
  CalibrationJudgementsTable,
  CalibrationParticipantsTable,
  CalibrationSessionsTable,
  Db,
} from './database';

/** Calibration sessions, their participants and judgements (issue 7, migration 0008-calibration). */
export const calibrationRepository = {
  async insertSession(db: Db, row: CalibrationSessionsTable, participantIds: readonly string[]) {
    await db.insertInto('calibration_sessions').values(row).execute();
    await db
      .insertInto('calibration_participants')
      .values(participantIds.map((user_id) => ({ session_id: row.id, user_id, submitted_at: null })))
      .execute();
  },

  findSession(db: Db, id: string): Promise<CalibrationSessionsTable | undefined> {
    return db.selectFrom('calibration_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Sessions newest first; with `userId`, only those the person takes part in. */
  listSessions(db: Db, userId?: string): Promise<CalibrationSessionsTable[]> {
    let q = db.selectFrom('calibration_sessions').selectAll();
    if (userId !== undefined)
      q = q.where('id', 'in', (eb) =>
        eb.selectFrom('calibration_participants').select('session_id').where('user_id', '=', userId),
      );
    return q.orderBy('id', 'desc').execute();
  },

  /** Participants of the sessions with their names, by name. */
  participants(
    db: Db,
    sessionIds: readonly string[],
  ): Promise<Array<CalibrationParticipantsTable & { name: string }>> {
    if (sessionIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('calibration_participants as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select(['p.session_id', 'p.user_id', 'p.submitted_at', 'u.name'])
      .where('p.session_id', 'in', [...sessionIds])
      .orderBy((eb) => eb.fn('lower', ['u.name']))
      .orderBy('p.user_id')
      .execute();
  },

  /**
   * Locks the open session's row for the rest of the transaction (a no-op update: PostgreSQL takes
   * the row lock, SQLite's transactions are IMMEDIATE anyway); false when it is not open.
   */
  async lockOpen(db: Db, id: string): Promise<boolean> {
    const r = await db
      .updateTable('calibration_sessions')
      .set((eb) => ({ status: eb.ref('status') }))
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Locks a participant's row while they have not submitted; false once submitted (or not a participant). */
  async lockUnsubmitted(db: Db, sessionId: string, userId: string): Promise<boolean> {
    const r = await db
      .updateTable('calibration_participants')
      .set((eb) => ({ submitted_at: eb.ref('submitted_at') }))
      .where('session_id', '=', sessionId)
      .where('user_id', '=', userId)
      .where('submitted_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async markSubmitted(db: Db, sessionId: string, userId: string, at: string) {
    await db
      .updateTable('calibration_participants')
      .set({ submitted_at: at })
      .where('session_id', '=', sessionId)
      .where('user_id', '=', userId)
      .execute();
  },

  async markRevealed(db: Db, id: string, at: string) {
    await db
      .updateTable('calibration_sessions')
      .set({ status: 'revealed', revealed_at: at })
      .where('id', '=', id)
      .execute();
  },

  /** Judgements of a session: one person's, or (`userIds`) several people's. */
  judgements(db: Db, sessionId: string, userIds: readonly string[]): Promise<CalibrationJudgementsTable[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('calibration_judgements')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('user_id', 'in', [...userIds])
      .execute();
  },

  /** Writes one person's judgements (insert or replace); rows with neither answer nor comment are removed. */
  async putJudgements(db: Db, rows: readonly CalibrationJudgementsTable[]) {
    for (const row of rows) {
      if (row.answer === null && row.comment === null) {
        await db
          .deleteFrom('calibration_judgements')
          .where('session_id', '=', row.session_id)
          .where('user_id', '=', row.user_id)
          .where('subject_id', '=', row.subject_id)
          .where('item_id', '=', row.item_id)
          .execute();
        continue;
      }
      await db
        .insertInto('calibration_judgements')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['session_id', 'user_id', 'subject_id', 'item_id'])
            .doUpdateSet({ answer: row.answer, comment: row.comment }),
        )
        .execute();
    }
  },
};
