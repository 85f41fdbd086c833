/** The parts a scripted greeting can require. */
export type ScriptPart = 'time_greeting' | 'unit' | 'employee';

/** How a standard is measured on one record (the standards file's `measure`, compiled). */
export type Measure =
  | { type: 'threshold'; field: string; min?: number | undefined; max?: number | undefined }
  | { type: 'response_time'; within: string; withinMs: number; clock: 'business' | 'calendar' }
  | { type: 'template'; allowed: readonly string[] }
  | {
      type: 'script';
      /** The text field holding what was said; `greeting` unless the file names another. */
      field: string;
      require: readonly ScriptPart[];
      /** Sorted by `fromSecond`; the phrases said from that local time of day on. */
      greetings: ReadonlyArray<{ from: string; fromSecond: number; say: readonly string[] }>;
    };
