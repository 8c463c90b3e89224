/**
 * The enterprise-runner features end to end, with the built action against real engines:
 * podman as well as docker, proxies, timeouts, the post step, clean-local-state, a custom
 * entrypoint, and what a run leaves in the bundle folder.
 */
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

import { describe, expect, test } from '@jest/globals';

import {
  actionContainers,
  copyExample,
  foreignFiles,
  readOutputs,
  resetRunnerFiles,
  runBuiltAction,
  runnerEnvironment,
  standInImage,
  startBuiltAction,
  useScratchRunnerPerTest,
} from './support/action-harness.js';
import { run, runChecked } from './support/exec.js';
import { readBundleCalls } from './support/stand-in-calls.js';

const TOKEN = 'dapi-enterprise-token-61f0ad';
const HOST = 'https://adb-1234567890123456.7.azuredatabricks.net';

const currentRunner = useScratchRunnerPerTest();

// podman sets these in every container from its own defaults (containers.conf `env`, and the
// `container` marker); they carry nothing of the runner's.
const PODMAN_DEFAULTS = ['container', 'TERM'];

function plainJob(): string {
  return copyExample('plain-job', currentRunner(), 'bundles/job');
}

function environment(
  inputs: Record<string, string> = {},
  extra: Record<string, string> = {},
): Record<string, string> {
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
    { CONTAINERS_CONF: process.env['CONTAINERS_CONF'] ?? '', ...extra },
  );
}

/** Every path under a folder, relative to it, except those under `.databricks/`. */
function filesOutsideDatabricks(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((entry) => entry.split(path.sep).join('/'))
    .filter((entry) => entry !== '.databricks' && !entry.startsWith('.databricks/'))
    .sort();
}

async function podmanContainers(): Promise<string[]> {
  const listed = await run(
    ['podman', 'ps', '--all', '--filter', 'name=databricks-bundle-', '--format', '{{.Names}}'],
    { env: { ...process.env } },
  );
  return listed.stdout.split('\n').filter((name) => name !== '');
}

describe('container-runtime', () => {
  test('podman and docker give the same results, and leave nothing behind', async () => {
    const bundle = plainJob();
    const before = filesOutsideDatabricks(bundle);

    const results: Record<string, unknown>[] = [];
    for (const runtime of ['docker', 'podman']) {
      resetRunnerFiles(currentRunner());
      const result = await runBuiltAction(environment({ 'container-runtime': runtime }));
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain(`, run by ${runtime}`);
      const outputs = readOutputs(currentRunner().outputFile);
      results.push({
        result: outputs['result'],
        phases: (JSON.parse(outputs['phases'] ?? '[]') as Record<string, unknown>[]).map(
          (phase) => [phase['name'], phase['outcome'], phase['exit-code']],
        ),
        jobs: Object.keys(JSON.parse(outputs['job-ids'] ?? '{}') as object),
      });
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[0]).toMatchObject({ result: 'success' });

    const calls = readBundleCalls(bundle);
    expect(calls.map((call) => call.argv[1])).toEqual([
      'validate',
      'deploy',
      'summary',
      'validate',
      'deploy',
      'summary',
    ]);
    // The same allow-list reaches the container under both runtimes: podman adds none of the
    // proxy variables of its own environment, and the container's HOME is the fixed one.
    expect(calls[3]?.env_names.filter((name) => !PODMAN_DEFAULTS.includes(name))).toEqual(
      calls[0]?.env_names,
    );
    expect(calls[3]?.home).toBe('/home/deployer');

    expect(await podmanContainers()).toEqual([]);
    expect(foreignFiles(currentRunner().checkout)).toEqual([]);
    expect(filesOutsideDatabricks(bundle)).toEqual(before);
  });

  test('an image only docker has is reported as missing from podman', async () => {
    plainJob();
    const result = await runBuiltAction(
      environment({ 'container-runtime': 'podman', image: 'databricks-cli-stand-in:0.285.0' }),
    );
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      "::error::Input 'image': databricks-cli-stand-in:0.285.0 is not in this runner's local",
    );
    expect(result.stdout).toContain('(podman pull <mirror>/...)');
  });
});

describe('proxies', () => {
  test('inputs win over the runner, both cases arrive, and credentials are masked', async () => {
    const bundle = plainJob();
    const result = await runBuiltAction(
      environment(
        {
          'https-proxy': 'http://svc-deployer:pr0xy-Secret@proxy.bank.internal:3128',
          'no-proxy': '.bank.internal',
        },
        { HTTPS_PROXY: 'http://runner-proxy.invalid:3128', http_proxy: 'http://plain.invalid:80' },
      ),
    );

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('::add-mask::pr0xy-Secret');
    const logged = result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(logged.join('\n')).not.toContain('pr0xy-Secret');
    expect(logged).toContain(
      'HTTPS proxy: http://***@proxy.bank.internal:3128 (input https-proxy)',
    );
    expect(logged).toContain("HTTP proxy: http://plain.invalid:80 (the runner's http_proxy)");
    expect(logged).toContain('No proxy for: .bank.internal (input no-proxy)');

    const [call] = readBundleCalls(bundle);
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY']) {
      expect(call?.env_names).toContain(name);
    }
    expect(call?.env_names).not.toContain('FTP_PROXY');
  });
});

describe('timeout-minutes', () => {
  test('a phase over the limit is stopped, its container removed, the phase named', async () => {
    plainJob();
    const started = Date.now();
    const result = await runBuiltAction(
      environment({
        host: 'https://stand-in-slow.cloud.databricks.com',
        'timeout-minutes': '0.05',
      }),
    );

    // The stand-in's slow deploy sleeps 30 s; the limit is 3 s.
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      '::error::The deploy phase failed: it ran longer than the timeout-minutes input allows ' +
        '(0.05 min), so the action stopped it and removed its container. ' +
        'See docs/TROUBLESHOOTING.md#phase-timeout',
    );
    const outputs = readOutputs(currentRunner().outputFile);
    expect(outputs).toMatchObject({ 'validate-result': 'success', 'deploy-result': 'failure' });
    expect(await actionContainers()).toEqual([]);
    expect(readdirSync(currentRunner().runnerTemp)).toEqual([
      expect.stringMatching(/^databricks-bundle-audit-/),
    ]);
  });
});

// GITHUB_STATE has the format of GITHUB_OUTPUT, so readOutputs reads it too.
describe('the post step', () => {
  test('removes a container that a killed main step left behind', async () => {
    plainJob();
    const stateFile = path.join(currentRunner().root, 'github-state');
    writeFileSync(stateFile, '');
    const env = environment(
      { host: 'https://stand-in-slow.cloud.databricks.com' },
      { GITHUB_STATE: stateFile },
    );
    const action = startBuiltAction(env);
    await action.waitForOutput('Uploading bundle files to');
    expect(await actionContainers()).toHaveLength(1);

    // SIGKILL: the main step cannot clean up, as when the runner gives up on it.
    action.child.kill('SIGKILL');
    await action.finished;
    expect(await actionContainers()).toHaveLength(1);

    const state = readOutputs(stateFile);
    expect(Object.keys(state).sort()).toEqual(['main_started', 'run_id', 'runtime', 'temp_paths']);
    const postEnv = { ...env };
    for (const [name, value] of Object.entries(state)) postEnv[`STATE_${name}`] = value;
    const post = await runBuiltAction(postEnv);

    expect(post.exitCode).toBe(0);
    expect(post.stdout).toContain('Post: removed 1 container(s) this run left behind.');
    expect(await actionContainers()).toEqual([]);
    expect(readdirSync(currentRunner().runnerTemp)).toEqual([]);
  });

  test('after a run that cleaned up itself, it finds nothing to do', async () => {
    plainJob();
    const stateFile = path.join(currentRunner().root, 'github-state');
    writeFileSync(stateFile, '');
    const env = environment({}, { GITHUB_STATE: stateFile });
    expect((await runBuiltAction(env)).exitCode).toBe(0);

    const postEnv = { ...env };
    for (const [name, value] of Object.entries(readOutputs(stateFile))) {
      postEnv[`STATE_${name}`] = value;
    }
    const post = await runBuiltAction(postEnv);
    expect(post.exitCode).toBe(0);
    expect(post.stdout).toContain('Post: no container of this run is left.');
  });
});

describe('clean-local-state', () => {
  test('removes the target’s local cache before validate, and nothing else', async () => {
    const bundle = plainJob();
    const stale = path.join(bundle, '.databricks/bundle/dev/sync-snapshots');
    mkdirSync(stale, { recursive: true });
    writeFileSync(path.join(stale, 'stale.json'), '{}');
    mkdirSync(path.join(bundle, '.databricks/bundle/production'), { recursive: true });

    const result = await runBuiltAction(environment({ 'clean-local-state': 'true' }));

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('clean-local-state: removed .databricks/bundle/dev');
    expect(() => lstatSync(path.join(stale, 'stale.json'))).toThrow();
    expect(lstatSync(path.join(bundle, '.databricks/bundle/production')).isDirectory()).toBe(true);
  });

  test('a symbolic link in the way is refused', async () => {
    const bundle = plainJob();
    const elsewhere = path.join(currentRunner().root, 'elsewhere');
    mkdirSync(path.join(elsewhere, 'dev'), { recursive: true });
    writeFileSync(path.join(elsewhere, 'dev', 'keep.txt'), 'keep');
    mkdirSync(path.join(bundle, '.databricks'), { recursive: true });
    symlinkSync(elsewhere, path.join(bundle, '.databricks/bundle'));

    const result = await runBuiltAction(environment({ 'clean-local-state': 'true' }));

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      "::error::Input 'clean-local-state': .databricks/bundle is a symbolic link",
    );
    expect(readFileSync(path.join(elsewhere, 'dev', 'keep.txt'), 'utf8')).toBe('keep');
  });
});

describe('entrypoint', () => {
  const SHELL_FIRST = 'databricks-cli-stand-in:0.298.0-shell-entrypoint';

  test('runs the CLI of an image whose own entrypoint is something else', async () => {
    // An internally built image whose entrypoint is a shell, as some base images set it.
    const created = await runChecked(['docker', 'create', standInImage()]);
    const container = created.stdout.trim();
    try {
      await runChecked([
        'docker',
        'commit',
        '--change',
        'ENTRYPOINT ["/bin/sh", "-c", "echo not the CLI; exit 3"]',
        container,
        SHELL_FIRST,
      ]);
    } finally {
      await run(['docker', 'rm', container]);
    }

    const bundle = plainJob();
    const wrong = await runBuiltAction(environment({ image: SHELL_FIRST, engine: 'direct' }));
    expect(wrong.exitCode).toBe(1);

    resetRunnerFiles(currentRunner());
    const right = await runBuiltAction(
      environment({ image: SHELL_FIRST, entrypoint: '/app/databricks' }),
    );
    expect(right.exitCode).toBe(0);
    expect(right.stdout).toContain('Entrypoint: /app/databricks');
    expect(right.stdout).toContain('image CLI 0.298.0');
    expect(readBundleCalls(bundle).map((call) => call.argv[1])).toEqual([
      'validate',
      'deploy',
      'summary',
    ]);
  });
});
