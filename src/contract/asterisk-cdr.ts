/**
 * The columns of Asterisk's `cdr_csv` file (Master.csv, no header; docs/formats/asterisk-cdr.md),
 * in order, as Asterisk documents them: accountcode, src, dst, dcontext, clid, channel, dstchannel,
 * lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags, uniqueid,
 * userfield.
 */
export const CDR_COLUMNS = [
  'accountcode',
  'src',
  'dst',
  'dcontext',
  'clid',
  'channel',
  'dstchannel',
  'lastapp',
  'lastdata',
  'start',
  'answer',
  'end',
  'duration',
  'billsec',
  'disposition',
  'amaflags',
  'uniqueid',
  'userfield',
] as const;
