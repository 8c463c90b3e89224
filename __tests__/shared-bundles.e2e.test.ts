/**
 * The built action over every real example bundle in ../shared/bundles (present on developers'
 * machines and in CI, beside the repository), each copied into a scratch checkout with
 * placeholder files for the sources its YAML names. The outcomes are what the real CLI does in
 * an image without build tools: bundles whose artifacts are built at deploy time fail there.
 */
import { readdirSync } from 'node:fs';

import { describe, expect, test } from '@jest/globals';

import {
  copySharedBundle,
  readOutputs,
  runBuiltAction,
  runnerEnvironment,
  standInImage,
  useScratchRunnerPerTest,
} from './support/action-harness.js';
import { SHARED_BUNDLES_DIR, sharedBundlesAvailable } from './support/bundles.js';
import { readBundleCalls } from './support/stand-in-calls.js';

interface Expectation {
  readonly target: string;
  readonly validate: 'success' | 'failure';
  readonly deploy: 'success' | 'failure' | 'skipped';
  /** A line the CLI's error output must contain when a phase fails. */
  readonly error?: RegExp;
}

// Why each outcome is what the real CLI would do is in the comment beside it.
const EXPECTED: Record<string, Expectation> = {
  // `artifacts.python_artifact.build: uv build --wheel` runs in the image, which has no uv.
  'default-python': {
    target: 'dev',
    validate: 'success',
    deploy: 'failure',
    error: /uv: not found/,
  },
  // Local wheels referenced directly, nothing built: deploys.
  'private-wheel-packages': { target: 'dev', validate: 'success', deploy: 'success' },
  // `javac ... && jar ...` runs in the image, which has no JDK.
  'spark-jar-task': {
    target: 'default',
    validate: 'success',
    deploy: 'failure',
    error: /javac: not found/,
  },
  'cli-fixture-environments-dependencies': {
    target: 'default',
    validate: 'success',
    deploy: 'success',
  },
  // Artifacts of type whl with neither `build` nor `files` get `python3 setup.py bdist_wheel`.
  'cli-fixture-unique-name-libraries': {
    target: 'default',
    validate: 'success',
    deploy: 'failure',
    error: /python3?: not found/,
  },
};

const available = sharedBundlesAvailable();
const shared = available
  ? readdirSync(SHARED_BUNDLES_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
  : [];

const currentRunner = useScratchRunnerPerTest();

(available ? describe : describe.skip)('shared example bundles', () => {
  test('every shared bundle has a written-down expectation', () => {
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.filter((name) => EXPECTED[name] === undefined)).toEqual([]);
  });

  test.each(available ? shared : ['(none)'])('%s', async (name) => {
    const expected = EXPECTED[name];
    if (expected === undefined) throw new Error(`no expectation for ${name}`);
    const bundle = copySharedBundle(name, currentRunner(), `bundles/${name}`);

    const result = await runBuiltAction(
      runnerEnvironment(currentRunner(), {
        image: standInImage(),
        target: expected.target,
        'working-directory': `bundles/${name}`,
        host: 'https://adb-1234567890123456.7.azuredatabricks.net',
        token: 'dapi-shared-bundles-token',
        'auto-approve': 'true',
      }),
    );

    const outputs = readOutputs(currentRunner().outputFile);
    const outcome = { validate: outputs['validate-result'], deploy: outputs['deploy-result'] };
    expect(outcome).toEqual({ validate: expected.validate, deploy: expected.deploy });
    expect(result.exitCode).toBe(expected.deploy === 'success' ? 0 : 1);
    if (expected.error !== undefined) expect(result.stdout).toMatch(expected.error);
    expect(readBundleCalls(bundle).map((call) => call.argv.slice(0, 2))).toEqual(
      expected.deploy === 'skipped'
        ? [['bundle', 'validate']]
        : [
            ['bundle', 'validate'],
            ['bundle', 'deploy'],
          ],
    );
  });
});
