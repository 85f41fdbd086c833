/**
 * Text as the script measure compares it: Unicode NFKC, lower case, ё → е, every character that
 * is not a letter or digit → a space, spaces collapsed and trimmed.
 * Example: `normalizeText('Доброе утро!  Отдел кадров, Джоан.')` → `доброе утро отдел кадров джоан`.
 */
export function normalizeText(text: string): string {
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
