import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import {
  GlobPatternError,
  globRelative,
  hasGlobMeta,
  matchSegment,
} from '../src/preflight/go-glob.js';

const BAD = 'bad pattern';

// Go's own path/filepath match_test.go table, then cases the CLI's users run into.
const GO_MATCH_TESTS: [string, string, boolean | typeof BAD][] = [
  ['abc', 'abc', true],
  ['*', 'abc', true],
  ['*c', 'abc', true],
  ['a*', 'a', true],
  ['a*', 'abc', true],
  ['a*', 'ab/c', false],
  ['a*/b', 'abc/b', true],
  ['a*/b', 'a/c/b', false],
  ['a*b*c*d*e*/f', 'axbxcxdxe/f', true],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true],
  ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false],
  ['a*b?c*x', 'abxbbxdbxebxczzx', true],
  ['a*b?c*x', 'abxbbxdbxebxczzy', false],
  ['ab[c]', 'abc', true],
  ['ab[b-d]', 'abc', true],
  ['ab[e-g]', 'abc', false],
  ['ab[^c]', 'abc', false],
  ['ab[^b-d]', 'abc', false],
  ['ab[^e-g]', 'abc', true],
  ['a\\*b', 'a*b', true],
  ['a\\*b', 'ab', false],
  ['a?b', 'a☺b', true],
  ['a[^a]b', 'a☺b', true],
  ['a???b', 'a☺b', false],
  ['a[^a][^a][^a]b', 'a☺b', false],
  ['[a-ζ]*', 'α', true],
  ['*[a-ζ]', 'A', false],
  ['a?b', 'a/b', false],
  ['a*b', 'a/b', false],
  ['[\\]a]', ']', true],
  ['[\\-]', '-', true],
  ['[x\\-]', 'x', true],
  ['[x\\-]', '-', true],
  ['[x\\-]', 'z', false],
  ['[\\-x]', 'x', true],
  ['[\\-x]', '-', true],
  ['[\\-x]', 'a', false],
  ['[]a]', ']', BAD],
  ['[-]', '-', BAD],
  ['[x-]', 'x', BAD],
  ['[x-]', '-', BAD],
  ['[x-]', 'z', BAD],
  ['[-x]', 'x', BAD],
  ['[-x]', '-', BAD],
  ['[-x]', 'a', BAD],
  ['\\', 'a', BAD],
  ['[a-b-c]', 'a', BAD],
  ['[', 'a', BAD],
  ['[^', 'a', BAD],
  ['[^bc', 'a', BAD],
  ['a[', 'a', BAD],
  ['a[', 'ab', BAD],
  ['a[', 'x', BAD],
  ['a/b[', 'x', BAD],
  ['*x', 'xxx', true],
];

const EXTRA_MATCH_TESTS: [string, string, boolean | typeof BAD][] = [
  ['*', '', true],
  ['*', '.hidden', true],
  ['*.yml', '.hidden.yml', true],
  ['?hidden', '.hidden', true],
  ['**', 'abc', true],
  ['**', 'a/b', false],
  ['**.yml', 'jobs.yml', true],
  ['a**b', 'axxb', true],
  ['[^a]', 'b', true],
  ['[^a]', 'a', false],
  ['[^a]', '', false],
  ['[!a]', 'b', false],
  ['[!a]', '!', true],
  ['[a-cx-z]', 'y', true],
  ['[a-cx-z]', 'm', false],
  ['[z-a]', 'm', false],
  ['[*]', '*', true],
  ['[?]', 'x', false],
  ['\\a\\b', 'ab', true],
  ['a\\', 'a', BAD],
  ['[]', 'x', BAD],
  ['[^]', 'x', BAD],
  ['[a', 'a', BAD],
  ['x*[', 'y', BAD],
  ['x*[', 'xyz', BAD],
  ['abc', 'ABC', false],
  ['abc', 'abcd', false],
  ['abcd', 'abc', false],
  ['job?.yml', 'job1.yml', true],
  ['job?.yml', 'job10.yml', false],
  ['*.whl', 'app-1.0-py3-none-any.whl', true],
  // Go's '*' skips bytes, so it may stop inside a UTF-8 sequence and '?' eats single bytes.
  ['*??', '€', true],
  ['??', '€', false],
  ['*[^é]', '.é', true],
  ['[^é]', 'é', false],
];

describe('matchSegment', () => {
  test.each([...GO_MATCH_TESTS, ...EXTRA_MATCH_TESTS])('%j on %j is %j', (pattern, name, want) => {
    if (want === BAD) {
      expect(() => matchSegment(pattern, name)).toThrow(GlobPatternError);
    } else {
      expect(matchSegment(pattern, name)).toBe(want);
    }
  });

  test('the error is an Error named after Go', () => {
    expect.assertions(3);
    try {
      matchSegment('[', '');
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      expect(error).toBeInstanceOf(GlobPatternError);
      expect((error as Error).name).toBe('GlobPatternError');
    }
  });
});

describe('hasGlobMeta', () => {
  test.each([
    ['resources/*.yml', true],
    ['job?.yml', true],
    ['[ab].yml', true],
    ['a\\b.yml', true],
    ['resources/jobs.yml', false],
    ['../dist/app.whl', false],
    ['a]b^c!{d,e}', false],
  ])('%j is %j', (pattern, want) => {
    expect(hasGlobMeta(pattern)).toBe(want);
  });
});

describe('globRelative', () => {
  let base: string;
  let root: string;

  beforeAll(() => {
    base = mkdtempSync(path.join(tmpdir(), 'go-glob-'));
    root = path.join(base, 'bundle');
    const folders = ['a', 'a-b', 'resources/nested/more', 'empty'];
    for (const folder of folders) mkdirSync(path.join(root, folder), { recursive: true });
    mkdirSync(path.join(base, 'dist'));

    const files = [
      'databricks.yml',
      '.hidden.yml',
      'b1.yml',
      'b[1].yml',
      'notes.txt',
      'a/x.yml',
      'a-b/x.yml',
      'resources/pipelines.yml',
      'resources/jobs.yml',
      'resources/Zeta.yml',
      'resources/notes.txt',
      'resources/nested/deep.yml',
      'resources/nested/more/deeper.yml',
    ];
    for (const file of files) writeFileSync(path.join(root, file), '');
    writeFileSync(path.join(base, 'dist/app-1.whl'), '');
    writeFileSync(path.join(base, 'dist/app-2.whl'), '');

    symlinkSync('databricks.yml', path.join(root, 'link.yml'));
    symlinkSync('resources', path.join(root, 'linkdir'));
    symlinkSync('missing.yml', path.join(root, 'dangling.yml'));
  });

  afterAll(() => rmSync(base, { recursive: true, force: true }));

  test.each([
    ['resources/*.yml', ['resources/Zeta.yml', 'resources/jobs.yml', 'resources/pipelines.yml']],
    ['resources/**/*.yml', ['resources/nested/deep.yml']],
    ['resources/*/*/*.yml', ['resources/nested/more/deeper.yml']],
    ['resources/job?.yml', ['resources/jobs.yml']],
    ['resources/jobs?.yml', []],
    ['resources/[jp]*.yml', ['resources/jobs.yml', 'resources/pipelines.yml']],
    ['resources/[^jp]*.yml', ['resources/Zeta.yml']],
    ['b[1].yml', ['b1.yml']],
    ['b\\[1\\].yml', ['b[1].yml']],
    ['linkdir/j*.yml', ['linkdir/jobs.yml']],
    ['empty/*', []],
    ['missing/*.yml', []],
    ['databricks.yml/*', []],
  ])('%j matches %j', (pattern, want) => {
    expect(globRelative(root, pattern)).toEqual(want);
  });

  test('* matches dotfiles, dangling symlinks and symlinks, in byte order', () => {
    expect(globRelative(root, '*.yml')).toEqual([
      '.hidden.yml',
      'b1.yml',
      'b[1].yml',
      'dangling.yml',
      'databricks.yml',
      'link.yml',
    ]);
  });

  test('* matches directories and symlinked directories too', () => {
    expect(globRelative(root, '*')).toEqual([
      '.hidden.yml',
      'a',
      'a-b',
      'b1.yml',
      'b[1].yml',
      'dangling.yml',
      'databricks.yml',
      'empty',
      'link.yml',
      'linkdir',
      'notes.txt',
      'resources',
    ]);
  });

  test('results come per directory in Go order, not as one sorted list', () => {
    const want = [
      'a/x.yml',
      'a-b/x.yml',
      'linkdir/Zeta.yml',
      'linkdir/jobs.yml',
      'linkdir/pipelines.yml',
      'resources/Zeta.yml',
      'resources/jobs.yml',
      'resources/pipelines.yml',
    ];
    expect(globRelative(root, '*/*.yml')).toEqual(want);
    expect(globRelative(root, '**/*.yml')).toEqual(want);
    expect([...want].sort()).not.toEqual(want);
  });

  test.each([
    ['databricks.yml', ['databricks.yml']],
    ['./databricks.yml', ['databricks.yml']],
    ['resources/../databricks.yml', ['databricks.yml']],
    ['resources//jobs.yml', ['resources/jobs.yml']],
    ['resources/jobs.yml/', ['resources/jobs.yml']],
    ['dangling.yml', ['dangling.yml']],
    ['nope.yml', []],
    ['resources/nope.yml', []],
    ['.', ['.']],
    ['', ['.']],
  ])('the plain path %j gives %j', (pattern, want) => {
    expect(globRelative(root, pattern)).toEqual(want);
  });

  test.each([
    ['../dist/*.whl', ['../dist/app-1.whl', '../dist/app-2.whl']],
    ['../dist/app-1.whl', ['../dist/app-1.whl']],
    ['resources/../../dist/app-?.whl', ['../dist/app-1.whl', '../dist/app-2.whl']],
    ['./resources/nested/../*.txt', ['resources/notes.txt']],
    ['../*', ['.', '../dist']],
    ['../bundle/databricks.yml', ['databricks.yml']],
  ])('%j is cleaned lexically and gives %j', (pattern, want) => {
    expect(globRelative(root, pattern)).toEqual(want);
  });

  test.each([
    'resources/[',
    '[]/*.yml',
    'resources/*.[yml',
    'nope/\\',
    // Go globs "[a/b]" as the directory "[a" and the file "b]", and "[a" is malformed.
    '[a/b]/*.yml',
  ])('%j is a bad pattern even when nothing exists', (pattern) => {
    expect(() => globRelative(root, pattern)).toThrow(GlobPatternError);
  });

  test('meta characters in the root act as pattern, as in Go Glob(Join(root, entry))', () => {
    const odd = path.join(base, 'odd[');
    mkdirSync(odd);
    expect(() => globRelative(odd, '*.yml')).toThrow(GlobPatternError);
  });
});
