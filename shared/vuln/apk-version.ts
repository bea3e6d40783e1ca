/**
 * Alpine version ordering, ported from apk-tools' src/version.c (tokenizer,
 * token_cmp and apk_version_compare_fuzzy): `digit{.digit}…{letter}
 * {_suffix{#}}…{~hash}{-r#}`. Pre-release suffixes (_alpha, _beta, _pre,
 * _rc) sort before the bare version, post-release ones (_cvs, _svn, _git,
 * _hg, _p) after; a component with a leading zero compares as a string
 * (the Gentoo rule); an invalid version compares by what parsed before the
 * invalid part. Tested against apk-tools' own test vectors
 * (test/unit/version.data).
 */

// Token kinds in apk-tools' order: later kinds may only follow earlier ones.
const Token = {
  InitialDigit: 0,
  Digit: 1,
  Letter: 2,
  Suffix: 3,
  SuffixNo: 4,
  CommitHash: 5,
  RevisionNo: 6,
  End: 7,
  Invalid: 8,
} as const;
type Token = (typeof Token)[keyof typeof Token];

// apk-tools' suffix order: INVALID, alpha, beta, pre, rc, NONE, cvs, svn, git, hg, p.
const SUFFIX_NONE = 5;
const SUFFIXES: Record<string, number> = {
  alpha: 1,
  beta: 2,
  pre: 3,
  rc: 4,
  cvs: 6,
  svn: 7,
  git: 8,
  hg: 9,
  p: 10,
};

interface TokenState {
  token: Token;
  suffix: number;
  number: bigint;
  value: string;
}

class Cursor {
  pos = 0;
  readonly s: string;
  constructor(s: string) {
    this.s = s;
  }
  get done(): boolean {
    return this.pos >= this.s.length;
  }
  peek(): string {
    return this.s[this.pos]!;
  }
}

function parseDigits(t: TokenState, c: Cursor): void {
  const start = c.pos;
  while (!c.done && c.peek() >= '0' && c.peek() <= '9') c.pos++;
  t.value = c.s.slice(start, c.pos);
  t.number = t.value ? BigInt(t.value) : 0n;
  if (!t.value) t.token = Token.Invalid;
}

function first(c: Cursor): TokenState {
  const t: TokenState = { token: Token.InitialDigit as Token, suffix: 0, number: 0n, value: '' };
  parseDigits(t, c);
  return t;
}

function next(t: TokenState, c: Cursor): void {
  if (c.done) {
    t.token = Token.End;
    return;
  }
  const ch = c.peek();
  if (ch >= 'a' && ch <= 'z') {
    if (t.token > Token.Digit) return void (t.token = Token.Invalid);
    t.value = ch;
    t.token = Token.Letter;
    c.pos++;
  } else if (ch === '.' || (ch >= '0' && ch <= '9')) {
    if (ch === '.') {
      if (t.token > Token.Digit) return void (t.token = Token.Invalid);
      c.pos++;
    }
    if (t.token === Token.InitialDigit || t.token === Token.Digit) t.token = Token.Digit;
    else if (t.token === Token.Suffix) t.token = Token.SuffixNo;
    else return void (t.token = Token.Invalid);
    parseDigits(t, c);
  } else if (ch === '_') {
    if (t.token > Token.SuffixNo) return void (t.token = Token.Invalid);
    c.pos++;
    const start = c.pos;
    while (!c.done && c.peek() >= 'a' && c.peek() <= 'z') c.pos++;
    t.value = c.s.slice(start, c.pos);
    t.suffix = SUFFIXES[t.value] ?? 0;
    if (!t.suffix) return void (t.token = Token.Invalid);
    t.token = Token.Suffix;
  } else if (ch === '~') {
    if (t.token >= Token.CommitHash) return void (t.token = Token.Invalid);
    c.pos++;
    const start = c.pos;
    while (!c.done && /[0-9a-f]/.test(c.peek())) c.pos++;
    t.value = c.s.slice(start, c.pos);
    if (!t.value) return void (t.token = Token.Invalid);
    t.token = Token.CommitHash;
  } else if (ch === '-') {
    if (t.token >= Token.RevisionNo) return void (t.token = Token.Invalid);
    if (c.s[c.pos + 1] !== 'r') return void (t.token = Token.Invalid);
    c.pos += 2;
    t.token = Token.RevisionNo;
    parseDigits(t, c);
  } else t.token = Token.Invalid;
}

/** apk_blob_sort: bytewise, then the shorter first. */
function blobSort(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++)
    if (a.charCodeAt(i) !== b.charCodeAt(i)) return a.charCodeAt(i) - b.charCodeAt(i);
  return a.length - b.length;
}

function tokenCmp(a: TokenState, b: TokenState): number {
  let x: bigint | number;
  let y: bigint | number;
  switch (a.token) {
    case Token.Digit:
      // A leading zero on either side: string order (the Gentoo rule), else numeric as below.
      if (a.value[0] === '0' || b.value[0] === '0') return Math.sign(blobSort(a.value, b.value));
      x = a.number;
      y = b.number;
      break;
    case Token.InitialDigit:
    case Token.SuffixNo:
    case Token.RevisionNo:
      x = a.number;
      y = b.number;
      break;
    case Token.Letter:
      x = a.value.charCodeAt(0);
      y = b.value.charCodeAt(0);
      break;
    case Token.Suffix:
      x = a.suffix;
      y = b.suffix;
      break;
    default:
      return Math.sign(blobSort(a.value, b.value));
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True when apk-tools accepts `v` as a version. */
export function isValidApkVersion(v: string): boolean {
  const c = new Cursor(v);
  const t = first(c);
  while (t.token < Token.End) next(t, c);
  return t.token === Token.End;
}

/**
 * -1, 0 or 1 as `a` sorts before, equal to or after `b`. `fuzzy` is apk's `~`
 * operator: `b` matches when it is a prefix of `a` by components.
 */
export function compareApkVersions(a: string, b: string, fuzzy = false): number {
  const ca = new Cursor(a);
  const cb = new Cursor(b);
  const ta = first(ca);
  const tb = first(cb);
  while (ta.token === tb.token && ta.token < Token.End) {
    const r = tokenCmp(ta, tb);
    if (r !== 0) return r;
    next(ta, ca);
    next(tb, cb);
  }
  if (ta.token === tb.token) return 0;
  if (tb.token === Token.End && fuzzy) return 0;
  // Equal so far: the longer one is greater, unless what it has more of is a pre-release suffix.
  if (ta.token === Token.Suffix && ta.suffix < SUFFIX_NONE) return -1;
  if (tb.token === Token.Suffix && tb.suffix < SUFFIX_NONE) return 1;
  if (ta.token > tb.token) return -1;
  if (tb.token > ta.token) return 1;
  return 0;
}
