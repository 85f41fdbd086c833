/**
 * A one-line progress bar on stderr, redrawn in place at most every 100 ms, shown only when stderr
 * is a terminal (piped or redirected output gets nothing but what the command prints at the end).
 * Example: `[██████████░░░░░░░░░░]  50%  12.3/24.6 MB  41 230 records/s  created 80 000 …`.
 */
export interface ProgressBar {
  /** Redraws with `done` of `total` and a text after the bar (throttled unless `force`). */
  update(done: number, text: string, force?: boolean): void;
  /** Clears the line, so what comes next starts on a clean one. */
  clear(): void;
}

const WIDTH = 24;

export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  const enabled = stream.isTTY === true;
  let last = 0;
  let drawn = false;
  return {
    update(done, text, force = false) {
      if (!enabled) return;
      const now = Date.now();
      if (!force && now - last < 100) return;
      last = now;
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const full = Math.round(share * WIDTH);
      const bar = `[${'█'.repeat(full)}${'░'.repeat(WIDTH - full)}] ${String(Math.floor(share * 100)).padStart(3)}%`;
      const columns = stream.columns > 0 ? stream.columns : 120;
      stream.write(`\r\u001b[2K${`${bar}  ${text}`.slice(0, columns - 1)}`);
      drawn = true;
    },
    clear() {
      if (enabled && drawn) stream.write('\r\u001b[2K');
      drawn = false;
    },
  };
}

/** `12.3 MB`: bytes for people. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
