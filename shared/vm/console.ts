/**
 * Turns the serial console's byte stream into clean lines and decides the
 * verdict the moment a line settles it. Pure (no I/O), so every rule is
 * unit-tested with plain strings.
 */
import { StringDecoder } from 'node:string_decoder';

/** Terminal escape sequences (CSI, OSC, charset and single-character escapes) and stray control characters. */
const ESCAPES =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()#][0-9A-Za-z]|\x1b[@-Z\\-_]|[\x00-\x08\x0b-\x1f\x7f]/g;

/** A console line as a person reads it: firmware output starts with escape codes, so markers never sit at byte 0. */
export function cleanLine(raw: string): string {
  return raw.replace(ESCAPES, '').trimEnd();
}

export type ConsoleDecision =
  | { verdict: 'success'; line: string; pattern: RegExp }
  | { verdict: 'failure'; line: string; pattern: RegExp };

export interface ConsoleRules {
  expect: RegExp;
  alsoExpect?: RegExp[];
  failOn: RegExp[];
}

/**
 * Longest line: a guest printing without newlines is cut into lines of this
 * length, which bounds each match (the patterns run in linear time, see
 * console-pattern.ts) and what the tail keeps.
 */
const MAX_LINE = 64 * 1024;
/** Longest partial line judged before its newline arrives: prompts are short; longer ones wait for the line. */
const MAX_PROMPT = 1024;
const TAIL_LINES = 40;

export class ConsoleWatcher {
  readonly #rules: ConsoleRules;
  readonly #decoder = new StringDecoder('utf8');
  readonly #onLine: ((line: string) => void) | undefined;
  readonly #pendingAlso: Set<RegExp>;
  readonly #tail: string[] = [];
  #partial = '';
  #successLine: string | undefined;
  #decision: ConsoleDecision | undefined;

  constructor(rules: ConsoleRules, onLine?: (line: string) => void) {
    this.#rules = rules;
    this.#onLine = onLine;
    this.#pendingAlso = new Set(rules.alsoExpect ?? []);
  }

  get decision(): ConsoleDecision | undefined {
    return this.#decision;
  }

  /** The last lines seen (cleaned), the partial one included. */
  get tail(): string[] {
    const partial = cleanLine(this.#partial);
    return partial ? [...this.#tail, partial] : [...this.#tail];
  }

  /** Feeds a chunk of console bytes; returns the decision once one is reached. */
  push(chunk: Buffer | string): ConsoleDecision | undefined {
    const text = typeof chunk === 'string' ? chunk : this.#decoder.write(chunk);
    // Only the new text is searched for line ends: a guest printing a long line a
    // byte at a time costs linear time, not the line's length per byte.
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      this.#line(this.#partial + text.slice(start, nl));
      this.#partial = '';
      start = nl + 1;
    }
    this.#partial += text.slice(start);
    while (this.#partial.length > MAX_LINE) {
      this.#line(this.#partial.slice(0, MAX_LINE));
      this.#partial = this.#partial.slice(MAX_LINE);
    }
    // A login prompt ("host login: ") never ends with a newline: a short partial line
    // may be the marker. Only the success patterns look at it: a fail-on pattern
    // ending in $ would match a line cut mid-stream ("…Debia" for (a+)+$).
    if (!this.#decision && this.#partial && this.#partial.length <= MAX_PROMPT) {
      this.#judge(cleanLine(this.#partial), false);
    }
    return this.#decision;
  }

  /** The stream ended: the last partial line becomes a line. */
  end(): ConsoleDecision | undefined {
    const rest = this.#partial + this.#decoder.end();
    this.#partial = '';
    if (rest) this.#line(rest);
    return this.#decision;
  }

  #line(raw: string): void {
    const line = cleanLine(raw);
    this.#tail.push(line);
    if (this.#tail.length > TAIL_LINES) this.#tail.shift();
    this.#onLine?.(line);
    if (!this.#decision) this.#judge(line, true);
  }

  /** `complete`: a whole line (fail-on applies), not the partial line seen so far. */
  #judge(line: string, complete: boolean): void {
    if (complete) {
      for (const pattern of this.#rules.failOn) {
        if (pattern.test(line)) {
          this.#decision = { verdict: 'failure', line, pattern };
          return;
        }
      }
    }
    for (const pattern of this.#pendingAlso) if (pattern.test(line)) this.#pendingAlso.delete(pattern);
    if (this.#successLine === undefined && this.#rules.expect.test(line)) this.#successLine = line;
    if (this.#successLine !== undefined && this.#pendingAlso.size === 0) {
      this.#decision = { verdict: 'success', line: this.#successLine, pattern: this.#rules.expect };
    }
  }
}
