/**
 * The docker exit codes the action explains instead of blaming the CLI, each produced for real
 * on the Docker engine: images whose entrypoint cannot run (126, 127), and a deploy whose
 * container is killed (137) or terminated behind an init (143). Exit code 125 is covered in
 * action.e2e.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';

import { beforeAll, describe, expect, test } from '@jest/globals';

import {
  actionContainers,
  copyExample,
  foreignFiles,
  type ProcessResult,
  readOutputs,
  runBuiltAction,
  runnerEnvironment,
  standInImage,
  startBuiltAction,
  useScratchRunnerPerTest,
} from './support/action-harness.js';
import { runChecked } from './support/exec.js';
import { buildExitCodeImages, type ExitCodeImages } from './support/exit-code-images.js';

const TOKEN = 'dapi-e2e-token-5b81e0';
const HOST = 'https://adb-1234567890123456.7.azuredatabricks.net';
// The stand-in's slow scenario: deploy sleeps 30 s after `Uploading bundle files to …`.
const SLOW_HOST = 'https://stand-in-slow.cloud.databricks.com';

const currentRunner = useScratchRunnerPerTest();
let images: ExitCodeImages;

beforeAll(async () => {
  images = await buildExitCodeImages(standInImage());
});

function inputs(image: string, host: string, extra: Record<string, string> = {}) {
  return { image, target: 'dev', 'working-directory': 'b', host, token: TOKEN, ...extra };
}

/** Everything a failed phase must show, field by field, and what it must not leave behind. */
async function expectExplainedFailure(
  result: ProcessResult,
  phase: 'validate' | 'deploy',
  exitCode: number,
  explanation: RegExp,
): Promise<void> {
  expect(result.exitCode).toBe(1);

  const errors = result.stdout.split('\n').filter((line) => line.startsWith('::error::'));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(new RegExp(`^::error::The ${phase} phase failed: `));
  expect(errors[0]).toMatch(explanation);
  expect(errors[0]).not.toMatch(/Databricks CLI exited with code/);

  const summary = readFileSync(currentRunner().summaryFile, 'utf8');
  expect(summary).toMatch(new RegExp(`\\| ${phase} \\| ❌ failure \\| ${exitCode} \\| `));

  const outputs = readOutputs(currentRunner().outputFile);
  expect(outputs['result']).toBe('failure');
  expect(outputs[`${phase}-result`]).toBe('failure');
  const phases = JSON.parse(outputs['phases'] ?? '[]') as Record<string, unknown>[];
  expect(phases.find((record) => record['name'] === phase)).toMatchObject({
    outcome: 'failure',
    'exit-code': exitCode,
  });

  expect(await actionContainers()).toEqual([]);
  expect(foreignFiles(currentRunner().checkout)).toEqual([]);
  // The CLI's home folder is gone; only the audit record stays, for a later step.
  expect(readdirSync(currentRunner().runnerTemp)).toEqual([
    expect.stringMatching(/^databricks-bundle-audit-\d+-[0-9a-f]{8}\.json$/),
  ]);
}

describe('an image whose entrypoint cannot run', () => {
  // With the engine given, the pre-flight needs no `--version` run of the image, which these
  // images would fail (cli-version-unknown) before any phase started.
  test.each([
    [
      126,
      'without an execute bit',
      (): string => images.entrypointNotExecutable,
      /the image's entrypoint could not be executed \(exit code 126\)/,
    ],
    [
      127,
      'that does not exist',
      (): string => images.entrypointMissing,
      /the image's entrypoint was not found \(exit code 127\)/,
    ],
  ])('exit code %i: an entrypoint %s', async (exitCode, _, image, explanation) => {
    copyExample('plain-job', currentRunner(), 'b');

    const result = await runBuiltAction(
      runnerEnvironment(currentRunner(), inputs(image(), HOST, { engine: 'direct' })),
    );

    await expectExplainedFailure(result, 'validate', exitCode, explanation);
    expect(readOutputs(currentRunner().outputFile)['deploy-result']).toBe('skipped');
  });
});

describe('a deploy container stopped from outside', () => {
  /** Starts a slow deploy, runs `stop` on its container once it runs, and waits for the end. */
  async function stopDeployContainer(image: string, stop: string[]): Promise<ProcessResult> {
    copyExample('plain-job', currentRunner(), 'b');
    const action = startBuiltAction(runnerEnvironment(currentRunner(), inputs(image, SLOW_HOST)));
    let stdout = '';
    action.child.stdout?.on('data', (data: Buffer) => (stdout += data.toString('utf8')));
    await action.waitForOutput('Uploading bundle files to');

    // The name from this run's own debug line: other tests' containers are not ours to stop.
    const container = /--name (databricks-bundle-deploy-[0-9a-f]+) /.exec(stdout)?.[1];
    expect(container).toBeDefined();
    await runChecked(['docker', ...stop, container ?? '']);
    return action.finished;
  }

  test('exit code 137: killed with SIGKILL in the middle of a deploy', async () => {
    const result = await stopDeployContainer(standInImage(), ['kill', '--signal', 'KILL']);

    await expectExplainedFailure(
      result,
      'deploy',
      137,
      /the container was killed \(exit code 137, SIGKILL\)/,
    );
    expect(readOutputs(currentRunner().outputFile)['validate-result']).toBe('success');
  });

  test('exit code 143: `docker stop` of a CLI behind tini, which passes SIGTERM on', async () => {
    const result = await stopDeployContainer(images.standInBehindInit, ['stop']);

    await expectExplainedFailure(
      result,
      'deploy',
      143,
      /the container was terminated \(exit code 143, SIGTERM\)/,
    );
    expect(readOutputs(currentRunner().outputFile)['validate-result']).toBe('success');
  });
});
