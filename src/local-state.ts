import { lstatSync, rmSync } from 'node:fs';
import path from 'node:path';

import { ActionError, messageOf } from './errors.js';
import * as workflow from './workflow.js';

/**
 * Removes the CLI's local cache for one target, `.databricks/bundle/<target>` in the bundle
 * folder: on a persistent runner a stale cache (sync snapshots, a deployment state from another
 * run) can break a deploy. Nothing is followed through a symbolic link, so only that folder
 * inside the checkout can be removed.
 */
export function cleanLocalState(bundlePath: string, target: string): void {
  const parts = ['.databricks', 'bundle', target];
  let current = bundlePath;
  for (const part of parts) {
    current = path.join(current, part);
    let isLink: boolean;
    try {
      isLink = lstatSync(current).isSymbolicLink();
    } catch {
      workflow.info(`clean-local-state: ${relative(bundlePath, current)} does not exist`);
      return;
    }
    if (isLink) {
      throw new ActionError(
        `Input 'clean-local-state': ${relative(bundlePath, current)} is a symbolic link; the ` +
          'action removes only a real folder inside the bundle. Remove the link from the ' +
          'checkout, or set clean-local-state: false.',
      );
    }
  }
  try {
    rmSync(current, { recursive: true, force: true });
  } catch (error) {
    throw new ActionError(
      `Input 'clean-local-state': ${relative(bundlePath, current)} could not be removed ` +
        `(${messageOf(error)}). Check the permissions of the checkout on the runner.`,
    );
  }
  workflow.info(`clean-local-state: removed ${relative(bundlePath, current)}`);
}

function relative(bundlePath: string, file: string): string {
  return path.relative(bundlePath, file).split(path.sep).join('/');
}
