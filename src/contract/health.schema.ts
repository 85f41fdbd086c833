import { z } from 'zod';

export const Health = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    version: z.string(),
    database: z.enum(['sqlite', 'postgres']),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;
