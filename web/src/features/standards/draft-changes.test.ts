import { describe, expect, it } from 'vitest';
import {
  CalendarDefinition,
  ProposalChange,
  StandardDefinition,
  type Proposal,
  type ProposalChangeInput,
  type ProposalChangeView,
} from '../../../../src/contract/catalog.schema';
import { changesOf, withChange } from './draft-changes';

const tel = (max: number) =>
  StandardDefinition.parse({
    code: 'tel-01',
    title: { ru: 'Ответ на звонок' },
    kind: 'tangible',
    category: 'responsiveness',
    measure: { type: 'threshold', field: 'rings', max },
    target: 0.9,
    period: 'month',
  });
const office = CalendarDefinition.parse({
  id: 'office',
  timezone: 'Europe/Moscow',
  week: { mon: ['09:00-18:00'] },
});

const views: ProposalChangeView[] = [
  {
    entity: 'standard',
    action: 'change',
    code: 'tel-01',
    base_version: 2,
    before: tel(3),
    after: tel(4),
    stale: true,
  },
  {
    entity: 'calendar',
    action: 'add',
    code: 'office',
    base_version: null,
    before: null,
    after: office,
    stale: false,
  },
  {
    entity: 'standard',
    action: 'retire',
    code: 'old-01',
    base_version: 5,
    before: tel(3),
    after: null,
    stale: false,
  },
];
// Only the changes matter here; the rest of a proposal is not read.
const proposal = { changes: views } as unknown as Proposal;

describe('changesOf', () => {
  it('gives back each change as the API takes it: the after as the definition, no before or stale', () => {
    expect(changesOf(proposal)).toEqual([
      { entity: 'standard', action: 'change', code: 'tel-01', base_version: 2, definition: tel(4) },
      { entity: 'calendar', action: 'add', code: 'office', base_version: null, definition: office },
      { entity: 'standard', action: 'retire', code: 'old-01', base_version: 5, definition: null },
    ]);
  });

  it('every change it gives back passes the contract', () => {
    for (const c of changesOf(proposal)) expect(ProposalChange.safeParse(c).success).toBe(true);
  });
});

describe('withChange', () => {
  const input = changesOf(proposal);

  it('replaces an earlier change to the same entry in its place', () => {
    const again: ProposalChangeInput = {
      entity: 'standard',
      action: 'change',
      code: 'tel-01',
      base_version: 2,
      definition: tel(5),
    };
    const next = withChange(input, again);
    expect(next.map((c) => `${c.entity}:${c.code}`)).toEqual([
      'standard:tel-01',
      'calendar:office',
      'standard:old-01',
    ]);
    expect(next[0]).toBe(again);
    expect(input[0]!.definition).toEqual(tel(4)); // the list given is not changed
  });

  it('adds a change to another entry at the end; a calendar and a standard with one code are two entries', () => {
    const calendar: ProposalChangeInput = {
      entity: 'calendar',
      action: 'add',
      code: 'tel-01',
      base_version: null,
      definition: { ...office, id: 'tel-01' },
    };
    const next = withChange(input, calendar);
    expect(next).toHaveLength(4);
    expect(next[0]).toBe(input[0]);
    expect(next[3]).toBe(calendar);
    expect(withChange([], calendar)).toEqual([calendar]);
  });
});
