import type { ApplyResult, ProposalChangeView } from '../../contract/catalog.schema';
import type { ImportProblem } from '../../contract/org-transfer.schema';
import type { LocalizedName } from '../../contract/standards-file.schema';
import { displayName, fieldChanges } from './definitions';

/** One change as a line: `+ standard TEL-01  Answer by the 3rd ring`, `~ standard MAIL-01 (v2 → v3): target 0.9 → 0.95`. */
export function changeLine(c: ProposalChangeView): string {
  if (c.action === 'retire') return `- ${c.entity} ${c.code}`;
  const name = (c.after as { title?: LocalizedName; name?: LocalizedName } | null) ?? {};
  const label = displayName(c.entity === 'standard' ? name.title : name.name);
  if (c.action === 'add') return `+ ${c.entity} ${c.code}${label ? `  ${label}` : ''}`;
  const from = c.base_version ?? 0;
  return `~ ${c.entity} ${c.code} (v${from} → v${from + 1}): ${fieldChanges(c.before, c.after).join('; ')}`;
}

/** What applying a file did (or would do), line by line, ending with the outcome. */
export function applyReport(r: ApplyResult): string[] {
  const lines = r.changes.map(changeLine);
  for (const [what, { created, updated }] of [
    ['unit', r.units],
    ['employee', r.employees],
  ] as const) {
    lines.push(...created.map((c) => `+ ${what} ${c}`), ...updated.map((c) => `~ ${what} ${c}`));
  }
  if (r.no_changes) lines.push('no changes');
  else if (r.dry_run) lines.push('dry run: nothing written');
  else if (r.proposal === null) lines.push('units and employees saved; no standard or calendar changes');
  else if (r.proposal.status === 'published') lines.push(`proposal #${r.proposal.number} published`);
  else lines.push(`proposal #${r.proposal.number} opened`);
  return lines;
}

/**
 * A refused file's problem as a line a person can find: `standards.yaml:12: standard TEL-01: measure.max: …`
 * (the field inside the standard after its code, the path elsewhere).
 */
export function problemText(p: ImportProblem): string {
  const where = `${p.sheet || 'file'}${p.line > 0 ? `:${p.line}` : ''}`;
  const inStandard = /^standards\.\d+\.?(.*)$/.exec(p.field);
  const named = /^(standard \S+): (.*)$/s.exec(p.message);
  if (inStandard && named) {
    const field = inStandard[1];
    return `${where}: ${named[1]}: ${field ? `${field}: ` : ''}${named[2]}`;
  }
  return `${where}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}
