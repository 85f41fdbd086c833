/**
 * Moving through an audit form one section at a time (a phone shows one per screen): where each
 * item lives, how far each section is answered, where "next" and "previous" lead, and where to go
 * when the server names problems.
 */

export interface SectionShape {
  id: string;
  items: readonly { id: string }[];
}

export interface SectionProgress {
  sectionId: string;
  answered: number;
  total: number;
  complete: boolean;
}

const answered = (answers: Readonly<Record<string, unknown>>, id: string) =>
  answers[id] !== undefined && answers[id] !== null;

/** How many items of each section have an answer (N/A counts: it is an answer). */
export function sectionProgress(
  sections: readonly SectionShape[],
  answers: Readonly<Record<string, unknown>>,
): SectionProgress[] {
  return sections.map((s) => {
    const done = s.items.filter((i) => answered(answers, i.id)).length;
    return { sectionId: s.id, answered: done, total: s.items.length, complete: done === s.items.length };
  });
}

/** Answered items over all items, 0…1 (1 for an empty template). */
export function overallProgress(progress: readonly SectionProgress[]): number {
  const total = progress.reduce((n, p) => n + p.total, 0);
  return total === 0 ? 1 : progress.reduce((n, p) => n + p.answered, 0) / total;
}

/** A section index kept within the form (an out-of-range index from the address or a stale state). */
export function clampSection(index: number, count: number): number {
  if (count <= 0 || !Number.isFinite(index)) return 0;
  return Math.min(Math.max(0, Math.trunc(index)), count - 1);
}

export const hasNext = (index: number, count: number) => index < count - 1;
export const hasPrevious = (index: number) => index > 0;
export const nextSection = (index: number, count: number) => clampSection(index + 1, count);
export const previousSection = (index: number, count: number) => clampSection(index - 1, count);

/** The index of the section holding the item; -1 when no section has it. */
export function sectionOfItem(sections: readonly SectionShape[], itemId: string): number {
  return sections.findIndex((s) => s.items.some((i) => i.id === itemId));
}

/** The first section with an unanswered item, or -1 when every item is answered. */
export function firstIncompleteSection(progress: readonly SectionProgress[]): number {
  return progress.findIndex((p) => !p.complete);
}

/**
 * The section to open for problems on these items: the first, in form order, holding one of them;
 * -1 when none does.
 */
export function firstSectionWithItems(sections: readonly SectionShape[], itemIds: Iterable<string>): number {
  const wanted = new Set(itemIds);
  return sections.findIndex((s) => s.items.some((i) => wanted.has(i.id)));
}
