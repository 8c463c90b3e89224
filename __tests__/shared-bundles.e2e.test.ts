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
  resetRunnerFiles,
  runBuiltAction,
  runnerEnvironment,
  standInImage,
  useScratchRunnerPerTest,
} from './support/action-harness.js';
import { SHARED_BUNDLES_DIR, sharedBundlesAvailable } from './support/bundles.js';
import { readBundleCalls } from './support/stand-in-calls.js';

interface Expectation {
  readonly target: string;
  /** The host input: the workspace the bundle itself names, if it names one. */
  readonly host?: string;
  /**
   * What the pre-flight finds under the default strict policy, as "rule file:line" (lines are
   * those of the shared copies, which carry one added "# Source:" line at the top).
   */
  readonly findings: readonly string[];
  /** The phases under `policy: warn`, which lets policy findings through. */
  readonly validate: 'success' | 'failure' | 'skipped';
  readonly deploy: 'success' | 'failure' | 'skipped';
  /** A line the CLI's error output must contain when a phase fails. */
  readonly error?: RegExp;
}

const B = 'bundles';

// Why each outcome is what the real CLI would do is in the comment beside it.
const EXPECTED: Record<string, Expectation> = {
  // `artifacts.python_artifact.build: uv build --wheel` would run in the image, which has no uv
  // and no index to fetch the build backend from.
  'default-python': {
    target: 'dev',
    host: 'https://company.databricks.com',
    findings: [`artifact-build ${B}/default-python/databricks.yml:14`],
    validate: 'success',
    deploy: 'failure',
    error: /uv: not found/,
  },
  // Local wheels referenced directly, nothing built, nothing fetched: deploys.
  'private-wheel-packages': {
    target: 'dev',
    findings: [],
    validate: 'success',
    deploy: 'success',
  },
  // `javac ... && jar ...` would run in the image, which has no JDK.
  'spark-jar-task': {
    target: 'default',
    host: 'https://myworkspace.cloud.databricks.com',
    findings: [`artifact-build ${B}/spark-jar-task/databricks.yml:12`],
    validate: 'success',
    deploy: 'failure',
    error: /javac: not found/,
  },
  // Every dependency form: public indexes, package names and a GitHub archive are flagged;
  // workspace paths, local files and interpolated requirement paths are not.
  'cli-fixture-environments-dependencies': {
    target: 'default',
    findings: [
      `package-index ${B}/cli-fixture-environments-dependencies/databricks.yml:28`,
      `package-index ${B}/cli-fixture-environments-dependencies/databricks.yml:29`,
      `package-index ${B}/cli-fixture-environments-dependencies/databricks.yml:47`,
      `package-index ${B}/cli-fixture-environments-dependencies/databricks.yml:48`,
      `package-name ${B}/cli-fixture-environments-dependencies/databricks.yml:30`,
      `package-name ${B}/cli-fixture-environments-dependencies/databricks.yml:31`,
      `package-name ${B}/cli-fixture-environments-dependencies/databricks.yml:32`,
      `package-name ${B}/cli-fixture-environments-dependencies/databricks.yml:35`,
      `package-name ${B}/cli-fixture-environments-dependencies/databricks.yml:36`,
      `package-name ${B}/cli-fixture-environments-dependencies/databricks.yml:51`,
      `package-name ${B}/cli-fixture-environments-dependencies/databricks.yml:52`,
      `package-name ${B}/cli-fixture-environments-dependencies/databricks.yml:53`,
      `package-name ${B}/cli-fixture-environments-dependencies/databricks.yml:54`,
      `direct-url ${B}/cli-fixture-environments-dependencies/databricks.yml:37`,
      `direct-url ${B}/cli-fixture-environments-dependencies/databricks.yml:55`,
    ],
    validate: 'success',
    deploy: 'success',
  },
  // `whl: cowsay` names a local file that does not exist (the CLI would fail too), next to
  // pypi and maven libraries without a repo and whl artifacts built by setup.py.
  'cli-fixture-unique-name-libraries': {
    target: 'default',
    findings: [
      `artifact-build ${B}/cli-fixture-unique-name-libraries/databricks.yml:19`,
      `artifact-build ${B}/cli-fixture-unique-name-libraries/databricks.yml:22`,
      `local-file-missing ${B}/cli-fixture-unique-name-libraries/databricks.yml:38`,
      `local-file-missing ${B}/cli-fixture-unique-name-libraries/databricks.yml:48`,
      `maven-library ${B}/cli-fixture-unique-name-libraries/databricks.yml:49`,
      `pypi-library ${B}/cli-fixture-unique-name-libraries/databricks.yml:39`,
    ],
    validate: 'skipped',
    deploy: 'skipped',
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
    const bundle = copySharedBundle(name, currentRunner(), `${B}/${name}`);
    const inputs = {
      image: standInImage(),
      target: expected.target,
      'working-directory': `${B}/${name}`,
      host: expected.host ?? 'https://adb-1234567890123456.7.azuredatabricks.net',
      token: 'dapi-shared-bundles-token',
      'auto-approve': 'true',
    };

    // Strict: the findings, and no CLI step when there is any.
    const strict = await runBuiltAction(runnerEnvironment(currentRunner(), inputs));
    const findings = JSON.parse(readOutputs(currentRunner().outputFile)['findings'] ?? '[]') as {
      rule: string;
      file: string | null;
      line: number | null;
    }[];
    const located = findings
      .filter((finding) => finding.rule !== 'mutable-tag')
      .map((finding) => `${finding.rule} ${finding.file}:${finding.line}`);
    expect(located.sort()).toEqual([...expected.findings].sort());
    if (expected.findings.length > 0) {
      expect(strict.exitCode).toBe(1);
      expect(readBundleCalls(bundle)).toEqual([]);
    }

    // Warn: the phases run as the real CLI would run them in an image without build tools.
    resetRunnerFiles(currentRunner());
    const earlierCalls = readBundleCalls(bundle).length;
    const result = await runBuiltAction(
      runnerEnvironment(currentRunner(), { ...inputs, policy: 'warn' }),
    );
    const outputs = readOutputs(currentRunner().outputFile);
    const outcome = { validate: outputs['validate-result'], deploy: outputs['deploy-result'] };
    expect(outcome).toEqual({ validate: expected.validate, deploy: expected.deploy });
    expect(result.exitCode).toBe(expected.deploy === 'success' ? 0 : 1);
    if (expected.error !== undefined) expect(result.stdout).toMatch(expected.error);
    const steps = readBundleCalls(bundle)
      .slice(earlierCalls)
      .map((call) => call.argv.slice(0, 2).join(' '));
    // A deploy that succeeded is followed by the summary that lists what it deployed.
    const started = [expected.validate, expected.deploy].filter((phase) => phase !== 'skipped');
    const stepCount = expected.deploy === 'success' ? 3 : started.length;
    expect(steps).toEqual(
      ['bundle validate', 'bundle deploy', 'bundle summary'].slice(0, stepCount),
    );
  });
});
