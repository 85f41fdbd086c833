import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { ValidationError } from '../core';

/** Reads all of standard input and drops one trailing newline: `echo "$PW" | etalon … --password-stdin`. */
export async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Asks on the terminal without echoing what is typed, twice to catch typos. */
export async function promptPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new ValidationError([
      { path: 'password', message: 'no terminal to ask for it on: pipe it in with --password-stdin' },
    ]);
  }
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      let muted = false;
      const output = new Writable({
        write(chunk, _enc, done) {
          if (!muted) process.stderr.write(chunk as Buffer);
          done();
        },
      });
      const rl = createInterface({ input: process.stdin, output, terminal: true });
      rl.question(question, (answer) => {
        rl.close();
        process.stderr.write('\n');
        resolve(answer);
      });
      muted = true;
    });
  const first = await ask('Password: ');
  const second = await ask('Repeat it: ');
  if (first !== second)
    throw new ValidationError([{ path: 'password', message: 'The two passwords differ' }]);
  return first;
}
