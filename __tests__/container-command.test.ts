import { describe, expect, test } from '@jest/globals';

import {
  containerEnvNames,
  containerEnvironment,
  dockerRunArgs,
  type Phase,
  planPhases,
  type RunContext,
} from '../src/container-command.js';
import type { Credentials } from '../src/credentials.js';
import type { Command, DeployFlags } from '../src/inputs.js';

const noFlags: DeployFlags = { forceLock: false, autoApprove: false, failOnActiveRuns: false };

const context: RunContext = {
  runtime: 'docker',
  runId: 'f00dfeedf00dfeed',
  trustStore: undefined,
  imageId: 'sha256:' + '1'.repeat(64),
  containerName: 'databricks-bundle-validate-abc123',
  uid: 1001,
  gid: 121,
  checkoutPath: '/home/runner/work/repo/repo',
  bundleRelativePath: 'bundles/sales',
  homePath: '/home/runner/work/_temp/databricks-bundle-home-x1',
};

const phase = (name: Phase['name'], cliArgs: string[], extra: Partial<Phase> = {}): Phase => ({
  name,
  cliArgs,
  stdout: 'log',
  informational: false,
  ...extra,
});

const noAbilities = { strictValidate: false, planJson: false };

describe('planPhases', () => {
  const plan = (command: Command, flags: Partial<DeployFlags> = {}, abilities = noAbilities) =>
    planPhases({ command, target: 'dev', deployFlags: { ...noFlags, ...flags } }, abilities);

  test('strict adds --strict to validate only', () => {
    const phases = plan('deploy', {}, { strictValidate: true, planJson: false });
    expect(phases.map((each) => each.cliArgs)).toEqual([
      ['bundle', 'validate', '-t', 'dev', '--strict'],
      ['bundle', 'deploy', '-t', 'dev'],
      ['bundle', 'summary', '-t', 'dev', '-o', 'json'],
    ]);
  });

  test('validate runs validate only; preflight runs nothing', () => {
    expect(plan('validate')).toEqual([phase('validate', ['bundle', 'validate', '-t', 'dev'])]);
    expect(plan('preflight')).toEqual([]);
  });

  test('deploy ends with a summary whose JSON is kept and whose failure decides nothing', () => {
    expect(plan('deploy')[2]).toEqual(
      phase('summary', ['bundle', 'summary', '-t', 'dev', '-o', 'json'], {
        stdout: 'json',
        informational: true,
      }),
    );
  });

  test('plan asks for JSON where the CLI has it, and reads the text otherwise', () => {
    expect(plan('plan', {}, { strictValidate: false, planJson: true })).toEqual([
      phase('validate', ['bundle', 'validate', '-t', 'dev']),
      phase('plan', ['bundle', 'plan', '-t', 'dev', '-o', 'json'], { stdout: 'json' }),
    ]);
    expect(plan('plan')[1]).toEqual(
      phase('plan', ['bundle', 'plan', '-t', 'dev'], { stdout: 'text' }),
    );
  });

  test('plan never carries deploy flags, so it cannot approve or take a lock', () => {
    const phases = plan('plan', { forceLock: true, autoApprove: true, failOnActiveRuns: true });
    expect(phases.flatMap((each) => each.cliArgs)).not.toContain('--auto-approve');
    expect(phases.flatMap((each) => each.cliArgs)).not.toContain('--force-lock');
  });

  test.each<[Partial<DeployFlags>, string[]]>([
    [{ autoApprove: true }, []],
    [{ autoApprove: true, forceLock: true }, ['--force-lock']],
  ])('destroy with %j validates, then destroys with --auto-approve and %j', (flags, extra) => {
    expect(plan('destroy', flags)).toEqual([
      phase('validate', ['bundle', 'validate', '-t', 'dev']),
      phase('destroy', ['bundle', 'destroy', '-t', 'dev', '--auto-approve', ...extra]),
    ]);
  });

  test.each<[Partial<DeployFlags>, string[]]>([
    [{}, []],
    [{ forceLock: true }, ['--force-lock']],
    [{ autoApprove: true }, ['--auto-approve']],
    [{ failOnActiveRuns: true }, ['--fail-on-active-runs']],
    [
      { forceLock: true, autoApprove: true, failOnActiveRuns: true },
      ['--force-lock', '--auto-approve', '--fail-on-active-runs'],
    ],
  ])('deploy with %j validates, then deploys with %j', (flags, extra) => {
    expect(
      planPhases(
        { command: 'deploy', target: 'prod', deployFlags: { ...noFlags, ...flags } },
        noAbilities,
      ).slice(0, 2),
    ).toEqual([
      phase('validate', ['bundle', 'validate', '-t', 'prod']),
      phase('deploy', ['bundle', 'deploy', '-t', 'prod', ...extra]),
    ]);
  });
});

describe('containerEnvironment', () => {
  test('a personal access token', () => {
    expect(
      containerEnvironment({
        workspaceHost: 'https://adb-1.2.azuredatabricks.net',
        credentials: { authType: 'pat', token: 'dapi-secret' },
        bundleVariables: [],
        engine: undefined,
      }),
    ).toEqual({
      NO_COLOR: '1',
      CHECKPOINT_DISABLE: '1',
      DATABRICKS_HOST: 'https://adb-1.2.azuredatabricks.net',
      DATABRICKS_AUTH_TYPE: 'pat',
      DATABRICKS_TOKEN: 'dapi-secret',
    });
  });

  test('a service principal, no host, and bundle variables', () => {
    expect(
      containerEnvironment({
        workspaceHost: undefined,
        credentials: { authType: 'oauth-m2m', clientId: 'app-id', clientSecret: 'sp-secret' },
        bundleVariables: [
          { name: 'catalog', value: 'main' },
          { name: 'note', value: 'a, "b" = c' },
        ],
        engine: 'direct',
      }),
    ).toEqual({
      NO_COLOR: '1',
      CHECKPOINT_DISABLE: '1',
      DATABRICKS_AUTH_TYPE: 'oauth-m2m',
      DATABRICKS_CLIENT_ID: 'app-id',
      DATABRICKS_CLIENT_SECRET: 'sp-secret',
      DATABRICKS_BUNDLE_ENGINE: 'direct',
      BUNDLE_VAR_catalog: 'main',
      BUNDLE_VAR_note: 'a, "b" = c',
    });
  });
});

describe('containerEnvNames', () => {
  test('names every proxy variable, so the docker client cannot inject its own', () => {
    expect(containerEnvNames({ HOME: '/h', HTTPS_PROXY: 'http://p' })).toEqual([
      'HOME',
      'HTTPS_PROXY',
      'HTTP_PROXY',
      'http_proxy',
      'https_proxy',
      'FTP_PROXY',
      'ftp_proxy',
      'NO_PROXY',
      'no_proxy',
      'ALL_PROXY',
      'all_proxy',
    ]);
  });
});

describe('dockerRunArgs', () => {
  const validate = phase('validate', ['bundle', 'validate', '-t', 'dev']);
  const common = [
    'run',
    '--rm',
    '--pull',
    'never',
    '--name',
    'databricks-bundle-validate-abc123',
    '--label',
    'io.github.databricks-bundle-airgap-action.run=f00dfeedf00dfeed',
    '--user',
    '1001:121',
    '--cap-drop',
    'ALL',
    '--security-opt',
    'no-new-privileges',
    '--mount',
    'type=bind,source=/home/runner/work/repo/repo,target=/github/workspace',
    '--mount',
    'type=bind,source=/home/runner/work/_temp/databricks-bundle-home-x1,target=/home/deployer',
    '--workdir',
  ];

  test('these inputs give exactly this argument array', () => {
    expect(
      dockerRunArgs(validate, context, { dockerNetwork: undefined, entrypoint: undefined }, [
        'DATABRICKS_TOKEN',
      ]),
    ).toEqual([
      ...common,
      '/github/workspace/bundles/sales',
      '--env',
      'HOME=/home/deployer',
      '--env',
      'DATABRICKS_TOKEN',
      'sha256:' + '1'.repeat(64),
      'bundle',
      'validate',
      '-t',
      'dev',
    ]);
  });

  test('a bundle at the checkout root and a network', () => {
    expect(
      dockerRunArgs(
        phase('deploy', ['bundle', 'deploy', '-t', 'dev', '--auto-approve']),
        { ...context, bundleRelativePath: '.' },
        { dockerNetwork: 'host', entrypoint: undefined },
        [],
      ),
    ).toEqual([
      ...common,
      '/github/workspace',
      '--network',
      'host',
      '--env',
      'HOME=/home/deployer',
      'sha256:' + '1'.repeat(64),
      'bundle',
      'deploy',
      '-t',
      'dev',
      '--auto-approve',
    ]);
  });

  test('never asks for a terminal or stdin, and never lets the engine pull', () => {
    const args = dockerRunArgs(
      validate,
      context,
      { dockerNetwork: undefined, entrypoint: undefined },
      ['HOME'],
    );
    for (const flag of ['-t', '-i', '-it', '--tty', '--interactive', '--privileged']) {
      expect(args.slice(0, args.indexOf(context.imageId))).not.toContain(flag);
    }
    expect(args.join(' ')).toContain('--pull never');
  });

  test('environment variables appear by name only, so no value reaches the command line', () => {
    const env = containerEnvironment({
      workspaceHost: 'https://adb-1.2.azuredatabricks.net',
      credentials: { authType: 'oauth-m2m', clientId: 'app-id', clientSecret: 'sp-secret-XYZ' },
      bundleVariables: [{ name: 'pw', value: 'var-value-123' }],
      engine: undefined,
    });
    const args = dockerRunArgs(
      validate,
      context,
      { dockerNetwork: undefined, entrypoint: undefined },
      Object.keys(env),
    );
    const envArgs = args.filter((_, index) => args[index - 1] === '--env');
    expect(envArgs).toEqual(['HOME=/home/deployer', ...Object.keys(env)]);
    for (const value of ['sp-secret-XYZ', 'app-id', 'var-value-123', 'azuredatabricks']) {
      expect(args.join('\n')).not.toContain(value);
    }
  });

  test('podman: no proxy copied from its own environment; a CA mount; an entrypoint', () => {
    const args = dockerRunArgs(
      validate,
      {
        ...context,
        runtime: 'podman',
        trustStore: { source: '/t/databricks-bundle-ca-1.pem', target: '/etc/ssl/cert.pem' },
      },
      { dockerNetwork: undefined, entrypoint: '/usr/local/bin/databricks' },
      ['SSL_CERT_FILE'],
    );
    expect(args).toContain('--http-proxy=false');
    expect(args.join(' ')).toContain(
      '--mount type=bind,source=/t/databricks-bundle-ca-1.pem,target=/etc/ssl/cert.pem,readonly',
    );
    expect(args.slice(args.indexOf('--entrypoint'), args.indexOf('--entrypoint') + 2)).toEqual([
      '--entrypoint',
      '/usr/local/bin/databricks',
    ]);
    expect(args.at(-5)).toBe(context.imageId);
  });
});

describe('containerEnvironment for the other auth types, proxies and a CA', () => {
  const base = { workspaceHost: undefined, bundleVariables: [], engine: undefined } as const;

  test.each<[Credentials, Record<string, string>]>([
    [
      { authType: 'github-oidc', clientId: 'app', requestUrl: 'https://r/t', requestToken: 'rt' },
      {
        DATABRICKS_AUTH_TYPE: 'github-oidc',
        DATABRICKS_CLIENT_ID: 'app',
        ACTIONS_ID_TOKEN_REQUEST_URL: 'https://r/t',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'rt',
      },
    ],
    [
      { authType: 'azure-client-secret', clientId: 'app', clientSecret: 's', tenantId: 't' },
      {
        DATABRICKS_AUTH_TYPE: 'azure-client-secret',
        ARM_CLIENT_ID: 'app',
        ARM_CLIENT_SECRET: 's',
        ARM_TENANT_ID: 't',
      },
    ],
    [
      { authType: 'env-oidc', clientId: 'app', idToken: 'jwt' },
      {
        DATABRICKS_AUTH_TYPE: 'env-oidc',
        DATABRICKS_CLIENT_ID: 'app',
        DATABRICKS_OIDC_TOKEN: 'jwt',
      },
    ],
  ])('%j', (credentials, expected) => {
    expect(containerEnvironment({ ...base, credentials })).toEqual({
      NO_COLOR: '1',
      CHECKPOINT_DISABLE: '1',
      ...expected,
    });
  });

  test('proxies in both cases, and SSL_CERT_FILE naming the mounted trust file', () => {
    const env = containerEnvironment(
      { ...base, credentials: { authType: 'pat', token: 't' } },
      {
        proxies: {
          http: undefined,
          https: { value: 'http://proxy.bank.internal:3128', source: 'input https-proxy' },
          noProxy: { value: '.bank.internal', source: "the runner's no_proxy" },
        },
        trustStore: { source: '/t/ca.pem', target: '/etc/ssl/certs/ca-certificates.crt' },
      },
    );
    expect(env).toMatchObject({
      HTTPS_PROXY: 'http://proxy.bank.internal:3128',
      https_proxy: 'http://proxy.bank.internal:3128',
      NO_PROXY: '.bank.internal',
      no_proxy: '.bank.internal',
      SSL_CERT_FILE: '/etc/ssl/certs/ca-certificates.crt',
    });
    expect(env).not.toHaveProperty('HTTP_PROXY');
  });
});
