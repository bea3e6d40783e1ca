/** Where test/support/jest-environment.ts leaves values for code inside a test's context. */
export const OUTER_REALM = Symbol.for('infrasim.jest.outer-realm');

/** What is left there: Node's own node:assert and the error classes Node's own code throws. */
export interface OuterRealm {
  assert: typeof import('node:assert');
  errors: Record<string, new (...args: never[]) => Error>;
}
