/**
 * The `expect` and `fail-on` patterns, compiled for V8's linear-time regexp
 * engine (the `l` flag). A backtracking engine takes exponential time on
 * patterns such as `(a+)+$` against a long console line; the match runs on
 * the event loop, so the boot's timeout never fires, SIGINT is never handled
 * and QEMU outlives the action. The linear engine matches in time
 * proportional to pattern × line, whatever either is.
 *
 * Why this engine: it keeps the JavaScript syntax the inputs already
 * document, it ships with the node24 runtime the action runs on (no native
 * module, nothing to bundle), and what it cannot run in linear time it
 * refuses when the pattern is compiled, so the action rejects such a pattern
 * at input validation with a message saying what to write instead. What it
 * refuses: backreferences (\1, \k<name>), lookahead ((?=…), (?!…)) and
 * counted repetition above about 16 copies (`.{0,200}`: write `.*`). Console
 * markers never need those. The alternatives were RE2 ports (another syntax
 * to document, a native or WebAssembly module to bundle) or a heuristic
 * "nested quantifier" filter, which misses cases and refuses good patterns.
 */
import { setFlagsFromString } from 'node:v8';
import { InputError } from '../errors.ts';

let engineEnabled = false;

/** The engine is behind a V8 flag; setting it at run time enables the `l` flag for RegExps compiled afterwards. */
function enableLinearEngine(): void {
  if (engineEnabled) return;
  setFlagsFromString('--enable-experimental-regexp-engine');
  engineEnabled = true;
}

/** Compiles `source` for the linear-time engine; throws a SyntaxError when it cannot run there. */
export function linearRegExp(source: string): RegExp {
  enableLinearEngine();
  // eslint-disable-next-line no-invalid-regexp -- 'l' is V8's linear-engine flag, enabled above; ESLint does not know it
  return new RegExp(source, 'l');
}

/** Whether a RegExp runs on the linear-time engine. */
export function isLinear(re: RegExp): boolean {
  return re.flags.includes('l');
}

const LINEAR_RULE =
  'a JavaScript regular expression without backreferences (\\1, \\k<name>), lookahead ((?=…), (?!…)) ' +
  'or counted repetition above {16} (write .* instead of .{0,200}); it is matched in linear time';

/** An `expect` / `fail-on` line, or an InputError saying why it is refused. */
export function parseConsolePattern(name: string, raw: string): RegExp {
  try {
    return linearRegExp(raw);
  } catch (e) {
    const message = (e as Error).message;
    if (/linear time/.test(message)) {
      throw new InputError(name, `'${raw}' cannot be matched in linear time`, LINEAR_RULE);
    }
    // V8 quotes the pattern with its flags ("/…/l"): the reason alone reads better.
    const reason = message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    throw new InputError(name, `'${raw}' is not a valid regular expression: ${reason}`);
  }
}
