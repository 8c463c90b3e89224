import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, test } from '@jest/globals';

import { type AuditFacts, auditRecord, writeAuditRecord } from '../src/audit-record.js';
import { parseInputs } from '../src/inputs.js';
import type { PhaseResult } from '../src/phase-runner.js';
import { ACTION_NAME, ACTION_VERSION } from '../src/version.js';
import { auditSchemaErrors } from './support/audit-schema.js';
import { REPOSITORY_ROOT } from './support/bundles.js';

const TOKEN = 'dapi-audit-secret-0123456789';

const inputs = parseInputs(
  (name) =>
    ({
      image: 'mirror.internal/databricks/cli:0.298.0',
      target: 'prod',
      token: TOKEN,
      command: 'deploy',
    })[name] ?? '',
);

const phase = (name: PhaseResult['name'], exitCode: number): PhaseResult => ({
  name,
  outcome: exitCode === 0 ? 'success' : 'failure',
  exitCode,
  startedAt: '2026-12-04T10:00:00.000Z',
  finishedAt: '2026-12-04T10:00:01.500Z',
  durationMs: 1500,
  informational: name === 'summary',
  output: undefined,
  errorTail: [`Error: ${TOKEN} leaked by a broken CLI`],
  diagnostics: [],
});

const complete: AuditFacts = {
  startedAt: new Date('2026-12-04T09:59:58.000Z'),
  finishedAt: new Date('2026-12-04T10:00:03.000Z'),
  inputs,
  location: {
    checkoutPath: '/runner/work/repo/repo',
    bundlePath: '/runner/work/repo/repo/bundles/sales',
    relativePath: 'bundles/sales',
    configFile: 'databricks.yml',
  },
  image: {
    id: `sha256:${'a'.repeat(64)}`,
    repoDigest: `mirror.internal/databricks/cli@sha256:${'b'.repeat(64)}`,
    repoDigests: [],
    platform: 'linux/amd64',
    os: 'linux',
    architecture: 'amd64',
    env: {},
  },
  preflight: {
    policy: 'warn',
    findings: [
      {
        rule: 'pypi-package',
        level: 'warning',
        kind: 'policy',
        file: 'bundles/sales/databricks.yml',
        line: 12,
        message: 'pandas is fetched from PyPI',
      },
    ],
    artifacts: [{ path: 'bundles/sales/dist/a.whl', bytes: 10, sha256: 'c'.repeat(64) }],
    cliVersion: '0.298.0',
    engine: { engine: 'direct', source: 'engine input' },
    bundleName: 'sales',
    passed: true,
  },
  phases: [phase('validate', 0), phase('deploy', 0), phase('summary', 0)],
  resources: [{ group: 'jobs', key: 'nightly', name: 'nightly', id: '1', url: 'https://h/jobs/1' }],
  plan: undefined,
  result: 'success',
  error: undefined,
};

const runnerEnv = {
  GITHUB_SERVER_URL: 'https://github.bank.internal',
  GITHUB_REPOSITORY: 'sales/pipelines',
  GITHUB_SHA: 'd'.repeat(40),
  GITHUB_REF: 'refs/heads/main',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_WORKFLOW: 'deploy',
  GITHUB_WORKFLOW_REF: 'sales/pipelines/.github/workflows/deploy.yml@refs/heads/main',
  GITHUB_JOB: 'deploy',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_ACTOR: 'alice',
  GITHUB_TRIGGERING_ACTOR: 'bob',
  GITHUB_ACTION_REPOSITORY: 'platform/databricks-bundle',
  RUNNER_NAME: 'enclave-runner-07',
  RUNNER_OS: 'Linux',
  RUNNER_ARCH: 'X64',
  GITHUB_ACTION_REF: 'v1',
  INPUT_TOKEN: TOKEN,
  DATABRICKS_TOKEN: TOKEN,
};

describe('auditRecord', () => {
  test('a complete run: every field, valid against the schema', () => {
    const record = auditRecord(complete, runnerEnv, [TOKEN]) as Record<string, unknown>;
    expect(auditSchemaErrors(record)).toEqual([]);
    expect(record).toMatchObject({
      record_version: 1,
      action: {
        name: ACTION_NAME,
        version: ACTION_VERSION,
        repository: 'platform/databricks-bundle',
        ref: 'v1',
      },
      run: {
        server_url: 'https://github.bank.internal',
        repository: 'sales/pipelines',
        commit: 'd'.repeat(40),
        ref: 'refs/heads/main',
        event_name: 'push',
        workflow: 'deploy',
        job: 'deploy',
        run_id: '42',
        run_attempt: '2',
        actor: 'alice',
        triggering_actor: 'bob',
      },
      runner: { name: 'enclave-runner-07', os: 'Linux', arch: 'X64' },
      settings: {
        image: 'mirror.internal/databricks/cli:0.298.0',
        workspace_host: null,
        auth_type: 'pat',
        auto_approve: false,
        force_lock: false,
        policy: 'strict',
        container_runtime: 'docker',
        timeout_minutes: null,
        clean_local_state: false,
      },
      started_at: '2026-12-04T09:59:58.000Z',
      finished_at: '2026-12-04T10:00:03.000Z',
      result: 'success',
      error: null,
      command: 'deploy',
      target: 'prod',
      bundle: { path: 'bundles/sales', config_file: 'databricks.yml', name: 'sales' },
      image: {
        reference: 'mirror.internal/databricks/cli:0.298.0',
        id: `sha256:${'a'.repeat(64)}`,
        repo_digest: `mirror.internal/databricks/cli@sha256:${'b'.repeat(64)}`,
        platform: 'linux/amd64',
        cli_version: '0.298.0',
      },
      engine: 'direct',
      preflight: { result: 'success', policy: 'warn' },
      local_files: [{ path: 'bundles/sales/dist/a.whl', bytes: 10, sha256: 'c'.repeat(64) }],
      resources: [
        { group: 'jobs', key: 'nightly', name: 'nightly', id: '1', url: 'https://h/jobs/1' },
      ],
      plan: null,
    });
    expect(record['phases']).toEqual([
      {
        name: 'validate',
        outcome: 'success',
        exit_code: 0,
        started_at: '2026-12-04T10:00:00.000Z',
        finished_at: '2026-12-04T10:00:01.500Z',
        duration_ms: 1500,
        failure: null,
      },
      expect.objectContaining({ name: 'deploy' }),
      expect.objectContaining({ name: 'summary' }),
    ]);
  });

  test('holds no secret, no CLI output and no environment dump', () => {
    const leaky: AuditFacts = {
      ...complete,
      result: 'failure',
      error: `Input 'vars': line 1 mentions ${TOKEN}`,
      resources: [{ group: 'jobs', key: TOKEN, name: null, id: null, url: null }],
    };
    const text = JSON.stringify(auditRecord(leaky, runnerEnv, [TOKEN, '']));
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('leaked by a broken CLI');
    expect(text).not.toContain('DATABRICKS_TOKEN');
    expect(text).not.toContain('INPUT_');
    expect(text).toContain('line 1 mentions ***');
  });

  test('a run that stopped at its inputs still gives a valid record', () => {
    const record = auditRecord(
      {
        startedAt: new Date(),
        finishedAt: new Date(),
        inputs: undefined,
        location: undefined,
        image: undefined,
        preflight: undefined,
        phases: [],
        resources: undefined,
        plan: undefined,
        result: 'failure',
        error: "Input 'target': is required.",
      },
      {},
      [],
    );
    expect(auditSchemaErrors(record)).toEqual([]);
    expect(record).toMatchObject({
      command: null,
      settings: null,
      runner: { name: null },
      bundle: null,
      image: null,
      preflight: null,
      local_files: [],
      phases: [],
      resources: null,
      run: { repository: null, run_id: null },
      error: "Input 'target': is required.",
    });
  });

  test('a plan is recorded with its counts and changes', () => {
    const plan = {
      changes: [{ resource: 'jobs.x', action: 'create' }],
      counts: { create: 1, change: 0, delete: 0, unchanged: 0 },
    };
    const record = auditRecord({ ...complete, plan, resources: undefined }, {}, []);
    expect(auditSchemaErrors(record)).toEqual([]);
    expect(record).toMatchObject({ plan, resources: null });
  });

  test('the schema refuses a record with an extra or a missing field', () => {
    const record = auditRecord(complete, {}, []) as Record<string, unknown>;
    expect(auditSchemaErrors({ ...record, environment: {} })).not.toEqual([]);
    const withoutRun = Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'run'));
    expect(auditSchemaErrors(withoutRun)).not.toEqual([]);
  });
});

describe('writeAuditRecord', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'audit-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test('writes a new file under the folder and returns the SHA-256 of its bytes', () => {
    const first = writeAuditRecord({ a: 1 }, folder);
    const second = writeAuditRecord({ a: 1 }, folder);
    expect(path.dirname(first.path)).toBe(folder);
    expect(first.path).not.toBe(second.path);
    const bytes = readFileSync(first.path);
    expect(first.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(JSON.parse(bytes.toString('utf8'))).toEqual({ a: 1 });
  });
});

test('the version in the record is the one in package.json', () => {
  const manifest = JSON.parse(readFileSync(path.join(REPOSITORY_ROOT, 'package.json'), 'utf8'));
  expect({ name: ACTION_NAME, version: ACTION_VERSION }).toEqual({
    name: manifest.name,
    version: manifest.version,
  });
});
