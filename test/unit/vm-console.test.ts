import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { cleanLine, ConsoleWatcher } from '../../shared/vm/console.ts';

const rules = { expect: /BOOT OK/, failOn: [/Kernel panic - not syncing/] };

describe('cleanLine', () => {
  it('removes escape sequences and carriage returns that firmware puts before text', () => {
    assert.equal(cleanLine('\x1b[2J\x1b[01;01H\x1b[=3h\x1b[2JBdsDxe: loading\r'), 'BdsDxe: loading');
    assert.equal(cleanLine('\x1b]0;title\x07\x1b(Bplain'), 'plain');
  });
});

describe('ConsoleWatcher', () => {
  it('decides success on a marker split across chunks and preceded by escape codes', () => {
    const w = new ConsoleWatcher(rules);
    assert.equal(w.push('\x1b[0mstarting\n\x1b[2JINFRASIM: BO'), undefined);
    const d = w.push(Buffer.from('OT OK\r\nafter\n'));
    assert.equal(d?.verdict, 'success');
    assert.equal(d?.line, 'INFRASIM: BOOT OK');
  });

  it('decides failure on a fail-on line, before any later marker', () => {
    const w = new ConsoleWatcher(rules);
    const d = w.push('[ 1.0] Kernel panic - not syncing: VFS: Unable to mount root\nBOOT OK\n');
    assert.equal(d?.verdict, 'failure');
    assert.match(d!.line, /Kernel panic/);
  });

  it('matches a prompt that never ends with a newline', () => {
    const w = new ConsoleWatcher({ expect: /\S login: *$/, failOn: [] });
    assert.equal(w.push('Debian GNU/Linux 12 host ttyS0\n\nhost login: ')?.verdict, 'success');
  });

  it('waits for every alsoExpect line before success, in any order', () => {
    const w = new ConsoleWatcher({ ...rules, alsoExpect: [/CHECKS DONE/] });
    assert.equal(w.push('BOOT OK\n'), undefined);
    assert.equal(w.push('CHECKS DONE\n')?.verdict, 'success');
    const w2 = new ConsoleWatcher({ ...rules, alsoExpect: [/CHECKS DONE/] });
    assert.equal(w2.push('CHECKS DONE\nBOOT OK\n')?.line, 'BOOT OK');
  });

  it('keeps the last lines and a multi-byte character split across chunks', () => {
    const w = new ConsoleWatcher(rules);
    const bytes = Buffer.from('héllo\n');
    w.push(bytes.subarray(0, 2));
    w.push(bytes.subarray(2));
    for (let i = 0; i < 100; i++) w.push(`line ${i}\n`);
    w.push('partial');
    const tail = w.tail;
    assert.equal(tail.at(-1), 'partial');
    assert.equal(tail.at(-2), 'line 99');
    assert.ok(tail.length <= 41);
  });

  it('sees a marker in the final unterminated line once it completes', () => {
    const w = new ConsoleWatcher({ expect: /DONE$/, failOn: [] });
    assert.equal(w.push('x\nDON'), undefined);
    w.push('E');
    assert.equal(w.end()?.verdict, 'success');
  });
});
