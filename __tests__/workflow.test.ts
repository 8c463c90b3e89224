import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';

import * as workflow from '../src/workflow.js';

let written: string[];
let folder: string;

beforeEach(() => {
  written = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  folder = mkdtempSync(path.join(tmpdir(), 'workflow-'));
});

afterEach(() => {
  jest.restoreAllMocks();
  rmSync(folder, { recursive: true, force: true });
  process.exitCode = 0;
});

describe('workflow commands', () => {
  test('getInput reads INPUT_<NAME> untrimmed, keeping hyphens', () => {
    const env = { 'INPUT_WORKING-DIRECTORY': ' a b ', INPUT_MY_INPUT: 'x' };
    expect(workflow.getInput('working-directory', env)).toBe(' a b ');
    expect(workflow.getInput('my input', env)).toBe('x');
    expect(workflow.getInput('absent', env)).toBe('');
  });

  test('setSecret masks the value, its trimmed form and each of its lines', () => {
    workflow.setSecret(' line-one\nline%two \n');
    expect(written).toEqual([
      '::add-mask:: line-one%0Aline%25two %0A\n',
      '::add-mask::line-one%0Aline%25two\n',
      '::add-mask:: line-one\n',
      '::add-mask::line%25two \n',
    ]);
  });

  test('setSecret of an empty value masks nothing', () => {
    workflow.setSecret('');
    workflow.setSecret('  ');
    expect(written).toEqual([]);
  });

  test('annotations escape data and properties', () => {
    workflow.warning('50% done\nnext', { file: 'a,b:c.yml', line: 3, col: 7, title: 'T' });
    workflow.error('bad');
    workflow.debug('d');
    expect(written).toEqual([
      '::warning file=a%2Cb%3Ac.yml,line=3,col=7,title=T::50%25 done%0Anext\n',
      '::error::bad\n',
      '::debug::d\n',
    ]);
  });

  test('setFailed marks the process failed', () => {
    workflow.setFailed('it broke');
    expect(process.exitCode).toBe(1);
    expect(written).toEqual(['::error::it broke\n']);
  });

  test('group wraps the work even when it throws', async () => {
    await expect(
      workflow.group('phase', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(written).toEqual(['::group::phase\n', '::endgroup::\n']);
  });

  test('stop and resume commands', () => {
    workflow.stopCommands('tok');
    workflow.resumeCommands('tok');
    expect(written.join('')).toBe('::stop-commands::tok\n\n::tok::\n');
  });

  test('setOutput appends a delimited block to GITHUB_OUTPUT', () => {
    const file = path.join(folder, 'output');
    writeFileSync(file, '');
    workflow.setOutput('phases', '[1,\n2]', { GITHUB_OUTPUT: file });
    const text = readFileSync(file, 'utf8');
    const match = /^phases<<(ghadelimiter_[0-9a-f-]+)\n\[1,\n2\]\n\1\n$/.exec(text);
    expect(match).not.toBeNull();
  });

  test('setOutput without GITHUB_OUTPUT logs the value', () => {
    workflow.setOutput('result', 'success', {});
    expect(written).toEqual(['output result=success\n']);
  });

  test('appendStepSummary writes to GITHUB_STEP_SUMMARY, and throws without one', () => {
    const file = path.join(folder, 'summary');
    workflow.appendStepSummary('# hi\n', { GITHUB_STEP_SUMMARY: file });
    expect(readFileSync(file, 'utf8')).toBe('# hi\n');
    expect(() => workflow.appendStepSummary('x', {})).toThrow(/GITHUB_STEP_SUMMARY is not set/);
  });
});
