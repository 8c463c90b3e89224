import { type ChildProcess, spawn } from 'node:child_process';
import { constants } from 'node:os';

export interface ProgramOptions {
  /** The child's whole environment: nothing is inherited from this process. */
  readonly env: Record<string, string>;
  readonly onStdout?: (chunk: Buffer) => void;
  readonly onStderr?: (chunk: Buffer) => void;
  /**
   * An open file descriptor to read as stdin, for `load` of an image archive; otherwise the
   * child gets none, so that no command can ever wait for input.
   */
  readonly stdin?: number;
}

export interface ProgramResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

// Programs still running, so that a cancelled step can stop its docker clients first.
const running = new Set<ChildProcess>();

/**
 * Kills every program this process started that is still running. A docker client killed
 * before it sends its create request creates no container; one killed later leaves a container
 * that the caller must remove.
 */
export function killRunningPrograms(): void {
  for (const child of running) child.kill('SIGKILL');
}

/**
 * Runs a program with an argument array, never through a shell, with no stdin (so it never
 * waits for input), and resolves with its exit code and output. It rejects only when the
 * program cannot be started at all, e.g. when it is not on PATH.
 */
export function runProgram(
  file: string,
  args: readonly string[],
  options: ProgramOptions,
): Promise<ProgramResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, [...args], {
      env: options.env,
      shell: false,
      stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      options.onStdout?.(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr.push(chunk);
      options.onStderr?.(chunk);
    });
    child.on('error', (error) => {
      running.delete(child);
      reject(new Error(`${file} could not be started: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      running.delete(child);
      resolve({
        // A child killed by a signal has no exit code; report it the way a shell would.
        exitCode: code ?? 128 + signalNumber(signal),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

function signalNumber(signal: NodeJS.Signals | null): number {
  return signal === null ? 0 : (constants.signals[signal] ?? 0);
}
