import { describe, expect, test } from '@jest/globals';

import {
  parseBoolean,
  parseBundleVariables,
  parseCommand,
  parseDockerNetwork,
  parseInputs,
  parseTarget,
  parseWorkspaceHost,
} from '../src/inputs.js';

const minimal: Record<string, string> = {
  image: 'mirror.internal/databricks/cli:0.298.0',
  target: 'production',
  token: 'dapi-123',
};

const reader =
  (values: Record<string, string>) =>
  (name: string): string =>
    values[name] ?? '';

describe('parseInputs', () => {
  test('applies the documented defaults', () => {
    expect(parseInputs(reader(minimal))).toEqual({
      image: {
        raw: 'mirror.internal/databricks/cli:0.298.0',
        repository: 'mirror.internal/databricks/cli',
        tag: '0.298.0',
        digest: undefined,
      },
      target: 'production',
      workingDirectory: '.',
      command: 'deploy',
      workspaceHost: undefined,
      credentials: { authType: 'pat', token: 'dapi-123' },
      bundleVariables: [],
      deployFlags: { forceLock: false, autoApprove: false, failOnActiveRuns: false },
      dockerNetwork: undefined,
      policy: 'strict',
      internalHosts: expect.objectContaining({ list: [] }),
      checksums: undefined,
      engine: undefined,
      failOnWarnings: false,
      runtime: 'docker',
      entrypoint: undefined,
      caBundle: undefined,
      proxyInputs: { httpProxy: undefined, httpsProxy: undefined, noProxy: undefined },
      imageArchive: undefined,
      timeoutMs: undefined,
      cleanLocalState: false,
    });
  });

  test('reads the enterprise-runner inputs', () => {
    const parsed = parseInputs(
      reader({
        ...minimal,
        'container-runtime': 'podman',
        entrypoint: '/usr/local/bin/databricks',
        'ca-bundle': 'certs/enclave-roots.pem',
        'https-proxy': 'http://user:pw@proxy.bank.internal:3128',
        'no-proxy': '.bank.internal, 10.0.0.0/8',
        'image-archive': '/opt/images/cli.tar',
        'image-archive-sha256': 'SHA256:' + 'AB'.repeat(32),
        'timeout-minutes': '1.5',
        'clean-local-state': 'true',
      }),
    );
    expect(parsed).toMatchObject({
      runtime: 'podman',
      entrypoint: '/usr/local/bin/databricks',
      caBundle: 'certs/enclave-roots.pem',
      proxyInputs: {
        httpProxy: undefined,
        httpsProxy: 'http://user:pw@proxy.bank.internal:3128',
        noProxy: '.bank.internal, 10.0.0.0/8',
      },
      imageArchive: { path: '/opt/images/cli.tar', sha256: 'ab'.repeat(32) },
      timeoutMs: 90_000,
      cleanLocalState: true,
    });
  });

  test.each([
    ['container-runtime', 'containerd', /Input 'container-runtime': "containerd" is not/],
    ['entrypoint', 'databricks --debug', /Input 'entrypoint': .* is not a single executable/],
    ['entrypoint', '/app/../bin/sh', /Input 'entrypoint'/],
    ['https-proxy', 'socks5://p:1080', /Input 'https-proxy': is not an http/],
    ['http-proxy', 'proxy:3128', /Input 'http-proxy'/],
    ['https-proxy', 'http://p:3128/path', /has a path, query or fragment/],
    ['no-proxy', 'a b', /Input 'no-proxy': has spaces/],
    ['image-archive', '/opt/cli.tar', /Input 'image-archive-sha256': is required/],
    ['image-archive-sha256', 'ab'.repeat(32), /is set without image-archive/],
    ['timeout-minutes', '-1', /Input 'timeout-minutes'/],
    ['timeout-minutes', '1e3', /Input 'timeout-minutes'/],
    ['timeout-minutes', '361', /from 0\.05 to 360/],
    ['timeout-minutes', '0.000001', /from 0\.05 to 360/],
    ['https-proxy', 'http://user:pa%ss@proxy:3128', /malformed %-escape/],
    ['clean-local-state', 'yes', /Input 'clean-local-state'/],
  ])('refuses %s %j', (name, value, message) => {
    expect(() => parseInputs(reader({ ...minimal, [name]: value }))).toThrow(message);
  });

  test.each(['0', '0.0', '00'])('timeout-minutes %j means no limit', (value) => {
    expect(parseInputs(reader({ ...minimal, 'timeout-minutes': value })).timeoutMs).toBe(undefined);
  });

  test('a wrong archive checksum is refused without echoing a proxy password', () => {
    expect(() =>
      parseInputs(reader({ ...minimal, 'image-archive': '/a.tar', 'image-archive-sha256': 'xyz' })),
    ).toThrow(/is not a SHA-256 digest/);
    try {
      parseInputs(reader({ ...minimal, 'https-proxy': 'socks5://u:proxy-pass@p:1' }));
    } catch (error) {
      expect(String(error)).not.toContain('proxy-pass');
    }
  });

  test('reads every input', () => {
    const parsed = parseInputs(
      reader({
        image: ' mirror.internal/databricks/cli:0.298.0 ',
        target: 'staging',
        'working-directory': ' bundles/sales ',
        command: 'validate',
        host: 'https://ADB-1.2.azuredatabricks.net/',
        'auth-type': 'oauth-m2m',
        'client-id': ' sp-app-id ',
        'client-secret': 'sp-secret',
        vars: 'catalog=main\nschema=sales, "q1"\n',
        'force-lock': 'true',
        'auto-approve': 'True',
        'fail-on-active-runs': 'FALSE',
        'docker-network': 'host',
        policy: 'warn',
        'internal-hosts': 'pypi.bank.internal\n.corp.example',
        checksums: 'bundles/sales/SHA256SUMS',
        engine: 'direct',
      }),
    );
    expect(parsed).toMatchObject({
      target: 'staging',
      workingDirectory: 'bundles/sales',
      command: 'validate',
      workspaceHost: 'https://adb-1.2.azuredatabricks.net',
      credentials: { authType: 'oauth-m2m', clientId: 'sp-app-id', clientSecret: 'sp-secret' },
      bundleVariables: [
        { name: 'catalog', value: 'main' },
        { name: 'schema', value: 'sales, "q1"' },
      ],
      deployFlags: { forceLock: true, autoApprove: true, failOnActiveRuns: false },
      dockerNetwork: 'host',
      policy: 'warn',
      checksums: 'bundles/sales/SHA256SUMS',
      engine: 'direct',
    });
    expect(parsed.internalHosts.list).toEqual(['pypi.bank.internal', '.corp.example']);
  });

  test.each([
    ['image', '', /Input 'image'/],
    ['image', 'mirror/cli', /Input 'image'/],
    ['target', '', /Input 'target': is required/],
    ['command', 'apply', /Input 'command': "apply" is not supported/],
    ['command', 'destroy', /Input 'auto-approve': must be true for command "destroy"\. /],
    ['host', 'http://adb.example', /Input 'host'/],
    ['host', 'https://adb.example:99999', /Input 'host'/],
    ['auth-type', 'azure-cli', /Input 'auth-type'/],
    ['vars', 'no-equals-sign', /Input 'vars'/],
    ['force-lock', 'yes', /Input 'force-lock': "yes" is not a boolean/],
    ['auto-approve', '1', /Input 'auto-approve'/],
    ['fail-on-active-runs', 'on', /Input 'fail-on-active-runs'/],
    ['docker-network', 'a b', /Input 'docker-network'/],
  ])('a bad %s is refused with an error naming it', (name, value, message) => {
    expect(() => parseInputs(reader({ ...minimal, [name]: value }))).toThrow(message);
  });
});

describe('parseTarget', () => {
  test.each(['dev', 'prod-eu', 'team_a.staging', 'Prod2', 'ünïcode'])('accepts %s', (name) => {
    expect(parseTarget(name)).toBe(name);
  });
  test.each(['', '-t', '--force', 'a b', 'a;b', '$(id)', 'a/b', '.hidden'])(
    'refuses %j',
    (name) => {
      expect(() => parseTarget(name)).toThrow(/Input 'target'/);
    },
  );
});

describe('parseCommand', () => {
  test.each([
    ['', 'deploy'],
    ['deploy', 'deploy'],
    ['validate', 'validate'],
    ['preflight', 'preflight'],
    ['plan', 'plan'],
    ['destroy', 'destroy'],
  ])('%j gives %s', (value, command) => {
    expect(parseCommand(value)).toBe(command);
  });
  test.each(['Deploy', 'apply', 'validate,deploy'])('refuses %j', (value) => {
    expect(() => parseCommand(value)).toThrow(
      /Use "deploy" .*, "validate" .*, "plan" .*, "destroy" .* or "preflight"/,
    );
  });
});

describe('parseWorkspaceHost', () => {
  test.each([
    ['', undefined],
    ['https://adb-123.4.azuredatabricks.net', 'https://adb-123.4.azuredatabricks.net'],
    ['https://adb-123.4.azuredatabricks.net/', 'https://adb-123.4.azuredatabricks.net'],
    ['https://Workspace.Bank.Internal:8443', 'https://workspace.bank.internal:8443'],
  ])('%j gives %j', (value, host) => {
    expect(parseWorkspaceHost(value)).toBe(host);
  });
  test.each([
    ['adb-123.azuredatabricks.net', /is not a valid URL/],
    ['http://adb-123.azuredatabricks.net', /does not use https/],
    ['http://user:pw@adb-123.azuredatabricks.net', /contains credentials/],
    ['https://adb.example:99999', /is not a valid URL/],
    ['https://user:pass@adb.example', /contains credentials/],
    ['https://adb.example/?o=123', /has a path, query or fragment/],
    ['https://adb.example/api', /has a path, query or fragment/],
    ['https://adb.example/#x', /has a path, query or fragment/],
  ])('refuses %j', (value, message) => {
    expect(() => parseWorkspaceHost(value)).toThrow(message);
  });
  test.each([
    'https://user:hunter2@adb.example',
    'http://user:hunter2@adb.example',
    'https://adb.example/?token=hunter2',
    'dapi-hunter2',
    'hunter2:rest',
  ])('an error about %j does not repeat the value', (value) => {
    expect(() => parseWorkspaceHost(value)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });
});

describe('parseBoolean', () => {
  test.each([
    ['', false],
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
  ])('%j gives %s', (value, expected) => {
    expect(parseBoolean('force-lock', value)).toBe(expected);
  });
  test.each(['yes', 'no', '1', '0', 'on', 'tRue', 'true ', 'y'])('refuses %j', (value) => {
    expect(() => parseBoolean('auto-approve', value)).toThrow(
      `Input 'auto-approve': "${value}" is not a boolean. Use true or false.`,
    );
  });
});

describe('parseBundleVariables', () => {
  test('keeps values byte for byte after the first "="', () => {
    const text = [
      'plain=value',
      'commas=a,b,c',
      'quotes="double" and \'single\'',
      'equals=a=b==c',
      'spaces=  leading and trailing  ',
      'unicode=Zürich 東京 🚀',
      'empty=',
      'dollar=${var.other} $HOME `id`',
      '  padded_name  =x',
      'kebab-name=1',
    ].join('\n');
    expect(parseBundleVariables(text)).toEqual([
      { name: 'plain', value: 'value' },
      { name: 'commas', value: 'a,b,c' },
      { name: 'quotes', value: '"double" and \'single\'' },
      { name: 'equals', value: 'a=b==c' },
      { name: 'spaces', value: '  leading and trailing  ' },
      { name: 'unicode', value: 'Zürich 東京 🚀' },
      { name: 'empty', value: '' },
      { name: 'dollar', value: '${var.other} $HOME `id`' },
      { name: 'padded_name', value: 'x' },
      { name: 'kebab-name', value: '1' },
    ]);
  });

  test('skips blank lines and comments, and drops Windows line endings', () => {
    expect(parseBundleVariables('\n# a comment\r\n  \na=1\r\n\nb=2')).toEqual([
      { name: 'a', value: '1' },
      { name: 'b', value: '2' },
    ]);
  });

  test.each([
    ['novalue', /line 1 has no "="/],
    ['=value', /line 1: "" is not a valid bundle variable name/],
    ['1abc=x', /"1abc" is not a valid/],
    ['a b=x', /"a b" is not a valid/],
    ['trailing-=x', /"trailing-" is not a valid/],
    ['a.b=x', /"a.b" is not a valid/],
    ['ok=1\n\nok=2', /line 3: variable "ok" is set twice/],
  ])('refuses %j', (text, message) => {
    expect(() => parseBundleVariables(text)).toThrow(message);
  });

  test('a long bad name is refused quickly (no catastrophic backtracking)', () => {
    const started = Date.now();
    expect(() => parseBundleVariables('a'.repeat(50_000) + '!=x')).toThrow(/not a valid/);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('parseDockerNetwork', () => {
  test.each([
    ['', undefined],
    ['host', 'host'],
    ['databricks-egress_1', 'databricks-egress_1'],
  ])('%j gives %j', (value, expected) => {
    expect(parseDockerNetwork(value)).toBe(expected);
  });
  test.each(['container:other', 'a b', '--privileged', '-'])('refuses %j', (value) => {
    expect(() => parseDockerNetwork(value)).toThrow(/Input 'docker-network'/);
  });
});
