import type { Phase, PhaseName } from './container-command.js';
import { type Diagnostic, parseDiagnostics } from './diagnostics.js';
import type { RecognizedFailure } from './failure-signatures.js';
import { runProgram } from './program.js';
import * as workflow from './workflow.js';

export type Outcome = 'success' | 'failure' | 'skipped';

export interface CapturedOutput {
  readonly format: 'json' | 'text';
  readonly text: string;
}

export interface PhaseResult {
  readonly name: PhaseName;
  readonly outcome: Outcome;
  readonly exitCode: number | undefined;
  /** When the container was started and when it ended, as ISO 8601 times; none if skipped. */
  readonly startedAt: string | undefined;
  readonly finishedAt: string | undefined;
  readonly durationMs: number;
  /** The run's result does not depend on this phase (see Phase.informational). */
  readonly informational: boolean;
  /** The CLI's stdout, for a phase that keeps it (see Phase.stdout). */
  readonly output: CapturedOutput | undefined;
  /** The last lines the CLI wrote to stderr, for the error message. */
  readonly errorTail: readonly string[];
  /** The CLI's diagnostics, read from its stderr. */
  readonly diagnostics: readonly Diagnostic[];
  /** Set when the CLI wrote more to stdout than the action reads. */
  readonly outputTooLarge?: boolean;
  /** Set when the phase ran into timeout-minutes and was stopped. */
  readonly timedOutAfterMs?: number;
  /** A known cause of the failure, recognised in the CLI's stderr; set by the caller. */
  readonly recognizedFailure?: RecognizedFailure | undefined;
}

// The stderr kept for diagnostics; a CLI that writes more has logged far beyond them.
const MAX_STDERR_BYTES = 1024 * 1024;

// The stdout kept for a phase that captures it. A summary repeats the bundle's resolved
// configuration, which stays far below this even for thousands of resources.
export const MAX_CAPTURED_STDOUT_BYTES = 64 * 1024 * 1024;

// Enough to show the CLI's last diagnostic with its location and detail lines.
const TAIL_LINES = 20;

/** timeout-minutes for one phase: how long it may run, and how to stop it when it runs over. */
export interface PhaseLimit {
  readonly ms: number;
  /** Stops the phase's container and its client, at once and for good. */
  readonly stop: () => void;
}

/** What a phase's stderr held: the CLI's diagnostics, and the text for failure signatures. */
export interface PhaseRun {
  readonly result: PhaseResult;
  /** The CLI's stderr: its first MAX_STDERR_BYTES, and its last lines if there was more. */
  readonly stderr: string;
}

/**
 * Runs one `docker run` in a collapsible log group, streaming the CLI's output through live
 * (stdout only when the phase does not capture it). Success is decided by the exit code alone:
 * the CLI writes progress to stderr on success too.
 */
export async function runPhase(
  phase: Phase,
  args: readonly string[],
  client: { readonly program: string; readonly env: Record<string, string> },
  limit: PhaseLimit | undefined,
): Promise<PhaseRun> {
  return workflow.group(`databricks ${phase.cliArgs.join(' ')}`, async () => {
    workflow.debug(`${client.program} ${args.join(' ')}`);
    const stderrTail = new LineTail(TAIL_LINES);
    const stderr = new CappedBuffer(MAX_STDERR_BYTES);
    const stdout = new CappedBuffer(MAX_CAPTURED_STDOUT_BYTES);
    const started = new Date();

    let timedOut = false;
    const timer =
      limit === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            limit.stop();
          }, limit.ms);

    // The CLI echoes names and paths from the bundle; a line of it that looks like a workflow
    // command must be printed, not obeyed.
    const { exitCode } = await workflow
      .withCommandsStopped(() =>
        runProgram(client.program, args, {
          env: client.env,
          onStdout: (data) => {
            if (phase.stdout !== 'log') stdout.push(data);
            else process.stdout.write(data);
          },
          onStderr: (data) => {
            process.stdout.write(data);
            stderrTail.push(data.toString('utf8'));
            stderr.push(data);
          },
        }),
      )
      .finally(() => clearTimeout(timer));

    const finished = new Date();
    const durationMs = finished.getTime() - started.getTime();
    let outcome: Outcome = exitCode === 0 && !timedOut ? 'success' : 'failure';
    if (outcome === 'success' && stdout.overflowed) {
      // A cut JSON document cannot be read; saying so beats a parse error later.
      workflow.warning(
        `${phase.name}: the CLI wrote more than ${MAX_CAPTURED_STDOUT_BYTES} bytes to stdout, ` +
          'more than the action reads; its output was not used.',
      );
      outcome = 'failure';
    }
    workflow.info(
      `${phase.name}: ${outcome} (exit code ${exitCode}, ${formatDuration(durationMs)})`,
    );
    const stderrText = stderr.text();
    const result: PhaseResult = {
      name: phase.name,
      outcome,
      exitCode,
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs,
      informational: phase.informational,
      output: phase.stdout === 'log' ? undefined : { format: phase.stdout, text: stdout.text() },
      errorTail: stderrTail.lines(),
      diagnostics: parseDiagnostics(stderrText),
      ...(timedOut && limit !== undefined ? { timedOutAfterMs: limit.ms } : {}),
      ...(stdout.overflowed ? { outputTooLarge: true } : {}),
    };
    // The error that ended a long run is at the end of stderr; beyond the cap, the tail has it.
    const tail = stderr.overflowed ? `\n${result.errorTail.join('\n')}` : '';
    return { result, stderr: stderrText + tail };
  });
}

/** A phase that never started because an earlier one failed. */
export function skippedPhase(phase: Phase): PhaseResult {
  return {
    name: phase.name,
    outcome: 'skipped',
    exitCode: undefined,
    startedAt: undefined,
    finishedAt: undefined,
    durationMs: 0,
    informational: phase.informational,
    output: undefined,
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

/** Collects a stream's chunks up to a byte limit, remembering whether more arrived. */
class CappedBuffer {
  private readonly chunks: Buffer[] = [];
  private bytes = 0;
  overflowed = false;

  constructor(private readonly limit: number) {}

  push(chunk: Buffer): void {
    if (this.bytes + chunk.length > this.limit) {
      this.overflowed = true;
      return;
    }
    this.chunks.push(chunk);
    this.bytes += chunk.length;
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}
