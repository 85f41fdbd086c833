import { z } from 'zod';
import { CalendarDefinition, StandardDefinition, UnitRef } from './catalog.schema';
import { GridCell } from './grid.schema';

/**
 * The service-standards handbook: what a unit (or the whole organization) is expected to do, for
 * staff to read and to print. Plain-language wording of measures is made by `core/standards`
 * (the same words in the editor's preview), so the server sends definitions, not sentences.
 */
export const HandbookQuery = z.object({
  /** A unit id; absent = the whole organization. */
  unit: z.uuid().optional(),
});

export const Handbook = z
  .object({
    unit: UnitRef.nullable(),
    /** The unit and its ancestors, root first (the handbook's heading path). */
    path: z.array(UnitRef),
    /** The versions in force now that bind the unit (all of them for the organization). */
    standards: z.array(
      z.object({
        code: z.string(),
        version: z.number().int(),
        effective_from: z.string(),
        definition: StandardDefinition,
      }),
    ),
    /** The calendars those standards use, and the unit's own (inherited) calendar. */
    calendars: z.array(CalendarDefinition),
    /** The unit's calendar code (own or inherited), if any. */
    unit_calendar: z.string().nullable(),
    /** The grid: help the unit gives (its column) and receives (its row). Empty for the organization. */
    grid: z.object({ gives: z.array(GridCell), receives: z.array(GridCell) }),
    generated_at: z.string(),
  })
  .meta({ id: 'Handbook' });
export type Handbook = z.infer<typeof Handbook>;
