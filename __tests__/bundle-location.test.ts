import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { locateBundle } from '../src/bundle-location.js';

let root: string;
let checkout: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'bundle-location-'));
  checkout = path.join(root, 'checkout');
  const folders = ['bundles/sales', 'bundles/empty', 'bundles/two', 'bundles/yaml', 'docs'];
  for (const folder of folders) mkdirSync(path.join(checkout, folder), { recursive: true });
  writeFileSync(path.join(checkout, 'databricks.yml'), 'bundle: {name: root}\n');
  writeFileSync(path.join(checkout, 'bundles/sales/databricks.yml'), 'bundle: {name: sales}\n');
  writeFileSync(path.join(checkout, 'bundles/yaml/bundle.yaml'), 'bundle: {name: y}\n');
  writeFileSync(path.join(checkout, 'bundles/two/databricks.yml'), '');
  writeFileSync(path.join(checkout, 'bundles/two/bundle.yml'), '');
  writeFileSync(path.join(checkout, 'README.md'), '');
  mkdirSync(path.join(root, 'outside'));
  writeFileSync(path.join(root, 'outside/databricks.yml'), '');
  symlinkSync(path.join(root, 'outside'), path.join(checkout, 'escape'));
  symlinkSync(path.join(checkout, 'bundles/sales'), path.join(checkout, 'sales-link'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('locateBundle', () => {
  test.each([
    ['.', '.', 'databricks.yml'],
    ['', '.', 'databricks.yml'],
    ['bundles/sales', 'bundles/sales', 'databricks.yml'],
    ['./bundles/sales/', 'bundles/sales', 'databricks.yml'],
    ['bundles/../bundles/yaml', 'bundles/yaml', 'bundle.yaml'],
    ['sales-link', 'bundles/sales', 'databricks.yml'],
  ])('%j is the bundle root %s with %s', (workingDirectory, relativePath, configFile) => {
    const location = locateBundle(checkout, workingDirectory);
    expect(location).toMatchObject({ relativePath, configFile });
    expect(location.bundlePath).toBe(path.join(location.checkoutPath, relativePath));
  });

  test('an absolute path inside the checkout is accepted', () => {
    expect(locateBundle(checkout, path.join(checkout, 'bundles/sales')).relativePath).toBe(
      'bundles/sales',
    );
  });

  test.each([
    ['..', /resolves to .* outside the repository checkout/],
    ['../outside', /outside the repository checkout/],
    ['/etc', /outside the repository checkout|not a directory/],
    ['escape', /outside the repository checkout/],
    ['missing', /"missing" is not a directory in the repository checkout/],
    ['README.md', /is not a directory/],
    ['docs', /has no bundle configuration \(databricks.yml, databricks.yaml, bundle.yml/],
    ['bundles/empty', /has no bundle configuration/],
    ['bundles/two', /more than one bundle configuration file \(databricks.yml, bundle.yml\)/],
  ])('refuses %j', (workingDirectory, message) => {
    expect(() => locateBundle(checkout, workingDirectory)).toThrow(message);
    expect(() => locateBundle(checkout, workingDirectory)).toThrow(/Input 'working-directory'/);
  });

  test('needs the checkout', () => {
    expect(() => locateBundle(undefined, '.')).toThrow(/GITHUB_WORKSPACE is not set/);
    expect(() => locateBundle(path.join(root, 'nope'), '.')).toThrow(/Run actions\/checkout/);
  });

  test('refuses a checkout path that cannot be mounted safely', () => {
    const odd = path.join(root, 'a,b');
    mkdirSync(odd);
    expect(() => locateBundle(odd, '.')).toThrow(/contains a comma, quote or control character/);
  });

  test('a folder whose name starts with two dots is inside the checkout', () => {
    mkdirSync(path.join(checkout, '..dotted'));
    writeFileSync(path.join(checkout, '..dotted/databricks.yml'), '');
    expect(locateBundle(checkout, '..dotted').relativePath).toBe('..dotted');
  });

  test('refuses a bundle folder whose name reads differently when printed', () => {
    const reversed = 'lmy.\u202eevil';
    mkdirSync(path.join(checkout, reversed));
    writeFileSync(path.join(checkout, reversed, 'databricks.yml'), '');
    expect(() => locateBundle(checkout, reversed)).toThrow(/control character/);
  });

  test('refuses a bundle folder whose name could forge a log line', () => {
    const forged = 'x\n::warning::injected';
    mkdirSync(path.join(checkout, forged));
    writeFileSync(path.join(checkout, forged, 'databricks.yml'), '');
    expect(() => locateBundle(checkout, forged)).toThrow(
      /Input 'working-directory': the bundle folder .* contains a comma, quote or control/,
    );
  });
});
