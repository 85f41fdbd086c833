import { z } from 'zod';
import { Locale } from './common.schema';

export const DemoLoad = z.object({
  locale: Locale.default('en').meta({ description: 'Language of the free texts (positions, instructions)' }),
});
export type DemoLoad = z.infer<typeof DemoLoad>;

/** What a load created; all zeros when the demo was already there. */
export const DemoReport = z
  .object({
    units: z.number().int(),
    employees: z.number().int(),
    cells: z.number().int(),
    /** Catalog entries (standards and calendars) published. */
    standards: z.number().int(),
    /** Proposals opened (the published catalog's and one in discussion). */
    proposals: z.number().int(),
    /** Interaction records created or changed (the last months' calls, e-mails, letters and visits). */
    interactions: z.number().int(),
  })
  .meta({ id: 'DemoReport' });
export type DemoReport = z.infer<typeof DemoReport>;
