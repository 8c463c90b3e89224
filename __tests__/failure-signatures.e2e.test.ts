/**
 * Known failures end to end: the built action (`node dist/index.js`) against the stand-in CLI,
 * whose workspace host picks a failure scenario that prints the real CLI's texts (see
 * support/stand-in-cli/README.md). Each failed step must name the phase, explain the cause with
 * a link to its troubleshooting section, and leak no secret anywhere.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, test } from '@jest/globals';

import { type FailureContext, recognizeFailure } from '../src/failure-signatures.js';
import {
  copyExample,
  type ProcessResult,
  readOutputs,
  runBuiltAction,
  runnerEnvironment,
  standInImage,
  useScratchRunnerPerTest,
} from './support/action-harness.js';
import { REPOSITORY_ROOT } from './support/bundles.js';
import { run } from './support/exec.js';

const TOKEN = 'dapi-e2e-signature-token-4c9e1a';
const currentRunner = useScratchRunnerPerTest();

interface Scenario {
  /** The first DNS label of the workspace host, which picks the stand-in's behaviour. */
  readonly label: string;
  readonly phase: 'validate' | 'deploy' | 'plan';
  readonly id: string;
  /** A distinctive part of the explanation, so that the check below is not vacuous. */
  readonly explanation: RegExp;
  readonly inputs?: Record<string, string>;
}

const SCENARIOS: Scenario[] = [
  {
    label: 'stand-in-unauthorized',
    phase: 'validate',
    id: 'authentication-failed',
    explanation: /rejected the access token/,
  },
  {
    label: 'stand-in-forbidden',
    phase: 'validate',
    id: 'permission-denied',
    explanation: /answered 403 Forbidden during bundle validate/,
  },
  {
    label: 'stand-in-no-such-host',
    phase: 'validate',
    id: 'workspace-unreachable',
    explanation: /could not resolve the workspace host name \(DNS\)\. Check the host input/,
  },
  {
    label: 'stand-in-refused',
    phase: 'validate',
    id: 'workspace-unreachable',
    explanation: /refused the connection/,
  },
  {
    label: 'stand-in-timeout',
    phase: 'validate',
    id: 'workspace-unreachable',
    explanation: /timed out/,
  },
  {
    label: 'stand-in-proxy',
    phase: 'validate',
    id: 'workspace-unreachable',
    explanation: /HTTP proxy/,
  },
  {
    label: 'stand-in-x509',
    phase: 'validate',
    id: 'tls-certificate-untrusted',
    explanation: /not in the image's trust store/,
  },
  {
    label: 'stand-in-terraform-download',
    phase: 'deploy',
    id: 'terraform-download',
    explanation: /provider mirror/,
  },
  {
    label: 'stand-in-terraform-download',
    phase: 'plan',
    id: 'terraform-download',
    explanation: /provider mirror/,
    inputs: { command: 'plan' },
  },
  {
    label: 'stand-in-state-newer',
    phase: 'deploy',
    id: 'state-from-newer-cli',
    explanation: /newer Databricks CLI/,
  },
  {
    label: 'stand-in-state-engine',
    phase: 'deploy',
    id: 'state-engine-mismatch',
    explanation: /both engines/,
  },
  {
    label: 'stand-in-deploy-denied',
    phase: 'deploy',
    id: 'permission-denied',
    explanation: /CAN_MANAGE under permissions in b\/databricks\.yml/,
  },
  {
    label: 'stand-in-lock-held',
    phase: 'deploy',
    id: 'lock-held',
    explanation: /holds the deployment lock/,
    // Development mode takes no lock; production does.
    inputs: { target: 'production' },
  },
  {
    label: 'stand-in-destructive',
    phase: 'deploy',
    id: 'approval-required',
    explanation: /command: plan, then deploy them with auto-approve: true/,
  },
];

describe('the built action explains a known failure of the CLI', () => {
  test.each(SCENARIOS)('$label: the $phase phase fails with $id', async (scenario) => {
    const runner = currentRunner();
    copyExample('plain-job', runner, 'b');
    const host = `https://${scenario.label}.cloud.databricks.com`;

    const result = await runBuiltAction(
      runnerEnvironment(runner, { ...baseInputs(host), ...scenario.inputs }),
    );

    expectExplainedFailure(result, scenario, { hostInputSet: true });
  });

  test('a host from the bundle is named as the one to check', async () => {
    const runner = currentRunner();
    const bundle = copyExample('plain-job', runner, 'b');
    const config = path.join(bundle, 'databricks.yml');
    const host = 'https://stand-in-no-such-host.cloud.databricks.com';
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace('bundle:\n', `workspace:\n  host: ${host}\n\nbundle:\n`),
    );
    const inputs = Object.entries(baseInputs(host)).filter(([name]) => name !== 'host');

    const result = await runBuiltAction(runnerEnvironment(runner, Object.fromEntries(inputs)));

    expectExplainedFailure(
      result,
      {
        label: 'stand-in-no-such-host',
        phase: 'validate',
        id: 'workspace-unreachable',
        explanation: /\(DNS\)\. Check workspace\.host in b\/databricks\.yml,/,
      },
      { hostInputSet: false },
    );
  });

  test('the link points at the running version of the guide on the same server', async () => {
    const runner = currentRunner();
    copyExample('plain-job', runner, 'b');
    const env = runnerEnvironment(
      runner,
      baseInputs('https://stand-in-state-newer.cloud.databricks.com'),
      {
        GITHUB_SERVER_URL: 'https://github.bank.internal',
        GITHUB_ACTION_REPOSITORY: 'platform/databricks-bundle',
        GITHUB_ACTION_REF: 'v1.2.0',
      },
    );

    const result = await runBuiltAction(env);

    expect(errorLines(result)[0]).toContain(
      ' See https://github.bank.internal/platform/databricks-bundle/blob/v1.2.0/docs/' +
        'TROUBLESHOOTING.md#state-from-newer-cli. ',
    );
  });
});

// The docker engine mounts the checkout by its path on the Docker host. Inside a private mount
// namespace with a tmpfs over the checkout, the action (like a runner in a container) sees the
// bundle there while the engine mounts the empty folder underneath, as with docker-in-docker.
// Making such a namespace needs root.
const canHideTheCheckout = process.getuid?.() === 0 && existsSync('/usr/bin/unshare');

(canHideTheCheckout ? describe : describe.skip)('a checkout the docker engine cannot see', () => {
  test('the CLI finds no bundle root, and the cause is named', async () => {
    const runner = currentRunner();
    const staged = copyExample('plain-job', runner, '../staged/b');
    const env = runnerEnvironment(runner, baseInputs('https://adb-1.azuredatabricks.net'));

    const result = await runBuiltActionWithHiddenCheckout(env, path.dirname(staged));

    expectExplainedFailure(
      result,
      {
        label: 'no stand-in scenario',
        phase: 'validate',
        id: 'bundle-root-not-found',
        explanation: /pre-flight read b\/databricks\.yml on the runner/,
      },
      { hostInputSet: true },
    );
    expect(result.stdout).toContain('unable to locate bundle root: databricks.yml not found');
  });
});

function baseInputs(host: string): Record<string, string> {
  return { image: standInImage(), target: 'dev', 'working-directory': 'b', host, token: TOKEN };
}

/**
 * `node dist/index.js` in a private mount namespace where a tmpfs over the checkout holds the
 * staged files; the folder underneath, which the docker engine mounts, stays empty. node, not
 * a shell, sets the namespace up, because a shell drops the runner's `INPUT_WORKING-DIRECTORY`
 * (a name with a hyphen) from the environment it passes on.
 */
async function runBuiltActionWithHiddenCheckout(
  env: Record<string, string>,
  staged: string,
): Promise<ProcessResult> {
  const setUp = [
    "const { execFileSync, spawnSync } = require('node:child_process');",
    'const [checkout, staged, action] = process.argv.slice(1);',
    "execFileSync('mount', ['-t', 'tmpfs', '-o', 'mode=0755', 'checkout', checkout]);",
    "execFileSync('cp', ['-a', staged + '/.', checkout + '/']);",
    "const run = spawnSync(process.execPath, [action], { stdio: 'inherit' });",
    'process.exit(run.status ?? 1);',
  ].join('\n');
  const result = await run(
    [
      'unshare',
      '--mount',
      '--propagation',
      'private',
      process.execPath,
      '-e',
      setUp,
      env['GITHUB_WORKSPACE'] ?? '',
      staged,
      path.join(REPOSITORY_ROOT, 'dist/index.js'),
    ],
    { env, timeoutMs: 120_000 },
  );
  return { exitCode: result.exitCode ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function errorLines(result: ProcessResult): string[] {
  return result.stdout.split('\n').filter((line) => line.startsWith('::error::'));
}

/** The error names the phase, explains the cause, links its section, and no secret leaks. */
function expectExplainedFailure(
  result: ProcessResult,
  scenario: Scenario,
  { hostInputSet }: Pick<FailureContext, 'hostInputSet'>,
): void {
  expect(result.exitCode).toBe(1);
  const errors = errorLines(result);
  expect(errors).toHaveLength(1);

  const message = new RegExp(
    `^::error::The ${scenario.phase} phase failed: (.+) See docs/TROUBLESHOOTING\\.md#` +
      `${scenario.id} in the action's repository\\. `,
  ).exec(errors[0] ?? '');
  expect(message).not.toBeNull();
  const explanation = message?.[1] ?? '';
  expect(explanation).toMatch(scenario.explanation);
  // The explanation is the one for the CLI's whole output, as the phase's log group shows it.
  const context = { phase: scenario.phase, configFile: 'b/databricks.yml', hostInputSet };
  expect(recognizeFailure(phaseLog(result.stdout, scenario.phase), context)).toEqual({
    id: scenario.id,
    explanation,
  });

  const outputs = readOutputs(currentRunner().outputFile);
  expect(outputs['result']).toBe('failure');
  expect(outputs[`${scenario.phase}-result`]).toBe('failure');

  const texts = [
    ...result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')),
    result.stderr,
    readFileSync(currentRunner().outputFile, 'utf8'),
    readFileSync(currentRunner().summaryFile, 'utf8'),
  ];
  for (const text of texts) expect(text).not.toContain(TOKEN);
}

/** The log group of one phase: the CLI's output as it streamed through. */
function phaseLog(stdout: string, phase: string): string {
  const start = stdout.indexOf(`::group::databricks bundle ${phase} `);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = stdout.indexOf('::endgroup::', start);
  return stdout.slice(start, end === -1 ? undefined : end);
}
