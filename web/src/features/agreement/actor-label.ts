import type { TFunction } from 'i18next';

/** Labels the server writes when no person acted: the CLI, the demo loader, the publishing job. */
const KNOWN = ['cli', 'demo', 'scheduler'] as const;

/**
 * Who wrote or published something, for people: the person's name, else the label in words
 * ("Command line", "Demo", "Etalon, on schedule"), else the label as it is (a token's name).
 */
export function actorName(person: { name: string } | null | undefined, label: string | null, t: TFunction) {
  if (person) return person.name;
  if (label === null) return '';
  return (KNOWN as readonly string[]).includes(label)
    ? t(`agreement.actors.${label as (typeof KNOWN)[number]}`)
    : label;
}
