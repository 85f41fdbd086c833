import { describe, expect, it } from 'vitest';
import en from './audit-templates.en.json';
import ru from './audit-templates.ru.json';

/** Every key of a nested bundle, dotted, with its text. */
function entries(bundle: object, prefix = ''): [string, unknown][] {
  return Object.entries(bundle).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' ? entries(v as object, `${prefix}${k}.`) : [[`${prefix}${k}`, v]],
  );
}

describe('the audit templates bundle', () => {
  it('has the same keys in Russian and English, each a non-empty text with the same placeholders', () => {
    const a = new Map(entries(en));
    const b = new Map(entries(ru));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const placeholders = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of a) {
      expect(typeof text, key).toBe('string');
      expect(String(text).trim(), key).not.toBe('');
      expect(String(b.get(key)).trim(), key).not.toBe('');
      expect(placeholders(b.get(key)), key).toEqual(placeholders(text));
    }
  });
});
