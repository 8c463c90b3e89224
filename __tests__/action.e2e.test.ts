/**
 * The action end to end, against the real Docker engine and the stand-in CLI image that jest's
 * global set-up built and mirrored through a registry on 127.0.0.1.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, test } from '@jest/globals';

import {
  actionContainers,
  copyExample,
  foreignFiles,
  readOutputs,
  RUNNERS,
  runnerEnvironment,
  type RunnerFolders,
  standInImage,
  startBuiltAction,
  useScratchRunnerPerTest,
} from './support/action-harness.js';
import { auditSchemaErrors } from './support/audit-schema.js';
import { run } from './support/exec.js';
import { readBundleCalls, sha256 } from './support/stand-in-calls.js';

const TOKEN = 'dapi-e2e-token-7f3a9c';
const CLIENT_SECRET = 'sp-e2e-secret-c41d2b';
const HOST = 'https://adb-1234567890123456.7.azuredatabricks.net';

const currentRunner = useScratchRunnerPerTest();

function dockerConfigWithProxies(runner: RunnerFolders): string {
  const folder = path.join(runner.root, 'docker-config');
  mkdirSync(folder);
  const proxy = 'http://proxy-user:proxy-password@proxy.invalid:3128';
  writeFileSync(
    path.join(folder, 'config.json'),
    JSON.stringify({ proxies: { default: { httpProxy: proxy, httpsProxy: proxy, noProxy: '*' } } }),
  );
  return folder;
}

/** Every line the action printed, minus the mask registrations the runner itself consumes. */
function loggedLines(output: string): string[] {
  return output.split('\n').filter((line) => !line.startsWith('::add-mask::'));
}

function expectNoSecretAnywhere(texts: string[], secrets: string[]): void {
  for (const text of texts) {
    for (const secret of secrets) expect(text).not.toContain(secret);
  }
}

describe.each(RUNNERS)('%s', (_, runAction) => {
  test('validates, then deploys the plain example with a token and variables', async () => {
    const bundle = copyExample('plain-job', currentRunner(), 'bundles/plain-job');
    const env = runnerEnvironment(
      currentRunner(),
      {
        image: standInImage(),
        target: 'dev',
        'working-directory': 'bundles/plain-job',
        host: HOST,
        token: TOKEN,
        vars: 'greeting=hello, "quoted" = world ünï\n',
      },
      {
        // Runner variables that must never reach the container.
        DATABRICKS_CLIENT_SECRET: 'runner-leak',
        DATABRICKS_CONFIG_PROFILE: 'runner-profile',
        // The runner's proxy does reach it, by name, in both cases.
        https_proxy: 'http://runner-proxy.invalid:3128',
        // A docker client config whose `proxies` section docker would inject into every
        // container; its proxies, and the credentials in them, must not arrive.
        DOCKER_CONFIG: dockerConfigWithProxies(currentRunner()),
      },
    );

    const result = await runAction(env);

    expect(result.exitCode).toBe(0);
    const outputs = readOutputs(currentRunner().outputFile);
    expect(outputs).toMatchObject({
      result: 'success',
      'validate-result': 'success',
      'deploy-result': 'success',
      'image-id': process.env['STAND_IN_IMAGE_ID'],
    });
    expect(JSON.parse(outputs['phases'] ?? '')).toEqual([
      expect.objectContaining({ name: 'validate', outcome: 'success', 'exit-code': 0 }),
      expect.objectContaining({ name: 'deploy', outcome: 'success', 'exit-code': 0 }),
      expect.objectContaining({ name: 'summary', outcome: 'success', 'exit-code': 0 }),
    ]);

    const calls = readBundleCalls(bundle);
    expect(calls.map((call) => call.argv)).toEqual([
      ['bundle', 'validate', '-t', 'dev'],
      ['bundle', 'deploy', '-t', 'dev'],
      ['bundle', 'summary', '-t', 'dev', '-o', 'json'],
    ]);
    for (const call of calls) {
      expect(call.uid).toBe(process.getuid?.());
      expect(call.gid).toBe(process.getgid?.());
      expect(call.cwd).toBe('/github/workspace/bundles/plain-job');
      expect(call.home_writable).toBe(true);
      expect(call.secrets_sha256['DATABRICKS_TOKEN']).toBe(sha256(TOKEN));
      expect(call.bundle_vars_sha256).toEqual({ greeting: sha256('hello, "quoted" = world ünï') });
      // Exactly the allow-list, plus what the image sets (PATH and, as the official image
      // does, the two Terraform variables) and HOSTNAME, which Docker sets.
      expect(call.env_names).toEqual(
        [
          'BUNDLE_VAR_greeting',
          'CHECKPOINT_DISABLE',
          'DATABRICKS_AUTH_TYPE',
          'DATABRICKS_HOST',
          'DATABRICKS_TF_CLI_CONFIG_FILE',
          'DATABRICKS_TF_EXEC_PATH',
          'DATABRICKS_TOKEN',
          'HOME',
          'HOSTNAME',
          'HTTPS_PROXY',
          'NO_COLOR',
          'PATH',
          'https_proxy',
        ].sort(),
      );
    }
    expect(result.stdout).toContain("HTTPS proxy: http://runner-proxy.invalid:3128 (the runner's");

    const summary = readFileSync(currentRunner().summaryFile, 'utf8');
    expect(summary).toContain('Databricks bundle deploy: ✅ success');
    expect(summary).toContain(`<code>${standInImage()}</code>`);
    expect(summary).toMatch(/\| validate \| ✅ success \| 0 \| /);
    expect(summary).toMatch(/\| deploy \| ✅ success \| 0 \| /);

    expect(result.stdout).toContain('::group::databricks bundle validate -t dev');
    expect(result.stdout).toContain('::group::databricks bundle deploy -t dev');
    expect(result.stdout).toMatch(
      /::debug::docker run --rm --pull never --name databricks-bundle-/,
    );

    expectNoSecretAnywhere(
      [
        ...loggedLines(result.stdout),
        result.stderr,
        readFileSync(currentRunner().outputFile, 'utf8'),
        summary,
      ],
      [TOKEN],
    );
    expect(result.stdout).toContain(`::add-mask::${TOKEN}`);
    expect(foreignFiles(currentRunner().checkout)).toEqual([]);
    // The CLI's home folder is gone; only the audit record stays, for a later step.
    expect(readdirSync(currentRunner().runnerTemp)).toEqual([
      expect.stringMatching(/^databricks-bundle-audit-\d+-[0-9a-f]{8}\.json$/),
    ]);
  });

  test('deploys the prebuilt-wheel example as a service principal', async () => {
    const bundle = copyExample('prebuilt-wheel', currentRunner(), 'prebuilt-wheel');
    const env = runnerEnvironment(currentRunner(), {
      image: standInImage(),
      target: 'production',
      'working-directory': 'prebuilt-wheel',
      host: HOST,
      'client-id': 'b1e5a1f0-0000-4000-8000-000000000001',
      'client-secret': CLIENT_SECRET,
      'auto-approve': 'true',
    });

    const result = await runAction(env);

    expect(result.exitCode).toBe(0);
    const calls = readBundleCalls(bundle);
    expect(calls.map((call) => call.argv)).toEqual([
      ['bundle', 'validate', '-t', 'production'],
      ['bundle', 'deploy', '-t', 'production', '--auto-approve'],
      ['bundle', 'summary', '-t', 'production', '-o', 'json'],
    ]);
    expect(calls[1]?.secrets_sha256['DATABRICKS_CLIENT_SECRET']).toBe(sha256(CLIENT_SECRET));
    expect(calls[1]?.env_names).not.toContain('DATABRICKS_TOKEN');
    expectNoSecretAnywhere(
      [...loggedLines(result.stdout), readFileSync(currentRunner().summaryFile, 'utf8')],
      [CLIENT_SECRET],
    );
  });

  test('a failing validate stops before deploy', async () => {
    // The pre-flight reads the YAML but resolves no references; the CLI does, and fails.
    const bundle = copyExample('plain-job', currentRunner(), 'b');
    const config = path.join(bundle, 'databricks.yml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('${var.greeting}', '${var.nope}'));
    const env = runnerEnvironment(currentRunner(), {
      image: standInImage(),
      target: 'dev',
      'working-directory': 'b',
      host: HOST,
      token: TOKEN,
    });

    const result = await runAction(env);

    expect(result.exitCode).toBe(1);
    expect(readOutputs(currentRunner().outputFile)).toMatchObject({
      result: 'failure',
      'validate-result': 'failure',
      'deploy-result': 'skipped',
    });
    expect(readBundleCalls(bundle).map((call) => call.argv[1])).toEqual(['validate']);
    expect(result.stdout).toMatch(
      /::error::The validate phase failed: .* exited with code 1\. Nothing was changed in the /,
    );
    expect(result.stdout).toContain('reference does not exist: ${var.nope}');
    expect(readFileSync(currentRunner().summaryFile, 'utf8')).toMatch(
      /\| deploy \| ⏭️ skipped \| +\| +\|/,
    );
  });

  test("docker's own failure to start the container is not blamed on the CLI", async () => {
    copyExample('plain-job', currentRunner(), 'b');
    const env = runnerEnvironment(currentRunner(), {
      image: standInImage(),
      target: 'dev',
      'working-directory': 'b',
      host: HOST,
      token: TOKEN,
      'docker-network': 'no-such-network-for-this-test',
    });

    const result = await runAction(env);

    expect(result.exitCode).toBe(1);
    expect(readOutputs(currentRunner().outputFile)).toMatchObject({
      'validate-result': 'failure',
      'deploy-result': 'skipped',
    });
    expect(result.stdout).toMatch(
      /::error::The validate phase failed: docker could not create or start the container/,
    );
    expect(result.stdout).toMatch(/\(exit code 125\), so the CLI never ran\. Check the docker-/);
  });

  test('outputs that cannot be written fail the step, saying what ran', async () => {
    copyExample('plain-job', currentRunner(), 'b');
    const env = runnerEnvironment(
      currentRunner(),
      { image: standInImage(), target: 'dev', 'working-directory': 'b', host: HOST, token: TOKEN },
      { GITHUB_OUTPUT: path.join(currentRunner().root, 'no-such-folder/output') },
    );

    const result = await runAction(env);

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(
      /::error::The step outputs could not be written to GITHUB_OUTPUT/,
    );
    expect(result.stdout).toMatch(
      /the phases ran regardless: pre-flight success, validate success, deploy success/,
    );
    expect(readFileSync(currentRunner().summaryFile, 'utf8')).toContain('deploy: ✅ success');
    expect(result.stdout).not.toContain('Unexpected error');
  });

  test('a failing deploy is reported with the CLI error lines', async () => {
    copyExample('plain-job', currentRunner(), 'b');
    const env = runnerEnvironment(currentRunner(), {
      image: standInImage(),
      target: 'dev',
      'working-directory': 'b',
      host: 'https://stand-in-deploy-denied.cloud.databricks.com',
      token: TOKEN,
    });

    const result = await runAction(env);

    expect(result.exitCode).toBe(1);
    expect(readOutputs(currentRunner().outputFile)).toMatchObject({
      'validate-result': 'success',
      'deploy-result': 'failure',
    });
    expect(result.stdout).toMatch(
      /::error::The deploy phase failed: The workspace refused to let the deploying identity /,
    );
    expect(result.stdout).toContain('See docs/TROUBLESHOOTING.md#permission-denied');
    expect(result.stdout).toMatch(
      /may be incomplete.*Last lines of the container's error output:%0A.*Error:/,
    );
  });
});

describe.each(RUNNERS)('%s, stopping before any container starts', (_, runAction) => {
  async function expectRefusal(
    inputs: Record<string, string>,
    message: RegExp,
    extraEnv: Record<string, string> = {},
  ) {
    const bundle = copyExample('plain-job', currentRunner(), 'b');
    const env = runnerEnvironment(
      currentRunner(),
      {
        image: standInImage(),
        target: 'dev',
        'working-directory': 'b',
        host: HOST,
        token: TOKEN,
        ...inputs,
      },
      extraEnv,
    );

    const result = await runAction(env);

    expect(result.exitCode).toBe(1);
    const errors = result.stdout.split('\n').filter((line) => line.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
    expect(result.stdout).not.toContain('::group::');
    expect(readBundleCalls(bundle)).toEqual([]);
    expectNoSecretAnywhere(loggedLines(result.stdout), [TOKEN, CLIENT_SECRET]);
  }

  test('an image that is not in the local store is never pulled', async () => {
    await expectRefusal(
      { image: 'registry.internal.example/databricks/cli:v0.298.0' },
      /Input 'image': .* not in this runner's local image store, and this action never pulls.*"v"/,
    );
  });

  test('an unreachable engine, honouring DOCKER_HOST', async () => {
    await expectRefusal(
      {},
      /No Docker engine answered at DOCKER_HOST=unix:\/\/\/nonexistent\/docker.sock/,
      { DOCKER_HOST: 'unix:///nonexistent/docker.sock' },
    );
  });

  test.each([
    [{ image: `${'registry.internal.example/databricks/cli'}:latest` }, /Input 'image'.*latest/],
    [{ 'force-lock': 'yes' }, /Input 'force-lock': "yes" is not a boolean/],
    [
      { 'client-secret': CLIENT_SECRET },
      /Input 'client-secret': is set, but auth-type pat does not/,
    ],
    [{ 'working-directory': '../..' }, /Input 'working-directory'.*outside the repository/],
    [{ vars: 'bad name=1' }, /Input 'vars'/],
    [{ command: 'apply' }, /Input 'command'/],
    [{ command: 'destroy' }, /Input 'auto-approve'/],
    [{ target: '' }, /Input 'target': is required/],
  ])('bad input %j', async (inputs, message) => {
    await expectRefusal(inputs, message);
  });
});

describe('images brought in through a registry mirror', () => {
  test('a digest reference runs, and the digest that ran is an output', async () => {
    const digestRef = process.env['STAND_IN_MIRRORED_DIGEST_REF'] ?? '';
    expect(digestRef).toMatch(/^127\.0\.0\.1:\d+\/databricks\/cli@sha256:[0-9a-f]{64}$/);
    copyExample('plain-job', currentRunner(), 'b');
    const env = runnerEnvironment(currentRunner(), {
      image: digestRef,
      target: 'dev',
      'working-directory': 'b',
      host: HOST,
      token: TOKEN,
      command: 'validate',
    });

    const result = await RUNNERS[0]![1](env);

    expect(result.exitCode).toBe(0);
    const outputs = readOutputs(currentRunner().outputFile);
    expect(outputs['image-digest']).toBe(digestRef);
    expect(outputs['image-id']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(outputs['deploy-result']).toBeUndefined();
    expect(readFileSync(currentRunner().summaryFile, 'utf8')).toContain(
      `<code>${digestRef}</code>`,
    );
  });
});

describe('cancellation', () => {
  test.each(['SIGTERM', 'SIGINT'] as const)(
    '%s in the middle of a deploy removes its container and the home folder',
    async (signal) => {
      const bundle = copyExample('plain-job', currentRunner(), 'b');
      const action = startBuiltAction(
        runnerEnvironment(currentRunner(), {
          image: standInImage(),
          target: 'dev',
          'working-directory': 'b',
          // The stand-in's slow scenario: deploy sleeps 30 s after it starts uploading.
          host: 'https://stand-in-slow.cloud.databricks.com',
          token: TOKEN,
        }),
      );
      await action.waitForOutput('Uploading bundle files to');
      expect(await actionContainers()).toHaveLength(1);

      action.child.kill(signal);
      const result = await action.finished;

      expect(result.exitCode).toBe(1);
      expect(result.stdout).toMatch(
        new RegExp(`::error::The step was cancelled \\(${signal}\\) during the deploy phase`),
      );
      expect(await actionContainers()).toEqual([]);
      expect(foreignFiles(bundle)).toEqual([]);

      // The home folder is gone; the audit record says what ran and what was stopped.
      const [record, ...others] = readdirSync(currentRunner().runnerTemp);
      expect(others).toEqual([]);
      const audit = JSON.parse(
        readFileSync(path.join(currentRunner().runnerTemp, record ?? ''), 'utf8'),
      ) as Record<string, unknown>;
      expect(auditSchemaErrors(audit)).toEqual([]);
      expect(audit).toMatchObject({
        result: 'failure',
        error: expect.stringMatching(`^The step was cancelled \\(${signal}\\) during the deploy`),
        phases: [
          expect.objectContaining({ name: 'validate', outcome: 'success', exit_code: 0 }),
          expect.objectContaining({ name: 'deploy', outcome: 'cancelled', exit_code: null }),
        ],
      });
    },
  );

  // The docker client creates its container a moment after it starts; a cancel in between
  // must neither leave the container (holding the token) behind nor claim it was removed.
  test.each([1, 2, 3])('SIGTERM as a phase starts leaves no container (attempt %i)', async () => {
    copyExample('plain-job', currentRunner(), 'b');
    const action = startBuiltAction(
      runnerEnvironment(currentRunner(), {
        image: standInImage(),
        target: 'dev',
        'working-directory': 'b',
        host: HOST,
        token: TOKEN,
      }),
    );
    await action.waitForOutput('::stop-commands::');
    action.child.kill('SIGTERM');
    const result = await action.finished;

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/::error::The step was cancelled \(SIGTERM\)/);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await actionContainers()).toEqual([]);
  });

  test('a container that cannot be removed is named, with the command to remove it', async () => {
    copyExample('plain-job', currentRunner(), 'b');
    // A docker client whose `rm` fails, standing in for an engine too busy to answer in time.
    const wrappers = path.join(currentRunner().root, 'wrappers');
    mkdirSync(wrappers);
    const realDocker = (await run(['sh', '-c', 'command -v docker'])).stdout.trim();
    writeFileSync(
      path.join(wrappers, 'docker'),
      `#!/bin/sh\n[ "$1" = rm ] && exit 1\nexec ${realDocker} "$@"\n`,
      { mode: 0o755 },
    );
    const action = startBuiltAction(
      runnerEnvironment(
        currentRunner(),
        {
          image: standInImage(),
          target: 'dev',
          'working-directory': 'b',
          host: 'https://stand-in-slow.cloud.databricks.com',
          token: TOKEN,
        },
        { PATH: `${wrappers}:${process.env['PATH'] ?? ''}` },
      ),
    );
    await action.waitForOutput('Uploading bundle files to');
    const [container] = await actionContainers();

    action.child.kill('SIGTERM');
    const result = await action.finished;
    await run(['docker', 'rm', '--force', container ?? 'none']);

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      `but its container ${container} could not be removed and may still be running`,
    );
    expect(result.stdout).toContain(`docker rm --force ${container}`);
    // The container still used the home folder, so it was left in place, beside the record.
    expect(readdirSync(currentRunner().runnerTemp).sort()).toEqual([
      expect.stringMatching(/^databricks-bundle-audit-/),
      expect.stringMatching(/^databricks-bundle-home-/),
    ]);
  });
});
