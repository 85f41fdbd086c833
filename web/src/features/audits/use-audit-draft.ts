import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AuditDetail } from '../../../../src/contract/audits.schema';
import { api } from '../../api/api-client';
import { isApiError } from '../../api/api-error';
import { itemProblems, type ItemProblem } from './answers';
import { auditKey, saveAnswers } from './audits.queries';
import {
  addToPending,
  emptyPending,
  isPendingEmpty,
  loadPending,
  mergeOverServer,
  onlyKnownItems,
  savePending,
  withoutItems,
  withoutSaved,
  withoutSent,
  type Answer,
  type DraftValues,
  type Pending,
  type QueueStorage,
} from './offline-queue';

/** What the form says about its draft: all sent, sending, kept in the browser, or a save refused. */
export type SaveStatus = 'saved' | 'saving' | 'offline' | 'error';

/** A pause in answering before the changes go to the server. */
const ANSWER_DELAY_MS = 700;
const COMMENT_DELAY_MS = 1500;
/** With the browser online but the server unreachable, try again this often. */
const RETRY_MS = 15_000;

/** localStorage, or (when the browser blocks it) a store that lasts as long as the page. */
function browserStorage(): QueueStorage {
  try {
    const s = window.localStorage;
    s.getItem('etalon.probe');
    return s;
  } catch {
    const m = new Map<string, string>();
    return {
      getItem: (k) => m.get(k) ?? null,
      setItem: (k, v) => void m.set(k, v),
      removeItem: (k) => void m.delete(k),
    };
  }
}

const isOnline = () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false);

/**
 * The answers of a draft audit as the form shows them, and how they reach the server: every change
 * is queued in the browser at once (localStorage, by audit id), sent after a short pause, and kept
 * while offline — sent when the browser is online again. On load, unsent answers are laid over the
 * server's draft.
 */
export function useAuditDraft(audit: AuditDetail) {
  const queryClient = useQueryClient();
  const id = audit.id;
  const storage = useMemo(browserStorage, []);
  const itemIds = useMemo(() => audit.sections.flatMap((s) => s.items.map((i) => i.id)), [audit.sections]);

  const [pending, setPendingState] = useState<Pending>(() =>
    audit.status === 'draft'
      ? withoutSaved(onlyKnownItems(loadPending(storage, id), itemIds), {
          answers: audit.answers,
          comments: audit.comments,
        })
      : emptyPending(),
  );
  const pendingRef = useRef(pending);
  const setPending = useCallback(
    (next: Pending) => {
      pendingRef.current = next;
      setPendingState(next);
      savePending(storage, id, next);
    },
    [storage, id],
  );

  const [online, setOnline] = useState(isOnline);
  const [sending, setSending] = useState(false);
  /** The last save failed for want of a connection (the browser may still think it is online). */
  const [unreachable, setUnreachable] = useState(false);
  const [failed, setFailed] = useState(false);
  /** Answers the server refused while saving (the form cannot normally produce them). */
  const [refused, setRefused] = useState<ItemProblem[]>([]);

  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flushRef = useRef<() => Promise<boolean>>(async () => true);

  const schedule = useCallback((ms: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), ms);
  }, []);

  /** One request with the queue as it is now: `retry` when something is left to send at once. */
  const sendOnce = useCallback(
    async (sent: Pending): Promise<'ok' | 'retry' | 'failed'> => {
      setSending(true);
      setFailed(false);
      try {
        const saved = await saveAnswers(id, {
          answers: sent.answers,
          ...(Object.keys(sent.comments).length > 0 ? { comments: sent.comments } : {}),
        });
        queryClient.setQueryData(auditKey(id), saved);
        setPending(withoutSent(pendingRef.current, sent));
        setUnreachable(false);
        return 'ok';
      } catch (e) {
        if (isApiError(e) && e.code === 'network_error') {
          setUnreachable(true);
          schedule(RETRY_MS);
          return 'failed';
        }
        setUnreachable(false);
        if (isApiError(e) && e.code === 'validation_failed') {
          // Refused answers leave the queue (else nothing after them would ever be saved) and the
          // form names them; the rest is sent again at once.
          const { items } = itemProblems(e.issues);
          if (items.length > 0) {
            setRefused(items);
            setPending(
              withoutItems(
                pendingRef.current,
                items.map((p) => p.itemId),
              ),
            );
            return 'retry';
          }
        }
        if (isApiError(e) && e.code === 'conflict') {
          // Changed meanwhile (send again) or submitted (a submitted audit takes no answers).
          const fresh = await queryClient
            .fetchQuery({
              queryKey: auditKey(id),
              queryFn: () => api.get<AuditDetail>(`/audits/${id}`),
              staleTime: 0,
            })
            .catch(() => null);
          if (fresh?.status === 'draft') return 'retry';
          if (fresh) {
            setPending(emptyPending());
            return 'ok';
          }
        }
        setFailed(true);
        return 'failed';
      } finally {
        setSending(false);
      }
    },
    [id, queryClient, schedule, setPending],
  );

  /**
   * Sends the queue now (changes made meanwhile too). True when nothing is left unsent; false when
   * offline or a save failed — the queue stays in the browser.
   */
  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    for (let round = 0; round < 4; round++) {
      while (inFlight.current) await inFlight.current;
      const sent = pendingRef.current;
      if (isPendingEmpty(sent)) return true;
      if (!isOnline()) {
        setOnline(false);
        return false;
      }
      const run = sendOnce(sent);
      inFlight.current = run.then((r) => r !== 'failed');
      let result;
      try {
        result = await run;
      } finally {
        inFlight.current = null;
      }
      if (result === 'failed') return false;
    }
    return isPendingEmpty(pendingRef.current);
  }, [sendOnce]);
  flushRef.current = flush;

  // Online again: send what waited. Also on opening the form with answers left from last time.
  useEffect(() => {
    const up = () => {
      setOnline(true);
      setUnreachable(false);
      void flushRef.current();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    if (!isPendingEmpty(pendingRef.current)) void flushRef.current();
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      // Leaving the form: send what is queued now rather than after the pause.
      if (timer.current !== undefined) {
        clearTimeout(timer.current);
        if (!isPendingEmpty(pendingRef.current) && isOnline()) void flushRef.current();
      }
    };
  }, []);

  // A submitted audit takes no more answers: forget anything queued for it.
  useEffect(() => {
    if (audit.status !== 'draft' && !isPendingEmpty(pendingRef.current)) setPending(emptyPending());
  }, [audit.status, setPending]);

  const setAnswer = useCallback(
    (itemId: string, answer: Answer | null) => {
      setPending(addToPending(pendingRef.current, { answers: { [itemId]: answer } }));
      setRefused((r) => (r.some((p) => p.itemId === itemId) ? r.filter((p) => p.itemId !== itemId) : r));
      setFailed(false);
      schedule(ANSWER_DELAY_MS);
    },
    [schedule, setPending],
  );

  const setComment = useCallback(
    (itemId: string, text: string) => {
      setPending(
        addToPending(pendingRef.current, { comments: { [itemId]: text.trim() === '' ? null : text } }),
      );
      schedule(COMMENT_DELAY_MS);
    },
    [schedule, setPending],
  );

  const values: DraftValues = useMemo(
    () => mergeOverServer({ answers: audit.answers, comments: audit.comments }, pending),
    [audit.answers, audit.comments, pending],
  );

  const hasPending = !isPendingEmpty(pending);
  let status: SaveStatus;
  if (!online || (unreachable && hasPending)) status = 'offline';
  else if (sending || hasPending) status = failed ? 'error' : 'saving';
  else status = 'saved';

  return { values, status, online, hasPending, refused, setAnswer, setComment, flush };
}
