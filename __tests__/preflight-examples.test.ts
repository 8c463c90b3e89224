/**
 * The static pre-flight over real bundles, read where they are: the project's examples and
 * every bundle in ../shared/bundles, as published (no placeholder files, so every local file
 * they name is missing). Each must give exactly the findings written down here.
 */
import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, test } from '@jest/globals';

import { FindingList } from '../src/preflight/findings.js';
import { checkBundle } from '../src/preflight/preflight.js';
import { DEFAULT_OPTIONS } from './support/bundle-fixture.js';
import { REPOSITORY_ROOT, SHARED_BUNDLES_DIR, sharedBundlesAvailable } from './support/bundles.js';

function findingsIn(folder: string, name: string, target: string): string[] {
  const location = {
    checkoutPath: fs.realpathSync(folder),
    bundlePath: fs.realpathSync(path.join(folder, name)),
    relativePath: name,
    configFile: 'databricks.yml',
  };
  const findings = new FindingList(name);
  checkBundle(location, { ...DEFAULT_OPTIONS, target }, findings);
  return findings.items.map((finding) => `${finding.rule} ${finding.file}:${finding.line}`).sort();
}

const lines = (rule: string, file: string, numbers: number[]) =>
  numbers.map((line) => `${rule} ${file}:${line}`);

describe('examples', () => {
  test.each([
    ['plain-job', 'dev'],
    ['prebuilt-wheel', 'dev'],
    ['prebuilt-wheel', 'production'],
  ])('%s (%s) has no findings', (name, target) => {
    expect(findingsIn(path.join(REPOSITORY_ROOT, 'examples'), name, target)).toEqual([]);
  });
});

const ENV = 'cli-fixture-environments-dependencies/databricks.yml';
const UNIQUE = 'cli-fixture-unique-name-libraries/databricks.yml';

// Lines are those of the shared copies, which carry one added "# Source:" line at the top.
const SHARED: Record<string, { target: string; findings: string[] }> = {
  'default-python': {
    target: 'prod',
    findings: [
      'artifact-build default-python/databricks.yml:14',
      'local-file-missing default-python/resources/sample_job.job.yml:55',
    ],
  },
  'private-wheel-packages': {
    target: 'dev',
    findings: [
      'local-file-missing private-wheel-packages/resources/cluster.job.yml:23',
      'local-file-missing private-wheel-packages/resources/serverless.job.yml:28',
    ],
  },
  'spark-jar-task': {
    target: 'default',
    findings: [
      'artifact-build spark-jar-task/databricks.yml:12',
      'local-file-missing spark-jar-task/databricks.yml:14',
      'local-file-missing spark-jar-task/databricks.yml:29',
    ],
  },
  'cli-fixture-environments-dependencies': {
    target: 'default',
    findings: [
      ...lines('package-index', ENV, [28, 29, 47, 48]),
      ...lines('package-name', ENV, [30, 31, 32, 35, 36, 51, 52, 53, 54]),
      ...lines('direct-url', ENV, [37, 55]),
      // -r ./requirements.txt, -e ./file.py and dist/*.whl, in the job and in the pipeline.
      ...lines('local-file-missing', ENV, [24, 27, 33, 45, 46, 49]),
      'local-file-missing cli-fixture-environments-dependencies/resources/job.yml:14',
    ],
  },
  'cli-fixture-unique-name-libraries': {
    target: 'default',
    findings: [
      ...lines('artifact-build', UNIQUE, [19, 22]),
      'pypi-library ' + `${UNIQUE}:39`,
      'maven-library ' + `${UNIQUE}:49`,
      ...lines('local-file-missing', UNIQUE, [37, 38, 47, 48, 57]),
    ],
  },
};

const available = sharedBundlesAvailable();
const shared = available
  ? fs
      .readdirSync(SHARED_BUNDLES_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
  : [];

(available ? describe : describe.skip)('shared bundles, as published', () => {
  test('every shared bundle has its findings written down', () => {
    expect(shared.filter((name) => SHARED[name] === undefined)).toEqual([]);
  });

  test.each(shared.length > 0 ? shared : ['(none)'])('%s', (name) => {
    const expected = SHARED[name];
    if (expected === undefined) throw new Error(`no expectation for ${name}`);
    expect(findingsIn(SHARED_BUNDLES_DIR, name, expected.target)).toEqual(
      [...expected.findings].sort(),
    );
  });
});
