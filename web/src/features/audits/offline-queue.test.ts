import { describe, expect, it } from 'vitest';
import {
  addToPending,
  emptyPending,
  isPendingEmpty,
  loadPending,
  mergeOverServer,
  onlyKnownItems,
  savePending,
  storageKey,
  withoutItems,
  withoutSaved,
  withoutSent,
  type QueueStorage,
} from './offline-queue';

/** A real in-memory Storage (what localStorage does), not a mock: it keeps what it is given. */
class MemoryStorage implements QueueStorage {
  readonly data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

/** A browser that refuses to store anything (quota exceeded, storage blocked). */
class RefusingStorage implements QueueStorage {
  getItem(): string | null {
    throw new Error('SecurityError');
  }
  setItem(): void {
    throw new Error('QuotaExceededError');
  }
  removeItem(): void {
    throw new Error('SecurityError');
  }
}

describe('the queue in the browser storage', () => {
  it('keeps each audit under its own key and reads back what was written', () => {
    const s = new MemoryStorage();
    const a = addToPending(emptyPending(), {
      answers: { SMILE: 4, TIDY: 'na' },
      comments: { SMILE: 'warm' },
    });
    expect(savePending(s, 'a1', a)).toBe(true);
    expect(savePending(s, 'a2', addToPending(emptyPending(), { answers: { SMILE: 1 } }))).toBe(true);
    expect(loadPending(s, 'a1')).toEqual({ answers: { SMILE: 4, TIDY: 'na' }, comments: { SMILE: 'warm' } });
    expect(loadPending(s, 'a2').answers).toEqual({ SMILE: 1 });
    expect(loadPending(s, 'a3')).toEqual(emptyPending());
    expect([...s.data.keys()].sort()).toEqual([storageKey('a1'), storageKey('a2')]);
  });

  it('keeps a cleared answer (null) so the clearing is sent too', () => {
    const s = new MemoryStorage();
    savePending(s, 'a1', { answers: { SMILE: null }, comments: { SMILE: null } });
    expect(loadPending(s, 'a1')).toEqual({ answers: { SMILE: null }, comments: { SMILE: null } });
  });

  it('removes the entry once the queue is empty', () => {
    const s = new MemoryStorage();
    savePending(s, 'a1', { answers: { X: 'yes' }, comments: {} });
    savePending(s, 'a1', emptyPending());
    expect(s.data.has(storageKey('a1'))).toBe(false);
  });

  it('drops what it cannot read instead of failing the form', () => {
    const s = new MemoryStorage();
    s.setItem(storageKey('bad'), '{not json');
    expect(loadPending(s, 'bad')).toEqual(emptyPending());
    s.setItem(
      storageKey('odd'),
      JSON.stringify({ answers: { A: 'maybe', B: 3, C: { x: 1 }, D: 'na' }, comments: { A: 5, B: 'ok' } }),
    );
    expect(loadPending(s, 'odd')).toEqual({ answers: { B: 3, D: 'na' }, comments: { B: 'ok' } });
    s.setItem(storageKey('arr'), '[1,2]');
    expect(loadPending(s, 'arr')).toEqual(emptyPending());
  });

  it('says so when the browser refuses to store, and reads nothing', () => {
    const s = new RefusingStorage();
    expect(savePending(s, 'a1', { answers: { X: 'yes' }, comments: {} })).toBe(false);
    expect(loadPending(s, 'a1')).toEqual(emptyPending());
  });
});

describe('queueing and confirming changes', () => {
  it('lets a later change of an item replace the earlier one', () => {
    let p = addToPending(emptyPending(), { answers: { A: 'yes', B: 2 } });
    p = addToPending(p, { answers: { A: 'no' }, comments: { B: 'late' } });
    expect(p).toEqual({ answers: { A: 'no', B: 2 }, comments: { B: 'late' } });
    expect(isPendingEmpty(p)).toBe(false);
    expect(isPendingEmpty(emptyPending())).toBe(true);
  });

  it('removes what the server confirmed but keeps what changed while the request was out', () => {
    const sent = { answers: { A: 'yes' as const, B: 2 }, comments: { A: 'x' } };
    const meanwhile = addToPending(sent, { answers: { B: 3, C: 'na' } });
    expect(withoutSent(meanwhile, sent)).toEqual({ answers: { B: 3, C: 'na' }, comments: {} });
    expect(withoutSent(sent, sent)).toEqual(emptyPending());
  });

  it('keeps a clearing that was not the value sent', () => {
    const sent = { answers: { A: 'yes' as const }, comments: {} };
    const cleared = addToPending(sent, { answers: { A: null } });
    expect(withoutSent(cleared, sent)).toEqual({ answers: { A: null }, comments: {} });
  });

  it('drops named items (refused answers) and items the template lacks', () => {
    const p = { answers: { A: 'yes' as const, B: 2, GONE: 'no' as const }, comments: { A: 'c', GONE: 'c' } };
    expect(withoutItems(p, ['B'])).toEqual({
      answers: { A: 'yes', GONE: 'no' },
      comments: { A: 'c', GONE: 'c' },
    });
    expect(onlyKnownItems(p, ['A', 'B'])).toEqual({ answers: { A: 'yes', B: 2 }, comments: { A: 'c' } });
  });
});

describe('laying the unsent changes over the server draft', () => {
  const server = {
    answers: { A: 'yes' as const, B: 4, C: 'na' as const },
    comments: { A: 'fine', B: 'slow' },
  };

  it('shows the local value where there is one, the server one elsewhere', () => {
    const p = { answers: { B: 2, D: 'no' as const }, comments: { A: 'changed' } };
    expect(mergeOverServer(server, p)).toEqual({
      answers: { A: 'yes', B: 2, C: 'na', D: 'no' },
      comments: { A: 'changed', B: 'slow' },
    });
  });

  it('clears answers set to null and comments emptied', () => {
    const p = { answers: { C: null }, comments: { B: '  ', A: null } };
    expect(mergeOverServer(server, p)).toEqual({ answers: { A: 'yes', B: 4 }, comments: {} });
  });

  it('does not change the server draft it was given', () => {
    mergeOverServer(server, { answers: { A: null }, comments: { A: null } });
    expect(server.answers.A).toBe('yes');
    expect(server.comments.A).toBe('fine');
  });

  it('forgets entries the server already holds, so nothing is sent twice', () => {
    const p = {
      answers: { A: 'yes' as const, B: 5, E: null, C: null },
      comments: { A: 'fine ', B: null, E: '', F: 'new' },
    };
    expect(withoutSaved(p, server)).toEqual({ answers: { B: 5, C: null }, comments: { B: null, F: 'new' } });
  });
});
