/**
 * The pre-flight end to end: the built action (and run() in process) against the real engine,
 * with stand-in images that differ in the ways the pre-flight checks: CLI version, Terraform
 * settings in the image environment, and platform.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { beforeAll, describe, expect, test } from '@jest/globals';

import {
  actionContainers,
  copyExample,
  readOutputs,
  RUNNERS,
  runBuiltAction,
  runnerEnvironment,
  standInImage,
  useScratchRunnerPerTest,
} from './support/action-harness.js';
import { REPOSITORY_ROOT } from './support/bundles.js';
import { runChecked } from './support/exec.js';
import { loadForeignImage } from './support/foreign-image.js';
import { readBundleCalls } from './support/stand-in-calls.js';

const TOKEN = 'dapi-preflight-token-5be1';
const HOST = 'https://adb-1234567890123456.7.azuredatabricks.net';
const BUILD = path.join(REPOSITORY_ROOT, '__tests__/support/stand-in-cli/build-image.sh');

// A CLI-only image (no Terraform settings) of an old CLI, whose default engine is Terraform,
// and of a new one, whose default is direct; and an image for another architecture.
const CLI_ONLY_OLD = 'databricks-cli-stand-in:0.298.0-cli-only';
const CLI_ONLY_NEW = 'databricks-cli-stand-in:1.13.0-cli-only';
const FOREIGN = 'databricks-cli-stand-in:foreign-platform';
// A CLI from before `bundle validate --strict` (0.286.0).
const NO_STRICT = 'databricks-cli-stand-in:0.285.0';
const RUNNER_ARCH = process.arch === 'arm64' ? 'arm64' : 'amd64';
const FOREIGN_ARCH = RUNNER_ARCH === 'arm64' ? 'amd64' : 'arm64';

beforeAll(async () => {
  await runChecked(['bash', BUILD, '--without-terraform-env', CLI_ONLY_OLD]);
  await runChecked([
    'bash',
    BUILD,
    '--without-terraform-env',
    '--cli-version',
    '1.13.0',
    CLI_ONLY_NEW,
  ]);
  await loadForeignImage(FOREIGN, FOREIGN_ARCH);
  await runChecked(['bash', BUILD, '--cli-version', '0.285.0', NO_STRICT]);
}, 120_000);

const currentRunner = useScratchRunnerPerTest();

/** The plain example, with `devYaml` added to its dev target. */
function plainJob(devYaml = ''): string {
  const bundle = copyExample('plain-job', currentRunner(), 'bundles/job');
  const file = path.join(bundle, 'databricks.yml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('  dev:\n', `  dev:\n${devYaml}`));
  return bundle;
}

function inputs(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    image: standInImage(),
    target: 'dev',
    'working-directory': 'bundles/job',
    host: HOST,
    token: TOKEN,
    ...overrides,
  };
}

interface Finding {
  rule: string;
  level: string;
  file: string | null;
  line: number | null;
  message: string;
}

function findingsOf(outputs: Record<string, string>): Finding[] {
  return JSON.parse(outputs['findings'] ?? '[]') as Finding[];
}

const PYPI_LIBRARY = `
    extra_job:
      name: extra_job
      tasks:
        - task_key: t
          spark_python_task: {python_file: ./src/hello.py}
          libraries:
            - pypi: {package: requests==2.32.3}
`;

function withPypiLibrary(bundle: string): void {
  const file = path.join(bundle, 'databricks.yml');
  const text = readFileSync(file, 'utf8').replace('  jobs:\n', `  jobs:\n${PYPI_LIBRARY}`);
  writeFileSync(file, text);
}

describe.each(RUNNERS)('%s', (_, runAction) => {
  test('command preflight checks and hashes, and starts no CLI step', async () => {
    const bundle = copyExample('prebuilt-wheel', currentRunner(), 'bundles/job');
    const result = await runAction(
      runnerEnvironment(
        currentRunner(),
        inputs({ command: 'preflight', checksums: 'bundles/job/SHA256SUMS' }),
      ),
    );

    expect(result.exitCode).toBe(0);
    const outputs = readOutputs(currentRunner().outputFile);
    expect(outputs['result']).toBe('success');
    expect(outputs['preflight-result']).toBe('success');
    expect(outputs['phases']).toBe('[]');
    const wheel = readFileSync(path.join(bundle, 'dist/sales_lib-0.1.0-py3-none-any.whl'));
    expect(JSON.parse(outputs['local-files'] ?? '')).toEqual([
      {
        path: 'bundles/job/dist/sales_lib-0.1.0-py3-none-any.whl',
        bytes: wheel.length,
        sha256: createHash('sha256').update(wheel).digest('hex'),
      },
    ]);
    expect(findingsOf(outputs).map((finding) => finding.rule)).toEqual(['mutable-tag']);
    expect(readBundleCalls(bundle)).toEqual([]);
    const summary = readFileSync(currentRunner().summaryFile, 'utf8');
    expect(summary).toContain('#### Pre-flight ✅ 0 errors, 1 warning (policy strict)');
    expect(summary).toContain('sales&#95;lib-0.1.0-py3-none-any.whl');
  });

  test('strict: a public package index stops the step before any container', async () => {
    const bundle = plainJob();
    withPypiLibrary(bundle);
    const result = await runAction(runnerEnvironment(currentRunner(), inputs()));

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(
        '^::error title=Pre-flight%3A pypi-library,file=bundles/job/databricks\\.yml,line=20::' +
          'pypi library requests==2\\.32\\.3 has no repo',
        'm',
      ),
    );
    const outputs = readOutputs(currentRunner().outputFile);
    expect(outputs['validate-result']).toBe('skipped');
    expect(outputs['deploy-result']).toBe('skipped');
    expect(readBundleCalls(bundle)).toEqual([]);
    expect(await actionContainers()).toEqual([]);
    const logged = result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(logged.join('\n')).not.toContain(TOKEN);
  });

  test('warn: the same finding is a warning and the deployment goes on', async () => {
    const bundle = plainJob();
    withPypiLibrary(bundle);
    const result = await runAction(runnerEnvironment(currentRunner(), inputs({ policy: 'warn' })));

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(
      /^::warning title=Pre-flight%3A pypi-library,file=bundles\/job\/databricks\.yml,line=20::/m,
    );
    expect(readBundleCalls(bundle).map((call) => call.argv[1])).toEqual([
      'validate',
      'deploy',
      'summary',
    ]);
  });

  test('an internal repo is not a finding', async () => {
    const bundle = plainJob();
    withPypiLibrary(bundle);
    const file = path.join(bundle, 'databricks.yml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '{package: requests==2.32.3}',
        '{package: requests==2.32.3, repo: "https://pypi.bank.internal/simple"}',
      ),
    );
    const result = await runAction(
      runnerEnvironment(currentRunner(), inputs({ 'internal-hosts': 'pypi.bank.internal' })),
    );
    expect(result.exitCode).toBe(0);
    expect(findingsOf(readOutputs(currentRunner().outputFile)).map((f) => f.rule)).toEqual([
      'mutable-tag',
    ]);
  });
});

describe('built action', () => {
  test('off drops policy findings; a host mismatch still stops, unechoed', async () => {
    const bundle = plainJob('    workspace:\n      host: https://other-workspace.example\n');
    withPypiLibrary(bundle);
    const result = await runBuiltAction(
      runnerEnvironment(currentRunner(), inputs({ policy: 'off' })),
    );

    expect(result.exitCode).toBe(1);
    const findings = findingsOf(readOutputs(currentRunner().outputFile));
    expect(findings.map((finding) => [finding.rule, finding.level])).toEqual([
      ['host-mismatch', 'error'],
      ['mutable-tag', 'warning'],
    ]);
    expect(findings[0]?.message).toContain('https://other-workspace.example');
    expect(result.stdout).not.toContain('adb-1234567890123456');
    expect(readBundleCalls(bundle)).toEqual([]);
  });

  test('a wheel that differs from the checksum manifest stops and names the file', async () => {
    const bundle = copyExample('prebuilt-wheel', currentRunner(), 'bundles/job');
    appendFileSync(path.join(bundle, 'dist/sales_lib-0.1.0-py3-none-any.whl'), 'tampered');
    const result = await runBuiltAction(
      runnerEnvironment(currentRunner(), inputs({ checksums: 'bundles/job/SHA256SUMS' })),
    );

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(
      '::error title=Pre-flight%3A checksum-mismatch,file=bundles/job/SHA256SUMS,line=1::' +
        'bundles/job/dist/sales_lib-0.1.0-py3-none-any.whl has SHA-256',
    );
    expect(readBundleCalls(bundle)).toEqual([]);
  });

  test("the CLI's diagnostics become annotations on the repository file, once", async () => {
    plainJob();
    const host = 'https://stand-in-warning.cloud.databricks.com';
    const result = await runBuiltAction(runnerEnvironment(currentRunner(), inputs({ host })));

    expect(result.exitCode).toBe(0);
    const annotations = result.stdout
      .split('\n')
      .filter((line) => line.startsWith('::warning title=Databricks CLI'));
    expect(annotations).toEqual([
      '::warning title=Databricks CLI (validate),file=bundles/job/databricks.yml,line=4,col=9::' +
        'the stand-in workspace reports a warning for this host (at bundle.name)%0A' +
        'This warning comes from the stand-in-warning scenario of the stand-in CLI used in ' +
        'tests; the real CLI has no such warning.',
    ]);
  });

  test.each([
    ['0.298.0, with --strict', undefined, 'Warnings are not allowed in strict mode'],
    ['0.285.0, counted by the action', NO_STRICT, 'reported warnings, and the fail-on-warnings'],
  ])('fail-on-warnings on CLI %s: validate fails, deploy never starts', async (_, image, text) => {
    const bundle = plainJob();
    const host = 'https://stand-in-warning.cloud.databricks.com';
    const overrides = { host, 'fail-on-warnings': 'true', ...(image ? { image } : {}) };
    const result = await runBuiltAction(runnerEnvironment(currentRunner(), inputs(overrides)));

    expect(result.exitCode).toBe(1);
    const outputs = readOutputs(currentRunner().outputFile);
    expect([outputs['validate-result'], outputs['deploy-result']]).toEqual(['failure', 'skipped']);
    expect(result.stdout).toContain(text);
    const calls = readBundleCalls(bundle);
    expect(calls.map((call) => call.argv.includes('--strict'))).toEqual([image === undefined]);
  });

  test('a digest reference runs with no mutable-tag warning', async () => {
    plainJob();
    const image = process.env['STAND_IN_MIRRORED_DIGEST_REF'] ?? '';
    const result = await runBuiltAction(runnerEnvironment(currentRunner(), inputs({ image })));
    expect(result.exitCode).toBe(0);
    expect(findingsOf(readOutputs(currentRunner().outputFile))).toEqual([]);
  });

  test('an image for another architecture stops and names both', async () => {
    plainJob();
    const result = await runBuiltAction(
      runnerEnvironment(currentRunner(), inputs({ image: FOREIGN })),
    );
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      `The image is built for linux/${FOREIGN_ARCH}, but this runner is linux/${RUNNER_ARCH}`,
    );
    expect(await actionContainers()).toEqual([]);
  });

  test('a CLI-only image of a Terraform-default CLI stops: deploy would download it', async () => {
    const bundle = plainJob();
    const result = await runBuiltAction(
      runnerEnvironment(currentRunner(), inputs({ image: CLI_ONLY_OLD })),
    );
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('::error title=Pre-flight%3A terraform-download::');
    expect(result.stdout).toContain('decided by the default of CLI 0.298.0');
    expect(result.stdout).toMatch(/docker run --rm --pull never .* --network none .* --version/);
    expect(readBundleCalls(bundle)).toEqual([]);
  });

  test('engine direct on a CLI-only image deploys, with no DATABRICKS_TF_*', async () => {
    const bundle = plainJob();
    const result = await runBuiltAction(
      runnerEnvironment(currentRunner(), inputs({ image: CLI_ONLY_OLD, engine: 'direct' }), {
        DATABRICKS_TF_EXEC_PATH: '/opt/terraform',
        DATABRICKS_TF_CLI_CONFIG_FILE: '/opt/tf.rc',
      }),
    );
    expect(result.exitCode).toBe(0);
    const calls = readBundleCalls(bundle);
    expect(calls.map((call) => call.argv[1])).toEqual(['validate', 'deploy', 'summary']);
    for (const call of calls) {
      expect(call.env_names).toContain('DATABRICKS_BUNDLE_ENGINE');
      expect(call.env_names.filter((name) => name.startsWith('DATABRICKS_TF_'))).toEqual([]);
    }
  });

  test('bundle.engine in the YAML wins over the engine input', async () => {
    const bundle = plainJob('    bundle:\n      engine: terraform\n');
    const result = await runBuiltAction(
      runnerEnvironment(currentRunner(), inputs({ image: CLI_ONLY_NEW, engine: 'direct' })),
    );
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('decided by bundle.engine in databricks.yml:');
    expect(readBundleCalls(bundle)).toEqual([]);
  });

  test('a CLI-only image of a direct-default CLI deploys', async () => {
    const bundle = plainJob();
    const result = await runBuiltAction(
      runnerEnvironment(currentRunner(), inputs({ image: CLI_ONLY_NEW })),
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('deployment engine direct (the default of CLI 1.13.0)');
    expect(readBundleCalls(bundle).map((call) => call.argv[1])).toEqual([
      'validate',
      'deploy',
      'summary',
    ]);
  });

  test.each([
    ['>= 0.290.0', 0, undefined],
    [
      '>= 1.0.0',
      1,
      'Databricks CLI version constraint not satisfied. Required: >= 1.0.0, current: 0.298.0',
    ],
    ['>=1.0', 1, 'invalid version constraint ">=1.0" specified'],
  ])(
    'databricks_cli_version %s against the image CLI 0.298.0',
    async (constraint, exitCode, message) => {
      const bundle = plainJob();
      const file = path.join(bundle, 'databricks.yml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          '  name: plain_job\n',
          `  name: plain_job\n  databricks_cli_version: "${constraint}"\n`,
        ),
      );
      const result = await runBuiltAction(runnerEnvironment(currentRunner(), inputs()));
      expect(result.exitCode).toBe(exitCode);
      if (message !== undefined) {
        expect(result.stdout).toMatch(
          /::error title=Pre-flight%3A cli-version,file=bundles\/job\/databricks\.yml,line=5::/,
        );
        expect(result.stdout).toContain(message);
      }
      expect(readFileSync(currentRunner().summaryFile, 'utf8')).toContain(
        '| Image CLI version | 0.298.0 |',
      );
    },
  );
});
