import type { Phase } from './container-command.js';
import { type Diagnostic, parseDiagnostics } from './diagnostics.js';
import { runProgram } from './program.js';
import * as workflow from './workflow.js';

export type Outcome = 'success' | 'failure' | 'skipped';

export interface PhaseResult {
  readonly name: Phase['name'];
  readonly outcome: Outcome;
  readonly exitCode: number | undefined;
  readonly durationMs: number;
  /** The last lines the CLI wrote to stderr, for the error message. */
  readonly errorTail: readonly string[];
  /** The CLI's diagnostics, read from its stderr. */
  readonly diagnostics: readonly Diagnostic[];
}

// The stderr kept for diagnostics; a CLI that writes more has logged far beyond them.
const MAX_STDERR_BYTES = 1024 * 1024;

// Enough to show the CLI's last diagnostic with its location and detail lines.
const TAIL_LINES = 20;

/**
 * Runs one `docker run` in a collapsible log group, streaming the CLI's output through live.
 * Success is decided by the exit code alone: the CLI writes progress to stderr on success too.
 */
export async function runPhase(
  phase: Phase,
  args: readonly string[],
  env: Record<string, string>,
): Promise<PhaseResult> {
  return workflow.group(`databricks ${phase.cliArgs.join(' ')}`, async () => {
    workflow.debug(`docker ${args.join(' ')}`);
    const stderrTail = new LineTail(TAIL_LINES);
    const stderr: Buffer[] = [];
    let stderrBytes = 0;
    const started = Date.now();

    // The CLI echoes names and paths from the bundle; a line of it that looks like a workflow
    // command must be printed, not obeyed.
    const { exitCode } = await workflow.withCommandsStopped(() =>
      runProgram('docker', args, {
        env,
        onStdout: (data) => process.stdout.write(data),
        onStderr: (data) => {
          process.stdout.write(data);
          stderrTail.push(data.toString('utf8'));
          if (stderrBytes < MAX_STDERR_BYTES) stderr.push(data);
          stderrBytes += data.length;
        },
      }),
    );

    const durationMs = Date.now() - started;
    const outcome: Outcome = exitCode === 0 ? 'success' : 'failure';
    workflow.info(
      `${phase.name}: ${outcome} (exit code ${exitCode}, ${formatDuration(durationMs)})`,
    );
    const diagnostics = parseDiagnostics(Buffer.concat(stderr).toString('utf8'));
    const errorTail = stderrTail.lines();
    return { name: phase.name, outcome, exitCode, durationMs, errorTail, diagnostics };
  });
}

/** A phase that never started because an earlier one failed. */
export function skippedPhase(phase: Phase): PhaseResult {
  return {
    name: phase.name,
    outcome: 'skipped',
    exitCode: undefined,
    durationMs: 0,
    errorTail: [],
    diagnostics: [],
  };
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Keeps the last N complete lines of a stream that arrives in arbitrary chunks. */
export class LineTail {
  private readonly kept: string[] = [];
  private partial = '';

  constructor(private readonly limit: number) {}

  push(chunk: string): void {
    const pieces = (this.partial + chunk).split(/\r?\n/);
    this.partial = pieces.pop() ?? '';
    for (const line of pieces) this.keep(line);
  }

  lines(): string[] {
    return this.partial === '' ? [...this.kept] : [...this.kept, this.partial].slice(-this.limit);
  }

  private keep(line: string): void {
    this.kept.push(line);
    if (this.kept.length > this.limit) this.kept.shift();
  }
}
