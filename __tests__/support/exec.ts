// Runs commands for the test support code: always an argv array through spawn (never a shell
// string), output captured, success decided by the exit code.
import { spawn } from 'node:child_process';

export interface RunOptions {
  /** Complete environment of the child; defaults to this process's environment. */
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Written to the child's stdin, which is closed afterwards (stdin is never a TTY). */
  readonly input?: string;
  /** SIGKILL the child after this long; the result then has `timedOut: true`. */
  readonly timeoutMs?: number;
  /** Called with each chunk of stderr as it arrives, e.g. to wait for a progress line. */
  readonly onStderr?: (chunk: string) => void;
}

export interface RunResult {
  readonly argv: readonly string[];
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

export class CommandError extends Error {
  readonly result: RunResult;

  constructor(result: RunResult) {
    const tail = result.stderr.trim().split('\n').slice(-15).join('\n');
    const status = result.timedOut
      ? 'timed out'
      : `exited with ${result.exitCode ?? result.signal ?? 'unknown status'}`;
    super(`\`${result.argv.join(' ')}\` ${status}${tail ? `:\n${tail}` : ''}`);
    this.name = 'CommandError';
    this.result = result;
  }
}

export function run(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const [command, ...args] = argv;
  if (command === undefined) return Promise.reject(new Error('run: empty argv'));
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      options.onStderr?.(chunk);
    });
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ argv, exitCode, signal, stdout, stderr, timedOut });
    });
    // A child that exits without reading its stdin makes the write fail with EPIPE; that says
    // nothing about the command, whose exit code decides.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** Like {@link run}, but rejects with a {@link CommandError} unless the exit code is 0. */
export async function runChecked(
  argv: readonly string[],
  options: RunOptions = {},
): Promise<RunResult> {
  const result = await run(argv, options);
  if (result.exitCode !== 0) throw new CommandError(result);
  return result;
}
