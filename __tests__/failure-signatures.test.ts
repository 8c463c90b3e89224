/**
 * The failure signatures against samples written in the shapes the real CLI prints (0.298.0
 * and v1.x where they differ; the sources are cited next to each pattern in
 * src/failure-signatures.ts), with log lines around them, colour codes and CRLF.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, test } from '@jest/globals';

import {
  type FailureContext,
  recognizeFailure,
  troubleshootingLink,
  TROUBLESHOOTING_IDS,
} from '../src/failure-signatures.js';
import { REPOSITORY_ROOT } from './support/bundles.js';

const context: FailureContext = {
  phase: 'deploy',
  configFile: 'bundles/sales/databricks.yml',
  hostInputSet: true,
};

const HOST = 'https://adb-1234567890123456.7.azuredatabricks.net';
const ME = `${HOST}/api/2.0/preview/scim/v2/Me`;
const ROOT = '/Workspace/Users/deployer@example.com/.bundle/sales/dev';
const UPLOADING = `Uploading bundle files to ${ROOT}/files...\n`;
const METADATA_WARNING =
  `Warn: [hostmetadata] failed to fetch host metadata for ${HOST}, ` + 'will skip for 1m0s\n';

/** The CLI's colours on a terminal (libs/cmdio/render.go): a red heading, a cyan location. */
function coloured(text: string): string {
  return text
    .replaceAll('Error:', '\u001b[31mError\u001b[0m:')
    .replaceAll('Warning:', '\u001b[33mWarning\u001b[0m:');
}

function crlf(text: string): string {
  return text.replaceAll('\n', '\r\n');
}

/** Terraform's -no-color diagnostic inside the CLI's `terraform init` error. */
const PROVIDER_INIT_FAILURE =
  'Error: terraform init: exit status 1\n\n' +
  'Error: Failed to query available provider packages\n\n' +
  'Could not retrieve the list of available versions for provider\n' +
  'databricks/databricks: could not connect to registry.terraform.io: failed to\n' +
  'request discovery document: Get\n' +
  '"https://registry.terraform.io/.well-known/terraform.json": dial tcp: lookup\n' +
  'registry.terraform.io on 10.0.0.2:53: no such host\n\n\n';

const INDEX = 'https://releases.hashicorp.com/terraform/1.5.5/index.json';

// Each id with samples that must be recognised as it, and a pattern its explanation matches.
const SAMPLES: Record<string, [name: string, stderr: string, explanation: RegExp][]> = {
  'warnings-in-strict-mode': [
    [
      'one warning, then the strict-mode error',
      'Warning: unknown field: description\n  at resources.jobs.x\n  in databricks.yml:9:7\n\n' +
        'Error: 1 warning was found. Warnings are not allowed in strict mode\n\n',
      /fail-on-warnings input is true.* bundles\/sales\/databricks\.yml/,
    ],
    [
      'several warnings, coloured',
      coloured('Error: 3 warnings were found. Warnings are not allowed in strict mode\n\n'),
      /set fail-on-warnings to false/,
    ],
  ],
  'terraform-download': [
    [
      '0.298.0: hc-install cannot reach releases.hashicorp.com',
      UPLOADING +
        `Error: error downloading Terraform: Get "${INDEX}": GET ${INDEX} giving up after 5 ` +
        `attempt(s): Get "${INDEX}": dial tcp: lookup releases.hashicorp.com on ` +
        '10.0.0.2:53: no such host\n\n',
      /download Terraform .* DATABRICKS_TF_EXEC_PATH.*engine input/,
    ],
    [
      'v1.x: terraform init asks registry.terraform.io, coloured, CRLF',
      crlf(coloured(UPLOADING + PROVIDER_INIT_FAILURE)),
      /provider mirror .*DATABRICKS_TF_PROVIDER_VERSION.*engine input/,
    ],
    [
      "the provider in the image's mirror does not match",
      'Error: terraform init: exit status 1\n\nError: Failed to install provider\n\n' +
        'Error while installing databricks/databricks v1.127.0: the local package for\n' +
        'registry.terraform.io/databricks/databricks 1.127.0 does not match any of the\n' +
        'checksums previously recorded in the dependency lock file\n\n\n',
      /provider mirror/,
    ],
    [
      "the image's Terraform is not the version the CLI expects",
      'Error: terraform binary at /app/bin/terraform (from $DATABRICKS_TF_EXEC_PATH) is 1.9.8 ' +
        'but expected version is 1.5.5. Set DATABRICKS_TF_VERSION to 1.9.8 to continue\n\n',
      /DATABRICKS_TF_EXEC_PATH, is missing or not the version/,
    ],
  ],
  'authentication-failed': [
    [
      '0.298.0: the workspace rejects the token (its body says 403)',
      'Error: Invalid access token. (403 403)\n\n' +
        `Endpoint: GET ${ME}\nHTTP Status: 403 Forbidden\nAPI error_code: 403\n` +
        'API message: Invalid access token.\n\n',
      /rejected the access token: check that the token input/,
    ],
    [
      'v1.x: a bare 401 without a body, coloured',
      coloured(
        'Error: Unauthorized (401)\n\n' +
          `Endpoint: GET ${ME}\nHTTP Status: 401 Unauthorized\nAPI error_code: \n` +
          'API message: Unauthorized\n\n',
      ),
      /401 Unauthorized: the credentials \(the token input, or client-id and client-secret\)/,
    ],
    [
      'the OAuth token endpoint refuses the service principal',
      'Error: failed during request visitor: error getting token: oauth2: "invalid_client" ' +
        '"Client authentication failed"\n\n',
      /refused the service principal: check the client-id and client-secret inputs/,
    ],
    [
      'no credentials the SDK can use, CRLF',
      crlf(
        'Error: failed during request visitor: default auth: cannot configure default ' +
          'credentials, please check https://docs.databricks.com/en/dev-tools/auth.html' +
          '#databricks-client-unified-authentication to configure credentials for your ' +
          `preferred authentication method. Config: host=${HOST}, ` +
          'databricks_cli_path=/app/databricks. Env: DATABRICKS_HOST, DATABRICKS_CLI_PATH\n\n',
      ),
      /found no credentials .*token input.*auth-type/,
    ],
  ],
  'permission-denied': [
    [
      "0.298.0: the bundle's files folder cannot be written",
      UPLOADING +
        `Error: Failed to update, encountered possible permission error: ${ROOT}/files\n` +
        `Error: unable to deploy to ${ROOT}/files as deployer@example.com.\n` +
        'Please make sure the current user or one of their groups is listed under the ' +
        'permissions of this bundle.\nFor assistance, contact the owners of this project.\n' +
        'They may need to redeploy the bundle to apply the new permissions.\n' +
        'Please refer to https://docs.databricks.com/dev-tools/bundles/permissions.html for ' +
        'more on managing permissions.\n\n',
      /CAN_MANAGE under permissions in bundles\/sales\/databricks\.yml/,
    ],
    [
      'v1.x: the lock file in the state folder is refused first, coloured',
      coloured(
        `Error: Failed to acquire deployment lock: access denied: ${ROOT}/state/deploy.lock\n` +
          `Error: Failed to update, encountered possible permission error: ${ROOT}/state\n` +
          `Error: unable to deploy to ${ROOT}/state as sales-deployer. Cannot apply local ` +
          'deployment permissions.\nFor assistance, contact the owners of this project.\n' +
          'They can redeploy the project to apply the latest set of permissions.\n\n',
      ),
      /write the bundle's workspace folder/,
    ],
    [
      'an API call answers 403 PERMISSION_DENIED',
      'Error: cannot create resources.jobs.nightly.permissions: User sales-deployer does ' +
        'not have MANAGE on Job 123 (403 PERMISSION_DENIED)\n\n' +
        `Endpoint: PUT ${HOST}/api/2.0/permissions/jobs/123\nHTTP Status: 403 Forbidden\n` +
        'API error_code: PERMISSION_DENIED\nAPI message: User sales-deployer does not have ' +
        'MANAGE on Job 123\n\n',
      /answered 403 Forbidden during bundle deploy/,
    ],
  ],
  'workspace-unreachable': [
    [
      '0.298.0: DNS, after the host-metadata warning',
      METADATA_WARNING +
        `Error: Get "${ME}": dial tcp: lookup adb-1234567890123456.7.azuredatabricks.net on ` +
        '10.0.0.2:53: no such host\n\n',
      /could not resolve the workspace host name \(DNS\)/,
    ],
    [
      'DNS without a named server, CRLF',
      crlf(`Error: Get "${ME}": dial tcp: lookup adb-1.azuredatabricks.net: no such host\n\n`),
      /\(DNS\)/,
    ],
    [
      'connection refused, coloured',
      coloured(`Error: Get "${ME}": dial tcp 10.1.2.3:443: connect: connection refused\n\n`),
      /refused the connection, or .* no route/,
    ],
    [
      'no route to host',
      `Error: Get "${ME}": dial tcp 10.1.2.3:443: connect: no route to host\n\n`,
      /no route to it/,
    ],
    [
      'a dial timeout',
      `Error: Get "${ME}": dial tcp 10.1.2.3:443: i/o timeout\n\n`,
      /timed out: a firewall/,
    ],
    [
      "the SDK's own request timeout",
      `Error: Get "${ME}": request timed out after 1m30s of inactivity\n\n`,
      /timed out/,
    ],
    [
      "net/http's client timeout",
      `Error: Get "${ME}": net/http: request canceled (Client.Timeout exceeded while ` +
        'awaiting headers)\n\n',
      /timed out/,
    ],
    [
      'a TLS handshake that never finishes',
      `Error: Get "${ME}": net/http: TLS handshake timeout\n\n`,
      /timed out/,
    ],
    [
      'a context deadline',
      `Error: Post "${HOST}/oidc/v1/token": context deadline exceeded\n\n`,
      /timed out/,
    ],
    [
      'a proxy that cannot be resolved is a proxy failure, not the workspace DNS',
      `Error: Get "${ME}": proxyconnect tcp: dial tcp: lookup proxy.corp.example on ` +
        '10.0.0.2:53: no such host\n\n',
      /HTTP proxy .* HTTPS_PROXY/,
    ],
  ],
  'tls-certificate-untrusted': [
    [
      '0.298.0: an internal CA the image does not know',
      METADATA_WARNING +
        `Error: Get "${ME}": tls: failed to verify certificate: x509: certificate signed by ` +
        'unknown authority\n\n',
      /not in the image's trust store/,
    ],
    [
      'v1.x: through the OAuth token endpoint, CRLF',
      crlf(
        'Error: failed during request visitor: oidc: failed to get OAuth endpoints: Get ' +
          `"${HOST}/oidc/.well-known/oauth-authorization-server": tls: failed to verify ` +
          'certificate: x509: certificate signed by unknown authority (possibly because of ' +
          '"x509: ECDSA verification failure" while trying to verify candidate authority ' +
          'certificate "Bank Root CA")\n\n',
      ),
      /trust store/,
    ],
    [
      'a certificate for another name',
      `Error: Get "${ME}": tls: failed to verify certificate: x509: certificate is valid for ` +
        'proxy.corp.example, not adb-1234567890123456.7.azuredatabricks.net\n\n',
      /does not name the host .* the host input/,
    ],
    [
      'an expired certificate',
      `Error: Get "${ME}": tls: failed to verify certificate: x509: certificate has expired ` +
        'or is not yet valid: current time 2026-12-04T10:00:00Z is after ' +
        '2026-11-30T23:59:59Z\n\n',
      /could not verify .* clock/,
    ],
  ],
  'lock-held': [
    [
      '0.298.0: the log line, then the diagnostic',
      'Error: Failed to acquire deployment lock: deploy lock acquired by ' +
        'another-deployer@example.com at 2026-01-01 08:00:00 +0000 UTC. Use --force-lock to ' +
        'override\nError: deploy lock acquired by another-deployer@example.com at ' +
        '2026-01-01 08:00:00 +0000 UTC. Use --force-lock to override\n\n',
      /holds the deployment lock.* force-lock to true only when/,
    ],
    [
      'v1.x: three lines, a forced lock, coloured and CRLF',
      crlf(
        coloured(
          'Error: Failed to acquire deployment lock: deploy lock force-acquired by ' +
            'ops@example.com at 2026-01-01 08:00:00 +0000 UTC.\nAnother deployment may be ' +
            'in progress. Use --force-lock to override, but this may\nconflict with the ' +
            'other deployment if it is still active\nError: deploy lock force-acquired by ' +
            'ops@example.com at 2026-01-01 08:00:00 +0000 UTC.\nAnother deployment may be ' +
            'in progress. Use --force-lock to override, but this may\nconflict with the ' +
            'other deployment if it is still active\n\n',
        ),
      ),
      /force-lock/,
    ],
  ],
  'approval-required': [
    [
      '0.298.0: deploy refuses destructive actions without a terminal',
      UPLOADING +
        '\nThis action will result in the deletion or recreation of the following UC ' +
        'schemas. Any underlying data may be lost:\n  recreate resources.schemas.sales\n' +
        'Error: the deployment requires destructive actions, but current console does not ' +
        'support prompting. Please specify --auto-approve if you would like to skip prompts ' +
        'and proceed\n\n',
      /command: plan, then deploy them with auto-approve: true/,
    ],
    [
      'v1.x: the same refusal in three lines, coloured',
      coloured(
        UPLOADING +
          'Error: the deployment requires destructive actions, but the current console does ' +
          'not support prompting.\nDeleting data assets such as schemas, pipelines, or ' +
          'volumes may cause permanent data loss and should be carefully reviewed.\n' +
          'To proceed, use --auto-approve after reviewing the plan above.\n\n',
      ),
      /command: plan.*auto-approve: true/,
    ],
    [
      '0.298.0: destroy without --auto-approve',
      'Error: please specify --auto-approve since terminal does not support interactive ' +
        'prompts\n',
      /auto-approve: true on the step that destroys/,
    ],
    [
      'v1.x: destroy without --auto-approve, CRLF',
      crlf(
        'Error: this command will destroy all resources deployed by this bundle, including ' +
          'workspace files in the deployment directory.\nDeleting data assets such as ' +
          'schemas, pipelines, or volumes may cause permanent data loss and should be ' +
          'carefully reviewed.\nTo proceed, use --auto-approve.\n',
      ),
      /auto-approve: true/,
    ],
  ],
  'state-from-newer-cli': [
    [
      '0.298.0: a direct-engine state of a newer version',
      'Error: migrating state /github/workspace/bundles/sales/.databricks/bundle/dev/' +
        'resources.json: state version 3 is newer than supported version 2; upgrade the ' +
        'CLI\n\n',
      /written by a newer Databricks CLI .*\(the image input\)/,
    ],
    [
      'v1.x: a state that records features this CLI lacks, coloured',
      coloured(
        'Error: migrating state /github/workspace/.databricks/bundle/dev/resources.json: the ' +
          'deployment state requires features this CLI does not support: wal; upgrade to the ' +
          'latest CLI version and see https://docs.databricks.com/aws/en/dev-tools/bundles/' +
          'state-features#state-features for more information\n\n',
      ),
      /newer Databricks CLI/,
    ],
    [
      'the deployment metadata of a newer CLI',
      'Error: remote deployment state is incompatible with the current version of the CLI, ' +
        'please upgrade to at least 1.14.0\n\n',
      /newer Databricks CLI/,
    ],
    [
      'a Terraform state of a newer format, wrapped by Terraform',
      'Error: exit status 1\n\nError: Unsupported state file format\n\n' +
        'The state file uses format version 5, which is not supported by Terraform\n' +
        '1.5.5. This state file was created by Terraform 2.0.0.\n\n\n',
      /newer Terraform than the image's/,
    ],
  ],
  'state-engine-mismatch': [
    [
      '0.298.0 and v1.x: two engines, two lineages',
      'Error: lineage mismatch in state files\n\nAvailable state files:\n' +
        '- terraform.tfstate: remote terraform state serial=4 lineage="0b6e2f0a"\n' +
        '- resources.json: remote direct state serial=5 lineage="7f3e9c1b"\n\n',
      /both engines, Terraform and direct.*engine input, or bundle\.engine in bundles\/sales/,
    ],
    [
      'the same serial in both, coloured and CRLF',
      crlf(
        coloured(
          'Error: same serial number in terraform and direct states\n\n' +
            'Available state files:\n- terraform.tfstate: remote terraform state serial=5 ' +
            'lineage="a"\n- resources.json: remote direct state serial=5 lineage="a"\n\n',
        ),
      ),
      /both engines/,
    ],
  ],
  'bundle-root-not-found': [
    [
      '0.298.0',
      'Error: unable to locate bundle root: databricks.yml not found\n\n',
      /pre-flight read bundles\/sales\/databricks\.yml .*\(docker-in-docker\)/,
    ],
    [
      'v1.x, with its detail, CRLF',
      crlf(
        'Error: Unable to locate the bundle root: databricks.yml not found.\n\n' +
          'Run this command from a directory that contains a bundle, or set the ' +
          'DATABRICKS_BUNDLE_ROOT environment variable to the bundle root directory.\n' +
          "Alternatively, create a new bundle with 'databricks bundle init'.\n\n",
      ),
      /same path as on the docker host/,
    ],
  ],
};

const CASES = Object.entries(SAMPLES).flatMap(([id, samples]) =>
  samples.map(([name, stderr, explanation]) => ({ id, name, stderr, explanation })),
);

describe('recognizeFailure', () => {
  test.each(CASES)('$id: $name', ({ id, stderr, explanation }) => {
    const found = recognizeFailure(stderr, context);
    expect(found?.id).toBe(id);
    expect(found?.explanation).toMatch(explanation);
  });

  test('every signature id has samples, and every sample id is a documented id', () => {
    // Exit codes and timeouts are known without reading the CLI's output.
    const exitCodes = TROUBLESHOOTING_IDS.filter(
      (id) => id.startsWith('exit-code-') || id === 'phase-timeout',
    );
    expect(Object.keys(SAMPLES).sort()).toEqual(
      TROUBLESHOOTING_IDS.filter((id) => !exitCodes.includes(id)).sort(),
    );
    for (const samples of Object.values(SAMPLES)) expect(samples.length).toBeGreaterThan(1);
  });

  test.each(CASES)('$id: $name quotes nothing from the output', ({ stderr }) => {
    const secret = 'dapi-0123456789abcdef-secret';
    const explanation = recognizeFailure(`${stderr}Warn: token=${secret}\n`, context)?.explanation;
    expect(explanation).toBeDefined();
    for (const quoted of [secret, 'adb-1234567890123456', '10.0.0.2', 'deployer@example']) {
      expect(explanation).not.toContain(quoted);
    }
  });

  test.each([
    ['an unresolved reference', 'Error: reference does not exist: ${var.nope}\n\n'],
    [
      'a diagnostic with a path and a location',
      'Error: dashboard display_name is required\n  at resources.dashboards.sales\n' +
        '  in databricks.yml:8:7\n\n',
    ],
    [
      'a local file that cannot be read (not a workspace permission)',
      'Error: open /github/workspace/bundles/sales/dist/sales.whl: permission denied\n\n',
    ],
    [
      'an artifact build whose tool could not resolve its package index',
      'Error: build failed sales, error: exit status 1, output: error: Failed to fetch: ' +
        '`https://pypi.org/simple/hatchling/`\n  Caused by: dial tcp: lookup pypi.org on ' +
        '10.0.0.2:53: no such host\n\n',
    ],
    [
      'a timeout in a warning only, before an ordinary error',
      'Warn: failed to upload telemetry logs: context deadline exceeded\n' +
        'Error: build failed sales, error: exit status 1, output: /bin/sh: uv: not found\n\n',
    ],
    [
      'an engine mismatch warning, before an ordinary error',
      'Warning: Deployment engine "direct" configured in bundle.engine setting at ' +
        'databricks.yml:3:11 does not match the existing state (engine "terraform"). Using ' +
        '"terraform" engine from the existing state.\n\nAvailable state files:\n' +
        '- terraform.tfstate: remote terraform state serial=3 lineage="x"\n\n' +
        'Error: cannot update job: invalid cluster spec\n\n',
    ],
    ['known words outside any error', `${UPLOADING}connection refused\nno such host\n`],
    ['nothing at all', ''],
  ])('%s is not recognised', (_name, stderr) => {
    expect(recognizeFailure(stderr, context)).toBeUndefined();
  });
});

describe('choosing between signatures', () => {
  const timeout = `Error: Get "${ME}": dial tcp 10.1.2.3:443: i/o timeout\n\n`;
  const lock =
    'Error: deploy lock acquired by ops@example.com at 2026-01-01 08:00:00 +0000 UTC. Use ' +
    '--force-lock to override\n\n';

  test('the last recognised error block wins', () => {
    expect(recognizeFailure(timeout + lock, context)?.id).toBe('lock-held');
    expect(recognizeFailure(lock + timeout, context)?.id).toBe('workspace-unreachable');
  });

  test('a last block that is not recognised leaves the one before it', () => {
    const followUp = 'Error: failed to release deployment lock\n\n';
    expect(recognizeFailure(timeout + followUp, context)?.id).toBe('workspace-unreachable');
  });

  test('within a block the most specific signature wins', () => {
    // A provider download that failed on DNS and a proxy that refused are not workspace DNS.
    expect(recognizeFailure(PROVIDER_INIT_FAILURE, context)?.id).toBe('terraform-download');
    const proxy =
      `Error: Get "${ME}": proxyconnect tcp: dial tcp 10.0.0.8:3128: connect: ` +
      'connection refused\n';
    expect(recognizeFailure(proxy, context)?.explanation).toMatch(/HTTP proxy/);
    // A 403 that says the token is invalid is an authentication failure.
    expect(recognizeFailure(SAMPLES['authentication-failed']![0]![1], context)?.id).toBe(
      'authentication-failed',
    );
  });
});

describe('explanations use the context', () => {
  const dns = SAMPLES['workspace-unreachable']![0]![1];

  test('the host comes from the input, or from the bundle', () => {
    expect(recognizeFailure(dns, context)?.explanation).toContain(
      'the host input (or workspace.host in bundles/sales/databricks.yml, which wins when set)',
    );
    expect(recognizeFailure(dns, { ...context, hostInputSet: false })?.explanation).toContain(
      'Check workspace.host in bundles/sales/databricks.yml,',
    );
  });

  test('the phase is named where it matters', () => {
    const forbidden = SAMPLES['permission-denied']![2]![1];
    expect(recognizeFailure(forbidden, { ...context, phase: 'validate' })?.explanation).toMatch(
      /during bundle validate/,
    );
  });

  test('control characters in the config file path are not passed on', () => {
    const root = SAMPLES['bundle-root-not-found']![0]![1];
    const odd = { ...context, configFile: 'b\n::warning::x/databricks.yml' };
    expect(recognizeFailure(root, odd)?.explanation).toContain('b?::warning::x/databricks.yml');
  });
});

describe('adversarial input', () => {
  const MIB = 1024 * 1024;

  test.each([
    ['one long error line of a repeated prefix', `Error: ${'(401 '.repeat(MIB / 5)}`],
    ['one long line of spaces between words', `Error: could${' '.repeat(MIB)}not`],
    ['an unterminated colour sequence', `Error: \u001b[${'1;'.repeat(MIB / 2)}`],
    ['repeated near-misses', `Error: ${'dial tcp x: no such hos '.repeat(MIB / 24)}`],
    ['many short error blocks', 'Error: x\n'.repeat(MIB / 9)],
    [
      'many short error blocks after a recognised one',
      `Error: Get "${ME}": dial tcp: lookup x: no such host\n${'Error: x\n'.repeat(MIB / 9)}`,
    ],
    ['a wrapped Terraform text without its end', `Error: ${'which  is \n'.repeat(MIB / 11)}`],
  ])('%s (1 MiB) is read in linear time', (_name, stderr) => {
    const started = Date.now();
    recognizeFailure(stderr, context);
    // A sanity bound only: a quadratic pattern would take minutes on 1 MiB.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('a recognised error after 1 MiB of log lines is still found', () => {
    const logs = 'Deploying resources...\n'.repeat(MIB / 23);
    expect(recognizeFailure(logs + SAMPLES['lock-held']![0]![1], context)?.id).toBe('lock-held');
  });
});

describe('troubleshootingLink', () => {
  const actionEnv = {
    GITHUB_SERVER_URL: 'https://github.bank.internal',
    GITHUB_ACTION_REPOSITORY: 'platform/databricks-bundle',
    GITHUB_ACTION_REF: 'v1.4.0',
  };

  test("links to the guide of the version that ran, on the runner's server", () => {
    expect(troubleshootingLink('lock-held', actionEnv)).toBe(
      'https://github.bank.internal/platform/databricks-bundle/blob/v1.4.0/docs/' +
        'TROUBLESHOOTING.md#lock-held',
    );
    expect(
      troubleshootingLink('lock-held', { ...actionEnv, GITHUB_SERVER_URL: 'https://ghe.x/' }),
    ).toBe(
      'https://ghe.x/platform/databricks-bundle/blob/v1.4.0/docs/TROUBLESHOOTING.md#lock-held',
    );
  });

  test.each(['GITHUB_SERVER_URL', 'GITHUB_ACTION_REPOSITORY', 'GITHUB_ACTION_REF'])(
    'without %s (a local action), names the file in the repository',
    (missing) => {
      expect(troubleshootingLink('exit-code-137', { ...actionEnv, [missing]: '' })).toBe(
        "docs/TROUBLESHOOTING.md#exit-code-137 in the action's repository",
      );
    },
  );
});

describe('docs/TROUBLESHOOTING.md', () => {
  const guide = readFileSync(path.join(REPOSITORY_ROOT, 'docs/TROUBLESHOOTING.md'), 'utf8');
  const anchors = [...guide.matchAll(/<a id="([^"]+)"><\/a>/g)].map((match) => match[1]);

  test('has one anchor for every id the action links to, and no other', () => {
    expect([...anchors].sort()).toEqual([...TROUBLESHOOTING_IDS].sort());
    expect(new Set(anchors).size).toBe(anchors.length);
  });

  test('puts each anchor right before a section heading', () => {
    for (const id of TROUBLESHOOTING_IDS) {
      expect(guide).toMatch(new RegExp(`<a id="${id}"></a>\\n\\n## \\S`));
    }
  });
});
