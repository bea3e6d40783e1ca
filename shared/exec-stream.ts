/**
 * Runs a long tool (mmdebstrap, apk, qemu-img convert) with its output
 * streamed into the step log as it comes, so a user watches progress instead
 * of minutes of silence. Failures stay ToolErrors naming the tool, its exit
 * code and the end of its output, as shared/exec.ts run() reports them.
 *
 * shared/ stays free of the runner toolkit: the action adapter plugs in a
 * ToolStreamer built on @actions/exec and @actions/core (actions/tool-streamer.ts).
 * Without one (library use, unit tests) a plain spawn runs the tool and the
 * output only feeds the error message.
 */
import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { MissingToolError, ToolError } from './errors.ts';
import { debianPackage, findTool, pathWithSbin } from './tools.ts';

export interface ToolStreamer {
  /** Starts `path args…` with no shell, feeds its output chunks, resolves with its exit code (null: killed). */
  exec(
    path: string,
    args: string[],
    options: {
      cwd?: string;
      env: Record<string, string>;
      stdout: (b: Buffer) => void;
      stderr: (b: Buffer) => void;
    },
  ): Promise<number | null>;
  info(line: string): void;
  startGroup(title: string): void;
  endGroup(): void;
}

const quietStreamer: ToolStreamer = {
  exec: (path, args, o) =>
    new Promise((resolve, reject) => {
      const child = spawn(path, args, { cwd: o.cwd, env: o.env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.on('data', o.stdout);
      child.stderr.on('data', o.stderr);
      child.on('error', reject);
      child.on('close', (code) => resolve(code));
    }),
  info: () => {},
  startGroup: () => {},
  endGroup: () => {},
};

let streamer: ToolStreamer = quietStreamer;

/** Where streamed output goes from now on (the action adapter calls this once, at start); null: nowhere. */
export function useToolStreamer(s: ToolStreamer | null): void {
  streamer = s ?? quietStreamer;
}

export interface StreamOptions {
  /** The group's title in the step log. */
  title: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Added to the error message when the program fails. */
  hint?: string;
  /**
   * Rewrites or drops (null) each output line before it is logged, e.g. to
   * keep every tenth progress figure; the error still quotes the raw output.
   */
  filter?: (line: string) => string | null;
}

/** Lines kept for the error message: the end of the output is where tools explain themselves. */
const TAIL_LINES = 40;

/**
 * Steps stream concurrently (build-variant flattens several images at once);
 * the runner's groups cannot nest or interleave, so only the first gets a
 * group and every line of a concurrent one carries its title.
 */
let streaming = 0;

/** Runs `command args…`, logging its output line by line; resolves with the tail of that output. */
export async function runStreamed(
  command: string,
  args: readonly string[],
  options: StreamOptions,
): Promise<string> {
  const env = options.env ?? process.env;
  const path = command.includes('/') ? command : await findTool(command, { path: env.PATH });
  if (!path) throw new MissingToolError(command, debianPackage(command));

  const tail: string[] = [];
  const grouped = streaming === 0;
  const prefix = grouped ? '' : `[${options.title}] `;
  const line = (raw: string) => {
    const text = raw.trimEnd();
    if (!text) return;
    tail.push(text);
    if (tail.length > TAIL_LINES) tail.shift();
    const shown = options.filter ? options.filter(text) : text;
    if (shown !== null) streamer.info(prefix + shown);
  };
  // Progress meters redraw with \r; each redraw is a line of the log.
  const splitter = () => {
    let pending = '';
    // A chunk can end inside a multi-byte character; the decoder keeps the partial bytes for the next.
    const decoder = new StringDecoder('utf8');
    return {
      data: (b: Buffer) => {
        const parts = (pending + decoder.write(b)).split(/\r\n|\r|\n/);
        pending = parts.pop() ?? '';
        parts.forEach(line);
      },
      flush: () => {
        line(pending + decoder.end());
        pending = '';
      },
    };
  };
  const out = splitter();
  const err = splitter();

  streaming++;
  if (grouped) streamer.startGroup(options.title);
  try {
    streamer.info(`${prefix}$ ${[command, ...args].join(' ')}`);
    const code = await streamer.exec(path, [...args], {
      cwd: options.cwd,
      env: { ...stringEnv(env), PATH: pathWithSbin(env.PATH) },
      stdout: out.data,
      stderr: err.data,
    });
    out.flush();
    err.flush();
    if (code !== 0) throw new ToolError([command, ...args], code, tail.join('\n'), options.hint);
    return tail.join('\n');
  } catch (e) {
    // @actions/exec wraps a spawn failure in a plain Error; a vanished binary is still a missing tool.
    if (!(e instanceof ToolError) && /ENOENT/.test((e as Error).message))
      throw new MissingToolError(command, debianPackage(command));
    throw e;
  } finally {
    if (grouped) streamer.endGroup();
    streaming--;
  }
}

/** A streamer takes string values only; an unset variable is left out, as spawn would. */
function stringEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}
