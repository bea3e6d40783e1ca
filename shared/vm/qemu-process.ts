/**
 * Runs one QEMU process and watches its serial console (stdout) as it
 * streams. The process is killed the moment the console settles a verdict,
 * at the timeout and on abort; the promise resolves only once QEMU has
 * exited, so no caller can leave a QEMU behind.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { MissingToolError } from '../errors.ts';
import { TOOL_PACKAGES } from '../exec.ts';
import { MAX_TIMER_MS } from '../inputs.ts';
import { ConsoleWatcher, type ConsoleDecision, type ConsoleRules } from './console.ts';

export interface QemuRun {
  binary: string;
  args: string[];
  rules: ConsoleRules;
  timeoutMs: number;
  /** Cleaned console lines are appended here as they arrive. */
  consoleLog?: string;
  signal?: AbortSignal;
  onLine?: (line: string) => void;
  onLaunch?: (pid: number) => void;
  /** QEMU's TMPDIR: where a `snapshot=on` drive's temporary overlay goes (the boot's own work directory). */
  tmpDir?: string;
}

export type QemuEnd =
  | { kind: 'decided'; decision: ConsoleDecision }
  | { kind: 'timeout' }
  | { kind: 'exited' }
  | { kind: 'aborted' };

export interface QemuOutcome {
  end: QemuEnd;
  exitCode: number | null;
  exitSignal: NodeJS.Signals | null;
  stderr: string;
  tail: string[];
  firstByteMs?: number;
  /** When the verdict (decision, timeout, abort or exit) was reached, from QEMU's start. */
  verdictMs: number;
  exitMs: number;
}

/** How long QEMU gets to stop after SIGTERM before SIGKILL. */
const KILL_GRACE_MS = 2000;
const STDERR_KEEP = 8192;
/** The console log stops growing here: a guest printing at full speed would otherwise fill the disk before the timeout. */
export const MAX_CONSOLE_LOG_BYTES = 64 * 1024 ** 2;

export class AbortError extends Error {
  constructor(message = 'the boot was cancelled') {
    super(message);
    this.name = 'AbortError';
  }
}

export function runQemu(run: QemuRun): Promise<QemuOutcome> {
  return new Promise((resolve, reject) => {
    if (run.signal?.aborted) {
      reject(new AbortError());
      return;
    }
    const start = performance.now();
    const since = (): number => Math.round(performance.now() - start);
    if (!(run.timeoutMs > 0 && run.timeoutMs <= MAX_TIMER_MS)) {
      // setTimeout() would fire at once on a longer delay: the boot would "time out" immediately.
      reject(new RangeError(`timeoutMs must be between 1 and ${MAX_TIMER_MS}, got ${run.timeoutMs}`));
      return;
    }
    let log: WriteStream | undefined;
    if (run.consoleLog) log = createWriteStream(run.consoleLog, { flags: 'w' });
    let logged = 0;
    const watcher = new ConsoleWatcher(run.rules, (line) => {
      if (log && logged <= MAX_CONSOLE_LOG_BYTES) {
        const text = line + '\n';
        logged += Buffer.byteLength(text);
        log.write(
          logged <= MAX_CONSOLE_LOG_BYTES
            ? text
            : `[console log cut at ${MAX_CONSOLE_LOG_BYTES} bytes; the guest printed more]\n`,
        );
      }
      run.onLine?.(line);
    });
    // stdin is /dev/null: nothing can be typed into the guest's console or a monitor.
    const child = spawn(run.binary, run.args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(run.tmpDir ? { env: { ...process.env, TMPDIR: run.tmpDir } } : {}),
    });
    let end: QemuEnd | undefined;
    let verdictMs = 0;
    let firstByteMs: number | undefined;
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;

    const settle = (e: QemuEnd): void => {
      if (end) return;
      end = e;
      verdictMs = since();
      clearTimeout(timeout);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
      }
    };
    const timeout = setTimeout(() => settle({ kind: 'timeout' }), run.timeoutMs);
    const onAbort = (): void => settle({ kind: 'aborted' });
    run.signal?.addEventListener('abort', onAbort, { once: true });

    if (child.pid !== undefined) run.onLaunch?.(child.pid);
    child.stdout.on('data', (chunk: Buffer) => {
      firstByteMs ??= since();
      if (end) {
        watcher.push(chunk); // keep the log complete up to the kill
        return;
      }
      const decision = watcher.push(chunk);
      if (decision) settle({ kind: 'decided', decision });
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEEP);
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timeout);
      run.signal?.removeEventListener('abort', onAbort);
      log?.end();
      if (e.code === 'ENOENT')
        reject(new MissingToolError(run.binary, TOOL_PACKAGES[run.binary] ?? run.binary));
      else reject(e);
    });
    // 'close' fires after the process exited and its stdout was read to the end,
    // so a marker printed just before QEMU exits is still seen.
    child.on('close', (code, signal) => {
      clearTimeout(killTimer);
      const decision = watcher.end();
      if (!end) settle(decision ? { kind: 'decided', decision } : { kind: 'exited' });
      run.signal?.removeEventListener('abort', onAbort);
      const exitMs = since();
      const finish = (): void => {
        if (end?.kind === 'aborted') {
          reject(new AbortError());
          return;
        }
        resolve({
          end: end!,
          exitCode: code,
          exitSignal: signal,
          stderr,
          tail: watcher.tail,
          firstByteMs,
          verdictMs,
          exitMs,
        });
      };
      if (log) log.end(finish);
      else finish();
    });
  });
}
