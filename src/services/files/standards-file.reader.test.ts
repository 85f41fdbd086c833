import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core';
import { withinMs } from '../../contract/standards-file.schema';
import { readStandardsFile } from './standards-file.reader';
import { scratchDir } from '../../../test/scratch-dir';

const { dir, write } = scratchDir('etalon-standards-');

const GOOD = `version: etalon/v1
timezone: Europe/Moscow
calendars:
  - id: office
    timezone: Europe/Moscow
    week:
      mon: ["09:00-13:00", "14:00-18:00"]
      fri: ["09:00-13:00", "14:00-16:45"]
    holidays: ["2026-01-01", "2026-02-23"]
    shifts:
      "2026-03-07": ["10:00-14:00"]
    ring_seconds: 5
units:
  - {code: ORG, name: {ru: компания, en: company}}
  - {code: HR, name: {ru: отдел кадров, en: HR department}, parent: ORG}
employees:
  - {code: E1, name: {ru: Джоан, en: Joan}, unit: HR}
standards:
  - code: TEL-01
    title: Answer the phone by the third ring
    kind: tangible
    category: responsiveness
    channels: [phone]
    units: [HR]
    calendar: office
    measure: {type: threshold, field: rings, max: 3}
    target: 0.9
    period: month
  - code: MAIL-01
    title: {ru: Ответ за 4 часа, en: Reply within 4 hours}
    kind: tangible
    category: written
    channels: [email]
    measure: {type: response_time, within: 4h}
    target: 0.95
    period: week
`;

async function refusal(name: string, text: string) {
  const error = await readStandardsFile(write(name, text)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  const v = error as ValidationError;
  expect(v.message).toBe(`${name} is not a valid etalon/v1 standards file`);
  return v.issues.map((i) => i.message);
}

describe('readStandardsFile', () => {
  it('reads the example of the issue', async () => {
    const file = await readStandardsFile(write('good.yaml', GOOD));
    expect(file.standards.map((s) => s.code)).toEqual(['TEL-01', 'MAIL-01']);
    expect(file.standards[1]!.measure).toMatchObject({ within: '4h', clock: 'business' });
    expect(withinMs((file.standards[1]!.measure as { within: string }).within)).toBe(4 * 3600_000);
    expect(file.units[0]!.name).toEqual({ ru: 'компания', en: 'company' });
  });

  it('names the file, the line and the standard for an unknown measure type', async () => {
    const text = GOOD.replace('{type: response_time, within: 4h}', '{type: stopwatch, within: 4h}');
    expect(await refusal('s.yaml', text)).toEqual([
      expect.stringMatching(/^s\.yaml:34: standard MAIL-01: unknown measure type "stopwatch"/),
    ]);
  });

  it('names the line of a duplicate code', async () => {
    const messages = await refusal('dup.yaml', GOOD.replace('code: MAIL-01', 'code: TEL-01'));
    expect(messages).toEqual([
      expect.stringMatching(/^dup\.yaml:29: standard TEL-01: duplicate standard code "TEL-01"/),
    ]);
  });

  it('names the line of an interval that ends before it starts', async () => {
    const messages = await refusal('iv.yaml', GOOD.replace('"14:00-16:45"', '"16:45-14:00"'));
    expect(messages).toEqual(['iv.yaml:8: "16:45-14:00" ends before it starts']);
  });

  it('names the standard referring to an unknown calendar or unit', async () => {
    const messages = await refusal(
      'ref.yaml',
      GOOD.replace('calendar: office', 'calendar: night').replace('units: [HR]', 'units: [HR, SALES]'),
    );
    expect(messages).toEqual([
      'ref.yaml:24: standard TEL-01: unknown unit "SALES"',
      'ref.yaml:25: standard TEL-01: unknown calendar "night"',
    ]);
  });

  it('reports YAML syntax errors with their line', async () => {
    const messages = await refusal('broken.yaml', 'version: etalon/v1\nstandards:\n  - code: [TEL\n');
    expect(messages[0]).toMatch(/^broken\.yaml:\d+: YAML: /);
  });

  it('an unreadable file is not_found, naming it', async () => {
    await expect(readStandardsFile(join(dir, 'missing.yaml'))).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('missing.yaml'),
    });
  });
});
