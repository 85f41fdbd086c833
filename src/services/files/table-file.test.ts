import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnLetter, detectTableFormat, readTableFile, writeCsv, writeXlsx } from './table-file';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const read = (data: Uint8Array) => readTableFile(data, { csvSheet: 'Units' });

describe('table files: CSV', () => {
  it('reads a header and rows with their lines; a BOM, CRLF and blank lines are fine', async () => {
    expect(await read(bytes('\uFEFFcode,name_ru\r\n\r\nHR,"Отдел, кадров"\r\n'))).toEqual({
      ok: true,
      format: 'csv',
      sheets: [
        {
          name: 'Units',
          headerLine: 1,
          header: ['code', 'name_ru'],
          rows: [{ line: 3, cells: ['HR', 'Отдел, кадров'] }],
        },
      ],
    });
  });

  it('names short rows, cells beyond the header, a duplicate or nameless column, an unclosed quote', async () => {
    const result = await read(bytes('code,Code,,\nA\nB,b,x,y,z\n'));
    expect(result).toEqual({
      ok: false,
      problems: [
        { sheet: 'Units', line: 1, column: 'B', message: 'the header names "Code" twice (columns A and B)' },
        { sheet: 'Units', line: 2, message: '1 cell(s) where the header has 2' },
        { sheet: 'Units', line: 3, message: 'a cell beyond the 2 column(s) of the header' },
      ],
    });
    expect(await read(bytes('code\n"A\n'))).toMatchObject({ ok: false, problems: [{ line: 2 }] });
  });

  it('refuses text that is not UTF-8, and explains a semicolon-separated file', async () => {
    const cp1251 = Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xcf, 0xf0, 0xe8]); // "code\nПри" in Windows-1251
    expect(await read(cp1251)).toEqual({
      ok: false,
      problems: [{ sheet: 'Units', line: 1, message: 'the file is not UTF-8 text: save it as "CSV UTF-8"' }],
    });
    const semicolons = await read(bytes('code;name_ru\nHR;Кадры\n'));
    expect(semicolons).toMatchObject({
      ok: false,
      problems: [{ line: 1, message: expect.stringMatching(/semicolons/) }],
    });
  });

  it('writes RFC 4180 with a BOM and CRLF, quoting only what needs it, and reads it back', async () => {
    const rows = [['a,b', 'say "hi"', ' padded', 'two\nlines', 'plain', '']];
    const out = writeCsv({ header: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'], rows });
    expect(out.toString('utf8')).toBe(
      '\uFEFFh1,h2,h3,h4,h5,h6\r\n"a,b","say ""hi"""," padded","two\nlines",plain,\r\n',
    );
    const back = await read(out);
    // Cells are trimmed on reading: a leading space does not survive, everything else does.
    expect(back).toMatchObject({
      ok: true,
      sheets: [{ rows: [{ line: 2, cells: ['a,b', 'say "hi"', 'padded', 'two\nlines', 'plain', ''] }] }],
    });
  });
});

describe('table files: XLSX', () => {
  it('is told apart from CSV by its zip signature unless the format is named', () => {
    expect(detectTableFormat(bytes('PK\x03\x04…'))).toBe('xlsx');
    expect(detectTableFormat(bytes('code,name'))).toBe('csv');
    expect(detectTableFormat(bytes('PK\x03\x04…'), 'csv')).toBe('csv');
  });

  it('writes a bold frozen header, text cells and sized columns; reads them back as written', async () => {
    const out = await writeXlsx(
      [
        {
          name: 'Units',
          header: ['code', 'name_ru'],
          subheader: ['', 'names'],
          frozenColumns: 1,
          rows: [['0042', 'Отдел кадров']],
        },
      ],
      new Date(0),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(out as never);
    const sheet = book.getWorksheet('Units')!;
    expect(sheet.getRow(1).font).toMatchObject({ bold: true });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 1 });
    expect(sheet.getCell('A3').value).toBe('0042');
    expect(sheet.getColumn(2).width).toBe(14);
    expect(await read(out)).toMatchObject({
      ok: true,
      sheets: [
        {
          name: 'Units',
          header: ['code', 'name_ru'],
          rows: [
            { line: 2, cells: ['', 'names'] },
            { line: 3, cells: ['0042', 'Отдел кадров'] },
          ],
        },
      ],
    });
  });

  it('reads numbers, hyperlinks, rich text and formula results as a person sees them; refuses error values', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Employees');
    sheet.addRow(['code', 'email', 'name_en', 'extensions']);
    sheet.addRow([
      42,
      { text: 'joan@example.org', hyperlink: 'mailto:joan@example.org' },
      { richText: [{ text: 'Joan ' }, { text: 'Smith', font: { bold: true } }] },
      { formula: '2000+41', result: 2041 },
    ]);
    sheet.addRow(['E2', { error: '#N/A' }, 'Two', '']);
    const result = await read(Buffer.from(await book.xlsx.writeBuffer()));
    expect(result).toEqual({
      ok: false,
      problems: [
        { sheet: 'Employees', line: 3, column: 'B', message: 'cell B3 holds an error value (#N/A)' },
      ],
    });
    sheet.spliceRows(3, 1);
    expect(await read(Buffer.from(await book.xlsx.writeBuffer()))).toMatchObject({
      ok: true,
      sheets: [{ rows: [{ line: 2, cells: ['42', 'joan@example.org', 'Joan Smith', '2041'] }] }],
    });
  });

  it('a broken zip is a problem, not a crash', async () => {
    expect(await read(bytes('PK\x03\x04 broken'))).toMatchObject({
      ok: false,
      problems: [{ line: 0, message: expect.stringMatching(/^not a readable XLSX workbook/) }],
    });
  });

  it('names columns as Excel does', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
