/**
 * Errors the suite raises on purpose. Each one carries enough context for a
 * maintainer to fix the problem without reading the source.
 */

/** A user-supplied input was rejected before any work started. */
export class InputError extends Error {
  readonly input: string;
  constructor(input: string, problem: string, accepted?: string) {
    super(`input '${input}': ${problem}${accepted ? ` (accepted: ${accepted})` : ''}`);
    this.name = 'InputError';
    this.input = input;
  }
}

/** An external tool failed; the message quotes its command and the end of its stderr. */
export class ToolError extends Error {
  readonly command: string[];
  readonly exitCode: number | null;
  readonly stderr: string;
  constructor(command: string[], exitCode: number | null, stderr: string, hint?: string) {
    const tail = stderr.trim().split('\n').slice(-12).join('\n');
    super(
      `${command[0]} failed (exit ${exitCode ?? 'signal'}): ${command.join(' ')}` +
        (tail ? `\n${tail}` : '') +
        (hint ? `\n${hint}` : ''),
    );
    this.name = 'ToolError';
    this.command = command;
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
}

/** A required external program is not installed. */
export class MissingToolError extends Error {
  constructor(tool: string, debianPackage: string) {
    super(
      `'${tool}' is not installed: install the Debian package '${debianPackage}' (apt-get install ${debianPackage})`,
    );
    this.name = 'MissingToolError';
  }
}

/** Tools a step needs are not installed: all of them named at once, with the packages that provide them. */
export class MissingToolsError extends Error {
  readonly missing: { tool: string; package: string }[];
  constructor(step: string, missing: { tool: string; package: string }[], searched: readonly string[]) {
    const packages = [...new Set(missing.map((m) => m.package))];
    super(
      `${step} needs ${missing.length === 1 ? 'a tool that is' : `${missing.length} tools that are`} not installed: ` +
        missing.map((m) => `${m.tool} (package ${m.package})`).join(', ') +
        `.\nInstall with: sudo apt-get install -y ${packages.join(' ')}` +
        `\n(looked in ${searched.join(':') || 'no directory'})`,
    );
    this.name = 'MissingToolsError';
    this.missing = missing;
  }
}

/** Input data (a tarball, a lockfile, a JSON document) is malformed or unsafe. */
export class DataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataError';
  }
}
