import { describe, expect, it } from 'vitest';
import { applyReport, changeLine, problemText } from './apply-report';
import { canonicalJson, fieldChanges, sameDefinition } from './definitions';

describe('standards apply report', () => {
  it('words adds and changes; a change lists every differing leaf, arrays whole', () => {
    expect(
      changeLine({
        entity: 'standard',
        action: 'add',
        code: 'TEL-01',
        base_version: null,
        before: null,
        after: { code: 'TEL-01', title: { ru: 'Ответ', en: 'Answer by the 3rd ring' } } as never,
        stale: false,
      }),
    ).toBe('+ standard TEL-01  Answer by the 3rd ring');
    expect(
      changeLine({
        entity: 'calendar',
        action: 'change',
        code: 'office',
        base_version: 2,
        before: { id: 'office', holidays: ['2026-01-01'], ring_seconds: 5 } as never,
        after: { id: 'office', holidays: ['2026-01-01', '--05-01'], ring_seconds: 4 } as never,
        stale: false,
      }),
    ).toBe(
      '~ calendar office (v2 → v3): holidays ["2026-01-01"] → ["2026-01-01","--05-01"]; ring_seconds 5 → 4',
    );
    expect(fieldChanges({ measure: { max: 3 } }, { measure: { max: 3, min: 1 } })).toEqual([
      'measure.min (none) → 1',
    ]);
  });

  it('compares definitions whatever their key order', () => {
    expect(sameDefinition({ a: 1, b: { c: [1, 2], d: 'x' } }, { b: { d: 'x', c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameDefinition({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('ends with the outcome', () => {
    const empty = { created: [], updated: [] };
    const base = {
      dry_run: false,
      no_changes: false,
      changes: [],
      units: { created: ['HR'], updated: ['ORG'] },
      employees: empty,
      proposal: null,
    };
    expect(applyReport(base)).toEqual([
      '+ unit HR',
      '~ unit ORG',
      'units and employees saved; no standard or calendar changes',
    ]);
    expect(applyReport({ ...base, units: empty, no_changes: true })).toEqual(['no changes']);
  });

  it("places a problem: the field after the standard's code, the path elsewhere", () => {
    const p = { sheet: 'standards.yaml', line: 12 };
    expect(
      problemText({ ...p, field: 'standards.3.measure.max', message: 'standard TEL-01: must be a number' }),
    ).toBe('standards.yaml:12: standard TEL-01: measure.max: must be a number');
    expect(
      problemText({ ...p, field: 'standards.3', message: 'standard TEL-01: duplicate standard code' }),
    ).toBe('standards.yaml:12: standard TEL-01: duplicate standard code');
    expect(problemText({ ...p, field: 'units.2.parent', message: 'unit A: parent cycle A → B → A' })).toBe(
      'standards.yaml:12: units.2.parent: unit A: parent cycle A → B → A',
    );
    expect(problemText({ sheet: 'standards.yaml', line: 0, field: '', message: 'YAML: bad' })).toBe(
      'standards.yaml: YAML: bad',
    );
  });
});
