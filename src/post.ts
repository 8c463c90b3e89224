import { rmSync } from 'node:fs';
import path from 'node:path';

import { RUN_LABEL } from './container-command.js';
import { containerRuntime, runClient, type RuntimeName, RUNTIMES } from './container-runtime.js';
import { messageOf } from './errors.js';
import * as workflow from './workflow.js';

/** The state the main step leaves for the post step. */
export const STATE = {
  /** Saved first thing by the main step, so the second start of dist/index.js is the post. */
  started: 'main_started',
  runId: 'run_id',
  runtime: 'runtime',
  tempPaths: 'temp_paths',
} as const;

/**
 * The `post:` step, which the runner starts after the job's steps however they ended, also
 * after the main step was killed with SIGKILL, when it could not clean up itself. It removes
 * every container that carries this run's label and the files the run left under RUNNER_TEMP.
 * It never fails the job: what it cannot remove, it names, with the command to do it by hand.
 */
export async function post(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const runId = workflow.getState(STATE.runId, env);
  const program = RUNTIMES.find((known) => known === workflow.getState(STATE.runtime, env));
  if (runId === '' || program === undefined) {
    workflow.info('Post: the main step started no container; nothing to clean up.');
    return;
  }
  await removeContainers(program, runId, env);
  removeTempPaths(workflow.getState(STATE.tempPaths, env), env['RUNNER_TEMP']);
}

async function removeContainers(
  program: RuntimeName,
  runId: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const runtime = containerRuntime(program, env);
  const label = `label=${RUN_LABEL}=${runId}`;
  try {
    const listed = await runClient(runtime, ['ps', '--all', '--quiet', '--filter', label]);
    const containers = listed.stdout.split('\n').filter((id) => id.trim() !== '');
    if (containers.length === 0) {
      workflow.info('Post: no container of this run is left.');
      return;
    }
    await runClient(runtime, ['rm', '--force', '--volumes', ...containers]);
    const left = await runClient(runtime, ['ps', '--all', '--quiet', '--filter', label]);
    if (left.stdout.trim() === '') {
      workflow.info(`Post: removed ${containers.length} container(s) this run left behind.`);
    } else {
      workflow.warning(
        `Post: containers of this run are still there: ${left.stdout.trim()}. Remove them with ` +
          `\`${program} rm --force\` and their ids; they may hold credentials.`,
      );
    }
  } catch (error) {
    workflow.warning(
      `Post: the containers of this run could not be listed (${messageOf(error)}). Check with ` +
        `\`${program} ps --all --filter ${label}\`.`,
    );
  }
}

/** Removes the run's files under RUNNER_TEMP (the CLI's home folder, a merged CA file). */
function removeTempPaths(saved: string, runnerTemp: string | undefined): void {
  if (saved === '' || runnerTemp === undefined || runnerTemp === '') return;
  let paths: unknown;
  try {
    paths = JSON.parse(saved);
  } catch {
    return;
  }
  if (!Array.isArray(paths)) return;
  for (const entry of paths) {
    // Only files the action named itself, and only under RUNNER_TEMP, whatever the state says.
    if (typeof entry !== 'string' || path.dirname(entry) !== path.resolve(runnerTemp)) continue;
    if (!/^databricks-bundle-(home|ca)-/.test(path.basename(entry))) continue;
    try {
      rmSync(entry, { recursive: true, force: true });
    } catch (error) {
      workflow.warning(`Post: ${entry} could not be removed (${messageOf(error)}).`);
    }
  }
}
