import { describe, expect, it } from 'vitest';
import { CsvRows, CsvSyntaxError } from './csv-rows';

/** Feeds `text` in pieces of `size` characters and collects [line, cells]. */
function rows(text: string, size = text.length || 1) {
  const reader = new CsvRows();
  const out: [number, string[]][] = [];
  for (let i = 0; i < text.length || i === 0; i += size) {
    const last = i + size >= text.length;
    reader.feed(text.slice(i, i + size), last, (cells, line) => out.push([line, cells]));
    if (last) break;
  }
  return out;
}

const SAMPLE =
  '\uFEFFid,greeting,n\r\n1,"Good morning, HR",\r\n\r\n2,"say ""hi""\r\nthen\nleave",3\r\n3,,\r\n';
const EXPECTED: [number, string[]][] = [
  [1, ['id', 'greeting', 'n']],
  [2, ['1', 'Good morning, HR', '']],
  [4, ['2', 'say "hi"\r\nthen\nleave', '3']],
  [7, ['3', '', '']],
];

describe('CsvRows', () => {
  it('reads quotes, commas, doubled quotes, line breaks in cells, CRLF, a BOM and blank lines', () => {
    expect(rows(SAMPLE)).toEqual(EXPECTED);
  });

  it.each([1, 2, 3, 5, 7, 11])('gives the same rows fed %i characters at a time', (size) => {
    expect(rows(SAMPLE, size)).toEqual(EXPECTED);
  });

  it('reads a last line without a line end, and LF-only files', () => {
    expect(rows('a,b\n1,2')).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
    ]);
    expect(rows('a,b\n1,"x"')).toEqual([
      [1, ['a', 'b']],
      [2, ['1', 'x']],
    ]);
  });

  it('refuses an unclosed quote and text after a closing quote, naming the line', () => {
    expect(() => rows('a\n"x\n')).toThrow(new CsvSyntaxError('a quote opened on line 2 is never closed', 2));
    expect(() => rows('a\n"x"y\n')).toThrow(/line 2: a character follows a closing quote/);
  });
});
