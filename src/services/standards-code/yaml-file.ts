import { isNode, LineCounter, parseDocument } from 'yaml';
import type { ImportProblem } from '../../contract/org-transfer.schema';

/** A YAML document read with its lines, to place every problem (`standards.yaml:12`). */
export type ReadYaml =
  | { ok: true; raw: unknown; lineOf: (keys: readonly (string | number)[]) => number }
  | { ok: false; problems: ImportProblem[] };

/**
 * Parses YAML text, keeping where each node starts. `lineOf(keys)` is the line of the deepest node
 * that exists on the path (the line of a missing field is its parent's), 1-based; 0 when unknown.
 * Syntax errors are problems with their lines. The same reading as files/standards-file.reader.ts,
 * but answering problems rather than throwing, so they can join the database's.
 */
export function readYaml(text: string, fileName: string): ReadYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0)
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        sheet: fileName,
        line: e.linePos?.[0].line ?? 0,
        field: '',
        message: `YAML: ${e.message.split('\n')[0]}`,
      })),
    };
  const lineOf = (keys: readonly (string | number)[]) => {
    for (let n = keys.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 0;
  };
  return { ok: true, raw: doc.toJS(), lineOf };
}
