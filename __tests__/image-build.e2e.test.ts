/**
 * image/Dockerfile end to end, on the real Docker engine: both targets are built with
 * `--network none` from a base imported with `docker import` and from stand-in archives named
 * like the real releases (see support/image-build-fixtures.ts); the built action then validates
 * and deploys examples/plain-job with each image. Builds with a wrong or missing checksum, a
 * provider the CLI would ignore, or missing arguments must fail.
 */
import { rmSync } from 'node:fs';

import { beforeAll, describe, expect, test } from '@jest/globals';

import {
  copyExample,
  readOutputs,
  runBuiltAction,
  runnerEnvironment,
  useScratchRunnerPerTest,
} from './support/action-harness.js';
import { run, runChecked } from './support/exec.js';
import {
  ARCH,
  type Archive,
  BASE_IMAGE,
  buildArgs,
  buildCommand,
  buildImage,
  type BuiltImage,
  CLI_VERSION,
  ensureBuiltImage,
  providerArchive,
  PROVIDER_VERSION,
  removeStaleBuildImages,
  sha256sums,
  standInArchives,
  type Target,
  TERRAFORM_VERSION,
  writeBuildContext,
} from './support/image-build-fixtures.js';
import { readBundleCalls } from './support/stand-in-calls.js';

const TOKEN = 'dapi-image-build-token-7c31';
const HOST = 'https://adb-1234567890123456.7.azuredatabricks.net';
const LABEL = 'io.github.databricks-bundle-airgap-action';
const MIRROR = '/app/providers/registry.terraform.io/databricks/databricks';
const TF_SETTINGS = [
  'DATABRICKS_TF_EXEC_PATH=/app/bin/terraform',
  'DATABRICKS_TF_CLI_CONFIG_FILE=/app/config/config.tfrc',
  `DATABRICKS_TF_VERSION=${TERRAFORM_VERSION}`,
  `DATABRICKS_TF_PROVIDER_VERSION=${PROVIDER_VERSION}`,
];

let directOnly: BuiltImage;
let withTerraform: BuiltImage;

beforeAll(async () => {
  directOnly = await ensureBuiltImage('direct-only');
  withTerraform = await ensureBuiltImage('with-terraform');
  await removeStaleBuildImages();
}, 180_000);

interface InspectedConfig {
  Env: string[];
  Labels: Record<string, string>;
  Entrypoint: string[];
  User?: string;
}

async function inspectConfig(image: string): Promise<InspectedConfig> {
  const result = await runChecked([
    'docker',
    'image',
    'inspect',
    '--format',
    '{{json .Config}}',
    image,
  ]);
  return JSON.parse(result.stdout) as InspectedConfig;
}

/** Runs a shell in the image, offline, as the action's containers run (not as root). */
async function shellIn(image: string, script: string): Promise<string> {
  const result = await runChecked([
    'docker',
    'run',
    '--rm',
    '--network',
    'none',
    '--user',
    '65534:65534',
    '--entrypoint',
    '/bin/sh',
    image,
    '-c',
    script,
  ]);
  return result.stdout;
}

describe('the built images', () => {
  test('direct-only: the CLI from its archive, no Terraform setting, archive labels', async () => {
    const { tag, archives } = directOnly;
    const config = await inspectConfig(tag);

    expect(config.Entrypoint).toEqual(['/app/databricks']);
    expect(config.User ?? '').toBe('');
    expect(config.Env).toEqual(['PATH=/app:/usr/local/bin:/usr/bin:/bin']);
    expect(config.Labels).toMatchObject({
      'org.opencontainers.image.version': CLI_VERSION,
      'org.opencontainers.image.base.name': BASE_IMAGE,
      [`${LABEL}.engines`]: 'direct',
      [`${LABEL}.cli.version`]: CLI_VERSION,
      [`${LABEL}.cli.sha256`]: archives.cli.sha256,
    });
    expect(Object.keys(config.Labels).filter((key) => /terraform|provider/.test(key))).toEqual([]);

    expect(await shellIn(tag, 'find /app | sort')).toBe('/app\n/app/databricks\n');
    const version = await runChecked([
      'docker',
      'run',
      '--rm',
      '--network',
      'none',
      tag,
      '--version',
    ]);
    expect(version.stdout).toBe(`Databricks CLI v${CLI_VERSION}\n`);
  });

  test('with-terraform: Terraform, packed provider mirror, .tfrc, env, labels', async () => {
    const { tag, archives } = withTerraform;
    const config = await inspectConfig(tag);

    expect(config.Entrypoint).toEqual(['/app/databricks']);
    expect(config.User ?? '').toBe('');
    expect(config.Env).toEqual([
      'PATH=/app:/usr/local/bin:/usr/bin:/bin',
      ...TF_SETTINGS,
      'CHECKPOINT_DISABLE=1',
    ]);
    expect(config.Labels).toMatchObject({
      'org.opencontainers.image.version': CLI_VERSION,
      [`${LABEL}.engines`]: 'direct,terraform',
      [`${LABEL}.cli.sha256`]: archives.cli.sha256,
      [`${LABEL}.terraform.version`]: TERRAFORM_VERSION,
      [`${LABEL}.terraform.sha256`]: archives.terraform.sha256,
      [`${LABEL}.provider.version`]: PROVIDER_VERSION,
      [`${LABEL}.provider.sha256`]: archives.provider.sha256,
    });

    const files = await shellIn(tag, 'find /app -type f | sort; /app/bin/terraform version');
    expect(files).toBe(
      [
        '/app/bin/terraform',
        '/app/config/config.tfrc',
        '/app/databricks',
        `${MIRROR}/${archives.provider.name}`,
        `Terraform v${TERRAFORM_VERSION}`,
        `on linux_${ARCH}`,
        '',
      ].join('\n'),
    );
    const mirrored = await shellIn(tag, `sha256sum ${MIRROR}/${archives.provider.name}`);
    expect(mirrored.split(' ')[0]).toBe(archives.provider.sha256);
    const tfrc = await shellIn(tag, 'cat /app/config/config.tfrc');
    expect(tfrc).toContain('disable_checkpoint = true');
    expect(tfrc.replace(/\s+/g, ' ')).toContain(
      'provider_installation { filesystem_mirror { path = "/app/providers" ' +
        'include = ["registry.terraform.io/databricks/databricks"] } }',
    );
    expect(tfrc).not.toContain('direct');
  });
});

describe('the built action with the built images', () => {
  const currentRunner = useScratchRunnerPerTest();

  /** Inputs for plain-job, which this copies into the checkout at bundles/job. */
  function plainJobInputs(image: string, extra: Record<string, string> = {}) {
    copyExample('plain-job', currentRunner(), 'bundles/job');
    return {
      image,
      target: 'dev',
      'working-directory': 'bundles/job',
      host: HOST,
      token: TOKEN,
      ...extra,
    };
  }

  test('direct-only with engine direct validates and deploys plain-job', async () => {
    const result = await runBuiltAction(
      runnerEnvironment(currentRunner(), plainJobInputs(directOnly.tag, { engine: 'direct' })),
    );

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("deployment engine direct (the 'engine' input)");
    const outputs = readOutputs(currentRunner().outputFile);
    expect(outputs['validate-result']).toBe('success');
    expect(outputs['deploy-result']).toBe('success');
    expect(JSON.parse(outputs['job-ids'] ?? '{}')).toHaveProperty('plain_job');
    const calls = readBundleCalls(`${currentRunner().checkout}/bundles/job`);
    expect(calls.map((call) => call.argv[1])).toEqual(['validate', 'deploy', 'summary']);
    for (const call of calls) {
      expect(call.env_names.filter((name) => name.startsWith('DATABRICKS_TF_'))).toEqual([]);
    }
  });

  test('direct-only without an engine: the pre-flight refuses the Terraform default', async () => {
    const result = await runBuiltAction(
      runnerEnvironment(currentRunner(), plainJobInputs(directOnly.tag)),
    );

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('::error title=Pre-flight%3A terraform-download::');
    expect(result.stdout).toContain(`decided by the default of CLI ${CLI_VERSION}`);
    expect(readBundleCalls(`${currentRunner().checkout}/bundles/job`)).toEqual([]);
  });

  test('with-terraform deploys plain-job with the Terraform engine, offline', async () => {
    const result = await runBuiltAction(
      runnerEnvironment(currentRunner(), plainJobInputs(withTerraform.tag)),
    );

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(
      `deployment engine terraform (the default of CLI ${CLI_VERSION})`,
    );
    expect(result.stdout).not.toContain('terraform-download');
    const outputs = readOutputs(currentRunner().outputFile);
    expect(outputs['deploy-result']).toBe('success');
    const calls = readBundleCalls(`${currentRunner().checkout}/bundles/job`);
    expect(calls.map((call) => call.argv[1])).toEqual(['validate', 'deploy', 'summary']);
    for (const call of calls) {
      expect(call.env_names).toEqual(
        expect.arrayContaining(TF_SETTINGS.map((setting) => setting.split('=')[0])),
      );
    }
  });
});

interface FailingBuild {
  readonly target: Target;
  readonly archives: readonly Archive[];
  readonly sums: string;
  readonly args: Record<string, string>;
  /** Each must appear in the build's output. */
  readonly expected: readonly (string | RegExp)[];
}

function failingBuild(change: (standard: FailingBuild) => Partial<FailingBuild>): FailingBuild {
  const archives = standInArchives();
  const all = [archives.cli, archives.terraform, archives.provider];
  const standard = {
    target: 'direct-only' as Target,
    archives: all,
    sums: sha256sums(all),
    args: buildArgs('direct-only', archives),
    expected: [],
  };
  return { ...standard, ...change(standard) };
}

const CLI_ARCHIVE = `databricks_cli_${CLI_VERSION}_linux_${ARCH}.zip`;
const OTHER_ARCH = ARCH === 'amd64' ? 'arm64' : 'amd64';

describe('the build fails, offline, when', () => {
  test.each<[string, () => FailingBuild]>([
    [
      'the CLI archive changed after its checksum was recorded',
      () =>
        failingBuild(({ archives }) => ({
          archives: archives.map((entry) =>
            entry.name === CLI_ARCHIVE
              ? { ...entry, bytes: Buffer.concat([entry.bytes, Buffer.from('tampered')]) }
              : entry,
          ),
          expected: [`${CLI_ARCHIVE}: FAILED`, `${CLI_ARCHIVE} does not match its checksum`],
        })),
    ],
    [
      'SHA256SUMS has no line for the CLI archive',
      () =>
        failingBuild(({ archives }) => ({
          sums: sha256sums(archives.filter((entry) => entry.name !== CLI_ARCHIVE)),
          expected: [`files/SHA256SUMS has no line for ${CLI_ARCHIVE}`],
        })),
    ],
    [
      'the CLI_SHA256 build argument differs from SHA256SUMS',
      () =>
        failingBuild(({ args }) => ({
          args: { ...args, CLI_SHA256: 'ab'.repeat(32) },
          expected: [`but the build argument CLI_SHA256 is ${'ab'.repeat(32)}`],
        })),
    ],
    [
      'the archives are for another architecture than the base image',
      () =>
        failingBuild(({ archives, args }) => {
          const renamed = archives.map((entry) => ({
            ...entry,
            name: entry.name.replace(`_linux_${ARCH}`, `_linux_${OTHER_ARCH}`),
          }));
          return {
            archives: renamed,
            sums: sha256sums(renamed),
            args: { ...args, ARCH: OTHER_ARCH },
            expected: [`ARCH is ${OTHER_ARCH}, but the base image runs on ${ARCH}`],
          };
        }),
    ],
    [
      'the provider is not the version the CLI was built for (it would download its own)',
      () => {
        const archives = standInArchives();
        const provider = providerArchive('1.112.0');
        const all = [archives.cli, archives.terraform, provider];
        return {
          target: 'with-terraform',
          archives: all,
          sums: sha256sums(all),
          args: {
            ...buildArgs('with-terraform', archives),
            PROVIDER_VERSION: '1.112.0',
            PROVIDER_SHA256: provider.sha256,
          },
          expected: [
            `is built for Databricks provider ${PROVIDER_VERSION}, not 1.112.0`,
            // The CLI ran inside the build: it saw no network interface but loopback.
            'stand-in launcher: network interfaces: lo\n',
          ],
        };
      },
    ],
    [
      'the with-terraform target is built without TERRAFORM_VERSION',
      () => failingBuild(() => ({ target: 'with-terraform', expected: ['--target direct-only'] })),
    ],
    [
      'BASE_IMAGE is not given',
      () =>
        failingBuild(({ args }) => {
          const rest = Object.fromEntries(
            Object.entries(args).filter(([name]) => name !== 'BASE_IMAGE'),
          );
          return { args: rest, expected: [/BASE_IMAGE/] };
        }),
    ],
  ])('%s', async (_, make) => {
    const build = make();
    const tag = `databricks-cli-built:must-not-exist-${process.pid}`;
    const context = writeBuildContext(build.archives, build.sums);
    try {
      const request = { context, target: build.target, args: build.args, tag };
      expect(buildCommand(request).join(' ')).toContain('docker build --network none ');

      const result = await buildImage(request);
      const output = result.stdout + result.stderr;
      expect(result.exitCode).not.toBe(0);
      for (const text of build.expected) expect(output).toMatch(text);
      expect((await run(['docker', 'image', 'inspect', tag])).exitCode).not.toBe(0);
    } finally {
      rmSync(context, { recursive: true, force: true });
    }
  });
});
