import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, test } from '@jest/globals';
import { load } from 'js-yaml';

import { parseInputs, SECRET_INPUTS } from '../src/inputs.js';
import { REPOSITORY_ROOT } from './support/bundles.js';
import { run } from './support/exec.js';

interface ActionMetadata {
  runs: { using: string; main: string };
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
}

const metadata = load(
  readFileSync(path.join(REPOSITORY_ROOT, 'action.yml'), 'utf8'),
) as ActionMetadata;

describe('action.yml', () => {
  test('runs the committed bundle on node24', () => {
    expect(metadata.runs).toEqual({
      using: 'node24',
      main: 'dist/index.js',
      post: 'dist/index.js',
      'post-if': 'always()',
    });
    expect(
      JSON.parse(readFileSync(path.join(REPOSITORY_ROOT, 'dist/package.json'), 'utf8')),
    ).toEqual({
      type: 'module',
    });
  });

  test('declares exactly the inputs the action reads', () => {
    const read = new Set<string>();
    parseInputs((name) => {
      read.add(name);
      return { image: 'mirror/cli:1.0.0', target: 'dev', token: 't' }[name] ?? '';
    });
    expect(Object.keys(metadata.inputs).sort()).toEqual([...read].sort());
  });

  test('every input and output is kebab-case and documented, and defaults are stated', () => {
    for (const [name, input] of Object.entries(metadata.inputs)) {
      expect(name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(input.description.length).toBeGreaterThan(40);
      if (!input.required) expect(input.description).toMatch(/Default|default/);
    }
    for (const [name, output] of Object.entries(metadata.outputs)) {
      expect(name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(output.description.length).toBeGreaterThan(10);
    }
  });

  test('secret inputs say so', () => {
    for (const name of SECRET_INPUTS) {
      expect(metadata.inputs[name]?.description).toMatch(/^Secret\./);
    }
  });

  test("the README's tables match action.yml", async () => {
    const check = await run([
      process.execPath,
      path.join(REPOSITORY_ROOT, 'scripts/readme-tables.mjs'),
      '--check',
    ]);
    expect(check.stderr).toBe('');
    expect(check.exitCode).toBe(0);
  });
});
