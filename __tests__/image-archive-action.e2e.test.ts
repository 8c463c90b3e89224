/**
 * The image-archive inputs through the built action: a `docker save` file of the stand-in, made
 * here, checked before it is loaded, and loaded once per runner thanks to the tool cache.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, expect, test } from '@jest/globals';

import {
  copyExample,
  readOutputs,
  resetRunnerFiles,
  runBuiltAction,
  runnerEnvironment,
  standInImage,
  useScratchRunnerPerTest,
} from './support/action-harness.js';
import { run, runChecked } from './support/exec.js';

const ARCHIVED = 'databricks-cli-stand-in:0.298.0-from-archive';

let folder: string;
let archive: string;
let digest: string;

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'image-archive-action-'));
  archive = path.join(folder, 'databricks-cli.tar');
  await runChecked(['docker', 'tag', standInImage(), ARCHIVED]);
  await runChecked(['docker', 'save', '--output', archive, ARCHIVED]);
  // Only the tag goes: the layers stay, shared with the stand-in, so a load is quick.
  await runChecked(['docker', 'image', 'rm', ARCHIVED]);
  digest = createHash('sha256').update(readFileSync(archive)).digest('hex');
}, 120_000);

afterAll(async () => {
  await run(['docker', 'image', 'rm', ARCHIVED]);
  rmSync(folder, { recursive: true, force: true });
});

const currentRunner = useScratchRunnerPerTest();

function environment(sha256: string, toolCache: string): Record<string, string> {
  return runnerEnvironment(
    currentRunner(),
    {
      image: ARCHIVED,
      target: 'dev',
      'working-directory': 'bundles/job',
      host: 'https://adb-1234567890123456.7.azuredatabricks.net',
      token: 'dapi-archive-token',
      'image-archive': archive,
      'image-archive-sha256': sha256,
    },
    { RUNNER_TOOL_CACHE: toolCache },
  );
}

async function imagePresent(): Promise<boolean> {
  return (await run(['docker', 'image', 'inspect', ARCHIVED])).exitCode === 0;
}

test('a wrong checksum is refused before anything is loaded', async () => {
  copyExample('plain-job', currentRunner(), 'bundles/job');
  const toolCache = path.join(currentRunner().root, 'tool-cache');
  const result = await runBuiltAction(environment('0'.repeat(64), toolCache));

  expect(result.exitCode).toBe(1);
  expect(result.stdout).toMatch(/::error::.*image-archive-sha256/);
  expect(await imagePresent()).toBe(false);
  expect(readOutputs(currentRunner().outputFile)['result']).toBe('failure');
});

test('the right checksum loads it once; a second run does not read the archive again', async () => {
  copyExample('plain-job', currentRunner(), 'bundles/job');
  const toolCache = path.join(currentRunner().root, 'tool-cache');

  const first = await runBuiltAction(environment(digest, toolCache));
  expect(first.exitCode).toBe(0);
  expect(first.stdout).toContain(`matches image-archive-sha256`);
  expect(first.stdout).toContain(`Loaded ${ARCHIVED}`);
  expect(await imagePresent()).toBe(true);

  // Whatever is at the path now is never read: the tool cache vouches for the loaded image.
  const original = readFileSync(archive);
  writeFileSync(archive, 'not an archive any more');
  try {
    resetRunnerFiles(currentRunner());
    const second = await runBuiltAction(environment(digest, toolCache));
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toContain('the archive is not read or loaded again');
    expect(readOutputs(currentRunner().outputFile)['deploy-result']).toBe('success');
  } finally {
    writeFileSync(archive, original);
  }
});
