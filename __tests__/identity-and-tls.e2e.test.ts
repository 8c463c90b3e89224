/**
 * Identity without stored secrets, and corporate TLS, end to end: the built action against the
 * real engine and the stand-in CLI, which resolves auth types as the Go SDK does and trusts
 * certificates as Go does (see support/stand-in-cli/README.md).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import {
  copyExample,
  readOutputs,
  runBuiltAction,
  runnerEnvironment,
  standInImage,
  useScratchRunnerPerTest,
} from './support/action-harness.js';
import { readBundleCalls, sha256 } from './support/stand-in-calls.js';
import { makeRootCertificate } from './support/test-files.js';

const HOST = 'https://adb-1234567890123456.7.azuredatabricks.net';
const PRIVATE_CA_HOST = 'https://stand-in-private-ca.bank.internal';

const currentRunner = useScratchRunnerPerTest();

let certificates: string;
let enclaveRoot: string;

beforeAll(() => {
  certificates = mkdtempSync(path.join(tmpdir(), 'enclave-ca-'));
  enclaveRoot = makeRootCertificate(certificates, 'enclave-root', 'Stand-in Enclave Root CA');
});

afterAll(() => rmSync(certificates, { recursive: true, force: true }));

function plainJob(): string {
  return copyExample('plain-job', currentRunner(), 'bundles/job');
}

async function runAction(inputs: Record<string, string>, extra: Record<string, string> = {}) {
  const env = runnerEnvironment(
    currentRunner(),
    { image: standInImage(), target: 'dev', 'working-directory': 'bundles/job', ...inputs },
    extra,
  );
  const result = await runBuiltAction(env);
  const outputs = readOutputs(currentRunner().outputFile);
  const summary = readFileSync(currentRunner().summaryFile, 'utf8');
  const audit =
    outputs['audit-record'] === undefined ? '' : readFileSync(outputs['audit-record'], 'utf8');
  const logged = result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
  return { result, outputs, everything: [...logged, JSON.stringify(outputs), summary, audit] };
}

function expectNowhere(texts: string[], secrets: string[]): void {
  for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
}

describe('identity without stored secrets', () => {
  test('github-oidc: the ID-token request reaches the container by name only', async () => {
    const bundle = plainJob();
    const requestToken = 'gh-request-bearer-5a1f0c';
    const { result, everything } = await runAction(
      {
        'auth-type': 'github-oidc',
        'client-id': '11111111-2222-3333-4444-555555555555',
        host: HOST,
        command: 'validate',
      },
      {
        ACTIONS_ID_TOKEN_REQUEST_URL:
          'https://pipelines.actions.bank.internal/idtoken?api-version=2.0',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
      },
    );

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`::add-mask::${requestToken}`);
    expectNowhere(everything, [requestToken]);
    const [call] = readBundleCalls(bundle);
    expect(call?.env_names).toEqual(
      expect.arrayContaining([
        'DATABRICKS_AUTH_TYPE',
        'DATABRICKS_CLIENT_ID',
        'ACTIONS_ID_TOKEN_REQUEST_URL',
        'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
      ]),
    );
    for (const name of ['DATABRICKS_TOKEN', 'DATABRICKS_CLIENT_SECRET', 'ARM_CLIENT_SECRET']) {
      expect(call?.env_names).not.toContain(name);
    }
    expect(call?.secrets_sha256['ACTIONS_ID_TOKEN_REQUEST_TOKEN']).toBe(sha256(requestToken));
  });

  test('github-oidc without id-token permission stops first and says why', async () => {
    const bundle = plainJob();
    const { result } = await runAction({
      'auth-type': 'github-oidc',
      'client-id': 'app',
      host: HOST,
    });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('Grant the job `permissions: id-token: write`');
    expect(readBundleCalls(bundle)).toEqual([]);
  });

  test.each([
    [
      'azure-client-secret',
      {
        'client-id': 'entra-app-id',
        'client-secret': 'entra-Secret-9d2c',
        'azure-tenant-id': 'tenant-1',
      },
      ['ARM_CLIENT_ID', 'ARM_CLIENT_SECRET', 'ARM_TENANT_ID'],
      ['ARM_CLIENT_SECRET', 'entra-Secret-9d2c'],
    ],
    [
      'env-oidc',
      { 'client-id': 'sp-app-id', 'oidc-token': 'eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl' },
      ['DATABRICKS_CLIENT_ID', 'DATABRICKS_OIDC_TOKEN'],
      ['DATABRICKS_OIDC_TOKEN', 'eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl'],
    ],
  ])(
    '%s: its variables reach the container, masked everywhere',
    async (authType, inputs, names, [secretName, secret]) => {
      const bundle = plainJob();
      const { result, everything } = await runAction({
        'auth-type': authType,
        host: HOST,
        command: 'validate',
        ...inputs,
      });

      expect(result.exitCode).toBe(0);
      expectNowhere(everything, [secret!]);
      const [call] = readBundleCalls(bundle);
      expect(call?.env_names).toEqual(expect.arrayContaining(['DATABRICKS_AUTH_TYPE', ...names]));
      expect(call?.env_names).not.toContain('DATABRICKS_TOKEN');
      expect(call?.secrets_sha256[secretName!]).toBe(sha256(secret!));
    },
  );
});

describe('ca-bundle', () => {
  test('without it, the enclave certificate is not trusted and the cause is named', async () => {
    plainJob();
    const { result } = await runAction({ host: PRIVATE_CA_HOST, token: 'dapi-ca-test-1' });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(
      /::error::The validate phase failed: .*TROUBLESHOOTING\.md#tls-certificate-untrusted/,
    );
  });

  test('with it, the CLI and Terraform trust the enclave root at the system path', async () => {
    const bundle = plainJob();
    const relative = path.join(currentRunner().root, 'roots.pem');
    writeFileSync(relative, readFileSync(enclaveRoot));
    const { result } = await runAction({
      host: PRIVATE_CA_HOST,
      token: 'dapi-ca-test-2',
      'ca-bundle': relative,
    });

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('CN=Stand-in Enclave Root CA');
    expect(result.stdout).toContain("added to the image's /etc/ssl/certs/ca-certificates.crt");
    const calls = readBundleCalls(bundle);
    // The 0.298.0 stand-in deploys with the Terraform engine, which reads only the system file.
    expect(calls.map((call) => call.argv[1])).toEqual(['validate', 'deploy', 'summary']);
    for (const call of calls) expect(call.env_names).toContain('SSL_CERT_FILE');
    // The merged file lived under RUNNER_TEMP and is gone with the home folder.
    expect(readOutputs(currentRunner().outputFile)['result']).toBe('success');
  });

  test.each([
    [
      'a file that is not PEM',
      'not a certificate\n',
      /Input 'ca-bundle': .* holds no PEM certificate/,
    ],
    [
      'a broken certificate',
      '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
      /Input 'ca-bundle': certificate 1 of .* is not a valid X\.509 certificate/,
    ],
  ])('%s is refused before any phase', async (_, content, message) => {
    const bundle = plainJob();
    const file = path.join(currentRunner().root, 'bad.pem');
    writeFileSync(file, content);
    const { result } = await runAction({ host: HOST, token: 'dapi-ca-test-3', 'ca-bundle': file });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(message);
    expect(readBundleCalls(bundle)).toEqual([]);
  });

  test('a missing file is refused with the input named', async () => {
    plainJob();
    const { result } = await runAction({
      host: HOST,
      token: 'dapi-ca-test-4',
      'ca-bundle': 'certs/none.pem',
    });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(
      /::error::Input 'ca-bundle': .*certs\/none\.pem could not be read/,
    );
  });
});

describe('proxies arrive byte for byte', () => {
  test('the container gets the very values, in both cases', async () => {
    const bundle = plainJob();
    const proxy = 'http://deploy:p%40ss@proxy.bank.internal:3128';
    const { result } = await runAction({
      host: HOST,
      token: 'dapi-proxy-test',
      'https-proxy': proxy,
      command: 'validate',
    });
    expect(result.exitCode).toBe(0);
    const [call] = readBundleCalls(bundle);
    expect(call?.proxy_sha256['HTTPS_PROXY']).toBe(sha256(proxy));
    expect(call?.proxy_sha256['https_proxy']).toBe(sha256(proxy));
  });
});
