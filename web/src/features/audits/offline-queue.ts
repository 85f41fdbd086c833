/**
 * The answers of a draft audit that the server has not confirmed yet. Every change goes here first
 * (and into the browser's storage, keyed by the audit), then to `PUT /audits/:id/answers`; what the
 * server confirmed leaves the queue. A lost connection or a closed tab keeps the rest, sent when the
 * browser is online again. On load, the queue is laid over the server's draft.
 *
 * Pure apart from the `Storage` passed in, so it is tested with an in-memory one.
 */

/** A rating point (1…points), a checklist's `yes`/`no`, `na`; null clears an answer. */
export type Answer = number | 'yes' | 'no' | 'na';

export interface Pending {
  /** Item id → answer; null = cleared. */
  answers: Record<string, Answer | null>;
  /** Item id → comment; null = cleared. */
  comments: Record<string, string | null>;
}

export interface DraftValues {
  answers: Record<string, Answer>;
  comments: Record<string, string>;
}

/** What the queue needs of `localStorage` (any `Storage` fits). */
export type QueueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const emptyPending = (): Pending => ({ answers: {}, comments: {} });

export const isPendingEmpty = (p: Pending): boolean =>
  Object.keys(p.answers).length === 0 && Object.keys(p.comments).length === 0;

export const storageKey = (auditId: string) => `etalon.audit-draft.${auditId}`;

const isAnswer = (v: unknown): v is Answer | null =>
  v === null || v === 'yes' || v === 'no' || v === 'na' || (typeof v === 'number' && Number.isFinite(v));

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Reads the queue of an audit; anything unreadable (another version's format, a hand edit) is dropped. */
export function loadPending(storage: QueueStorage, auditId: string): Pending {
  let raw: string | null;
  try {
    raw = storage.getItem(storageKey(auditId));
  } catch {
    return emptyPending();
  }
  if (!raw) return emptyPending();
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return emptyPending();
  }
  const out = emptyPending();
  if (!isRecord(parsed)) return out;
  if (isRecord(parsed.answers))
    for (const [id, v] of Object.entries(parsed.answers)) if (isAnswer(v)) out.answers[id] = v;
  if (isRecord(parsed.comments))
    for (const [id, v] of Object.entries(parsed.comments))
      if (v === null || typeof v === 'string') out.comments[id] = v;
  return out;
}

/** Writes the queue (or removes it when empty); false when the browser refused (full, private mode). */
export function savePending(storage: QueueStorage, auditId: string, pending: Pending): boolean {
  try {
    if (isPendingEmpty(pending)) storage.removeItem(storageKey(auditId));
    else storage.setItem(storageKey(auditId), JSON.stringify(pending));
    return true;
  } catch {
    return false;
  }
}

/** Adds a change to the queue: a later value for an item replaces the earlier one. */
export function addToPending(pending: Pending, change: Partial<Pending>): Pending {
  return {
    answers: { ...pending.answers, ...change.answers },
    comments: { ...pending.comments, ...change.comments },
  };
}

/**
 * The queue after the server confirmed `sent`: entries whose value is still the one sent leave;
 * an entry changed while the request was out stays, to be sent next.
 */
export function withoutSent(pending: Pending, sent: Pending): Pending {
  const keep = <T>(current: Record<string, T>, done: Record<string, T>) =>
    Object.fromEntries(Object.entries(current).filter(([id, v]) => !(id in done && done[id] === v)));
  return { answers: keep(pending.answers, sent.answers), comments: keep(pending.comments, sent.comments) };
}

/** The queue without the named items (answers the server refused, items the template lacks). */
export function withoutItems(pending: Pending, itemIds: Iterable<string>): Pending {
  const drop = new Set(itemIds);
  const keep = <T>(r: Record<string, T>) =>
    Object.fromEntries(Object.entries(r).filter(([id]) => !drop.has(id)));
  return { answers: keep(pending.answers), comments: keep(pending.comments) };
}

/** Only the entries for items the audit's template has. */
export function onlyKnownItems(pending: Pending, itemIds: Iterable<string>): Pending {
  const known = new Set(itemIds);
  const keep = <T>(r: Record<string, T>) =>
    Object.fromEntries(Object.entries(r).filter(([id]) => known.has(id)));
  return { answers: keep(pending.answers), comments: keep(pending.comments) };
}

/**
 * What the form shows: the server's draft with the unsent changes laid over it (null clears an
 * answer; an empty or null comment clears the comment).
 */
export function mergeOverServer(server: DraftValues, pending: Pending): DraftValues {
  const answers: Record<string, Answer> = { ...server.answers };
  for (const [id, v] of Object.entries(pending.answers)) {
    if (v === null) delete answers[id];
    else answers[id] = v;
  }
  const comments: Record<string, string> = { ...server.comments };
  for (const [id, v] of Object.entries(pending.comments)) {
    if (v === null || v.trim() === '') delete comments[id];
    else comments[id] = v;
  }
  return { answers, comments };
}

/**
 * The queue without what the server already holds (after a reload the queue may repeat values the
 * last request did save before its answer was lost): nothing is sent twice. The server trims
 * comments, so a comment equal to the saved one but for surrounding spaces counts as saved.
 */
export function withoutSaved(pending: Pending, server: DraftValues): Pending {
  const answers = Object.fromEntries(
    Object.entries(pending.answers).filter(([id, v]) =>
      v === null ? id in server.answers : server.answers[id] !== v,
    ),
  );
  const comments = Object.fromEntries(
    Object.entries(pending.comments).filter(([id, v]) => {
      const empty = v === null || v.trim() === '';
      return empty ? id in server.comments : server.comments[id] !== v.trim();
    }),
  );
  return { answers, comments };
}
