/**
 * The small modules around the runner's files and variables: proxies, the CA bundle, the tar
 * stream a trust file arrives in, the local-state clean-up and the post step's clean-up.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';

import { cleanLocalState } from '../src/local-state.js';
import { post } from '../src/post.js';
import {
  describeProxies,
  proxyEnvironment,
  proxySecrets,
  resolveProxies,
  withoutCredentials,
} from '../src/proxy-settings.js';
import { firstTarEntry, readCaBundle } from '../src/trust-store.js';
import { makeRootCertificate } from './support/test-files.js';

let folder: string;

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'runner-files-'));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs `work` with the action's log lines captured instead of printed. */
async function captured(work: () => unknown): Promise<string> {
  const lines: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return lines.join('');
}

describe('proxies', () => {
  const none = { httpProxy: undefined, httpsProxy: undefined, noProxy: undefined };

  test('inputs win; the runner’s upper case before its lower case', () => {
    const settings = resolveProxies(
      { ...none, httpsProxy: 'http://in.put:1' },
      { HTTPS_PROXY: 'http://upper:2', http_proxy: 'http://lower:3', HTTP_PROXY: '' },
    );
    expect(settings).toEqual({
      http: { value: 'http://lower:3', source: "the runner's http_proxy" },
      https: { value: 'http://in.put:1', source: 'input https-proxy' },
      noProxy: undefined,
    });
    expect(proxyEnvironment(settings)).toEqual({
      HTTP_PROXY: 'http://lower:3',
      http_proxy: 'http://lower:3',
      HTTPS_PROXY: 'http://in.put:1',
      https_proxy: 'http://in.put:1',
    });
  });

  test('credentials are masked and never described', () => {
    const settings = resolveProxies(
      { ...none, httpsProxy: 'http://svc%40corp:pa%24s@proxy:3128' },
      { NO_PROXY: '.corp' },
    );
    expect(proxySecrets(settings)).toEqual(['pa%24s', 'pa$s', 'svc%40corp', 'svc@corp']);
    expect(describeProxies(settings)).toEqual([
      'HTTPS proxy: http://***@proxy:3128 (input https-proxy)',
      "No proxy for: .corp (the runner's NO_PROXY)",
    ]);
    expect(describeProxies(resolveProxies(none, {}))).toEqual([
      'Proxy: none (the container connects directly)',
    ]);
    expect(withoutCredentials('proxy.corp:3128')).toBe('proxy.corp:3128');
    expect(withoutCredentials('ftp://u:p@proxy')).toBe('(not a URL, with credentials)');
  });

  test('a runner proxy without a scheme is read as Go reads it, and its password masked', () => {
    const settings = resolveProxies(none, { HTTPS_PROXY: 'user:s3cretPW@proxy.corp:3128' });
    expect(proxySecrets(settings)).toEqual(['s3cretPW', 's3cretPW', 'user', 'user']);
    expect(describeProxies(settings)).toEqual([
      "HTTPS proxy: http://***@proxy.corp:3128 (the runner's HTTPS_PROXY)",
    ]);
    const malformed = resolveProxies(none, { HTTP_PROXY: 'http://us%zzer:pw@proxy:1' });
    expect(proxySecrets(malformed)).toEqual(['pw', 'pw', 'us%zzer', 'us%zzer']);
  });
});

describe('readCaBundle', () => {
  let roots: string;

  beforeAll(() => {
    roots = makeRootCertificate(folder, 'roots', 'Unit Test Root');
  });

  test('reads every certificate and names its subject', () => {
    const text = readFileSync(roots, 'utf8');
    const both = path.join(folder, 'both.pem');
    writeFileSync(both, `# comment\n${text}\n${text.replaceAll('\n', '\r\n')}`);
    const bundle = readCaBundle(both);
    expect(bundle.subjects).toEqual(['CN=Unit Test Root', 'CN=Unit Test Root']);
    expect(bundle.pem.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
  });

  test.each([
    ['missing.pem', undefined, /Input 'ca-bundle': .*missing\.pem could not be read/],
    ['empty.pem', 'nothing here', /holds no PEM certificate/],
    [
      'broken.pem',
      '-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----\n',
      /certificate 1 of .* is not a valid X\.509 certificate/,
    ],
  ])('%s is refused', (name, content, message) => {
    const file = path.join(folder, name);
    if (content !== undefined) writeFileSync(file, content);
    expect(() => readCaBundle(file)).toThrow(message);
  });
});

describe('firstTarEntry', () => {
  test('a file, a symbolic link, and nothing', () => {
    const source = path.join(folder, 'tar-source');
    mkdirSync(source, { recursive: true });
    writeFileSync(path.join(source, 'roots.pem'), 'PEM DATA\n');
    symlinkSync('roots.pem', path.join(source, 'link.pem'));
    const tar = (name: string) => execFileSync('tar', ['-C', source, '-cf', '-', name]);

    expect(firstTarEntry(tar('roots.pem'))).toEqual({
      type: 'file',
      content: Buffer.from('PEM DATA\n'),
    });
    expect(firstTarEntry(tar('link.pem'))).toEqual({ type: 'symlink', linkName: 'roots.pem' });
    expect(firstTarEntry(Buffer.alloc(1024))).toBeUndefined();
    expect(firstTarEntry(Buffer.alloc(10))).toBeUndefined();
  });
});

describe('cleanLocalState', () => {
  test('removes the target’s folder, and reports a folder that is not there', async () => {
    const bundle = path.join(folder, 'bundle');
    mkdirSync(path.join(bundle, '.databricks/bundle/dev/sync-snapshots'), { recursive: true });
    mkdirSync(path.join(bundle, '.databricks/bundle/prod'), { recursive: true });

    const log = await captured(() => cleanLocalState(bundle, 'dev'));
    expect(log).toContain('clean-local-state: removed .databricks/bundle/dev');
    expect(existsSync(path.join(bundle, '.databricks/bundle/dev'))).toBe(false);
    expect(existsSync(path.join(bundle, '.databricks/bundle/prod'))).toBe(true);

    const again = await captured(() => cleanLocalState(bundle, 'dev'));
    expect(again).toContain('clean-local-state: .databricks/bundle/dev does not exist');
  });

  test('refuses a symbolic link on the way', () => {
    const bundle = path.join(folder, 'linked');
    mkdirSync(bundle, { recursive: true });
    symlinkSync(folder, path.join(bundle, '.databricks'));
    expect(() => cleanLocalState(bundle, 'dev')).toThrow(
      /Input 'clean-local-state': \.databricks is a symbolic link/,
    );
  });
});

describe('post', () => {
  test('without a run id it has nothing to do', async () => {
    const log = await captured(() => post({ STATE_main_started: 'x' }));
    expect(log).toContain('Post: the main step started no container; nothing to clean up.');
  });

  test('removes only the run’s own files under RUNNER_TEMP', async () => {
    const runnerTemp = path.join(folder, 'runner-temp');
    const home = path.join(runnerTemp, 'databricks-bundle-home-abc');
    const ca = path.join(runnerTemp, 'databricks-bundle-ca-abc.pem');
    const other = path.join(runnerTemp, 'something-else');
    const outside = path.join(folder, 'databricks-bundle-home-outside');
    for (const dir of [home, other, outside]) mkdirSync(dir, { recursive: true });
    writeFileSync(ca, 'pem');

    const log = await captured(() =>
      post({
        PATH: process.env['PATH'] ?? '',
        RUNNER_TEMP: runnerTemp,
        STATE_main_started: 'x',
        STATE_run_id: 'no-such-run-0001',
        STATE_runtime: 'docker',
        STATE_temp_paths: JSON.stringify([home, ca, other, outside, 42]),
      }),
    );
    expect(log).toContain('Post: no container of this run is left.');
    expect(existsSync(home)).toBe(false);
    expect(existsSync(ca)).toBe(false);
    expect(existsSync(other)).toBe(true);
    expect(existsSync(outside)).toBe(true);
  });
});
