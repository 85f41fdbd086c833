import type { PersonRef } from '../../../../src/contract/catalog.schema';

/** `anna` of `anna@example.org`. */
export const localPart = (email: string) => email.split('@')[0] ?? email;

/** `@anna` when no one else among the people has that local part, else `@anna@example.org`. */
export function mentionHandle(person: PersonRef, people: PersonRef[]): string {
  const local = localPart(person.email).toLowerCase();
  const clash = people.some((p) => p.id !== person.id && localPart(p.email).toLowerCase() === local);
  return clash ? person.email : localPart(person.email);
}

/** The `@text` being typed just before the caret, if any. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([\w.+-]*)$/u.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}

/** A handle as the server reads it (proposal.service): not inside a word or an address (`me@anna`). */
const MENTION = /((?<![\w.@])@[\w.+-]+(?:@[\w-]+(?:\.[\w-]+)+)?)/gu;

export interface CommentPart {
  text: string;
  /** A mention of one of the comment's mentioned people (by `@local` or `@full@address`). */
  mention: boolean;
}

/**
 * A comment's text cut into plain parts and mentions of the people it really mentions; a
 * sentence's full stop after a handle is not part of it. Joined, the parts are the text again.
 */
export function commentParts(body: string, mentioned: readonly { email: string }[]): CommentPart[] {
  const handles = new Set(
    mentioned.flatMap((m) => [`@${m.email.toLowerCase()}`, `@${localPart(m.email).toLowerCase()}`]),
  );
  const parts: CommentPart[] = [];
  body.split(MENTION).forEach((part, i) => {
    const bare = part.replace(/\.+$/, '');
    if (i % 2 === 1 && handles.has(bare.toLowerCase())) {
      parts.push({ text: bare, mention: true });
      if (bare.length < part.length) parts.push({ text: part.slice(bare.length), mention: false });
    } else if (part !== '') parts.push({ text: part, mention: false });
  });
  return parts;
}

/**
 * The text with the `@query` at `start` replaced by `@handle` and one space after it (the space
 * already there when the text goes on with one: no double space), and where the caret goes.
 */
export function insertMention(
  text: string,
  at: { start: number; query: string },
  handle: string,
): { text: string; caret: number } {
  const before = text.slice(0, at.start);
  const after = text.slice(at.start + 1 + at.query.length);
  const inserted = `@${handle}`;
  if (/^\s/u.test(after))
    return { text: before + inserted + after, caret: before.length + inserted.length + 1 };
  return { text: `${before}${inserted} ${after}`, caret: before.length + inserted.length + 1 };
}
