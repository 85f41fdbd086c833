import { describe, expect, it } from 'vitest';
import { commentParts, insertMention, mentionHandle, mentionQuery } from './mentions';

const anna = { id: '1', name: 'Anna', email: 'anna@example.org' };
const annaOther = { id: '2', name: 'Anna K', email: 'Anna@branch.example.org' };
const boris = { id: '3', name: 'Борис', email: 'boris.p@example.org' };

describe('mentionHandle', () => {
  it('is the local part when it is unique, the whole address when another person shares it (any case)', () => {
    expect(mentionHandle(boris, [anna, boris])).toBe('boris.p');
    expect(mentionHandle(anna, [anna, boris])).toBe('anna');
    expect(mentionHandle(anna, [anna, annaOther, boris])).toBe('anna@example.org');
  });
});

describe('mentionQuery', () => {
  it('finds the handle being typed before the caret', () => {
    expect(mentionQuery('Согласуйте, @bor', 16)).toEqual({ start: 12, query: 'bor' });
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQuery('see @anna and more', 9)).toEqual({ start: 4, query: 'anna' });
  });

  it('is nothing inside an address, after a space, or after the caret', () => {
    expect(mentionQuery('anna@exam', 9)).toBe(null);
    expect(mentionQuery('@anna ', 6)).toBe(null);
    expect(mentionQuery('hello @anna', 3)).toBe(null);
  });
});

describe('commentParts', () => {
  const join = (parts: { text: string; mention: boolean }[]) =>
    parts.map((p) => (p.mention ? `[${p.text}]` : p.text)).join('');

  it('marks the handles of mentioned people, by local part or full address, in any case', () => {
    const body = '@Anna, посмотрите; @boris.p@example.org тоже.';
    const parts = commentParts(body, [anna, boris]);
    expect(join(parts)).toBe('[@Anna], посмотрите; [@boris.p@example.org] тоже.');
    expect(parts.map((p) => p.text).join('')).toBe(body);
  });

  it('leaves a sentence’s full stop out of the handle', () => {
    expect(commentParts('Thanks @anna.', [anna])).toEqual([
      { text: 'Thanks ', mention: false },
      { text: '@anna', mention: true },
      { text: '.', mention: false },
    ]);
  });

  it('does not mark someone the comment does not mention, nor a handle inside an address (as the server)', () => {
    expect(join(commentParts('@boris.p look', [anna]))).toBe('@boris.p look');
    expect(join(commentParts('@anna: write to desk@anna for keys', [anna]))).toBe(
      '[@anna]: write to desk@anna for keys',
    );
  });
});

describe('insertMention', () => {
  it('adds one space after the handle at the end of the text', () => {
    expect(insertMention('hi @pa', { start: 3, query: 'pa' }, 'pavel')).toEqual({
      text: 'hi @pavel ',
      caret: 10,
    });
  });

  it('reuses the space already following the query: no double space', () => {
    expect(insertMention('@pa thanks', { start: 0, query: 'pa' }, 'pavel')).toEqual({
      text: '@pavel thanks',
      caret: 7,
    });
  });
});
