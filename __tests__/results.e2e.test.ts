/**
 * What a reviewer gets from a run, end to end against the real Docker engine and the stand-in
 * CLI: deployed resources, plans, destroy, the lock and destructive-change refusals, and the
 * audit record, each checked field by field and scanned for secrets.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { beforeAll, describe, expect, test } from '@jest/globals';

import {
  copyExample,
  readOutputs,
  resetRunnerFiles,
  runBuiltAction,
  runInProcess,
  runnerEnvironment,
  standInImage,
  useScratchRunnerPerTest,
} from './support/action-harness.js';
import { auditSchemaErrors } from './support/audit-schema.js';
import { REPOSITORY_ROOT } from './support/bundles.js';
import { runChecked } from './support/exec.js';
import { readBundleCalls } from './support/stand-in-calls.js';

const TOKEN = 'dapi-results-token-93be17';
const HOST = 'https://adb-1234567890123456.7.azuredatabricks.net';
const BUILD = path.join(REPOSITORY_ROOT, '__tests__/support/stand-in-cli/build-image.sh');

// A CLI from before `bundle plan` (0.263.0), and one whose plan has no JSON yet (0.269.0).
const NO_PLAN = 'databricks-cli-stand-in:0.262.0';
const TEXT_PLAN = 'databricks-cli-stand-in:0.265.0';

beforeAll(async () => {
  await runChecked(['bash', BUILD, '--cli-version', '0.262.0', NO_PLAN]);
  await runChecked(['bash', BUILD, '--cli-version', '0.265.0', TEXT_PLAN]);
}, 120_000);

const currentRunner = useScratchRunnerPerTest();

const RUNNER_VARIABLES = {
  GITHUB_SERVER_URL: 'https://github.bank.internal',
  GITHUB_REPOSITORY: 'sales/pipelines',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_WORKFLOW: 'Deploy sales',
  GITHUB_WORKFLOW_REF: 'sales/pipelines/.github/workflows/deploy.yml@refs/heads/main',
  GITHUB_JOB: 'deploy',
  GITHUB_RUN_ATTEMPT: '3',
  GITHUB_ACTOR: 'alice',
  GITHUB_TRIGGERING_ACTOR: 'bob',
  GITHUB_ACTION_REPOSITORY: 'platform/databricks-bundle-airgap',
  GITHUB_ACTION_REF: 'v1',
};

function plainJob(): string {
  return copyExample('plain-job', currentRunner(), 'bundles/job');
}

function environment(inputs: Record<string, string> = {}): Record<string, string> {
  return runnerEnvironment(
    currentRunner(),
    {
      image: standInImage(),
      target: 'dev',
      'working-directory': 'bundles/job',
      host: HOST,
      token: TOKEN,
      ...inputs,
    },
    RUNNER_VARIABLES,
  );
}

interface RunOutcome {
  readonly exitCode: number;
  readonly log: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  readonly audit: Record<string, unknown>;
}

/** Runs the built action and reads everything it left, checking the audit record on the way. */
async function runAction(inputs: Record<string, string> = {}): Promise<RunOutcome> {
  const result = await runBuiltAction(environment(inputs));
  const outputs = readOutputs(currentRunner().outputFile);
  const summary = readFileSync(currentRunner().summaryFile, 'utf8');
  const auditPath = outputs['audit-record'] ?? '';
  expect(path.dirname(auditPath)).toBe(currentRunner().runnerTemp);
  const bytes = readFileSync(auditPath);
  expect(outputs['audit-record-sha256']).toBe(createHash('sha256').update(bytes).digest('hex'));
  const audit = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  expect(auditSchemaErrors(audit)).toEqual([]);

  const log = result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
  for (const text of [...log, result.stderr, JSON.stringify(outputs), summary, String(bytes)]) {
    expect(text).not.toContain(TOKEN);
  }
  return { exitCode: result.exitCode, log: log.join('\n'), outputs, summary, audit };
}

function errorLines(log: string): string[] {
  return log.split('\n').filter((line) => line.startsWith('::error'));
}

describe('deploy', () => {
  test('publishes the resources as outputs, a summary table and an audit record', async () => {
    const bundle = plainJob();
    const run = await runAction();

    expect(run.exitCode).toBe(0);
    expect(readBundleCalls(bundle).map((call) => call.argv)).toEqual([
      ['bundle', 'validate', '-t', 'dev'],
      ['bundle', 'deploy', '-t', 'dev'],
      ['bundle', 'summary', '-t', 'dev', '-o', 'json'],
    ]);

    const resources = JSON.parse(run.outputs['resources'] ?? '') as Record<string, string>[];
    expect(resources).toHaveLength(1);
    const job = resources[0]!;
    expect(job).toEqual({
      group: 'jobs',
      key: 'plain_job',
      id: expect.stringMatching(/^\d+$/),
      // An adb-<workspace id> host names the workspace already, so the link needs no ?o=.
      url: `${HOST}/jobs/${job['id']}`,
    });
    expect(JSON.parse(run.outputs['job-ids'] ?? '')).toEqual({ plain_job: job['id'] });
    expect(JSON.parse(run.outputs['job-urls'] ?? '')).toEqual({ plain_job: job['url'] });
    expect(JSON.parse(run.outputs['pipeline-ids'] ?? '')).toEqual({});
    expect(run.outputs['summary-result']).toBe('success');
    expect(run.outputs['plan']).toBeUndefined();

    expect(run.summary).toContain('#### Deployed resources (1)');
    expect(run.summary).toContain(
      `| <code>jobs.plain&#95;job</code> | &#91;dev deployer&#93; plain&#95;job | ` +
        `<code>${job['id']}</code> | <a href="${job['url']}">open</a> |`,
    );
    // The summary's JSON (the whole resolved configuration) is read, not logged.
    expect(run.log).not.toContain('"spark_python_task"');
    expect(run.log).toContain(`jobs.plain_job: ${job['url']}`);

    expect(run.audit).toMatchObject({
      record_version: 1,
      action: { repository: 'platform/databricks-bundle-airgap', ref: 'v1' },
      run: {
        server_url: 'https://github.bank.internal',
        repository: 'sales/pipelines',
        commit: RUNNER_VARIABLES.GITHUB_SHA,
        ref: 'refs/heads/main',
        workflow: 'Deploy sales',
        run_id: '4242',
        run_attempt: '3',
        actor: 'alice',
        triggering_actor: 'bob',
      },
      result: 'success',
      error: null,
      command: 'deploy',
      target: 'dev',
      bundle: { path: 'bundles/job', config_file: 'databricks.yml', name: 'plain_job' },
      image: {
        reference: standInImage(),
        id: process.env['STAND_IN_IMAGE_ID'],
        repo_digest: process.env['STAND_IN_MIRRORED_DIGEST_REF'],
        platform: expect.stringMatching(/^linux\//),
        cli_version: '0.298.0',
      },
      engine: 'terraform',
      preflight: {
        result: 'success',
        policy: 'strict',
        findings: [
          {
            rule: 'mutable-tag',
            level: 'warning',
            kind: 'advice',
            file: null,
            line: null,
            message: expect.stringContaining("Input 'image' names the tag 0.298.0"),
          },
        ],
      },
      local_files: [],
      resources: [{ ...job, name: '[dev deployer] plain_job' }],
      plan: null,
    });
    const phases = run.audit['phases'] as Record<string, unknown>[];
    expect(phases.map((phase) => [phase['name'], phase['outcome'], phase['exit_code']])).toEqual([
      ['validate', 'success', 0],
      ['deploy', 'success', 0],
      ['summary', 'success', 0],
    ]);
    for (const phase of phases) {
      const started = Date.parse(String(phase['started_at']));
      const finished = Date.parse(String(phase['finished_at']));
      expect(finished - started).toBe(phase['duration_ms']);
    }
    expect(Date.parse(String(run.audit['started_at']))).toBeLessThanOrEqual(
      Date.parse(String(phases[0]!['started_at'])),
    );
  });

  test('a held lock fails with the force-lock input named; force-lock goes ahead', async () => {
    const bundle = plainJob();
    const lockHeld = { host: 'https://stand-in-lock-held.example.net', target: 'production' };

    const refused = await runAction(lockHeld);
    expect(refused.exitCode).toBe(1);
    expect(refused.outputs).toMatchObject({ 'deploy-result': 'failure', result: 'failure' });
    expect(refused.outputs['summary-result']).toBe('skipped');
    const [error] = errorLines(refused.log).filter((line) => line.includes('phase failed'));
    expect(error).toMatch(/^::error::The deploy phase failed: /);
    expect(error).toContain('force-lock');
    expect(error).toContain('docs/TROUBLESHOOTING.md#');
    const failed = (refused.audit['phases'] as Record<string, unknown>[])[1]!;
    expect(failed).toMatchObject({ name: 'deploy', outcome: 'failure', exit_code: 1 });
    expect(failed['failure']).toEqual(expect.any(String));
    expect(refused.audit['error']).toMatch(/^The deploy phase failed: /);
    expect(refused.audit['resources']).toBeNull();

    const forced = await runAction({ ...lockHeld, 'force-lock': 'true' });
    expect(forced.exitCode).toBe(0);
    expect(readBundleCalls(bundle).at(-2)?.argv).toEqual([
      'bundle',
      'deploy',
      '-t',
      'production',
      '--force-lock',
    ]);
  });
});

describe('plan', () => {
  test('shows what a deploy would change, and changes nothing', async () => {
    const bundle = plainJob();
    const run = await runAction({ command: 'plan' });

    expect(run.exitCode).toBe(0);
    expect(readBundleCalls(bundle).map((call) => call.argv)).toEqual([
      ['bundle', 'validate', '-t', 'dev'],
      ['bundle', 'plan', '-t', 'dev', '-o', 'json'],
    ]);
    const plan = {
      changes: [{ resource: 'jobs.plain_job', action: 'create' }],
      counts: { create: 1, change: 0, delete: 0, unchanged: 0 },
    };
    expect(JSON.parse(run.outputs['plan'] ?? '')).toEqual(plan);
    expect(run.outputs).toMatchObject({
      result: 'success',
      'validate-result': 'success',
      'plan-result': 'success',
      resources: '[]',
    });
    expect(run.outputs['deploy-result']).toBeUndefined();
    expect(run.summary).toContain('### Databricks bundle plan: ✅ success');
    expect(run.summary).toContain('#### Plan: 1 to add, 0 to change, 0 to delete, 0 unchanged');
    expect(run.summary).toContain('| create | <code>jobs.plain&#95;job</code> |');
    expect(run.log).toContain('  create jobs.plain_job');
    expect(run.audit).toMatchObject({ command: 'plan', plan, resources: null });
  });

  test('a plan that deletes warns that deploying it needs auto-approve', async () => {
    plainJob();
    const run = await runAction({
      command: 'plan',
      host: 'https://stand-in-destructive.example.net',
    });

    expect(run.exitCode).toBe(0);
    const plan = JSON.parse(run.outputs['plan'] ?? '') as { counts: { delete: number } };
    expect(plan.counts.delete).toBe(1);
    expect(run.log).toMatch(
      /^::warning title=Databricks bundle plan::This plan deletes or recreates 1 resource\. /m,
    );
    expect(run.summary).toContain('| delete | <code>schemas.stand&#95;in&#95;orphan</code> |');
    expect(run.summary).toContain('> [!WARNING]');
  });

  test('a CLI without JSON plans gives the text plan, read the same way', async () => {
    const bundle = plainJob();
    const run = await runAction({ command: 'plan', image: TEXT_PLAN });

    expect(run.exitCode).toBe(0);
    expect(readBundleCalls(bundle).at(-1)?.argv).toEqual(['bundle', 'plan', '-t', 'dev']);
    expect(JSON.parse(run.outputs['plan'] ?? '')).toEqual({
      changes: [{ resource: 'jobs.plain_job', action: 'create' }],
      counts: { create: 1, change: 0, delete: 0, unchanged: 0 },
    });
    expect(run.audit).toMatchObject({ image: { cli_version: '0.265.0' } });
  });

  test('a CLI without `bundle plan` is refused by the pre-flight', async () => {
    const bundle = plainJob();
    const run = await runAction({ command: 'plan', image: NO_PLAN });

    expect(run.exitCode).toBe(1);
    expect(readBundleCalls(bundle)).toEqual([]);
    const findings = JSON.parse(run.outputs['findings'] ?? '') as Record<string, unknown>[];
    const errors = findings.filter((finding) => finding['level'] === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ rule: 'cli-without-plan', level: 'error', kind: 'stop' }),
    ]);
    expect(errors[0]!['message']).toContain('0.263.0');
    expect(run.outputs['plan-result']).toBe('skipped');
  });
});

describe('destructive changes and destroy', () => {
  test('a deploy that needs approval names auto-approve and suggests a plan', async () => {
    plainJob();
    const destructive = { host: 'https://stand-in-destructive.example.net' };

    const refused = await runAction(destructive);
    expect(refused.exitCode).toBe(1);
    const [error] = errorLines(refused.log).filter((line) => line.includes('phase failed'));
    expect(error).toMatch(/^::error::The deploy phase failed: /);
    expect(error).toContain('auto-approve');
    expect(error).toContain('command: plan');

    const approved = await runAction({ ...destructive, 'auto-approve': 'true' });
    expect(approved.exitCode).toBe(0);
    expect(approved.outputs['deploy-result']).toBe('success');
  });

  test('destroy without auto-approve stops before anything runs and says how', async () => {
    const bundle = plainJob();
    const run = await runAction({ command: 'destroy' });

    expect(run.exitCode).toBe(1);
    expect(readBundleCalls(bundle)).toEqual([]);
    expect(errorLines(run.log)).toEqual([
      expect.stringMatching(/^::error::Input 'auto-approve': must be true for command "destroy"\./),
    ]);
    expect(run.audit).toMatchObject({
      result: 'failure',
      command: null,
      phases: [],
      error: expect.stringMatching(/^Input 'auto-approve'/),
    });
  });

  test('destroy with auto-approve validates, then destroys', async () => {
    const bundle = plainJob();
    const run = await runAction({ command: 'destroy', 'auto-approve': 'true' });

    expect(run.exitCode).toBe(0);
    expect(readBundleCalls(bundle).map((call) => call.argv)).toEqual([
      ['bundle', 'validate', '-t', 'dev'],
      ['bundle', 'destroy', '-t', 'dev', '--auto-approve'],
    ]);
    expect(run.outputs).toMatchObject({ 'destroy-result': 'success', resources: '[]' });
    expect(run.audit).toMatchObject({ command: 'destroy', resources: null });
  });
});

test('in process too, for coverage: plan and deploy give outputs and audit records', async () => {
  plainJob();
  for (const command of ['plan', 'deploy']) {
    const result = await runInProcess(environment({ command }));
    expect(result.exitCode).toBe(0);
    const outputs = readOutputs(currentRunner().outputFile);
    const audit = JSON.parse(readFileSync(outputs['audit-record'] ?? '', 'utf8')) as unknown;
    expect(auditSchemaErrors(audit)).toEqual([]);
    expect(audit).toMatchObject({ command, result: 'success' });
    resetRunnerFiles(currentRunner());
  }
});
