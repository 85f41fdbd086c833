import type { Proposal, ProposalChangeInput } from '../../../../src/contract/catalog.schema';

/** A proposal's changes as the API takes them back (a view carries `before` and `stale` besides). */
export function changesOf(p: Proposal): ProposalChangeInput[] {
  return p.changes.map(
    (c) =>
      ({
        entity: c.entity,
        action: c.action,
        code: c.code,
        base_version: c.base_version,
        definition: c.after,
      }) as ProposalChangeInput,
  );
}

/** The draft's changes with this one in place of an earlier change to the same entry, or added. */
export function withChange(
  changes: ProposalChangeInput[],
  change: ProposalChangeInput,
): ProposalChangeInput[] {
  const i = changes.findIndex((c) => c.entity === change.entity && c.code === change.code);
  return i < 0 ? [...changes, change] : changes.map((c, j) => (j === i ? change : c));
}
