import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

import { ActionError, inputError } from './errors.js';

/** The names the CLI looks for in a bundle root, in its own order. */
export const BUNDLE_CONFIG_FILES = [
  'databricks.yml',
  'databricks.yaml',
  'bundle.yml',
  'bundle.yaml',
] as const;

/** Where the bundle is on the runner and where it will be inside the container. */
export interface BundleLocation {
  /** The repository checkout on the runner, symlinks resolved. */
  readonly checkoutPath: string;
  /** The bundle root on the runner, symlinks resolved. */
  readonly bundlePath: string;
  /** The bundle root relative to the checkout, with forward slashes; "." for the checkout. */
  readonly relativePath: string;
  /** The bundle's configuration file name, e.g. databricks.yml. */
  readonly configFile: string;
}

// Docker's --mount option is comma-separated CSV, so a comma or quote in a host path would
// change its meaning; control characters could forge log lines, and bidirectional overrides
// make a printed path read differently from what it is. Refusing them is clearer than quoting.
const UNSAFE_PATH_CHARACTERS =
  // eslint-disable-next-line no-control-regex
  /[,"\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Refuses a host path that cannot be passed safely to `docker run --mount` or printed. */
export function assertMountablePath(hostPath: string, what: string, fix: string): void {
  if (UNSAFE_PATH_CHARACTERS.test(hostPath)) {
    throw new ActionError(
      `${what} ${JSON.stringify(hostPath)} contains a comma, quote or control character, ` +
        `which cannot be mounted safely. ${fix}`,
    );
  }
}

/**
 * Resolves `working-directory` inside the repository checkout. Symlinks are resolved first, so
 * a link inside the checkout cannot mount a directory outside it into the container.
 */
export function locateBundle(
  checkout: string | undefined,
  workingDirectory: string,
): BundleLocation {
  if (checkout === undefined || checkout === '') {
    throw new ActionError(
      'GITHUB_WORKSPACE is not set, so the repository checkout cannot be found. ' +
        'Run this action as a step of a GitHub Actions job, after actions/checkout.',
    );
  }
  if (!existsSync(checkout)) {
    throw new ActionError(
      `The repository checkout ${checkout} (GITHUB_WORKSPACE) does not exist. ` +
        'Run actions/checkout before this step.',
    );
  }
  const checkoutPath = realpathSync(checkout);
  assertMountablePath(checkoutPath, 'The checkout path', 'Use a runner work folder without them.');

  const requested = path.resolve(checkoutPath, workingDirectory);
  if (!existsSync(requested) || !statSync(requested).isDirectory()) {
    throw inputError(
      'working-directory',
      `"${workingDirectory}" is not a directory in the repository checkout.`,
      'Give the folder that holds databricks.yml, relative to the repository root.',
    );
  }

  const bundlePath = realpathSync(requested);
  const relative = path.relative(checkoutPath, bundlePath);
  const outside = relative === '..' || relative.startsWith(`..${path.sep}`);
  if (outside || path.isAbsolute(relative)) {
    throw inputError(
      'working-directory',
      `"${workingDirectory}" resolves to ${bundlePath}, outside the repository checkout.`,
      'Only folders inside the checkout are mounted into the container; move the bundle there.',
    );
  }

  assertMountablePath(
    relative,
    "Input 'working-directory': the bundle folder",
    'Rename the folder, or point working-directory at another one.',
  );

  return {
    checkoutPath,
    bundlePath,
    relativePath: relative === '' ? '.' : relative.split(path.sep).join('/'),
    configFile: findConfigFile(bundlePath, workingDirectory),
  };
}

function findConfigFile(bundlePath: string, workingDirectory: string): string {
  const present = BUNDLE_CONFIG_FILES.filter((name) => existsSync(path.join(bundlePath, name)));
  const [first, ...others] = present;
  if (first === undefined) {
    throw inputError(
      'working-directory',
      `"${workingDirectory}" has no bundle configuration (${BUNDLE_CONFIG_FILES.join(', ')}).`,
      'Point it at the bundle root, the folder that holds databricks.yml.',
    );
  }
  if (others.length > 0) {
    throw inputError(
      'working-directory',
      `"${workingDirectory}" has more than one bundle configuration file ` +
        `(${present.join(', ')}), which the CLI refuses.`,
      'Keep exactly one of them.',
    );
  }
  return first;
}
