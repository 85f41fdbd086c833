import type { AuditAmendmentInput } from '../../../../src/contract/audits.schema';
import type { Answer } from './offline-queue';

/**
 * What an amendment sends: only the answers and comments that differ from the submitted audit
 * (the server keeps the rest), an emptied comment as `null`; `null` when nothing changed.
 */
export function amendmentPatch(
  before: { answers: Readonly<Record<string, Answer>>; comments: Readonly<Record<string, string>> },
  answers: Readonly<Record<string, Answer>>,
  comments: Readonly<Record<string, string>>,
): Pick<AuditAmendmentInput, 'answers' | 'comments'> | null {
  const changedAnswers: Record<string, Answer> = {};
  for (const [id, a] of Object.entries(answers)) if (before.answers[id] !== a) changedAnswers[id] = a;
  const changedComments: Record<string, string | null> = {};
  const ids = new Set([...Object.keys(before.comments), ...Object.keys(comments)]);
  for (const id of ids) {
    const was = (before.comments[id] ?? '').trim();
    const now = (comments[id] ?? '').trim();
    if (was !== now) changedComments[id] = now === '' ? null : now;
  }
  const anyAnswer = Object.keys(changedAnswers).length > 0;
  const anyComment = Object.keys(changedComments).length > 0;
  if (!anyAnswer && !anyComment) return null;
  return { answers: changedAnswers, ...(anyComment ? { comments: changedComments } : {}) };
}
