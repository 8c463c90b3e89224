import { randomBytes } from 'node:crypto';

import type { CancellationGuard } from './cancellation.js';
import { type ContainerOwner, unprivilegedRun } from './container-command.js';
import type { ContainerRuntime } from './container-runtime.js';
import { messageOf } from './errors.js';
import { printable } from './preflight-report.js';
import { parseCliVersionOutput } from './preflight/cli-version.js';
import { runProgram } from './program.js';
import * as workflow from './workflow.js';

/**
 * Asks the image which CLI it holds, with `databricks --version`. The container gets no
 * network, no mounts, no credentials and no environment beyond the image's own, so it proves
 * nothing needs the network before anything that does runs.
 */
export async function readImageCliVersion(
  imageId: string,
  runtime: ContainerRuntime,
  owner: ContainerOwner,
  entrypoint: string | undefined,
  guard: CancellationGuard,
): Promise<string | undefined> {
  const container = `databricks-bundle-version-${randomBytes(6).toString('hex')}`;
  const args = [...unprivilegedRun(container, owner), '--network', 'none'];
  if (entrypoint !== undefined) args.push('--entrypoint', entrypoint);
  args.push(imageId, '--version');
  workflow.debug(`${runtime.program} ${args.join(' ')}`);

  guard.phaseStarted('version check', container);
  try {
    const result = await runProgram(runtime.program, args, { env: runtime.env });
    const version = result.exitCode === 0 ? parseCliVersionOutput(result.stdout) : undefined;
    if (version === undefined) {
      workflow.info(
        `The image's --version run exited with ${result.exitCode}: ` +
          printable((result.stdout + result.stderr).trim().slice(0, 300) || '(no output)'),
      );
    }
    return version;
  } catch (error) {
    workflow.info(`The image's --version run could not start: ${messageOf(error)}`);
    return undefined;
  } finally {
    guard.phaseEnded();
  }
}
