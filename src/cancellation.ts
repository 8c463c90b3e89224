import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

import type { ContainerRuntime } from './container-runtime.js';
import { killRunningPrograms } from './program.js';
import * as workflow from './workflow.js';

/** Blocks this thread; the cancellation handler must finish before the process exits. */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

// `docker rm --force` kills the container at once; the limit is for an engine that hangs.
const REMOVE_TIMEOUT_MS = 30_000;
// A create request already sent by the killed client can still land after a first removal,
// so absence is confirmed twice, this far apart, within the overall deadline.
const CONFIRM_GAP_MS = 750;
const REMOVE_DEADLINE_MS = 10_000;

/**
 * What a cancelled job must not leave behind. The runner cancels a step with SIGINT, then
 * SIGTERM; the docker client this process started would keep its container running after this
 * process ends, so the container is removed here by its name, and the CLI's home folder with it.
 */
export class CancellationGuard {
  private running: { phase: string; container: string } | undefined;
  private readonly folders = new Set<string>();
  private lastWords: ((message: string) => void) | undefined;
  private readonly handler = (signal: NodeJS.Signals) => this.cancel(signal);

  constructor(private readonly runtime: ContainerRuntime) {
    for (const signal of SIGNALS) process.on(signal, this.handler);
  }

  /** Removes the handlers again, once the run has finished on its own. */
  release(): void {
    for (const signal of SIGNALS) process.off(signal, this.handler);
  }

  removeOnCancel(folder: string): void {
    this.folders.add(folder);
  }

  /**
   * What to do last, after the container is gone and before the process exits: the audit
   * record of a cancelled run. It runs synchronously, inside the signal handler.
   */
  onCancelled(lastWords: (message: string) => void): void {
    this.lastWords = lastWords;
  }

  phaseStarted(phase: string, container: string): void {
    this.running = { phase, container };
  }

  phaseEnded(): void {
    this.running = undefined;
  }

  /**
   * Stops the running phase for good: its client first, so that it cannot create the container
   * after the check, then the container. True when no container of it is left.
   */
  stopRunningPhase(): boolean {
    killRunningPrograms();
    const running = this.running;
    return running === undefined || this.removeContainer(running.container);
  }

  private cancel(signal: NodeJS.Signals): void {
    const running = this.running;
    const removed = this.stopRunningPhase();

    // A container that is still running still uses the home folder; it is left in place then.
    if (removed) {
      for (const folder of this.folders) rmSync(folder, { recursive: true, force: true });
    }

    // The CLI's output may have paused command processing; the error must still be an error.
    workflow.resumeStoppedCommands();
    const message = cancellationMessage(signal, running, removed, this.runtime.program);
    workflow.setFailed(message);
    this.lastWords?.(message);
    process.exit(1);
  }

  /**
   * Removes the container and confirms it is gone: `docker rm --force` also succeeds for a
   * container that does not exist yet, so success alone proves nothing.
   */
  private removeContainer(container: string): boolean {
    const deadline = Date.now() + REMOVE_DEADLINE_MS;
    let confirmedOnce = false;
    while (Date.now() < deadline) {
      this.docker(['rm', '--force', '--volumes', container]);
      const exists = this.docker(['container', 'inspect', '--format', '{{.Id}}', container]);
      if (exists === undefined) return false; // the engine does not answer: cannot confirm
      if (!exists) {
        if (confirmedOnce) return true;
        confirmedOnce = true;
      } else {
        confirmedOnce = false;
      }
      sleep(CONFIRM_GAP_MS);
    }
    return false;
  }

  /** Runs a client command; true when it succeeded, false when it failed, undefined on hang. */
  private docker(args: string[]): boolean | undefined {
    const result = spawnSync(this.runtime.program, args, {
      env: this.runtime.env,
      stdio: 'ignore',
      timeout: REMOVE_TIMEOUT_MS,
    });
    if (result.error !== undefined) return undefined;
    return result.status === 0;
  }
}

function cancellationMessage(
  signal: NodeJS.Signals,
  running: { phase: string; container: string } | undefined,
  removed: boolean,
  program: string,
): string {
  if (running === undefined) {
    return `The step was cancelled (${signal}) before any container started.`;
  }
  const incomplete = running.phase === 'deploy' ? ' The deployment may be incomplete.' : '';
  if (removed) {
    return (
      `The step was cancelled (${signal}) during the ${running.phase} phase; its container ` +
      `${running.container} was removed.${incomplete}`
    );
  }
  return (
    `The step was cancelled (${signal}) during the ${running.phase} phase, but its container ` +
    `${running.container} could not be removed and may still be running, with the ` +
    `credentials in its environment. Remove it on the runner with ` +
    `\`${program} rm --force ${running.container}\`.${incomplete}`
  );
}
