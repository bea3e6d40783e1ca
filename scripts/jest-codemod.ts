/**
 * Rewrites node:test test files for jest (`@jest/globals`), in place.
 *
 *   node scripts/jest-codemod.ts [--check] [files or dirs…]   (default: test/)
 *
 * What it does, per file that imports from 'node:test':
 * - the import becomes `@jest/globals`; before/after become beforeAll/afterAll
 *   (every reference, found through the type checker so a local variable that
 *   happens to be called `before` is left alone);
 * - node:test option objects are removed: `it(name, { timeout }, fn)` becomes
 *   `it(name, fn, timeout)`, `before(fn, { timeout })` becomes
 *   `beforeAll(fn, timeout)`, `{ skip: true }` / `{ only: true }` / `{ todo }`
 *   become `.skip` / `.only` / `.todo`, a computed skip becomes
 *   `(cond ? it.skip : it)(…)`. A describe's timeout is dropped with a comment:
 *   jest has no per-suite timeout, the project's testTimeout applies instead;
 * - a test or hook callback that declares a parameter it never uses loses it,
 *   because jest treats a declared first parameter as a `done` callback and
 *   would wait for it to be called.
 * Anything it cannot translate (the node:test context `t`, `mock` from
 * node:test, `t.test` subtests) is listed as a warning with file:line, and the
 * file is left for a person; `--check` exits 1 when any file would change or
 * any warning remains. Running it twice changes nothing the second time.
 */
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const RENAMES: Record<string, string> = { before: 'beforeAll', after: 'afterAll' };
const SUPPORTED = new Set(['before', 'after', 'beforeEach', 'afterEach', 'describe', 'it', 'test', 'suite']);
const HOOKS = new Set(['before', 'after', 'beforeEach', 'afterEach']);
const TEST_FNS = new Set(['it', 'test']);
const SUITE_FNS = new Set(['describe', 'suite']);

interface Edit {
  start: number;
  end: number;
  text: string;
}
interface Result {
  text: string;
  warnings: string[];
}

/** Transforms one file's source text; pure, so it can be tested and re-run. */
export function transform(fileName: string, source: string): Result {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const imp = sf.statements.find(
    (s): s is ts.ImportDeclaration =>
      ts.isImportDeclaration(s) &&
      ts.isStringLiteral(s.moduleSpecifier) &&
      s.moduleSpecifier.text === 'node:test',
  );
  if (!imp) return { text: source, warnings: [] };

  const warnings: string[] = [];
  const where = (n: ts.Node) => `${fileName}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  const clause = imp.importClause;
  // local name -> node:test export name, for every binding the import makes
  const bindings = new Map<string, string>();
  if (clause?.name) bindings.set(clause.name.text, 'test'); // `import test from 'node:test'`
  const nb = clause?.namedBindings;
  if (nb && ts.isNamespaceImport(nb)) {
    warnings.push(`${where(imp)}: namespace import of node:test; rewrite by hand`);
    return { text: source, warnings };
  }
  for (const el of nb && ts.isNamedImports(nb) ? nb.elements : []) {
    const imported = (el.propertyName ?? el.name).getText(sf);
    if (!SUPPORTED.has(imported))
      warnings.push(`${where(el)}: node:test '${imported}' has no jest equivalent here`);
    bindings.set(el.name.text, imported);
  }

  // The checker tells which identifiers refer to the imported bindings; a
  // single-file program is enough because only local scoping matters.
  const host = ts.createCompilerHost({ noResolve: true, noLib: true });
  const origGet = host.getSourceFile;
  host.getSourceFile = (n, ...rest) => (n === fileName ? sf : origGet.call(host, n, ...rest));
  const program = ts.createProgram([fileName], { noResolve: true, noLib: true, types: [] }, host);
  const checker = program.getTypeChecker();
  const importSymbols = new Map<ts.Symbol, string>();
  for (const el of nb && ts.isNamedImports(nb) ? nb.elements : []) {
    const s = checker.getSymbolAtLocation(el.name);
    if (s) importSymbols.set(s, bindings.get(el.name.text)!);
  }
  if (clause?.name) {
    const s = checker.getSymbolAtLocation(clause.name);
    if (s) importSymbols.set(s, 'test');
  }
  /** The node:test export an identifier refers to, if it refers to one. */
  const nodeTestName = (id: ts.Node): string | undefined => {
    if (!ts.isIdentifier(id)) return undefined;
    const s = checker.getSymbolAtLocation(id);
    return s ? importSymbols.get(s) : undefined;
  };

  const edits: Edit[] = [];
  const replace = (n: ts.Node, text: string) => edits.push({ start: n.getStart(sf), end: n.getEnd(), text });

  // Import: jest names, sorted like the rest of the codebase's imports.
  const names = [
    ...new Set([...bindings.values()].map((n) => RENAMES[n] ?? (n === 'suite' ? 'describe' : n))),
  ].sort();
  const extras: string[] = [];

  /** `it` / `it.skip` / `describe.only` … -> base name and modifier. */
  const callee = (e: ts.Expression): { base: string; mod?: string; id: ts.Identifier } | undefined => {
    if (ts.isIdentifier(e)) {
      const base = nodeTestName(e);
      return base ? { base, id: e } : undefined;
    }
    if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression)) {
      const base = nodeTestName(e.expression);
      return base ? { base, mod: e.name.text, id: e.expression } : undefined;
    }
    return undefined;
  };

  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.parent !== undefined && !isInImport(node)) {
      const n = nodeTestName(node);
      if (n && (RENAMES[n] || n === 'suite' || node.text !== n)) {
        // also normalises aliases (`import { it as spec }`) to the jest name
        replace(node, RENAMES[n] ?? (n === 'suite' ? 'describe' : n));
      }
    }
    if (ts.isCallExpression(node)) {
      const c = callee(node.expression);
      if (c) rewriteCall(node, c);
    }
    ts.forEachChild(node, visit);
  };
  const isInImport = (n: ts.Node): boolean => {
    for (let p: ts.Node | undefined = n; p; p = p.parent) if (p === imp) return true;
    return false;
  };

  const rewriteCall = (call: ts.CallExpression, c: { base: string; mod?: string; id: ts.Identifier }) => {
    const args = call.arguments;
    const jestName = RENAMES[c.base] ?? (c.base === 'suite' ? 'describe' : c.base);
    if (HOOKS.has(c.base)) {
      // before(fn, { timeout }) -> beforeAll(fn, timeout)
      const opts = args[1];
      if (opts && ts.isObjectLiteralExpression(opts)) {
        const { timeout, rest } = splitOptions(opts);
        if (rest.length) warnings.push(`${where(opts)}: hook options ${rest.join(', ')} dropped`);
        edits.push({ start: args[0]!.getEnd(), end: opts.getEnd(), text: timeout ? `, ${timeout}` : '' });
      }
      if (args[0]) checkCallback(args[0], `${jestName}()`);
      return;
    }
    if (!TEST_FNS.has(c.base) && !SUITE_FNS.has(c.base)) return;
    // node:test accepts (name?, options?, fn?) in any subset; jest wants (name, fn, timeout?)
    let opts: ts.ObjectLiteralExpression | undefined;
    let fn: ts.Expression | undefined;
    for (const a of args) {
      if (ts.isObjectLiteralExpression(a)) opts = a;
      else if (ts.isArrowFunction(a) || ts.isFunctionExpression(a)) fn = a;
      else if (ts.isIdentifier(a) && a !== args[0]) fn = a;
    }
    if (fn) checkCallback(fn, `${jestName}()`);
    if (!opts) return;
    const { timeout, skip, only, todo, rest } = splitOptions(opts);
    if (rest.length)
      warnings.push(`${where(opts)}: options ${rest.join(', ')} have no jest equivalent; dropped`);
    const isSuite = SUITE_FNS.has(c.base);
    // remove the options argument together with one separating comma
    const i = args.indexOf(opts);
    const start = i > 0 ? args[i - 1]!.getEnd() : opts.getStart(sf);
    const end = i > 0 ? opts.getEnd() : (args[i + 1]?.getStart(sf) ?? opts.getEnd());
    let tail = '';
    if (timeout && !isSuite && fn) tail = `, ${timeout}`;
    edits.push({ start, end, text: '' });
    const last = args[args.length - 1]!;
    if (tail) edits.push({ start: last.getEnd(), end: last.getEnd(), text: tail });
    if (timeout && isSuite) {
      const line = sf.getLineAndCharacterOfPosition(call.getStart(sf)).line;
      const lineStart = sf.getLineStarts()[line]!;
      const indent = /^\s*/.exec(source.slice(lineStart))![0];
      edits.push({
        start: lineStart,
        end: lineStart,
        text: `${indent}// node:test suite timeout ${timeout} ms dropped: jest has no per-suite timeout, the project testTimeout applies.\n`,
      });
    }
    // skip/only/todo -> modifiers on the callee
    const mod = todo ? 'todo' : skip === 'true' ? 'skip' : only === 'true' ? 'only' : undefined;
    if (todo && !isSuite) {
      replace(call.expression, `${jestName}.todo`);
      if (fn) edits.push({ start: args[0]!.getEnd(), end: last.getEnd(), text: '' });
    } else if (mod && !c.mod) {
      replace(call.expression, `${jestName}.${mod}`);
    } else if (skip && skip !== 'true' && skip !== 'false' && !c.mod) {
      replace(call.expression, `(${skip} ? ${jestName}.skip : ${jestName})`);
    }
  };

  /** Splits a node:test options literal into what jest can express. */
  const splitOptions = (o: ts.ObjectLiteralExpression) => {
    const out: { timeout?: string; skip?: string; only?: string; todo?: string; rest: string[] } = {
      rest: [],
    };
    for (const p of o.properties) {
      const key = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
      const value = ts.isPropertyAssignment(p)
        ? p.initializer.getText(sf)
        : ts.isShorthandPropertyAssignment(p)
          ? p.name.text
          : undefined;
      if (key === 'timeout' || key === 'only' || key === 'todo') out[key] = value;
      else if (key === 'skip')
        out.skip =
          value !== undefined && ts.isPropertyAssignment(p) && ts.isStringLiteral(p.initializer)
            ? 'true'
            : value;
      else if (key === 'concurrency')
        continue; // jest schedules per file; nothing to keep
      else out.rest.push(key ?? p.getText(sf));
    }
    return out;
  };

  /** jest reads a declared first parameter as `done`; drop it when unused, warn otherwise. */
  const checkCallback = (fn: ts.Expression, what: string) => {
    if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || fn.parameters.length === 0) return;
    const p = fn.parameters[0]!;
    const uses = ts.isIdentifier(p.name) ? countUses(fn.body, p.name.text) : 1;
    if (uses === 0 && fn.parameters.length === 1) {
      // `(t) =>` / `t =>` / `async (t) =>` -> `() =>`
      const open = source.lastIndexOf('(', p.getStart(sf));
      const hasParens = open >= fn.getStart(sf) && source.slice(open + 1, p.getStart(sf)).trim() === '';
      if (hasParens) edits.push({ start: p.getStart(sf), end: p.getEnd(), text: '' });
      else replace(p, '()');
    } else {
      warnings.push(
        `${where(p)}: ${what} callback uses the node:test context/done parameter; rewrite by hand`,
      );
    }
  };
  const countUses = (body: ts.Node, name: string): number => {
    let n = 0;
    const walk = (x: ts.Node) => {
      if (ts.isIdentifier(x) && x.text === name) n++;
      ts.forEachChild(x, walk);
    };
    walk(body);
    return n;
  };

  for (const s of sf.statements) if (s !== imp) visit(s);
  replace(imp, `import { ${[...names, ...extras].join(', ')} } from '@jest/globals';`);
  return { text: applyEdits(source, edits), warnings };
}

function applyEdits(source: string, edits: Edit[]): string {
  // An edit inside a larger replacement (an identifier inside a removed
  // argument, say) is dropped: the outer edit already decides that text.
  const inside = (a: Edit, b: Edit) =>
    a !== b &&
    b.start <= a.start &&
    a.end <= b.end &&
    b.end - b.start > a.end - a.start &&
    (a.start !== a.end || (b.start < a.start && a.end < b.end)); // insertions at an edge stay
  const seen = new Set<string>();
  const list = edits
    .filter((e) => !edits.some((o) => inside(e, o)))
    .filter((e) => {
      const k = `${e.start}:${e.end}:${e.text}`;
      return seen.has(k) ? false : (seen.add(k), true);
    })
    // from the end so earlier offsets stay valid; at one offset, insertions after replacements
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = source;
  for (const e of list) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/**
 * Formats with the project's prettier config when prettier is installed, so
 * the moved timeout arguments land where `prettier --check` expects them.
 */
async function format(file: string, text: string): Promise<string> {
  const prettier = await import('prettier').catch(() => undefined);
  if (!prettier) return text;
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, filepath: file });
}

async function collect(p: string, into: string[]): Promise<void> {
  const s = await stat(p);
  if (s.isFile()) {
    if (p.endsWith('.ts')) into.push(p);
    return;
  }
  for (const e of await readdir(p, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'fixtures') continue;
    await collect(join(p, e.name), into);
  }
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const roots = args.filter((a) => !a.startsWith('--'));
  const files: string[] = [];
  for (const r of roots.length ? roots : ['test']) await collect(resolve(r), files);
  let changed = 0;
  let warned = 0;
  for (const f of files.sort()) {
    const src = await readFile(f, 'utf8');
    const { text, warnings } = transform(relative(process.cwd(), f), src);
    for (const w of warnings) console.warn(`warning: ${w}`);
    warned += warnings.length;
    if (text !== src) {
      changed++;
      const formatted = await format(f, text);
      if (!check) await writeFile(f, formatted);
      console.log(`${check ? 'would rewrite' : 'rewrote'} ${relative(process.cwd(), f)}`);
    }
  }
  console.log(`${changed} file(s) ${check ? 'to rewrite' : 'rewritten'}, ${warned} warning(s)`);
  if (check && (changed || warned)) process.exit(1);
}
