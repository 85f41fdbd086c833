import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { AppError, ValidationError, type FieldIssue } from '../../core';
import { parseStandardsFile, type StandardsFile } from '../../contract/standards-file.schema';

/**
 * Reads, parses and validates a standards file. Throws a ValidationError whose every issue names
 * the file and line (`standards.yaml:14`) and, inside a standard, its code; an unreadable file is
 * `not_found`.
 */
export async function readStandardsFile(path: string): Promise<StandardsFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new AppError('not_found', `cannot read the standards file ${path}: ${(error as Error).message}`);
  }
  return parseStandardsText(text, basename(path));
}

/** The same as readStandardsFile for text already in memory; `name` is used in messages. */
export function parseStandardsText(text: string, name: string): StandardsFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: true });
  const invalid = `${name} is not a valid etalon/v1 standards file`;
  if (doc.errors.length > 0) {
    throw new ValidationError(
      doc.errors.map((e) => {
        const line = e.linePos?.[0].line;
        const where = line === undefined ? name : `${name}:${line}`;
        return { path: '', in: where, message: `${where}: YAML: ${e.message.split('\n')[0]}` };
      }),
      invalid,
    );
  }
  const result = parseStandardsFile(doc.toJS());
  if (result.ok) return result.value;
  const issues: FieldIssue[] = result.issues.map((issue) => {
    // The deepest node that exists on the issue's path gives the line.
    let line: number | undefined;
    for (let n = issue.keys.length; n >= 0 && line === undefined; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(issue.keys.slice(0, n), true);
      if (isNode(node) && node.range) line = lineCounter.linePos(node.range[0]).line;
    }
    const where = line === undefined ? name : `${name}:${line}`;
    return { path: issue.path, in: where, message: `${where}: ${issue.message}`, code: issue.code };
  });
  throw new ValidationError(issues, invalid);
}
