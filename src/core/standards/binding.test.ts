import { describe, expect, it } from 'vitest';
import { bindsUnit } from './binding';

describe('bindsUnit', () => {
  const payroll = new Set(['HR-PAYROLL', 'HR', 'ORG']);
  it('binds every unit when the standard names none', () => {
    expect(bindsUnit({}, payroll)).toBe(true);
  });
  it('binds the named units and everything below them, not their neighbours', () => {
    expect(bindsUnit({ units: ['HR'] }, payroll)).toBe(true);
    expect(bindsUnit({ units: ['IT', 'HR-PAYROLL'] }, payroll)).toBe(true);
    expect(bindsUnit({ units: ['IT'] }, payroll)).toBe(false);
    expect(bindsUnit({ units: ['HR-PAYROLL'] }, new Set(['HR', 'ORG']))).toBe(false);
  });
});
