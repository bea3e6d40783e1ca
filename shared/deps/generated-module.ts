/**
 * Modules that scripts/bundle.ts generates beside the compiled sources (build/shared/deps) after tsc: work
 * done once at bundle time instead of in every run of the action. ncc bundles each because its caller
 * imports it with a literal specifier. A source tree has none, so a source run (the tests, `node` on the .ts
 * files) gets null here and computes the same thing itself.
 */
export async function generatedModule<T>(file: string, load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (e) {
    if (
      // Node's loader says ERR_MODULE_NOT_FOUND; jest's resolver (under the test runner) MODULE_NOT_FOUND.
      ['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND'].includes(String((e as NodeJS.ErrnoException).code)) &&
      String(e).includes(file)
    )
      return null;
    throw e;
  }
}
