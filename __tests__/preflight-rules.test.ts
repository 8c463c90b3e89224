/** The pre-flight's small parts: policy, internal hosts, dependency entries, image rules. */
import { afterEach, describe, expect, test } from '@jest/globals';

import type { LocalImage } from '../src/engine.js';
import { parseImageReference } from '../src/image-reference.js';
import { parseChecksums, parseEngine, parseInternalHosts, parsePolicy } from '../src/inputs.js';
import { classifyDependency } from '../src/preflight/dependencies.js';
import { applyPolicy, type Finding, FindingList } from '../src/preflight/findings.js';
import {
  checkImage,
  checkTerraformOffline,
  decideEngine,
  runnerArchitecture,
} from '../src/preflight/image-rules.js';
import { hostOfUrl, InternalHosts, registryOfImage } from '../src/preflight/internal-hosts.js';
import { normalizeHost } from '../src/preflight/workspace-rules.js';
import type { SelectedTarget } from '../src/preflight/targets.js';
import { parseConfigFile } from '../src/preflight/config-file.js';
import { runPreflight } from '../src/preflight/preflight.js';
import {
  type BundleFixture,
  DEFAULT_OPTIONS as OPTIONS,
  writeBundle,
} from './support/bundle-fixture.js';

describe('applyPolicy', () => {
  const findings: Finding[] = [
    { rule: 'host-mismatch', kind: 'stop', message: 'm' },
    { rule: 'pypi-library', kind: 'policy', message: 'm' },
    { rule: 'mutable-tag', kind: 'advice', message: 'm' },
  ];

  test.each([
    ['strict', ['error', 'error', 'warning']],
    ['warn', ['error', 'warning', 'warning']],
    ['off', ['error', 'warning']],
  ] as const)('%s', (policy, levels) => {
    expect(applyPolicy(findings, policy).map((finding) => finding.level)).toEqual(levels);
  });
});

describe('inputs of the pre-flight', () => {
  test('policy', () => {
    expect(parsePolicy('')).toBe('strict');
    expect(parsePolicy('warn')).toBe('warn');
    expect(() => parsePolicy('lenient')).toThrow(/^Input 'policy': "lenient" is not a policy/);
  });

  test('internal hosts: names and suffixes, nothing else', () => {
    const hosts = parseInternalHosts('pypi.bank.internal,\n .corp.example \n');
    expect(hosts.list).toEqual(['pypi.bank.internal', '.corp.example']);
    for (const bad of ['https://pypi.bank.internal', 'host:8443', '*.corp', 'a/b']) {
      expect(() => parseInternalHosts(bad)).toThrow(/^Input 'internal-hosts':/);
    }
  });

  test('checksums must stay inside the repository', () => {
    expect(parseChecksums('./dist/SHA256SUMS')).toBe('dist/SHA256SUMS');
    expect(parseChecksums('')).toBeUndefined();
    for (const bad of ['/etc/SHA256SUMS', '../SHA256SUMS', 'a/../../b']) {
      expect(() => parseChecksums(bad)).toThrow(/^Input 'checksums':/);
    }
  });

  test('engine', () => {
    expect(parseEngine('')).toBeUndefined();
    expect(parseEngine('direct')).toBe('direct');
    expect(() => parseEngine('Terraform')).toThrow(/^Input 'engine':/);
  });
});

describe('InternalHosts', () => {
  const hosts = InternalHosts.parse('pypi.bank.internal .corp.example');

  test.each([
    ['https://pypi.bank.internal/simple', true],
    ['https://mirror.pypi.bank.internal/simple', true],
    ['https://PYPI.BANK.INTERNAL./simple', true],
    ['https://corp.example/x', false],
    ['https://repo.corp.example:8443/x', true],
    ['https://pypi.bank.internal.evil.example/simple', false],
    ['https://evilpypi.bank.internal/simple', false],
    ['https://user:pw@pypi.org/simple', false],
    ['not a url', false],
  ])('%s is internal: %s', (url, internal) => {
    expect(hosts.includesUrl(url)).toBe(internal);
  });

  test('hosts of URLs, Git addresses and image references', () => {
    expect(hostOfUrl('git@github.com:org/repo.git')).toBe('github.com');
    expect(hostOfUrl('/Workspace/Users/x')).toBeUndefined();
    expect(hostOfUrl('dbfs:/FileStore/x.whl')).toBeUndefined();
    expect(registryOfImage('databricksruntime/standard:15.4-LTS')).toBe('docker.io');
    expect(registryOfImage('ubuntu')).toBe('docker.io');
    expect(registryOfImage('registry.bank.internal:5000/rt/img:1')).toBe('registry.bank.internal');
    expect(registryOfImage('localhost/img')).toBe('localhost');
  });
});

describe('classifyDependency follows the CLI', () => {
  test.each([
    ['pandas', 'package'],
    ['pandas==2.2.2', 'package'],
    ['beautifulsoup4[security, tests] ~= 4.12.3', 'package'],
    ['x @ https://github.com/o/x/archive/main.zip', 'direct-url'],
    ['-i https://pypi.org/simple', 'index'],
    ['--index-url=https://pypi.org/simple', 'index'],
    ['--find-links /Volumes/a', 'index'],
    ['-r ./requirements.txt', 'requirements'],
    ['-e ./my_pkg', 'editable'],
    ['./dist/a-1-py3-none-any.whl', 'local-file'],
    ['dist/*.whl', 'local-file'],
    ['/Workspace/Shared/a.whl', 'remote-file'],
    ['dbfs:/a.whl', 'remote-file'],
    ['--no-deps', 'ignored'],
    ['  ', 'ignored'],
  ])('%s is %s', (entry, kind) => {
    expect(classifyDependency(entry).kind).toBe(kind);
  });
});

describe('normalizeHost', () => {
  test.each([
    ['https://ADB-1.2.azuredatabricks.net/', 'adb-1.2.azuredatabricks.net'],
    ['adb-1.2.azuredatabricks.net', 'adb-1.2.azuredatabricks.net'],
    ['https://a.example:443', 'a.example'],
    ['https://a.example:8443', 'a.example:8443'],
    ['::', undefined],
  ])('%s', (value, normalized) => {
    expect(normalizeHost(value)).toBe(normalized);
  });
});

const DIGEST = `sha256:${'b'.repeat(64)}`;
const IMAGE: LocalImage = {
  id: `sha256:${'a'.repeat(64)}`,
  repoDigest: `mirror.internal/cli@${DIGEST}`,
  repoDigests: [`mirror.internal/cli@${DIGEST}`],
  platform: 'linux/amd64',
  os: 'linux',
  architecture: 'amd64',
  env: {},
};

function imageFindings(reference: string, image: LocalImage, arch = 'amd64'): string[] {
  const findings = new FindingList('.');
  checkImage(parseImageReference(reference), image, arch, findings);
  return findings.items.map((finding) => `${finding.rule} ${finding.kind}`);
}

describe('checkImage', () => {
  test('a digest the store knows passes; one it does not stops', () => {
    expect(imageFindings(`mirror.internal/cli@${DIGEST}`, IMAGE)).toEqual([]);
    expect(imageFindings(`mirror.internal/cli@${IMAGE.id}`, IMAGE)).toEqual([]);
    expect(imageFindings(`mirror.internal/cli@sha256:${'c'.repeat(64)}`, IMAGE)).toEqual([
      'image-digest stop',
    ]);
  });

  test('a tag is mutable: advice with the digest to pin', () => {
    const findings = new FindingList('.');
    checkImage(parseImageReference('mirror.internal/cli:0.298.0'), IMAGE, 'amd64', findings);
    expect(findings.items.map((finding) => finding.kind)).toEqual(['advice']);
    expect(findings.items[0]?.message).toContain(`pin the input as mirror.internal/cli@${DIGEST}`);
  });

  test('the platform must be the runner architecture', () => {
    expect(imageFindings(`mirror.internal/cli@${DIGEST}`, IMAGE, 'arm64')).toEqual([
      'image-platform stop',
    ]);
    expect(runnerArchitecture('x64')).toBe('amd64');
    expect(runnerArchitecture('arm64')).toBe('arm64');
  });
});

function targetWith(yaml: string): SelectedTarget {
  const file = parseConfigFile('databricks.yml', yaml);
  const value = file.value as Record<string, unknown>;
  return { name: 'dev', fragments: [{ file, base: [], value, isTarget: false }] };
}

describe('decideEngine', () => {
  const noFindings = () => new FindingList('.');
  const withTerraform = {
    ...IMAGE,
    env: { DATABRICKS_TF_EXEC_PATH: '/app/bin/terraform', DATABRICKS_TF_CLI_CONFIG_FILE: '/c' },
  };

  test('YAML, then the input, then the image, then the version', () => {
    const plain = targetWith('bundle: {name: b}\n');
    const yaml = targetWith('bundle: {engine: direct}\n');
    const imageEngine = { ...IMAGE, env: { DATABRICKS_BUNDLE_ENGINE: 'direct' } };
    expect(decideEngine(yaml, 'terraform', IMAGE, undefined, noFindings()).engine).toBe('direct');
    expect(decideEngine(plain, 'terraform', imageEngine, '1.13.0', noFindings()).engine).toBe(
      'terraform',
    );
    expect(decideEngine(plain, undefined, imageEngine, '0.298.0', noFindings()).engine).toBe(
      'direct',
    );
    expect(decideEngine(plain, undefined, IMAGE, '0.298.0', noFindings()).engine).toBe('terraform');
    expect(decideEngine(plain, undefined, IMAGE, '1.3.0', noFindings()).engine).toBe('direct');
    expect(decideEngine(plain, undefined, IMAGE, undefined, noFindings()).engine).toBeUndefined();
  });

  test('an unknown bundle.engine is a finding on its line', () => {
    const findings = noFindings();
    decideEngine(targetWith('bundle:\n  engine: tofu\n'), undefined, IMAGE, '1.0.0', findings);
    expect(findings.items.map((finding) => `${finding.rule}:${finding.line}`)).toEqual([
      'config-type:2',
    ]);
  });

  test('terraform needs both variables in the image', () => {
    const findings = noFindings();
    const decision = { engine: 'terraform' as const, source: 'test' };
    checkTerraformOffline(decision, withTerraform, findings);
    checkTerraformOffline({ engine: 'direct', source: 'test' }, IMAGE, findings);
    expect(findings.items).toEqual([]);
    const half = { ...IMAGE, env: { DATABRICKS_TF_EXEC_PATH: '/app/bin/terraform' } };
    checkTerraformOffline(decision, half, findings);
    expect(findings.items.map((finding) => finding.rule)).toEqual(['terraform-download']);
  });
});

describe('runPreflight', () => {
  const fixtures: BundleFixture[] = [];
  afterEach(() => fixtures.splice(0).forEach((fixture) => fixture.remove()));

  function bundle(yaml: string): BundleFixture {
    const fixture = writeBundle({ 'databricks.yml': yaml });
    fixtures.push(fixture);
    return fixture;
  }

  const reference = parseImageReference(`mirror.internal/cli@${DIGEST}`);

  test('asks the image for its version only when the answer matters', async () => {
    let asked = 0;
    const readVersion = async () => {
      asked += 1;
      return '0.298.0';
    };
    const terraformImage = {
      ...IMAGE,
      env: { DATABRICKS_TF_EXEC_PATH: '/t', DATABRICKS_TF_CLI_CONFIG_FILE: '/c' },
    };
    const plain = bundle('targets:\n  dev: {}\n');
    const report = await runPreflight(
      plain.location,
      reference,
      terraformImage,
      OPTIONS,
      readVersion,
    );
    expect(asked).toBe(0);
    expect(report.passed).toBe(true);
    expect(report.engine).toEqual({ engine: undefined, source: 'the CLI version' });

    const pinned = bundle('bundle:\n  databricks_cli_version: ">= 0.200.0"\ntargets:\n  dev: {}\n');
    const checked = await runPreflight(
      pinned.location,
      reference,
      terraformImage,
      OPTIONS,
      readVersion,
    );
    expect(asked).toBe(1);
    expect(checked.cliVersion).toBe('0.298.0');
    expect(checked.engine?.engine).toBe('terraform');
  });

  test('a version that cannot be read stops when it is needed', async () => {
    const fixture = bundle('targets:\n  dev: {}\n');
    const report = await runPreflight(
      fixture.location,
      reference,
      IMAGE,
      OPTIONS,
      async () => undefined,
    );
    expect(report.passed).toBe(false);
    expect(report.findings.map((finding) => finding.rule)).toEqual(['cli-version-unknown']);
  });

  test('a dev build only warns about the constraint, as the CLI does', async () => {
    const fixture = bundle('bundle:\n  databricks_cli_version: ">= 1.0.0"\ntargets:\n  dev: {}\n');
    const options = { ...OPTIONS, engine: 'direct' as const };
    const report = await runPreflight(
      fixture.location,
      reference,
      IMAGE,
      options,
      async () => '0.299.0-dev',
    );
    expect(report.findings.map((finding) => `${finding.rule} ${finding.level}`)).toEqual([
      'cli-version warning',
    ]);
    expect(report.passed).toBe(true);
  });
});
