/**
 * node:assert for tests under jest. jest runs each test file in its own vm
 * context, so arrays and objects made by Node itself (readdir's names,
 * util.parseArgs, …) have another realm's Array/Object prototype than the
 * literals a test compares them with, and deepStrictEqual, which compares
 * prototypes, fails with "no visual difference". The strict deep comparisons
 * here first rebuild arrays and plain objects of any realm in this one; every
 * other assertion is Node's own. jest.config.ts maps node:assert and
 * node:assert/strict onto the two small modules that re-export this.
 */
import { OUTER_REALM, type OuterRealm } from './jest-environment-keys.ts';

// jest.config.ts maps every import of node:assert (bare `assert` and
// process.getBuiltinModule included: jest routes them all through the same
// mapping) onto these modules, so the real one is handed over by
// test/support/jest-environment.ts, which runs outside the test's context.
const outer = (globalThis as unknown as Record<symbol, OuterRealm | undefined>)[OUTER_REALM];
if (!outer) throw new Error('node:assert under jest needs testEnvironment test/support/jest-environment.ts');
const nodeAssert = outer.assert;

type Fn = (...args: unknown[]) => unknown;

/** True for an Array.prototype or Object.prototype, of this realm or another. */
const isIntrinsicProto = (p: object, name: 'Array' | 'Object'): boolean =>
  Object.prototype.hasOwnProperty.call(p, 'constructor') &&
  typeof (p as { constructor: unknown }).constructor === 'function' &&
  (p as { constructor: Fn }).constructor.name === name &&
  (name === 'Object'
    ? Object.getPrototypeOf(p) === null
    : isIntrinsicProto(Object.getPrototypeOf(p) ?? {}, 'Object'));

/** Arrays and plain objects rebuilt in this realm, recursively; anything else as it is. */
function localize(v: unknown, seen = new Map<object, unknown>()): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (seen.has(v)) return seen.get(v);
  const proto = Object.getPrototypeOf(v);
  if (Array.isArray(v) && proto !== null && isIntrinsicProto(proto, 'Array')) {
    const out: unknown[] = [];
    seen.set(v, out);
    for (let i = 0; i < v.length; i++) if (i in v) out[i] = localize(v[i], seen);
    out.length = v.length;
    return out;
  }
  if (proto !== null && isIntrinsicProto(proto, 'Object')) {
    const out: Record<PropertyKey, unknown> = {};
    seen.set(v, out);
    for (const k of Reflect.ownKeys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, k)!;
      if (d.enumerable) out[k] = localize((v as Record<PropertyKey, unknown>)[k], seen);
    }
    return out;
  }
  return v;
}

const realmBlind =
  (f: Fn): Fn =>
  (actual, expected, ...rest) =>
    f(localize(actual), localize(expected), ...rest);

/**
 * `assert.rejects(p, Error)`: an error Node's own code throws (fs, child_process)
 * is an instance of the other realm's Error, so a built-in error class accepts
 * instances of both realms' classes of that name.
 */
const errorClasses = new Map<unknown, unknown>(
  Object.entries(outer.errors).map(([name, outerClass]) => {
    const inner = (globalThis as unknown as Record<string, ErrorConstructor>)[name]!;
    const either = function (this: unknown, e: unknown) {
      return e instanceof inner || e instanceof outerClass;
    };
    Object.defineProperty(either, 'name', { value: name });
    Object.defineProperty(either, Symbol.hasInstance, { value: either });
    return [inner, either];
  }),
);
/**
 * An error class of this realm (DataError) is not an Error subclass to the
 * other realm's assert, which would call it as a validation function ("cannot
 * be invoked without 'new'") when the error does not match; as a validator
 * that checks instanceof, a mismatch fails as an assertion, as under Node.
 */
const asValidator = (cls: Fn): Fn => {
  const check = (e: unknown) => e instanceof cls;
  Object.defineProperty(check, 'name', { value: cls.name });
  return check;
};
const errorBlind =
  (f: Fn): Fn =>
  (block, expected, ...rest) =>
    f(
      block,
      errorClasses.get(expected) ??
        (typeof expected === 'function' && expected.prototype instanceof Error
          ? asValidator(expected as Fn)
          : expected),
      ...rest,
    );

const throws = errorBlind(nodeAssert.throws as Fn);
const rejects = errorBlind(nodeAssert.rejects as Fn);
const deepStrictEqual = realmBlind(nodeAssert.deepStrictEqual as Fn);
const notDeepStrictEqual = realmBlind(nodeAssert.notDeepStrictEqual as Fn);
const partialDeepStrictEqual = nodeAssert.partialDeepStrictEqual
  ? realmBlind(nodeAssert.partialDeepStrictEqual as Fn)
  : undefined;

/** Legacy-mode assert (node:assert): deepEqual ignores prototypes already. */
export const legacy = Object.assign(
  (value: unknown, message?: string | Error) => nodeAssert.ok(value, message),
  nodeAssert,
  {
    deepStrictEqual,
    notDeepStrictEqual,
    throws,
    rejects,
    ...(partialDeepStrictEqual && { partialDeepStrictEqual }),
  },
);

/** Strict-mode assert (node:assert/strict, assert.strict): deepEqual is deepStrictEqual. */
export const strict = Object.assign(
  (value: unknown, message?: string | Error) => nodeAssert.ok(value, message),
  nodeAssert.strict,
  {
    deepStrictEqual,
    notDeepStrictEqual,
    deepEqual: deepStrictEqual,
    notDeepEqual: notDeepStrictEqual,
    throws,
    rejects,
    ...(partialDeepStrictEqual && { partialDeepStrictEqual }),
  },
);
strict.strict = strict;
legacy.strict = strict;
