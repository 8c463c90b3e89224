// Tests of the stand-in CLI image itself (built by global-setup), run the way the action runs
// the real one: `docker run` without a TTY, secrets passed by name only, real example bundles.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import {
  copyBundle,
  makeScratchDir,
  removeDir,
  sharedBundlesAvailable,
  type BundleCopyOptions,
} from './support/bundles.js';
import { run, runChecked, type RunResult } from './support/exec.js';
import {
  readBundleCalls,
  readCallFile,
  sha256,
  type StandInCall,
} from './support/stand-in-calls.js';

const IMAGE = requiredEnv('STAND_IN_IMAGE');
const describeWithSharedBundles = sharedBundlesAvailable() ? describe : describe.skip;
const AUTH_DOC_URL =
  'https://docs.databricks.com/en/dev-tools/auth.html#databricks-client-unified-authentication';
const DEV_ROOT = '/Workspace/Users/deployer@example.com/.bundle/default_python/dev';
const HOST = 'https://company.databricks.com';
const WHEEL = 'dist/default_python-0.0.1-py3-none-any.whl';

// default-python builds its wheel with uv, which the CLI image lacks; the deployable variant
// ships a pre-built wheel through `files:` instead, as the action's documentation advises.
const DEPLOYABLE: BundleCopyOptions = {
  edits: [
    {
      file: 'databricks.yml',
      replace: '    build: uv build --wheel',
      with: '    files:\n      - source: dist/*.whl',
    },
  ],
  files: [WHEEL],
};

const tempDirs: string[] = [];
const liveContainers = new Set<string>();
let containerCount = 0;

afterAll(async () => {
  for (const name of liveContainers) await run(['docker', 'rm', '--force', name]);
  for (const dir of tempDirs) await removeDir(dir, IMAGE);
});

describe('stand-in CLI: version', () => {
  it.each([['--version'], ['version']])('`databricks %s` prints the version line', async (arg) => {
    const result = await standIn({ args: [arg] });
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toBe('Databricks CLI v0.298.0\n');
  });

  it.each([['-o'], ['--output']])('`version %s json` prints the build info', async (flagName) => {
    const result = await standIn({ args: ['version', flagName, 'json'] });
    expect(result.exitCode).toBe(0);
    const info = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(info)).toEqual([
      'ProjectName',
      'Version',
      'Branch',
      'Tag',
      'ShortCommit',
      'FullCommit',
      'CommitTime',
      'Summary',
      'Major',
      'Minor',
      'Patch',
      'Prerelease',
      'IsSnapshot',
      'BuildTime',
    ]);
    expect(info).toMatchObject({
      ProjectName: 'cli',
      Version: '0.298.0',
      Tag: 'v0.298.0',
      Major: 0,
      Minor: 298,
      Patch: 0,
      IsSnapshot: false,
    });
  });

  it('shows help without arguments (the image CMD is -h) and exits 0', async () => {
    const result = await standIn({ args: [] });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Usage:\n  databricks [command]');
  });
});

describe('stand-in CLI: the image mirrored through the loopback registry', () => {
  it('exports tag and digest references into 127.0.0.1', () => {
    expect(requiredEnv('STAND_IN_MIRRORED_TAG_REF')).toMatch(
      /^127\.0\.0\.1:\d+\/databricks\/cli:0\.298\.0$/,
    );
    expect(requiredEnv('STAND_IN_MIRRORED_DIGEST_REF')).toMatch(
      /^127\.0\.0\.1:\d+\/databricks\/cli@sha256:[0-9a-f]{64}$/,
    );
  });

  it.each([['STAND_IN_MIRRORED_TAG_REF'], ['STAND_IN_MIRRORED_DIGEST_REF']])(
    '%s is the stand-in image and runs',
    async (variable) => {
      const reference = requiredEnv(variable);
      const inspected = await run(['docker', 'image', 'inspect', '--format', '{{.Id}}', reference]);
      expect(inspected.stdout.trim()).toBe(requiredEnv('STAND_IN_IMAGE_ID'));
      const result = await standIn({ args: ['--version'], image: reference });
      expect(result.stdout).toBe('Databricks CLI v0.298.0\n');
    },
  );
});

describe('stand-in CLI: command line errors', () => {
  it('rejects an unknown flag with the cobra message and usage', async () => {
    const result = await standIn({ args: ['bundle', 'deploy', '--bogus'] });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^Error: unknown flag: --bogus\n\nUsage:\n {2}databricks bundle deploy \[flags\]\n/,
    );
  });

  it('suggests a close flag name', async () => {
    const result = await standIn({ args: ['bundle', 'deploy', '--auto-aprove'] });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /^Error: unknown flag: --auto-aprove\n\nDid you mean "--auto-approve"\?\n\nUsage:/,
    );
  });

  it('rejects an unknown command', async () => {
    const result = await standIn({ args: ['bundel', 'validate'] });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'Error: unknown command "bundel" for "databricks"\n\nDid you mean this?\n\tbundle\n\n',
    );
  });

  it('refuses real bundle subcommands it does not implement', async () => {
    const result = await standIn({ args: ['bundle', 'run', 'sample_job'] });
    expect(result).toMatchObject({
      exitCode: 1,
      stderr: 'Error: the stand-in CLI does not implement "databricks bundle run"\n',
    });
  });

  it('rejects a bad --output value', async () => {
    const result = await standIn({ args: ['version', '-o', 'yaml'] });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      startsWith(
        'Error: invalid argument "yaml" for "-o, --output" flag: ' +
          'accepted arguments are json and text\n',
      ),
    );
  });

  it('rejects arguments to commands that take none', async () => {
    const result = await standIn({ args: ['bundle', 'validate', 'extra'] });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /^Error: unknown command "extra" for "databricks bundle validate"\n\nUsage:/,
    );
  });
});

describeWithSharedBundles('stand-in CLI: bundle validate', () => {
  it('validates default-python dev with a token', async () => {
    const bundle = bundleCopy('default-python');
    const result = await standIn({ args: ['bundle', 'validate'], bundle, env: tokenEnv() });
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toBe(
      [
        'Name: default_python',
        'Target: dev',
        'Workspace:',
        `  Host: ${HOST}`,
        '  User: deployer@example.com',
        `  Path: ${DEV_ROOT}`,
        '',
        'Validation OK!',
        '',
      ].join('\n'),
    );
  });

  it('validates default-python prod, recommending the deployer in permissions', async () => {
    const bundle = bundleCopy('default-python');
    const result = await standIn({
      args: ['bundle', 'validate', '--target=prod'],
      bundle,
      env: tokenEnv(),
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(
      [
        'Name: default_python',
        'Target: prod',
        'Workspace:',
        `  Host: ${HOST}`,
        '  User: deployer@example.com',
        '  Path: /Workspace/Users/user@company.com/.bundle/default_python/prod',
        '',
        'Found 1 recommendation',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toMatch(
      startsWith(
        'Recommendation: permissions section should explicitly include the current ' +
          "deployment identity 'deployer@example.com' or one of its groups\n",
      ),
    );
    expect(result.stderr).toMatch(/\n {2}in databricks\.yml:46:7\n\n$/);
  });

  it('prints the resolved configuration as JSON', async () => {
    const bundle = bundleCopy('default-python');
    const result = await standIn({
      args: ['bundle', 'validate', '-o', 'json'],
      bundle,
      env: tokenEnv(),
    });
    expect(result.exitCode).toBe(0);
    const config = JSON.parse(result.stdout) as ResolvedConfig;
    expect(Object.keys(config)).toEqual([
      'artifacts',
      'bundle',
      'include',
      'presets',
      'resources',
      'sync',
      'variables',
      'workspace',
    ]);
    expect(config.bundle).toMatchObject({
      name: 'default_python',
      target: 'dev',
      mode: 'development',
    });
    expect(config.workspace).toMatchObject({
      host: HOST,
      root_path: DEV_ROOT,
      file_path: `${DEV_ROOT}/files`,
      current_user: { userName: 'deployer@example.com', short_name: 'deployer' },
    });
    expect(config.resources.jobs?.sample_job).toMatchObject({
      name: '[dev deployer] sample_job',
      tasks: expect.arrayContaining([
        {
          notebook_task: { notebook_path: `${DEV_ROOT}/files/src/sample_notebook` },
          task_key: 'notebook_task',
        },
      ]),
    });
    expect(config.variables).toMatchObject({ schema: { value: 'deployer' } });
  });

  it('prints the configuration as JSON even when there are errors', async () => {
    const bundle = bundleCopy('private-wheel-packages');
    const result = await standIn({
      args: ['bundle', 'validate', '-o', 'json'],
      bundle,
      env: tokenEnv(),
    });
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ bundle: { name: 'private_wheel_packages' } });
    expect(result.stderr).toMatch(/^Error: failed during request visitor: default auth:/);
  });

  it('rejects an unknown target', async () => {
    const bundle = bundleCopy('default-python');
    const result = await standIn({
      args: ['bundle', 'validate', '-t', 'staging'],
      bundle,
      env: tokenEnv(),
    });
    expect(result).toMatchObject({
      exitCode: 1,
      stdout: 'Name: default_python\n\nFound 1 error\n',
      stderr: 'Error: staging: no such target. Available targets: dev, prod\n\n',
    });
  });

  it('takes the target from DATABRICKS_BUNDLE_TARGET when -t is absent', async () => {
    const bundle = bundleCopy('default-python');
    const result = await standIn({
      args: ['bundle', 'validate'],
      bundle,
      env: { ...tokenEnv(), DATABRICKS_BUNDLE_TARGET: 'prod' },
    });
    expect(result.stdout).toContain('Target: prod\n');
  });

  it('fails without a bundle root', async () => {
    const empty = scratchDir('stand-in-empty-');
    const home = scratchDir('stand-in-home-');
    const result = await standIn({
      args: ['bundle', 'validate'],
      bundle: empty,
      home,
      env: tokenEnv(),
    });
    expect(result).toMatchObject({
      exitCode: 1,
      stdout: 'Found 1 error\n',
      stderr: 'Error: unable to locate bundle root: databricks.yml not found\n\n',
    });
    // Without a bundle root the call record goes to HOME.
    expect(readCallFile(path.join(home, 'stand-in-calls.jsonl'))).toHaveLength(1);
  });

  it('fails with a missing host the way the SDK does', async () => {
    const bundle = bundleCopy('private-wheel-packages');
    const result = await standIn({ args: ['bundle', 'validate'], bundle, env: tokenEnv() });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'Error: failed during request visitor: default auth: cannot configure default ' +
        `credentials, please check ${AUTH_DOC_URL} to configure credentials for your ` +
        'preferred authentication method. Config: token=***, ' +
        'databricks_cli_path=/app/databricks. Env: DATABRICKS_TOKEN, DATABRICKS_CLI_PATH\n\n',
    );
    expect(result.stdout).toBe('Name: private_wheel_packages\nTarget: dev\n\nFound 1 error\n');
  });

  it('fails without credentials; takes DATABRICKS_HOST when the YAML has no host', async () => {
    const bundle = bundleCopy('private-wheel-packages');
    const host = 'https://example.cloud.databricks.com';
    const none = await standIn({
      args: ['bundle', 'validate'],
      bundle,
      env: { DATABRICKS_HOST: host },
    });
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toBe(
      'Error: failed during request visitor: default auth: cannot configure default ' +
        `credentials, please check ${AUTH_DOC_URL} to configure credentials for your ` +
        `preferred authentication method. Config: host=${host}, ` +
        'databricks_cli_path=/app/databricks. Env: DATABRICKS_HOST, DATABRICKS_CLI_PATH\n\n',
    );
    const env = { ...tokenEnv(), DATABRICKS_HOST: host };
    const ok = await standIn({ args: ['bundle', 'validate'], bundle, env });
    expect(ok.exitCode).toBe(0);
    // The summary shows workspace.host from the YAML only, as the CLI's does.
    expect(ok.stdout).not.toContain('Host:');
  });

  it('names the missing host for an explicit pat auth type', async () => {
    const bundle = bundleCopy('private-wheel-packages');
    const env = { ...tokenEnv(), DATABRICKS_AUTH_TYPE: 'pat' };
    const result = await standIn({ args: ['bundle', 'validate'], bundle, env });
    // The CLI's own credentials chain names the strategy it was asked for.
    expect(result.stderr).toMatch(
      startsWith(
        'Error: failed during request visitor: pat auth: host is required for PAT ' +
          'authentication. Config: token=***',
      ),
    );
  });

  it('lets workspace.host in the YAML win over DATABRICKS_HOST', async () => {
    const bundle = bundleCopy('default-python');
    const env = {
      ...tokenEnv(),
      DATABRICKS_HOST: 'https://stand-in-unauthorized.cloud.databricks.com',
    };
    const result = await standIn({ args: ['bundle', 'validate'], bundle, env });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`  Host: ${HOST}\n`);
  });

  it('rejects an unknown auth type', async () => {
    const bundle = bundleCopy('default-python');
    const env = { ...tokenEnv(), DATABRICKS_AUTH_TYPE: 'bogus' };
    const result = await standIn({ args: ['bundle', 'validate'], bundle, env });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'Error: failed during request visitor: default auth: auth type "bogus" not found, ' +
        `please check ${AUTH_DOC_URL} for a list of supported auth types. Config: ` +
        `host=${HOST}, token=***, databricks_cli_path=/app/databricks. ` +
        'Env: DATABRICKS_TOKEN, DATABRICKS_CLI_PATH\n\n',
    );
  });

  it('refuses two kinds of credentials without an auth type', async () => {
    const bundle = bundleCopy('default-python');
    const env = { ...tokenEnv(), ...m2mEnv() };
    const result = await standIn({ args: ['bundle', 'validate'], bundle, env });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'Error: cannot resolve bundle auth configuration: validate: more than one ' +
        `authorization method configured: oauth and pat. Config: host=${HOST}, token=***, ` +
        `client_id=${env.DATABRICKS_CLIENT_ID}, client_secret=***, ` +
        'databricks_cli_path=/app/databricks. Env: DATABRICKS_TOKEN, DATABRICKS_CLIENT_ID, ' +
        'DATABRICKS_CLIENT_SECRET, DATABRICKS_CLI_PATH\n\n',
    );
  });

  it('authenticates a service principal with oauth-m2m', async () => {
    const bundle = bundleCopy('default-python');
    const env = { ...m2mEnv(), DATABRICKS_AUTH_TYPE: 'oauth-m2m' };
    const result = await standIn({ args: ['bundle', 'validate'], bundle, env });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`  User: ${env.DATABRICKS_CLIENT_ID}\n`);
  });
});

describeWithSharedBundles('stand-in CLI: variables', () => {
  const withoutDevVariables: BundleCopyOptions = {
    edits: [
      {
        file: 'databricks.yml',
        replace:
          '    variables:\n      catalog: catalog\n' +
          '      schema: ${workspace.current_user.short_name}\n',
        with: '',
      },
    ],
  };

  it('fails on a required variable without a value', async () => {
    const bundle = bundleCopy('default-python', withoutDevVariables);
    const result = await standIn({ args: ['bundle', 'validate'], bundle, env: tokenEnv() });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'Error: no value assigned to required variable catalog. Variables are usually assigned ' +
        'in databricks.yml, and they can be overridden using "--var", the BUNDLE_VAR_catalog ' +
        'environment variable, or .databricks/bundle/<target>/variable-overrides.json\n\n',
    );
  });

  it('resolves --var before BUNDLE_VAR_ before the target value', async () => {
    const bundle = bundleCopy('default-python');
    const env = { ...tokenEnv(), BUNDLE_VAR_catalog: 'from_env', BUNDLE_VAR_schema: 'from_env' };
    const result = await standIn({
      args: ['bundle', 'validate', '-o', 'json', '--var', 'schema=from_flag'],
      bundle,
      env,
    });
    expect(result.exitCode).toBe(0);
    const config = JSON.parse(result.stdout) as ResolvedConfig;
    expect(config.variables).toMatchObject({
      catalog: { value: 'from_env' },
      schema: { value: 'from_flag' },
    });
    const prod = await standIn({
      args: ['bundle', 'validate', '-o', 'json', '-t', 'prod'],
      bundle,
      env: tokenEnv(),
    });
    expect((JSON.parse(prod.stdout) as ResolvedConfig).variables).toMatchObject({
      schema: { value: 'prod' },
    });
  });

  it('rejects an undeclared --var', async () => {
    const bundle = bundleCopy('default-python');
    const result = await standIn({
      args: ['bundle', 'validate', '--var', 'nope=1'],
      bundle,
      env: tokenEnv(),
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('Error: variable nope has not been defined\n\n');
  });

  it('rejects a complex variable from the environment', async () => {
    const bundle = bundleCopy('cli-fixture-unique-name-libraries', {
      edits: [
        {
          file: 'databricks.yml',
          replace: '  cluster:\n',
          with: '  cluster:\n    type: complex\n',
        },
      ],
    });
    const env = {
      ...tokenEnv(),
      DATABRICKS_HOST: 'https://example.cloud.databricks.com',
      BUNDLE_VAR_cluster: 'x',
    };
    const result = await standIn({ args: ['bundle', 'validate'], bundle, env });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'Error: setting via environment variables (BUNDLE_VAR_cluster) is not supported for ' +
        'complex variable cluster\n\n',
    );
  });
});

describeWithSharedBundles('stand-in CLI: deploy and friends', () => {
  it('fails to build default-python as shipped: the image has no uv', async () => {
    const bundle = bundleCopy('default-python');
    const result = await standIn({ args: ['bundle', 'deploy'], bundle, env: tokenEnv() });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'Building python_artifact...\n' +
        'Error: build failed python_artifact, error: exit status 127, ' +
        'output: /bin/sh: uv: not found\n\n\n',
    );
  });

  it('deploys, then summarizes with ids and URLs, plans no change and destroys', async () => {
    const bundle = bundleCopy('default-python', DEPLOYABLE);
    const home = scratchDir('stand-in-home-');
    const deploy = await standIn({ args: ['bundle', 'deploy'], bundle, home, env: tokenEnv() });
    expect(deploy).toMatchObject({ exitCode: 0, stdout: '' });
    expect(deploy.stderr).toBe(
      [
        `Uploading ${WHEEL}...`,
        `Uploading bundle files to ${DEV_ROOT}/files...`,
        'Deploying resources...',
        'Updating deployment state...',
        'Deployment complete!',
        '',
      ].join('\n'),
    );
    expect(fs.existsSync(path.join(bundle, '.databricks/bundle/dev/deployment.json'))).toBe(true);
    expect(
      fs.statSync(path.join(bundle, '.databricks/bundle/dev/sync-snapshots')).isDirectory(),
    ).toBe(true);

    const summary = await standIn({
      args: ['bundle', 'summary', '-o', 'json'],
      bundle,
      home,
      env: tokenEnv(),
    });
    expect(summary.exitCode).toBe(0);
    const resources = (JSON.parse(summary.stdout) as ResolvedConfig).resources;
    const job = resources.jobs?.sample_job as { id: string; url: string };
    const pipeline = resources.pipelines?.default_python_etl as { id: string; url: string };
    expect(job.id).toMatch(/^\d+$/);
    expect(job.url).toBe(`${HOST}/jobs/${job.id}?o=1234567890123456`);
    expect(pipeline.url).toBe(`${HOST}/pipelines/${pipeline.id}?o=1234567890123456`);

    const plan = await standIn({ args: ['bundle', 'plan'], bundle, home, env: tokenEnv() });
    expect(plan).toMatchObject({
      exitCode: 0,
      stdout: 'Plan: 0 to add, 0 to change, 0 to delete, 2 unchanged\n',
    });

    const noApprove = await standIn({ args: ['bundle', 'destroy'], bundle, home, env: tokenEnv() });
    expect(noApprove).toMatchObject({
      exitCode: 1,
      stderr:
        'Error: please specify --auto-approve since terminal does not support ' +
        'interactive prompts\n',
    });
    const destroy = await standIn({
      args: ['bundle', 'destroy', '--auto-approve'],
      bundle,
      home,
      env: tokenEnv(),
    });
    expect(destroy.exitCode).toBe(0);
    expect(destroy.stderr).toContain('  delete resources.jobs.sample_job\n');
    expect(destroy.stderr).toMatch(/Deleting files\.\.\.\nDestroy complete!\n$/);
  });

  it('plans creations on a fresh workspace', async () => {
    const bundle = bundleCopy('default-python', DEPLOYABLE);
    const text = await standIn({ args: ['bundle', 'plan', '-t', 'prod'], bundle, env: tokenEnv() });
    expect(text.stdout).toBe(
      [
        'create jobs.sample_job',
        'create jobs.sample_job.permissions',
        'create pipelines.default_python_etl',
        'create pipelines.default_python_etl.permissions',
        '',
        'Plan: 4 to add, 0 to change, 0 to delete, 0 unchanged',
        '',
      ].join('\n'),
    );
    const json = await standIn({ args: ['bundle', 'plan', '-o', 'json'], bundle, env: tokenEnv() });
    expect(JSON.parse(json.stdout)).toEqual({
      cli_version: '0.298.0',
      plan: {
        'resources.jobs.sample_job': { action: 'create' },
        'resources.pipelines.default_python_etl': { action: 'create' },
      },
    });
  });
});

describeWithSharedBundles('stand-in CLI: workspace scenarios', () => {
  it('stand-in-unauthorized: every workspace call answers 401', async () => {
    const bundle = scenarioBundle('stand-in-unauthorized');
    const result = await standIn({ args: ['bundle', 'validate'], bundle, env: tokenEnv() });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('Error: Invalid access token.\n\n');

    const env = { ...m2mEnv(), DATABRICKS_AUTH_TYPE: 'oauth-m2m' };
    const m2m = await standIn({ args: ['bundle', 'deploy'], bundle, env });
    expect(m2m.exitCode).toBe(1);
    expect(m2m.stderr).toBe(
      'Error: failed during request visitor: error getting token: oauth2: "invalid_client" ' +
        '"Client authentication failed"\n\n',
    );
  });

  it('stand-in-deploy-denied: validate passes, deploy is refused', async () => {
    const bundle = scenarioBundle('stand-in-deploy-denied');
    const validate = await standIn({ args: ['bundle', 'validate'], bundle, env: tokenEnv() });
    expect(validate.exitCode).toBe(0);
    const deploy = await standIn({ args: ['bundle', 'deploy'], bundle, env: tokenEnv() });
    expect(deploy.exitCode).toBe(1);
    const files = `${DEV_ROOT}/files`;
    expect(deploy.stderr).toContain(
      `Uploading bundle files to ${files}...\n` +
        `Error: Failed to update, encountered possible permission error: ${files}\n` +
        `Error: unable to deploy to ${files} as deployer@example.com.\n` +
        'Please make sure the current user or one of their groups is listed under the ' +
        'permissions of this bundle.\nFor assistance, contact the owners of this project.\n',
    );
    expect(deploy.stderr).not.toContain('Deployment complete!');
  });

  it('stand-in-lock-held: deploy fails on the lock unless --force-lock', async () => {
    const bundle = scenarioBundle('stand-in-lock-held');
    const held =
      'deploy lock acquired by another-deployer@example.com at 2026-01-01 08:00:00 +0000 UTC. ' +
      'Use --force-lock to override';
    // The lock is disabled in development mode, so the production target shows it.
    const deploy = await standIn({
      args: ['bundle', 'deploy', '-t', 'prod'],
      bundle,
      env: tokenEnv(),
    });
    expect(deploy.exitCode).toBe(1);
    expect(deploy.stderr).toContain(
      `Error: Failed to acquire deployment lock: ${held}\nError: ${held}\n\n`,
    );
    const forced = await standIn({
      args: ['bundle', 'deploy', '-t', 'prod', '--force-lock'],
      bundle,
      env: tokenEnv(),
    });
    expect(forced.exitCode).toBe(0);
    expect(forced.stderr).toMatch(/Deployment complete!\n$/);
  });

  it('stand-in-destructive: deploy needs --auto-approve', async () => {
    const bundle = scenarioBundle('stand-in-destructive');
    const deploy = await standIn({ args: ['bundle', 'deploy'], bundle, env: tokenEnv() });
    expect(deploy.exitCode).toBe(1);
    expect(deploy.stderr).toContain('  recreate resources.pipelines.default_python_etl\n');
    expect(deploy.stderr).toMatch(
      endsWith(
        'Error: the deployment requires destructive actions, but current console does not ' +
          'support prompting. Please specify --auto-approve if you would like to skip prompts ' +
          'and proceed\n\n',
      ),
    );
    const approved = await standIn({
      args: ['bundle', 'deploy', '--auto-approve'],
      bundle,
      env: tokenEnv(),
    });
    expect(approved.exitCode).toBe(0);
    expect(approved.stderr).toMatch(/Deployment complete!\n$/);
  });

  it('stand-in-warning: validate warns with a location and still succeeds', async () => {
    const bundle = scenarioBundle('stand-in-warning');
    const result = await standIn({ args: ['bundle', 'validate'], bundle, env: tokenEnv() });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/\n\nFound 1 warning\n$/);
    // Line 33: the deployable variant's `files:` edit adds one line above the dev host.
    expect(result.stderr).toMatch(
      /^Warning: .+\n {2}at workspace\.host\n {2}in databricks\.yml:33:13\n\n.+\n\n$/,
    );

    const strict = await standIn({
      args: ['bundle', 'validate', '--strict'],
      bundle,
      env: tokenEnv(),
    });
    expect(strict.exitCode).toBe(1);
    expect(strict.stderr).toMatch(
      /Error: 1 warning was found\. Warnings are not allowed in strict mode\n$/,
    );
  });

  it('stand-in-slow: deploy hangs for 30 s and can be cancelled', async () => {
    const bundle = scenarioBundle('stand-in-slow');
    const started = Date.now();
    let container = '';
    const finished = deferred<RunResult>();
    const uploading = new Promise<void>((resolve) => {
      let seen = '';
      void standIn({
        args: ['bundle', 'deploy'],
        bundle,
        env: tokenEnv(),
        onStart: (name) => (container = name),
        onStderr: (chunk) => {
          seen += chunk;
          if (seen.includes('Uploading bundle files to')) resolve();
        },
      }).then((result) => finished.resolve(result));
    });
    await uploading;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const running = await run(['docker', 'inspect', '--format', '{{.State.Running}}', container]);
    expect(running.stdout.trim()).toBe('true');
    await run(['docker', 'kill', '--signal', 'TERM', container]);
    const result = await finished.promise;
    // As PID 1 the Go CLI exits with status 2 on SIGTERM; the stand-in does the same.
    expect(result.exitCode).toBe(2);
    expect(result.stderr).not.toContain('Deployment complete!');
    expect(Date.now() - started).toBeLessThan(25_000);
  });
});

describeWithSharedBundles('stand-in CLI: what reaches the container', () => {
  it('records argv, environment names and secret digests, never secret values', async () => {
    const bundle = bundleCopy('default-python');
    const home = scratchDir('stand-in-home-');
    const env = { ...tokenEnv(), ...m2mEnv(), DATABRICKS_AUTH_TYPE: 'pat' };
    const result = await standIn({ args: ['bundle', 'validate', '-t', 'dev'], bundle, home, env });
    expect(result.exitCode).toBe(0);

    const file = path.join(bundle, '.databricks/stand-in/calls.jsonl');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain(env.DATABRICKS_TOKEN);
    expect(text).not.toContain(env.DATABRICKS_CLIENT_SECRET);
    const [call] = readCallFile(file);
    expect(call).toMatchObject({
      argv: ['bundle', 'validate', '-t', 'dev'],
      uid: process.getuid?.(),
      gid: process.getgid?.(),
      cwd: '/bundle',
      home: '/home/stand-in',
      home_writable: true,
      bundle_root: '/bundle',
      secrets_sha256: {
        DATABRICKS_TOKEN: sha256(env.DATABRICKS_TOKEN),
        DATABRICKS_CLIENT_SECRET: sha256(env.DATABRICKS_CLIENT_SECRET),
      },
    });
    expect(call?.env_names).toEqual(expect.arrayContaining(['DATABRICKS_TOKEN', 'HOME', 'PATH']));
    expect(call?.env_names).toEqual([...(call?.env_names ?? [])].sort());
  });

  it('runs as the --user uid:gid and leaves .databricks owned by it', async () => {
    const bundle = bundleCopy('default-python', DEPLOYABLE);
    const home = scratchDir('stand-in-home-');
    const result = await standIn({
      args: ['bundle', 'deploy'],
      bundle,
      home,
      env: tokenEnv(),
      user: '4321:4321',
    });
    expect(result.exitCode).toBe(0);
    const [call] = readBundleCalls(bundle);
    expect(call).toMatchObject({ uid: 4321, gid: 4321 });
    const owners = new Set<number>();
    const dotDatabricks = path.join(bundle, '.databricks');
    for (const entry of fs.readdirSync(dotDatabricks, { recursive: true, withFileTypes: true })) {
      owners.add(fs.statSync(path.join(entry.parentPath, entry.name)).uid);
    }
    owners.add(fs.statSync(dotDatabricks).uid);
    expect([...owners]).toEqual([4321]);
  });
});

describeWithSharedBundles('stand-in CLI: OIDC and Azure auth types', () => {
  const CLIENT_ID = '5b8e6c2a-7d0f-4d6e-9a43-2c1f0e9b8a77';
  const AZURE_HOST = 'https://adb-1234567890123456.7.azuredatabricks.net';

  it('github-oidc: succeeds as the client id with both request variables', async () => {
    const bundle = bundleCopy('default-python');
    const env = { ...githubOidcEnv(), DATABRICKS_CLIENT_ID: CLIENT_ID };
    const result = await standIn({ args: ['bundle', 'validate'], bundle, env });
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toContain(`  User: ${CLIENT_ID}\n`);
    const [call] = readBundleCalls(bundle);
    expect(call?.secrets_sha256['ACTIONS_ID_TOKEN_REQUEST_TOKEN']).toBe(
      sha256(env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
    );
  });

  it('github-oidc: names the missing request URL, then the missing request token', async () => {
    const bundle = bundleCopy('default-python');
    const base = { DATABRICKS_AUTH_TYPE: 'github-oidc', DATABRICKS_CLIENT_ID: CLIENT_ID };
    const noUrl = await standIn({ args: ['bundle', 'validate'], bundle, env: base });
    expect(noUrl.exitCode).toBe(1);
    expect(noUrl.stderr).toBe(
      'Error: failed during request visitor: github-oidc auth: missing ' +
        `ActionsIDTokenRequestURL. Config: host=${HOST}, client_id=${CLIENT_ID}, ` +
        'databricks_cli_path=/app/databricks. Env: DATABRICKS_CLIENT_ID, DATABRICKS_CLI_PATH\n\n',
    );

    const url = 'https://token.actions.example.com/id?api-version=2.0';
    const env = { ...base, ACTIONS_ID_TOKEN_REQUEST_URL: url };
    const noToken = await standIn({ args: ['bundle', 'validate'], bundle, env });
    expect(noToken.stderr).toBe(
      'Error: failed during request visitor: github-oidc auth: missing ' +
        `ActionsIDTokenRequestToken. Config: host=${HOST}, actions_id_token_request_url=${url}, ` +
        `client_id=${CLIENT_ID}, databricks_cli_path=/app/databricks. Env: ` +
        'ACTIONS_ID_TOKEN_REQUEST_URL, DATABRICKS_CLIENT_ID, DATABRICKS_CLI_PATH\n\n',
    );
  });

  it('github-oidc: the SDK shows the request token in clear in its config dump', async () => {
    // The SDK does not mark actions_id_token_request_token as sensitive, so any auth error
    // prints it: the action has to mask it before the CLI runs.
    const bundle = bundleCopy('default-python');
    const { ACTIONS_ID_TOKEN_REQUEST_TOKEN: token } = githubOidcEnv();
    const env = { DATABRICKS_AUTH_TYPE: 'github-oidc', ACTIONS_ID_TOKEN_REQUEST_TOKEN: token };
    const result = await standIn({ args: ['bundle', 'validate'], bundle, env });
    expect(result.stderr).toContain(`actions_id_token_request_token=${token}, `);
  });

  it('github-oidc: without a client id, account-wide federation gives the token user', async () => {
    const bundle = bundleCopy('default-python');
    const result = await standIn({ args: ['bundle', 'validate'], bundle, env: githubOidcEnv() });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('  User: deployer@example.com\n');
  });

  it('env-oidc: reads DATABRICKS_OIDC_TOKEN or the variable named by _ENV', async () => {
    const bundle = bundleCopy('default-python');
    const jwt = `eyJ-stand-in-${randomBytes(12).toString('hex')}`;
    const base = { DATABRICKS_AUTH_TYPE: 'env-oidc', DATABRICKS_CLIENT_ID: CLIENT_ID };
    const direct = await standIn({
      args: ['bundle', 'validate'],
      bundle,
      env: { ...base, DATABRICKS_OIDC_TOKEN: jwt },
    });
    expect(direct.exitCode).toBe(0);
    expect(direct.stdout).toContain(`  User: ${CLIENT_ID}\n`);

    const named = await standIn({
      args: ['bundle', 'validate'],
      bundle,
      env: { ...base, DATABRICKS_OIDC_TOKEN_ENV: 'ENCLAVE_JWT', ENCLAVE_JWT: jwt },
    });
    expect(named.exitCode).toBe(0);
    const calls = readBundleCalls(bundle);
    expect(calls[0]?.secrets_sha256['DATABRICKS_OIDC_TOKEN']).toBe(sha256(jwt));
    expect(calls[1]?.secrets_sha256).toMatchObject({
      DATABRICKS_OIDC_TOKEN: null,
      ENCLAVE_JWT: sha256(jwt),
    });
    expect(
      fs.readFileSync(path.join(bundle, '.databricks/stand-in/calls.jsonl'), 'utf8'),
    ).not.toContain(jwt);
  });

  it('env-oidc: names the variable that holds no token', async () => {
    const bundle = bundleCopy('default-python');
    const base = { DATABRICKS_AUTH_TYPE: 'env-oidc', DATABRICKS_CLIENT_ID: CLIENT_ID };
    const unset = await standIn({ args: ['bundle', 'validate'], bundle, env: base });
    expect(unset.stderr).toBe(
      'Error: failed during request visitor: env-oidc auth: missing env var ' +
        `"DATABRICKS_OIDC_TOKEN". Config: host=${HOST}, client_id=${CLIENT_ID}, ` +
        'databricks_cli_path=/app/databricks. Env: DATABRICKS_CLIENT_ID, DATABRICKS_CLI_PATH\n\n',
    );
    const env = { ...base, DATABRICKS_OIDC_TOKEN_ENV: 'ENCLAVE_JWT' };
    const named = await standIn({ args: ['bundle', 'validate'], bundle, env });
    expect(named.stderr).toBe(
      'Error: failed during request visitor: env-oidc auth: missing env var "ENCLAVE_JWT". ' +
        `Config: host=${HOST}, client_id=${CLIENT_ID}, databricks_cli_path=/app/databricks, ` +
        'oidc_token_env=ENCLAVE_JWT. Env: DATABRICKS_CLIENT_ID, DATABRICKS_CLI_PATH, ' +
        'DATABRICKS_OIDC_TOKEN_ENV\n\n',
    );
  });

  it('file-oidc: reads the token file, and names a missing one', async () => {
    const bundle = bundleCopy('default-python');
    fs.writeFileSync(path.join(bundle, 'id-token.jwt'), 'eyJ-stand-in');
    const base = { DATABRICKS_AUTH_TYPE: 'file-oidc', DATABRICKS_CLIENT_ID: CLIENT_ID };
    const ok = await standIn({
      args: ['bundle', 'validate'],
      bundle,
      env: { ...base, DATABRICKS_OIDC_TOKEN_FILEPATH: '/bundle/id-token.jwt' },
    });
    expect(ok.exitCode).toBe(0);
    const missing = await standIn({
      args: ['bundle', 'validate'],
      bundle,
      env: { ...base, DATABRICKS_OIDC_TOKEN_FILEPATH: '/bundle/none.jwt' },
    });
    expect(missing.stderr).toMatch(
      startsWith(
        'Error: failed during request visitor: file-oidc auth: file "/bundle/none.jwt" ' +
          'does not exist. Config: ',
      ),
    );
  });

  it('azure-client-secret: authenticates on an Azure workspace as the application id', async () => {
    const bundle = bundleAtHost(AZURE_HOST);
    const env = { ...azureEnv(), DATABRICKS_AUTH_TYPE: 'azure-client-secret' };
    const result = await standIn({ args: ['bundle', 'validate'], bundle, env });
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toContain(`  User: ${env.ARM_CLIENT_ID}\n`);
    // Without an auth type the default chain reaches it too.
    const chained = await standIn({ args: ['bundle', 'validate'], bundle, env: azureEnv() });
    expect(chained.exitCode).toBe(0);
    const [call] = readBundleCalls(bundle);
    expect(call?.secrets_sha256['ARM_CLIENT_SECRET']).toBe(sha256(env.ARM_CLIENT_SECRET));
  });

  it('azure-client-secret: is not configured off Azure or with a variable missing', async () => {
    const env = { ...azureEnv(), DATABRICKS_AUTH_TYPE: 'azure-client-secret' };
    const aws = await standIn({
      args: ['bundle', 'validate'],
      bundle: bundleCopy('default-python'),
      env,
    });
    expect(aws.stderr).toBe(
      'Error: failed during request visitor: azure-client-secret auth: not configured. ' +
        `Config: host=${HOST}, azure_client_secret=***, azure_client_id=${env.ARM_CLIENT_ID}, ` +
        `azure_tenant_id=${env.ARM_TENANT_ID}, databricks_cli_path=/app/databricks. Env: ` +
        'ARM_CLIENT_SECRET, ARM_CLIENT_ID, ARM_TENANT_ID, DATABRICKS_CLI_PATH\n\n',
    );
    const withoutTenant: Record<string, string> = { ...env };
    delete withoutTenant['ARM_TENANT_ID'];
    const partial = await standIn({
      args: ['bundle', 'validate'],
      bundle: bundleAtHost(AZURE_HOST),
      env: withoutTenant,
    });
    expect(partial.stderr).toMatch(
      startsWith(
        'Error: failed during request visitor: azure-client-secret auth: not configured. ',
      ),
    );
  });

  it("refuses an auth type the baked CLI version predates, with that version's text", async () => {
    const bundle = bundleCopy('default-python');
    const env = { ...githubOidcEnv(), DATABRICKS_CLIENT_ID: CLIENT_ID, DATABRICKS_OIDC_TOKEN: 'x' };
    const cannotConfigure =
      'Error: failed during request visitor: default auth: cannot configure default ' +
      `credentials, please check ${AUTH_DOC_URL} to configure credentials for your preferred ` +
      'authentication method. Config: ';
    const before = await standIn({
      args: ['bundle', 'validate'],
      bundle,
      env,
      cliVersion: '0.249.0',
    });
    expect(before.stderr).toMatch(startsWith(cannotConfigure));
    const first = await standIn({
      args: ['bundle', 'validate'],
      bundle,
      env,
      cliVersion: '0.250.0',
    });
    expect(first.exitCode).toBe(0);

    const envOidc = { ...env, DATABRICKS_AUTH_TYPE: 'env-oidc' };
    const noEnvOidc = await standIn({
      args: ['bundle', 'validate'],
      bundle,
      env: envOidc,
      cliVersion: '0.250.0',
    });
    expect(noEnvOidc.stderr).toMatch(startsWith(cannotConfigure));
    const withEnvOidc = await standIn({
      args: ['bundle', 'validate'],
      bundle,
      env: envOidc,
      cliVersion: '0.251.0',
    });
    expect(withEnvOidc.exitCode).toBe(0);

    // From SDK v0.70.0 (CLI 0.253.0) an unknown type is named.
    const devops = await standIn({
      args: ['bundle', 'validate'],
      bundle,
      env: { ...tokenEnv(), DATABRICKS_AUTH_TYPE: 'azure-devops-oidc' },
      cliVersion: '0.270.0',
    });
    expect(devops.stderr).toMatch(
      startsWith(
        'Error: failed during request visitor: default auth: auth type "azure-devops-oidc" ' +
          'not found, please check ',
      ),
    );
  });
});

describeWithSharedBundles('stand-in CLI: the private CA scenario', () => {
  const SYSTEM_TRUST = '/etc/ssl/certs/ca-certificates.crt';
  let caDir = '';
  let enclaveCa = '';
  let mergedTrust = '';

  beforeAll(async () => {
    caDir = scratchDir('stand-in-ca-');
    enclaveCa = await makeRootCa(caDir, 'enclave', 'Stand-in Enclave Root CA');
    // A root with another subject, which must not count.
    await makeRootCa(caDir, 'other', 'Some Other Root CA');
    mergedTrust = path.join(caDir, 'merged.pem');
    const system = fs.readFileSync(SYSTEM_TRUST, 'utf8');
    fs.writeFileSync(mergedTrust, `${system}\n${fs.readFileSync(enclaveCa, 'utf8')}`);
    fs.chmodSync(mergedTrust, 0o644);
  });

  const untrusted =
    'Warn: [hostmetadata] failed to fetch host metadata for ' +
    'https://stand-in-private-ca.cloud.databricks.com, will skip for 1m0s\n' +
    'Error: Get "https://stand-in-private-ca.cloud.databricks.com/api/2.0/preview/scim/v2/Me": ' +
    'tls: failed to verify certificate: x509: certificate signed by unknown authority\n\n';

  it('fails with the x509 error while the image trusts only the public roots', async () => {
    const bundle = scenarioBundle('stand-in-private-ca');
    const result = await standIn({ args: ['bundle', 'validate'], bundle, env: tokenEnv() });
    expect(result).toMatchObject({ exitCode: 1, stderr: untrusted });

    const other = await standIn({
      args: ['bundle', 'validate'],
      bundle,
      env: { ...tokenEnv(), SSL_CERT_FILE: '/ca/other.pem' },
      volumes: [`${caDir}:/ca:ro`],
    });
    expect(other.stderr).toBe(untrusted);
  });

  it('trusts the root through SSL_CERT_FILE or SSL_CERT_DIR', async () => {
    const bundle = scenarioBundle('stand-in-private-ca');
    const volumes = [`${caDir}:/ca:ro`];
    const file = await standIn({
      args: ['bundle', 'validate'],
      bundle,
      env: { ...tokenEnv(), SSL_CERT_FILE: '/ca/enclave.pem' },
      volumes,
    });
    expect(file).toMatchObject({ exitCode: 0, stderr: '' });
    const dir = await standIn({
      args: ['bundle', 'validate'],
      bundle,
      env: { ...tokenEnv(), SSL_CERT_DIR: '/nowhere:/ca' },
      volumes,
    });
    expect(dir.exitCode).toBe(0);
  });

  it('with the Terraform engine, SSL_CERT_FILE alone does not reach Terraform', async () => {
    const bundle = scenarioBundle('stand-in-private-ca');
    const home = scratchDir('stand-in-home-');
    const env = { ...tokenEnv(), SSL_CERT_FILE: '/ca/enclave.pem' };
    const volumes = [`${caDir}:/ca:ro`];
    const host = 'https://stand-in-private-ca.cloud.databricks.com';
    // 0.298.0 deploys a new bundle with Terraform by default.
    const deploy = await standIn({ args: ['bundle', 'deploy'], bundle, home, env, volumes });
    expect(deploy.exitCode).toBe(1);
    expect(deploy.stderr).toMatch(
      endsWith(
        'Deploying resources...\nError: terraform apply: exit status 1\n\n' +
          `Error: cannot create job: Post "${host}/api/2.2/jobs/create": tls: failed to verify ` +
          'certificate: x509: certificate signed by unknown authority\n\n\n' +
          `Error: cannot create pipeline: Post "${host}/api/2.0/pipelines": tls: failed to ` +
          'verify certificate: x509: certificate signed by unknown authority\n\n\n\n' +
          'Updating deployment state...\n',
      ),
    );

    // The direct engine has no Terraform step; once deployed, Terraform fails refreshing.
    const direct = await standIn({
      args: ['bundle', 'deploy'],
      bundle,
      home,
      env: { ...env, DATABRICKS_BUNDLE_ENGINE: 'direct' },
      volumes,
    });
    expect(direct.exitCode).toBe(0);
    const plan = await standIn({ args: ['bundle', 'plan'], bundle, home, env, volumes });
    expect(plan.exitCode).toBe(1);
    expect(plan.stderr).toMatch(
      new RegExp(
        '^Error: exit status 1\\n\\nError: cannot read job: Get ' +
          `"${escapeRegExp(host)}/api/2\\.2/jobs/get\\?job_id=\\d+": tls: failed to verify`,
      ),
    );
  });

  it('with the Terraform engine, the root merged into the system trust file works', async () => {
    const bundle = scenarioBundle('stand-in-private-ca');
    const volumes = [`${mergedTrust}:${SYSTEM_TRUST}:ro`];
    const env = { ...tokenEnv(), SSL_CERT_FILE: SYSTEM_TRUST };
    const deploy = await standIn({ args: ['bundle', 'deploy'], bundle, env, volumes });
    expect(deploy.exitCode).toBe(0);
    expect(deploy.stderr).toMatch(/Deployment complete!\n$/);
    // Go also reads every file in /etc/ssl/certs, so the merged file is trusted without the
    // variable as well.
    const withoutVariable: Record<string, string> = { ...env };
    delete withoutVariable['SSL_CERT_FILE'];
    const bare = await standIn({
      args: ['bundle', 'deploy'],
      bundle,
      env: withoutVariable,
      volumes,
    });
    expect(bare.exitCode).toBe(0);
  });
});

describeWithSharedBundles(
  'stand-in CLI: failure scenarios of the workspace and its network',
  () => {
    const workspaceHost = (scenario: string): string => `https://${scenario}.cloud.databricks.com`;
    const meUrl = (scenario: string): string =>
      `${workspaceHost(scenario)}/api/2.0/preview/scim/v2/Me`;

    it('stand-in-forbidden: the first call answers 403, rendered with its detail', async () => {
      const bundle = scenarioBundle('stand-in-forbidden');
      const result = await standIn({ args: ['bundle', 'validate'], bundle, env: tokenEnv() });
      const message = 'This user does not have permission to access this workspace.';
      expect(result).toMatchObject({
        exitCode: 1,
        stderr:
          `Error: ${message} (403 PERMISSION_DENIED)\n\n` +
          `Endpoint: GET ${meUrl('stand-in-forbidden')}\nHTTP Status: 403 Forbidden\n` +
          `API error_code: PERMISSION_DENIED\nAPI message: ${message}\n\n`,
      });
    });

    it.each([
      [
        'stand-in-no-such-host',
        'dial tcp: lookup stand-in-no-such-host.cloud.databricks.com on 10.20.0.2:53: no such host',
      ],
      ['stand-in-refused', 'dial tcp 10.20.30.40:443: connect: connection refused'],
      ['stand-in-timeout', 'dial tcp 10.20.30.40:443: i/o timeout'],
      ['stand-in-proxy', 'proxyconnect tcp: dial tcp 10.20.0.8:3128: connect: connection refused'],
      [
        'stand-in-x509',
        'tls: failed to verify certificate: x509: certificate signed by unknown authority',
      ],
    ])("%s: the first request fails with Go's error", async (scenario, cause) => {
      const bundle = scenarioBundle(scenario);
      const result = await standIn({ args: ['bundle', 'deploy'], bundle, env: tokenEnv() });
      expect(result).toMatchObject({
        exitCode: 1,
        stdout: '',
        stderr:
          `Warn: [hostmetadata] failed to fetch host metadata for ${workspaceHost(scenario)}, ` +
          `will skip for 1m0s\nError: Get "${meUrl(scenario)}": ${cause}\n\n`,
      });
    });

    it('stand-in-terraform-download: terraform init fails; the direct engine deploys', async () => {
      const bundle = scenarioBundle('stand-in-terraform-download');
      const deploy = await standIn({ args: ['bundle', 'deploy'], bundle, env: tokenEnv() });
      expect(deploy.exitCode).toBe(1);
      expect(deploy.stderr).toContain(
        'Error: terraform init: exit status 1\n\nError: Failed to query available provider ' +
          'packages\n\n',
      );
      expect(deploy.stderr).toMatch(
        /registry\.terraform\.io on 10\.20\.0\.2:53: no such host\n\n\n$/,
      );
      const env = { ...tokenEnv(), DATABRICKS_BUNDLE_ENGINE: 'direct' };
      const direct = await standIn({ args: ['bundle', 'deploy'], bundle, env });
      expect(direct.exitCode).toBe(0);
    });

    it('stand-in-state-newer: commands that read the state fail on its version', async () => {
      const bundle = scenarioBundle('stand-in-state-newer');
      const result = await standIn({ args: ['bundle', 'plan'], bundle, env: tokenEnv() });
      expect(result).toMatchObject({
        exitCode: 1,
        stderr:
          'Error: migrating state /bundle/.databricks/bundle/dev/resources.json: state version 3 ' +
          'is newer than supported version 2; upgrade the CLI\n\n',
      });
    });

    it('stand-in-state-engine: commands that read the state fail on two lineages', async () => {
      const bundle = scenarioBundle('stand-in-state-engine');
      const result = await standIn({ args: ['bundle', 'summary'], bundle, env: tokenEnv() });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(
        new RegExp(
          '^Error: lineage mismatch in state files\\n\\nAvailable state files:\\n' +
            '- terraform\\.tfstate: remote terraform state serial=4 lineage="[0-9a-f-]+"\\n' +
            '- resources\\.json: remote direct state serial=5 lineage="[0-9a-f-]+"\\n\\n$',
        ),
      );
    });
  },
);

describeWithSharedBundles('stand-in CLI: proxy variables', () => {
  it('records every proxy variable by name and digest, in either case', async () => {
    const bundle = bundleCopy('default-python');
    const proxy = `http://svc-deploy:${randomBytes(8).toString('hex')}@proxy.enclave.example:3128`;
    const env = {
      ...tokenEnv(),
      HTTPS_PROXY: proxy,
      http_proxy: proxy,
      NO_PROXY: '.enclave.example,127.0.0.1',
    };
    const result = await standIn({ args: ['bundle', 'validate'], bundle, env });
    expect(result.exitCode).toBe(0);
    const file = path.join(bundle, '.databricks/stand-in/calls.jsonl');
    expect(fs.readFileSync(file, 'utf8')).not.toContain(proxy);
    const [call] = readCallFile(file) as ProxyRecordingCall[];
    expect(call?.env_names).toEqual(
      expect.arrayContaining(['HTTPS_PROXY', 'NO_PROXY', 'http_proxy']),
    );
    expect(call?.proxy_sha256).toEqual({
      HTTP_PROXY: null,
      HTTPS_PROXY: sha256(proxy),
      NO_PROXY: sha256(env.NO_PROXY),
      http_proxy: sha256(proxy),
      https_proxy: null,
      no_proxy: null,
    });
  });
});

interface StandInRun {
  readonly args: readonly string[];
  /** Host dir mounted at /bundle, the working directory (the image itself has none). */
  readonly bundle?: string;
  /** Values reach docker through its environment; only the names appear on the command line. */
  readonly env?: Readonly<Record<string, string>>;
  /** Defaults to this process's uid:gid, as the action runs the CLI. */
  readonly user?: string;
  /** Host dir mounted as HOME (writable), so the simulated workspace state persists. */
  readonly home?: string;
  /** Defaults to the local stand-in tag. */
  readonly image?: string;
  /** Bind mounts (`host:container[:ro]`), e.g. trust files. */
  readonly volumes?: readonly string[];
  /** Makes the stand-in report this CLI version, by mounting its build info over the image's. */
  readonly cliVersion?: string;
  readonly onStart?: (containerName: string) => void;
  readonly onStderr?: (chunk: string) => void;
}

/** The call record with the proxy digests, which stand-in-calls.ts does not type yet. */
interface ProxyRecordingCall extends StandInCall {
  readonly proxy_sha256: Record<string, string | null>;
}

interface ResolvedConfig {
  readonly bundle: Record<string, unknown>;
  readonly workspace: Record<string, unknown>;
  readonly variables: Record<string, unknown>;
  readonly resources: {
    readonly jobs?: Record<string, unknown>;
    readonly pipelines?: Record<string, unknown>;
  };
}

// Never with -t or -i: the action has no TTY, and the CLI must not see one either.
async function standIn(options: StandInRun): Promise<RunResult> {
  const name = `stand-in-test-${process.pid}-${++containerCount}`;
  const user = options.user ?? `${process.getuid?.() ?? 0}:${process.getgid?.() ?? 0}`;
  const argv = ['docker', 'run', '--rm', '--pull', 'never', '--name', name, '--network', 'none'];
  argv.push('--user', user);
  if (options.bundle) argv.push('--volume', `${options.bundle}:/bundle`, '--workdir', '/bundle');
  if (options.home) {
    argv.push('--volume', `${options.home}:/home/stand-in`, '--env', 'HOME=/home/stand-in');
  }
  for (const volume of options.volumes ?? []) argv.push('--volume', volume);
  if (options.cliVersion)
    argv.push('--volume', `${buildInfoFile(options.cliVersion)}:/app/build-info.json:ro`);
  for (const variable of Object.keys(options.env ?? {})) argv.push('--env', variable);
  argv.push(options.image ?? IMAGE, ...options.args);

  liveContainers.add(name);
  options.onStart?.(name);
  try {
    return await run(argv, {
      env: { ...process.env, ...options.env },
      timeoutMs: 90_000,
      ...(options.onStderr ? { onStderr: options.onStderr } : {}),
    });
  } finally {
    liveContainers.delete(name);
  }
}

function bundleCopy(name: string, options?: BundleCopyOptions): string {
  const copy = copyBundle(name, options);
  tempDirs.push(copy.tempDir);
  return copy.root;
}

// The scenario is chosen by the first DNS label of the workspace host, which default-python
// sets in its YAML (and the YAML wins over DATABRICKS_HOST).
function scenarioBundle(scenario: string): string {
  const edit = {
    file: 'databricks.yml',
    replace: 'https://company.databricks.com',
    with: `https://${scenario}.cloud.databricks.com`,
  };
  return bundleCopy('default-python', {
    ...DEPLOYABLE,
    edits: [...(DEPLOYABLE.edits ?? []), edit],
  });
}

function bundleAtHost(host: string): string {
  return bundleCopy('default-python', {
    edits: [{ file: 'databricks.yml', replace: 'https://company.databricks.com', with: host }],
  });
}

// The stand-in reads its version from /app/build-info.json, written by build-image.sh.
function buildInfoFile(version: string): string {
  const dir = scratchDir('stand-in-build-info-');
  const file = path.join(dir, 'build-info.json');
  fs.writeFileSync(file, `${JSON.stringify({ version })}\n`);
  fs.chmodSync(file, 0o644);
  return file;
}

async function makeRootCa(dir: string, name: string, commonName: string): Promise<string> {
  const certificate = path.join(dir, `${name}.pem`);
  await runChecked([
    'openssl',
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    path.join(dir, `${name}.key`),
    '-out',
    certificate,
    '-subj',
    `/CN=${commonName}`,
    '-days',
    '2',
  ]);
  fs.chmodSync(certificate, 0o644);
  return certificate;
}

function scratchDir(prefix: string): string {
  const dir = makeScratchDir(prefix);
  tempDirs.push(dir);
  return dir;
}

function tokenEnv(): { DATABRICKS_TOKEN: string } {
  return { DATABRICKS_TOKEN: `dapi-stand-in-${randomBytes(12).toString('hex')}` };
}

function m2mEnv(): { DATABRICKS_CLIENT_ID: string; DATABRICKS_CLIENT_SECRET: string } {
  return {
    DATABRICKS_CLIENT_ID: '5b8e6c2a-7d0f-4d6e-9a43-2c1f0e9b8a77',
    DATABRICKS_CLIENT_SECRET: `dose-stand-in-${randomBytes(12).toString('hex')}`,
  };
}

function githubOidcEnv(): {
  DATABRICKS_AUTH_TYPE: string;
  ACTIONS_ID_TOKEN_REQUEST_URL: string;
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: string;
} {
  return {
    DATABRICKS_AUTH_TYPE: 'github-oidc',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example.com/id?api-version=2.0',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: `ghs-stand-in-${randomBytes(12).toString('hex')}`,
  };
}

function azureEnv(): { ARM_CLIENT_ID: string; ARM_CLIENT_SECRET: string; ARM_TENANT_ID: string } {
  return {
    ARM_CLIENT_ID: '0f4c6a51-9d2e-4b7a-8c3f-6e1d2b9a7c05',
    ARM_CLIENT_SECRET: `arm-stand-in-${randomBytes(12).toString('hex')}`,
    ARM_TENANT_ID: '7a1e5c3d-2b4f-4e6a-9d8c-0f1b2c3d4e5f',
  };
}

function startsWith(text: string): RegExp {
  return new RegExp(`^${escapeRegExp(text)}`);
}

function endsWith(text: string): RegExp {
  return new RegExp(`${escapeRegExp(text)}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these tests through jest's global set-up`);
  return value;
}
