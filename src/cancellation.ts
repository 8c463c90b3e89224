import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

import * as workflow from './workflow.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

// `docker rm --force` kills the container at once; the limit is for an engine that hangs.
const REMOVE_TIMEOUT_MS = 30_000;

/**
 * What a cancelled job must not leave behind. The runner cancels a step with SIGINT, then
 * SIGTERM; the docker client this process started would keep its container running after this
 * process ends, so the container is removed here by its name, and the CLI's home folder with it.
 */
export class CancellationGuard {
  private running: { phase: string; container: string } | undefined;
  private readonly folders = new Set<string>();
  private readonly handler = (signal: NodeJS.Signals) => this.cancel(signal);

  constructor(private readonly clientEnv: Record<string, string>) {
    for (const signal of SIGNALS) process.on(signal, this.handler);
  }

  /** Removes the handlers again, once the run has finished on its own. */
  release(): void {
    for (const signal of SIGNALS) process.off(signal, this.handler);
  }

  removeOnCancel(folder: string): void {
    this.folders.add(folder);
  }

  phaseStarted(phase: string, container: string): void {
    this.running = { phase, container };
  }

  phaseEnded(): void {
    this.running = undefined;
  }

  private cancel(signal: NodeJS.Signals): void {
    const running = this.running;
    const removed = running === undefined || this.removeContainer(running.container);

    // A container that is still running still uses the home folder; it is left in place then.
    if (removed) {
      for (const folder of this.folders) rmSync(folder, { recursive: true, force: true });
    }

    // The CLI's output may have paused command processing; the error must still be an error.
    workflow.resumeStoppedCommands();
    workflow.setFailed(cancellationMessage(signal, running, removed));
    process.exit(1);
  }

  private removeContainer(container: string): boolean {
    const result = spawnSync('docker', ['rm', '--force', container], {
      env: this.clientEnv,
      stdio: 'ignore',
      timeout: REMOVE_TIMEOUT_MS,
    });
    return result.error === undefined && result.status === 0;
  }
}

function cancellationMessage(
  signal: NodeJS.Signals,
  running: { phase: string; container: string } | undefined,
  removed: boolean,
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
    `\`docker rm --force ${running.container}\`.${incomplete}`
  );
}
