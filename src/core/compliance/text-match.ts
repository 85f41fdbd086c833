/**
 * Text as the script measure compares it: Unicode NFKC, lower case, ё → е, every character that
 * is not a letter or digit → a space, spaces collapsed and trimmed.
 * Example: `normalizeText('Доброе утро!  Отдел кадров, Джоан.')` → `доброе утро отдел кадров джоан`.
 */
export function normalizeText(text: string): string {
  let known = recent.get(text);
  if (known === undefined) {
    if (recent.size >= RECENT_LIMIT) recent.clear();
    known = normalize(text);
    recent.set(text, known);
  }
  return known;
}

/**
 * The first words said repeat a lot (that is what a script is for), and the Unicode-aware
 * replacement is the costliest step of judging a greeting: remember recent results, boundedly.
 */
const RECENT_LIMIT = 10_000;
const recent = new Map<string, string>();

function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Whether a normalized phrase occurs in normalized text as whole words.
 * Example: `containsPhrase('good morning hr', 'morning')` → true; `('good mornings', 'morning')` → false.
 */
export function containsPhrase(normalizedText: string, normalizedPhrase: string): boolean {
  if (normalizedPhrase === '') return false;
  return ` ${normalizedText} `.includes(` ${normalizedPhrase} `);
}
