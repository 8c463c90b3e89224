// Measures the action's own cost: its deploy of examples/plain-job against the same `docker run`
// commands run by hand (the version check, validate, deploy and summary), alternating, in one
// run. Prints both medians, their ratio and their difference (node start-up, input parsing,
// the engine check, the pre-flight, reading the summary and writing the audit record).
//   node scripts/bench.mjs [repetitions]        (default 15; needs a running Docker engine)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repetitions = Number(process.argv[2] ?? 15);
const image = 'databricks-cli-stand-in:0.298.0';
const token = 'dapi-bench-token';
const host = 'https://bench-workspace.cloud.databricks.com';

run('bash', [path.join(repo, '__tests__/support/stand-in-cli/build-image.sh'), image]);

const scratch = mkdtempSync(path.join(tmpdir(), 'bench-'));
const checkout = path.join(scratch, 'checkout');
const runnerTemp = path.join(scratch, 'runner-temp');
mkdirSync(runnerTemp, { recursive: true });
cpSync(path.join(repo, 'examples/plain-job'), path.join(checkout, 'bundle'), { recursive: true });

const actionEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  GITHUB_WORKSPACE: checkout,
  RUNNER_TEMP: runnerTemp,
  GITHUB_OUTPUT: path.join(scratch, 'output'),
  GITHUB_STEP_SUMMARY: path.join(scratch, 'summary'),
  INPUT_IMAGE: image,
  INPUT_TARGET: 'dev',
  'INPUT_WORKING-DIRECTORY': 'bundle',
  INPUT_HOST: host,
  INPUT_TOKEN: token,
};

// The hand-typed commands are the very `docker run` commands the action runs, read from its
// debug log, so that the difference is the action's own cost and nothing else.
const handHome = path.join(scratch, 'hand-home');
mkdirSync(handHome);
const handCommands = dockerRunsOfAction();
const handEnv = { ...process.env, HOME: '/home/deployer', DATABRICKS_HOST: host };
Object.assign(handEnv, { DATABRICKS_AUTH_TYPE: 'pat', DATABRICKS_TOKEN: token });
Object.assign(handEnv, { NO_COLOR: '1', CHECKPOINT_DISABLE: '1' });
handEnv.DOCKER_CONFIG = process.env.DOCKER_CONFIG || `${process.env.HOME}/.docker`;
let handRuns = 0;
const byHand = (args) =>
  args.map((arg, index) => {
    if (args[index - 1] === '--name') return `bench-by-hand-${process.pid}-${handRuns++}`;
    return arg.replace(/source=[^,]*databricks-bundle-home-[^,]*/, `source=${handHome}`);
  });

const timings = { action: [], byHand: [], nodeAlone: [], inputsOnly: [], inspect: [] };
for (let index = 0; index < repetitions + 1; index++) {
  const action = timed(() => {
    writeFileSync(actionEnv.GITHUB_OUTPUT, '');
    writeFileSync(actionEnv.GITHUB_STEP_SUMMARY, '');
    run(process.execPath, [path.join(repo, 'dist/index.js')], actionEnv);
  });
  const hand = timed(() => {
    for (const command of handCommands) run('docker', byHand(command), handEnv);
  });
  const nodeAlone = timed(() => run(process.execPath, ['-e', '']));
  // The action up to its first docker call: start-up, module loading and input parsing. A
  // floating tag stops it right after parsing, before any docker command.
  const inputsOnly = timed(() =>
    runAllowingFailure(process.execPath, [path.join(repo, 'dist/index.js')], {
      ...actionEnv,
      INPUT_IMAGE: 'mirror.invalid/databricks/cli:latest',
    }),
  );
  const inspect = timed(() => run('docker', ['image', 'inspect', '--format', '{{.Id}}', image]));
  // The first round warms the page cache and the engine; it is not counted.
  if (index === 0) continue;
  timings.action.push(action);
  timings.byHand.push(hand);
  timings.nodeAlone.push(nodeAlone);
  timings.inputsOnly.push(inputsOnly);
  timings.inspect.push(inspect);
}
rmSync(scratch, { recursive: true, force: true });

const action = median(timings.action);
const hand = median(timings.byHand);
const nodeAlone = median(timings.nodeAlone);
console.log(`repetitions:                      ${repetitions} (alternating, after 1 warm-up)`);
const runs = handCommands.map((args) =>
  args.includes('--version') ? 'version' : args[args.lastIndexOf('bundle') + 1],
);
console.log(`action, command deploy:           median ${action.toFixed(1)} ms`);
console.log(
  `${handCommands.length} docker runs by hand (${runs.join(', ')}): median ${hand.toFixed(1)} ms`,
);
console.log(`ratio action / by hand:           ${(action / hand).toFixed(3)}`);
console.log(`difference (the action's cost):   ${(action - hand).toFixed(1)} ms`);
const breakdown = [
  ["`node -e ''`, node's own start-up", nodeAlone],
  ['the action up to parsed inputs, start-up included', median(timings.inputsOnly)],
  ['`docker image inspect`, the engine check', median(timings.inspect)],
];
console.log('where the difference goes (medians):');
for (const [what, ms] of breakdown) console.log(`  ${what.padEnd(52)} ${ms.toFixed(1)} ms`);

function dockerRunsOfAction() {
  writeFileSync(actionEnv.GITHUB_OUTPUT, '');
  writeFileSync(actionEnv.GITHUB_STEP_SUMMARY, '');
  const log = run(process.execPath, [path.join(repo, 'dist/index.js')], {
    ...actionEnv,
    RUNNER_DEBUG: '1',
  });
  const commands = log
    .split('\n')
    .filter((line) => line.startsWith('::debug::docker run '))
    .map((line) => line.slice('::debug::docker '.length).split(' '));
  if (commands.length !== 4) throw new Error('expected four docker run commands in the debug log');
  return commands;
}

function run(file, args, env = process.env) {
  const result = spawnSync(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    process.stderr.write(result.stdout);
    process.stderr.write(result.stderr);
    throw new Error(`${file} ${args.join(' ')} exited with ${result.status}`);
  }
  return result.stdout.toString('utf8');
}

function runAllowingFailure(file, args, env) {
  spawnSync(file, args, { env, stdio: 'ignore' });
}

function timed(work) {
  const started = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
