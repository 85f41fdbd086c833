/** The channels an interaction can come through. */
export const CHANNELS = ['phone', 'email', 'letter', 'visit', 'chat', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * One interaction record as the engine sees it: the file format's field names, instants as epoch
 * milliseconds (UTC), absent values absent. Files and the API parse into this shape
 * (src/contract/interaction-record.schema.ts), so records flow into the engine without copying.
 */
export interface Interaction {
  id: string;
  channel: Channel;
  unit: string;
  employee?: string | undefined;
  /** Call start, request received, arrival. */
  started_at: number;
  /** Answered, first reply sent, served; absent = not yet. */
  answered_at?: number | undefined;
  ended_at?: number | undefined;
  rings?: number | undefined;
  wait_seconds?: number | undefined;
  /** The first words said, from a transcript. */
  greeting?: string | undefined;
  template?: string | undefined;
  /** Any further numeric columns a threshold may name. */
  numbers?: Readonly<Record<string, number>> | undefined;
  /** Further text columns a script measure names as its field (read only when asked for). */
  texts?: Readonly<Record<string, string>> | undefined;
}
