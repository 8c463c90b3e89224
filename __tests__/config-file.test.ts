import {
  closeSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import {
  type ConfigPath,
  ConfigFileError,
  MAX_CONFIG_FILE_BYTES,
  parseConfigFile,
  readConfigFile,
} from '../src/preflight/config-file.js';

let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'config-file-'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The error parseConfigFile throws for `text`, which the test expects to fail. */
function parseError(text: string, file = 'resources/job.yml'): ConfigFileError {
  return caught(() => parseConfigFile(file, text));
}

function caught(run: () => unknown): ConfigFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigFileError) return error;
    throw new Error(`expected a ConfigFileError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a ConfigFileError, nothing was thrown');
}

/** One line, starting with the file, no snippet or stack: fit for an annotation as it is. */
function expectOneSentence(error: ConfigFileError): void {
  expect(error.message).not.toContain('\n');
  expect(error.message).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  expect(error.message.startsWith(`${error.file}:`)).toBe(true);
}

const BUNDLE = `bundle:
  name: sales
resources:
  jobs:
    nightly:
      name: Nightly
      tags: {team: data, "cost.center": cc-1}
      tasks:
        - task_key: ingest
          libraries: [{whl: ./a.whl}, {pypi: {package: x}}]
        -
          task_key: publish
          depends_on:
            - task_key: ingest
workspace:
  # host: https://example.cloud.databricks.com
  # root_path: /Shared
targets:
  dev: {default: true}
`;

describe('parseConfigFile values and lines', () => {
  const file = parseConfigFile('databricks.yml', BUNDLE);

  test('the value is what js-yaml constructs', () => {
    expect(file.relativePath).toBe('databricks.yml');
    expect(file.value).toEqual({
      bundle: { name: 'sales' },
      resources: {
        jobs: {
          nightly: {
            name: 'Nightly',
            tags: { team: 'data', 'cost.center': 'cc-1' },
            tasks: [
              {
                task_key: 'ingest',
                libraries: [{ whl: './a.whl' }, { pypi: { package: 'x' } }],
              },
              { task_key: 'publish', depends_on: [{ task_key: 'ingest' }] },
            ],
          },
        },
      },
      workspace: null,
      targets: { dev: { default: true } },
    });
  });

  test.each<[ConfigPath, number]>([
    [[], 1],
    [['bundle'], 1],
    [['bundle', 'name'], 2],
    [['resources', 'jobs', 'nightly'], 5],
    [['resources', 'jobs', 'nightly', 'tags', 'team'], 7],
    [['resources', 'jobs', 'nightly', 'tags', 'cost.center'], 7],
    [['resources', 'jobs', 'nightly', 'tasks'], 8],
    [['resources', 'jobs', 'nightly', 'tasks', 0], 9],
    [['resources', 'jobs', 'nightly', 'tasks', 0, 'libraries', 1, 'pypi', 'package'], 10],
    // An item whose `-` stands alone starts where its content does.
    [['resources', 'jobs', 'nightly', 'tasks', 1], 12],
    [['resources', 'jobs', 'nightly', 'tasks', 1, 'depends_on', 0, 'task_key'], 14],
    [['resources', 'jobs', 'nightly', 'tasks', '1', 'task_key'], 12],
    [['workspace'], 15],
    [['targets', 'dev', 'default'], 19],
  ])('%j is on line %i', (configPath, line) => {
    expect(file.lineOf(configPath)).toBe(line);
  });

  test.each<[ConfigPath, number]>([
    [['workspace', 'host'], 15],
    [['resources', 'jobs', 'missing', 'name'], 4],
    [['resources', 'jobs', 'nightly', 'tasks', 7], 8],
    [['resources', 'jobs', 'nightly', 'tasks', 'x'], 8],
    [['nothing', 'here'], 1],
  ])('a path with no position, %j, falls back to its nearest ancestor, line %i', (p, line) => {
    expect(file.lineOf(p)).toBe(line);
  });

  test('keys with dots, brackets, quotes and separators are kept apart', () => {
    const text = [
      'a.b: 1',
      'a: {b: 2}',
      '"x[0]": 3',
      '\'say "hi"\': 4',
      '"it\'s:here": 5',
      '"0:1": 6',
      '"": 7',
    ].join('\n');
    const keys = parseConfigFile('k.yml', text);
    expect(keys.value).toEqual({
      'a.b': 1,
      a: { b: 2 },
      'x[0]': 3,
      'say "hi"': 4,
      "it's:here": 5,
      '0:1': 6,
      '': 7,
    });
    const lines = [['a.b'], ['a', 'b'], ['x[0]'], ['say "hi"'], ["it's:here"], ['0:1'], ['']];
    expect(lines.map((p) => keys.lineOf(p))).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  test('keys that are not strings become strings in values and positions alike', () => {
    const keys = parseConfigFile('k.yml', '1: one\ntrue: yes\n0x10: hex\n~: nothing\n1.50: f\n');
    expect(keys.value).toEqual({ '1': 'one', true: 'yes', '16': 'hex', null: 'nothing', 1.5: 'f' });
    expect([['1'], [1], ['true'], ['16'], ['null'], ['1.5']].map((p) => keys.lineOf(p))).toEqual([
      1, 1, 2, 3, 4, 5,
    ]);
  });

  test('merged keys and aliased values fall back to the line of their ancestor', () => {
    const text = `defaults: &defaults
  timeout_seconds: 60
  tags: {team: data}
jobs:
  a:
    <<: *defaults
    timeout_seconds: 120
  b:
    <<: [*defaults, {name: inline}]
  c: *defaults
`;
    const merged = parseConfigFile('m.yml', text);
    expect(merged.value).toEqual({
      defaults: { timeout_seconds: 60, tags: { team: 'data' } },
      jobs: {
        a: { timeout_seconds: 120, tags: { team: 'data' } },
        b: { timeout_seconds: 60, tags: { team: 'data' }, name: 'inline' },
        c: { timeout_seconds: 60, tags: { team: 'data' } },
      },
    });
    const lines: [ConfigPath, number][] = [
      [['jobs', 'a', 'timeout_seconds'], 7],
      [['jobs', 'a', 'tags', 'team'], 5],
      [['jobs', 'b', 'name'], 8],
      [['jobs', 'c'], 10],
      [['jobs', 'c', 'tags', 'team'], 10],
    ];
    expect(lines.map(([configPath]) => merged.lineOf(configPath))).toEqual(
      lines.map(([, line]) => line),
    );
  });

  test('an item starts at its anchor or tag when they stand before its content', () => {
    const items = parseConfigFile('i.yml', 'list:\n  - &first\n    k: 1\n  - !!str\n    two\n');
    expect(items.value).toEqual({ list: [{ k: 1 }, 'two'] });
    expect(
      [
        ['list', 0],
        ['list', 0, 'k'],
        ['list', 1],
      ].map((p) => items.lineOf(p)),
    ).toEqual([2, 3, 4]);
  });

  test('a __proto__ key is an own entry with its own line', () => {
    const proto = parseConfigFile('p.yml', 'a: 1\n__proto__:\n  polluted: true\n');
    expect(Object.hasOwn(proto.value as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(proto.lineOf(['__proto__', 'polluted'])).toBe(3);
  });

  test('an alias used as a key is found by the aliased string', () => {
    const aliased = parseConfigFile('a.yml', 'name: &n job_name\n*n : value\n');
    expect(aliased.value).toEqual({ name: 'job_name', job_name: 'value' });
    expect(aliased.lineOf(['job_name'])).toBe(2);
  });

  test('JSON is read by the same parser, with lines', () => {
    const json = parseConfigFile(
      'bundle.json',
      '{\n  "bundle": {"name": "j"},\n  "include": [\n    "a.yml",\n    "b.yml"\n  ]\n}\n',
    );
    expect(json.value).toEqual({ bundle: { name: 'j' }, include: ['a.yml', 'b.yml'] });
    expect(
      [
        ['bundle', 'name'],
        ['include', 1],
      ].map((p) => json.lineOf(p)),
    ).toEqual([2, 5]);
  });

  test('Windows line endings count as one break', () => {
    const crlf = parseConfigFile('w.yml', 'a: 1\r\nb:\r\n  - x\r\n  - y\r\n');
    expect([['a'], ['b', 0], ['b', 1]].map((p) => crlf.lineOf(p))).toEqual([1, 3, 4]);
  });

  test.each([
    ['an empty file', ''],
    ['a comment-only file', '# nothing yet\n\n# still nothing\n'],
    ['an explicit empty document', '---\n'],
  ])('%s is a null document', (_name, text) => {
    const empty = parseConfigFile('empty.yml', text);
    expect(empty.value).toBeNull();
    expect(empty.lineOf(['anything'])).toBe(1);
  });

  test('a document with a leading --- and a trailing ... is one document', () => {
    expect(parseConfigFile('d.yml', '---\na: 1\n...\n').value).toEqual({ a: 1 });
  });

  test('a file of 10,000 jobs loads with the right lines', () => {
    const text = generatedJobs(10_000);
    expect(text.length).toBeGreaterThan(2_500_000);
    const big = parseConfigFile('big.yml', text);
    const last = ['resources', 'jobs', 'job_9999'];
    expect(big.lineOf(last)).toBe(2 + 9999 * JOB_LINES + 1);
    expect(big.lineOf([...last, 'tasks', 1, 'depends_on', 0])).toBe(2 + 10_000 * JOB_LINES);
  });
});

const JOB_LINES = 20;

/** A bundle file with `count` jobs of JOB_LINES lines each, about 300 bytes per job. */
function generatedJobs(count: number): string {
  let text = 'resources:\n  jobs:\n';
  for (let index = 0; index < count; index++) {
    text += `    job_${index}:
      name: "Nightly job number ${index}"
      tags: {team: data, env: prod, "cost.center": "cc-${index % 97}"}
      email_notifications:
        on_failure: [ops@example.com]
      tasks:
        - task_key: ingest_${index}
          notebook_task:
            notebook_path: ./src/ingest_${index}.py
            base_parameters: {date: "{{job.start_time.iso_date}}"}
          new_cluster:
            spark_version: 15.4.x-scala2.12
            node_type_id: i3.xlarge
            num_workers: ${index % 8}
        - task_key: publish_${index}
          python_wheel_task:
            package_name: pkg
            entry_point: main
          depends_on:
            - task_key: ingest_${index}
`;
  }
  return text;
}

describe('parseConfigFile refusals', () => {
  test.each<[string, string, number, string | RegExp]>([
    [
      'a duplicate key',
      'jobs:\n  a: 1\n  b: 2\n  a: 3\n',
      4,
      'resources/job.yml:4: YAML syntax error: duplicated mapping key. Fix the YAML at that line.',
    ],
    [
      'bad indentation',
      'jobs:\n  a:\n    name: x\n   tasks: []\n',
      4,
      /^resources\/job\.yml:4: YAML syntax error: bad indentation of a mapping entry\. Fix/,
    ],
    ['a tab in indentation', 'jobs:\n\tname: x\n', 2, /:2: YAML syntax error: tab characters/],
    [
      'an unclosed quote',
      'a: 1\nb: "open',
      2,
      /:2: YAML syntax error: unexpected end of the stream within a double quoted scalar\./,
    ],
    // js-yaml reads on into the next lines and names what it trips over there.
    ['an unclosed quote before more keys', 'a: "open\nb: 1\n', 2, /:2: YAML syntax error: /],
    ['a complex key', '? [a, b]\n: 1\n', 1, /:1: YAML syntax error: .*complex keys/],
    ['an unknown alias', 'a: *nowhere\n', 1, /:1: YAML syntax error: unidentified alias "nowhere"/],
    [
      'a second document',
      'a: 1\n# next\n---\nb: 2\n',
      3,
      /:3: the file holds more than one YAML document .*Remove the `---` separator/,
    ],
    [
      'a second document after an explicit first',
      '---\na: 1\n---\n',
      3,
      /more than one YAML document/,
    ],
    ['a bare second document after ...', 'a: 1\n...\n\nb: 2\n', 4, /more than one YAML document/],
    [
      'a NUL character',
      'a: 1\nb: \0\n',
      2,
      /:2: the file contains a NUL character, so it is binary/,
    ],
    [
      'nesting 200 deep',
      `${'['.repeat(200)}${']'.repeat(200)}\n`,
      1,
      /:1: the document is nested too deeply \(the limit is 100 levels\)\. Flatten/,
    ],
  ])('%s', (_name, text, line, message) => {
    const error = parseError(text);
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
    expect(error.file).toBe('resources/job.yml');
    expect(error.line).toBe(line);
    expectOneSentence(error);
  });

  test('block nesting 200 deep is refused like flow nesting', () => {
    let text = '';
    for (let depth = 0; depth < 200; depth++) text += `${' '.repeat(depth)}k${depth}:\n`;
    expect(parseError(text).message).toMatch(/nested too deeply \(the limit is 100 levels\)/);
  });

  test('an alias bomb is refused without expanding it', () => {
    const names = 'abcdefghi';
    let text = `a: &a [${Array(9).fill('"lol"').join(', ')}]\n`;
    for (let level = 1; level < names.length; level++) {
      const [name, previous] = [names[level], names[level - 1]];
      text += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]\n`;
    }
    const error = parseError(text);
    expect(error.message).toMatch(
      /^resources\/job\.yml: the document holds more than 2,000,000 values once its YAML aliases/,
    );
    expect(error.line).toBeUndefined();
    expectOneSentence(error);
  });

  test('aliases that nest deeper than the limit are refused', () => {
    let text = 'l0: &l0 [x]\n';
    for (let level = 1; level < 150; level++) text += `l${level}: &l${level} [*l${level - 1}]\n`;
    expect(parseError(text).message).toMatch(/nested too deeply once YAML aliases/);
  });

  test('a recursive alias is refused', () => {
    expect(parseError('a: &a [1, *a]\n').message).toMatch(
      /: a YAML alias \(\*name\) refers to a collection that contains it.*Remove the recursive/,
    );
  });

  test('too many aliases are refused with the line where the limit is passed', () => {
    const text = `a: &a 1\nlist:\n${'  - *a\n'.repeat(100_001)}`;
    const error = parseError(text);
    expect(error.message).toMatch(/more than 100,000 YAML aliases/);
    expect(error.line).toBe(100_003);
  });
});

describe('readConfigFile', () => {
  function write(name: string, content: string | Buffer): string {
    const absolute = path.join(root, name);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
    return absolute;
  }

  test('reads and parses a UTF-8 file, with or without a byte order mark', () => {
    const plain = write('plain.yml', 'bundle:\n  name: café\n');
    const withBom = write('bom.yml', '\uFEFFbundle:\n  name: café\n');
    for (const absolute of [plain, withBom]) {
      const file = readConfigFile(absolute, 'conf/x.yml');
      expect(file.value).toEqual({ bundle: { name: 'café' } });
      expect(file.lineOf(['bundle', 'name'])).toBe(2);
    }
  });

  test('a 50 MB file is refused by its size, before it is read', () => {
    const absolute = path.join(root, 'huge.yml');
    const descriptor = openSync(absolute, 'w');
    ftruncateSync(descriptor, 50 * 1024 * 1024);
    closeSync(descriptor);

    const error = caught(() => readConfigFile(absolute, 'resources/huge.yml'));
    expect(error.message).toBe(
      'resources/huge.yml: the file is 50 MiB (52,428,800 bytes), larger than the 10 MiB ' +
        'limit for a bundle configuration file. ' +
        'Split it into smaller files listed under `include` in databricks.yml.',
    );
    expect(error.line).toBeUndefined();
    expect(MAX_CONFIG_FILE_BYTES).toBe(10 * 1024 * 1024);
  });

  test.each<[string, () => string, RegExp]>([
    ['a missing file', () => path.join(root, 'missing.yml'), /: the file does not exist\. Check/],
    ['a folder', () => root, /: the path is not a regular file\./],
    [
      'binary content',
      () => write('binary.yml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])),
      /:3: the file contains a NUL character, so it is binary or not UTF-8 text/,
    ],
    [
      'UTF-16 text',
      () => write('utf16.yml', Buffer.from('\uFEFFa: 1\n', 'utf16le')),
      /:1: the file contains a NUL character/,
    ],
    [
      'invalid UTF-8',
      () => write('latin1.yml', Buffer.from('name: caf\xe9\n', 'latin1')),
      /: the file is not valid UTF-8 text\. Save it as UTF-8\.$/,
    ],
  ])('%s is refused with a clear message', (_name, create, message) => {
    const error = caught(() => readConfigFile(create(), 'resources/bad.yml'));
    expect(error.message).toMatch(message);
    expect(error.file).toBe('resources/bad.yml');
    expect(error.message).not.toContain(root);
    expectOneSentence(error);
  });
});
