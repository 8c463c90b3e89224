// Times the pre-flight's static checks (read the bundle and its includes, pick the target,
// run every rule, hash the local files) over synthetic bundles of 10 to 10,000 job resources
// spread over 1 to 1,000 include files, and prints a table: the cold first run, the median of
// the warm runs, and the time per resource, which should stay flat if growth is linear.
//   node scripts/bench-preflight.mjs [--runs N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadSource } from './lib/load-source.mjs';

const repo = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 7;
const CASES = [
  [10, 1],
  [10, 10],
  [100, 1],
  [100, 10],
  [100, 100],
  [1000, 1],
  [1000, 10],
  [1000, 100],
  [1000, 1000],
  [10000, 1],
  [10000, 10],
  [10000, 100],
  [10000, 1000],
];

const load = loadSource(repo);
const { checkBundle } = await load('src/preflight/preflight.ts');
const { FindingList } = await load('src/preflight/findings.ts');
const { InternalHosts } = await load('src/preflight/internal-hosts.ts');
const { readConfigFile } = await load('src/preflight/config-file.ts');

/** One job: a wheel task on a job cluster, an internal PyPI library, a serverless env. */
function jobYaml(index) {
  return [
    `    job_${index}:`,
    `      name: job ${index}`,
    '      tasks:',
    `        - task_key: main_${index}`,
    '          python_wheel_task: {package_name: sales_lib, entry_point: main}',
    '          job_cluster_key: cluster',
    '          libraries:',
    '            - whl: ../dist/*.whl',
    '            - pypi: {package: "pandas==2.2.2", repo: "https://pypi.bank.internal/simple"}',
    '        - task_key: serverless_' + index,
    '          spark_python_task: {python_file: ../src/run.py}',
    '          environment_key: default',
    '      job_clusters:',
    '        - job_cluster_key: cluster',
    '          new_cluster:',
    '            {spark_version: 15.4.x-scala2.12, node_type_id: m5d.large, num_workers: 1}',
    '      environments:',
    '        - environment_key: default',
    '          spec:',
    '            environment_version: "2"',
    '            dependencies:',
    '              - -i https://pypi.bank.internal/simple',
    '              - ../dist/sales_lib-1.0.0-py3-none-any.whl',
    '              - numpy==1.26.4',
  ].join('\n');
}

function writeBundle(resources, files) {
  const checkout = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-preflight-')));
  const bundle = path.join(checkout, 'bundle');
  fs.mkdirSync(path.join(bundle, 'resources'), { recursive: true });
  fs.mkdirSync(path.join(bundle, 'dist'));
  fs.mkdirSync(path.join(bundle, 'src'));
  fs.writeFileSync(path.join(bundle, 'dist/sales_lib-1.0.0-py3-none-any.whl'), 'x'.repeat(4096));
  fs.writeFileSync(
    path.join(bundle, 'databricks.yml'),
    'bundle:\n  name: bench\ninclude:\n  - resources/*.yml\n' +
      'targets:\n  dev:\n    mode: development\n    default: true\n',
  );
  const perFile = Math.ceil(resources / files);
  for (let file = 0; file < files; file++) {
    const jobs = [];
    for (let index = file * perFile; index < Math.min(resources, (file + 1) * perFile); index++) {
      jobs.push(jobYaml(index));
    }
    const name = path.join(bundle, 'resources', `part_${String(file).padStart(4, '0')}.yml`);
    fs.writeFileSync(name, `resources:\n  jobs:\n${jobs.join('\n')}\n`);
  }
  return { checkout, bundle };
}

function timeOnce(location) {
  const findings = new FindingList('bundle');
  const options = {
    target: 'dev',
    workspaceHost: undefined,
    policy: 'strict',
    internalHosts: InternalHosts.parse('.bank.internal'),
    checksums: undefined,
    engine: undefined,
  };
  const started = process.hrtime.bigint();
  const result = checkBundle(location, options, findings);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (findings.items.length > 0 || result.artifacts.length !== 1) {
    throw new Error(`unexpected result: ${JSON.stringify(findings.items.slice(0, 3))}`);
  }
  return ms;
}

/** Reading and parsing the YAML files alone: the share of the time that is js-yaml's. */
function timeParseOnly(bundle) {
  const names = [
    'databricks.yml',
    ...fs.readdirSync(path.join(bundle, 'resources')).map((name) => path.join('resources', name)),
  ];
  const started = process.hrtime.bigint();
  for (const name of names) readConfigFile(path.join(bundle, name), name);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

console.log(`pre-flight static checks, node ${process.version}, ${RUNS} warm runs per case\n`);
console.log(
  '| resources | include files | YAML size | cold run | warm median | of which YAML parse | ' +
    'per resource |',
);
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [resources, files] of CASES) {
  const { checkout, bundle } = writeBundle(resources, files);
  try {
    const location = {
      checkoutPath: checkout,
      bundlePath: bundle,
      relativePath: 'bundle',
      configFile: 'databricks.yml',
    };
    const bytes = fs
      .readdirSync(path.join(bundle, 'resources'))
      .reduce((sum, name) => sum + fs.statSync(path.join(bundle, 'resources', name)).size, 0);
    const cold = timeOnce(location);
    const warm = median(Array.from({ length: RUNS }, () => timeOnce(location)));
    const parse = median(Array.from({ length: RUNS }, () => timeParseOnly(bundle)));
    console.log(
      `| ${resources.toLocaleString('en')} | ${files.toLocaleString('en')} | ` +
        `${(bytes / 1e6).toFixed(2)} MB | ${cold.toFixed(1)} ms | ${warm.toFixed(1)} ms | ` +
        `${parse.toFixed(1)} ms | ` +
        `${((warm * 1000) / resources).toFixed(0)} µs |`,
    );
  } finally {
    fs.rmSync(checkout, { recursive: true, force: true });
  }
}
