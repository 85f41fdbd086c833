/** The channels an interaction can come through. */
export const CHANNELS = ['phone', 'email', 'letter', 'visit', 'chat', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * One interaction record as the engine sees it: instants as epoch milliseconds (UTC), absent
 * values absent. Files and the API parse into this shape (src/contract), the engine never parses.
 */
export interface Interaction {
  id: string;
  channel: Channel;
  unit: string;
  employee?: string | undefined;
  /** Call start, request received, arrival. */
  startedAt: number;
  /** Answered, first reply sent, served; absent = not yet. */
  answeredAt?: number | undefined;
  endedAt?: number | undefined;
  rings?: number | undefined;
  waitSeconds?: number | undefined;
  /** The first words said, from a transcript. */
  greeting?: string | undefined;
  template?: string | undefined;
  /** Any further numeric columns a threshold may name. */
  numbers?: Readonly<Record<string, number>> | undefined;
}
