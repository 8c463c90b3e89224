import { describe, expect, test } from '@jest/globals';

import {
  checkCliVersionConstraint,
  compareVersions,
  parseCliVersionOutput,
} from '../src/preflight/cli-version.js';

type Outcome = 'satisfied' | 'warning' | 'unsatisfied' | 'invalid';

const SYNTAX_HELP = 'Please specify the version constraint in the format (>=) 0.0.0(, <= 1.0.0)';

function outcomeOf(constraint: string, version: string): Outcome {
  return checkCliVersionConstraint(constraint, version).outcome;
}

// One row per form in the comment list of the CLI's generateConstraintSyntaxRegexp.
describe('checkCliVersionConstraint: the forms the CLI documents', () => {
  test.each<[string, string, Outcome]>([
    // 1. 0.0.0
    ['0.298.0', '0.298.0', 'satisfied'],
    ['0.298.0', '0.298.1', 'unsatisfied'],
    ['0.298.0', '0.298.0+abc123', 'satisfied'],
    // 2. >= 0.0.0 (the space is optional after the first operator)
    ['>= 0.218.0', '0.218.0', 'satisfied'],
    ['>= 0.218.0', '0.298.0', 'satisfied'],
    ['>= 0.218.0', '0.217.9', 'unsatisfied'],
    ['>=0.218.0', '0.218.0', 'satisfied'],
    // 3. <= 0.0.0
    ['<= 1.0.0', '1.0.0', 'satisfied'],
    ['<= 1.0.0', '1.0.1', 'unsatisfied'],
    // 4. > 0.0.0
    ['> 0.218.0', '0.218.0', 'unsatisfied'],
    ['> 0.218.0', '0.218.1', 'satisfied'],
    // 5. < 0.0.0
    ['< 1.0.0', '0.999.999', 'satisfied'],
    ['< 1.0.0', '1.0.0', 'unsatisfied'],
    // 6. != 0.0.0
    ['!= 0.298.0', '0.298.0', 'unsatisfied'],
    ['!= 0.298.0', '0.298.1', 'satisfied'],
    // 7. 0.0.*: the tilde range >=0.298.0 <0.299.0
    ['0.298.*', '0.298.0', 'satisfied'],
    ['0.298.*', '0.298.17', 'satisfied'],
    ['0.298.*', '0.299.0', 'unsatisfied'],
    ['0.298.*', '0.297.9', 'unsatisfied'],
    ['0.298.*', '1.298.0', 'unsatisfied'],
    // 8. 0.*: >=0.0.0 <1.0.0
    ['0.*', '0.0.0', 'satisfied'],
    ['0.*', '0.298.0', 'satisfied'],
    ['0.*', '1.0.0', 'unsatisfied'],
    ['1.*', '0.298.0', 'unsatisfied'],
    // 9. >= 0.0.0, <= 1.0.0: comma means AND
    ['>= 0.218.0, <= 1.0.0', '0.298.0', 'satisfied'],
    ['>= 0.218.0, <= 1.0.0', '0.100.0', 'unsatisfied'],
    ['>= 0.218.0, <= 1.0.0', '1.0.1', 'unsatisfied'],
    ['>= 0.218.0, < 0.300.0', '0.300.0', 'unsatisfied'],
    // 10. 0.0.0-0
    ['0.300.0-0', '0.300.0-0', 'satisfied'],
    ['0.300.0-0', '0.300.0', 'unsatisfied'],
    // 11. 0.0.0-beta
    ['0.300.0-beta', '0.300.0-beta', 'satisfied'],
    ['0.300.0-beta', '0.300.0-beta+abc', 'satisfied'],
    ['0.300.0-beta', '0.300.0-beta.1', 'unsatisfied'],
    ['0.300.0-beta', '0.300.0', 'unsatisfied'],
    // 12. >= 0.0.0-0, <= 1.0.0-0: a prerelease in the group admits prerelease versions
    ['>= 0.218.0-0, <= 1.0.0-0', '0.300.0-rc.1', 'satisfied'],
    ['>= 0.218.0-0, <= 1.0.0-0', '0.218.0-0', 'satisfied'],
    ['>= 0.218.0-0, <= 1.0.0-0', '0.298.0', 'satisfied'],
    ['>= 0.218.0-0, <= 1.0.0-0', '1.0.0', 'unsatisfied'],
    ['>= 0.218.0-0, <= 1.0.0-0', '0.217.0-rc', 'unsatisfied'],
  ])('%s with %s is %s', (constraint, version, outcome) => {
    expect(outcomeOf(constraint, version)).toBe(outcome);
  });
});

describe('checkCliVersionConstraint: wildcards with operators (Masterminds rules)', () => {
  test.each<[string, string, Outcome]>([
    // >= and < read the wildcard as 0.
    ['>= 0.2.*', '0.2.0', 'satisfied'],
    ['>= 0.2.*', '0.1.9', 'unsatisfied'],
    ['< 0.2.*', '0.1.9', 'satisfied'],
    ['< 0.2.*', '0.2.0', 'unsatisfied'],
    ['>= 1.*', '1.0.0', 'satisfied'],
    ['< 1.*', '0.999.0', 'satisfied'],
    ['< 1.*', '1.0.0', 'unsatisfied'],
    // > and <= treat the wildcard as the whole range.
    ['> 0.2.*', '0.2.99', 'unsatisfied'],
    ['> 0.2.*', '0.3.0', 'satisfied'],
    ['> 0.2.*', '1.0.0', 'satisfied'],
    ['> 1.*', '1.99.0', 'unsatisfied'],
    ['> 1.*', '2.0.0', 'satisfied'],
    ['<= 0.2.*', '0.2.99', 'satisfied'],
    ['<= 0.2.*', '0.3.0', 'unsatisfied'],
    ['<= 1.*', '1.99.99', 'satisfied'],
    ['<= 1.*', '2.0.0', 'unsatisfied'],
    // != excludes the whole range.
    ['!= 0.2.*', '0.2.5', 'unsatisfied'],
    ['!= 0.2.*', '0.3.0', 'satisfied'],
    ['!= 0.2.*', '1.2.5', 'satisfied'],
    ['!= 1.*', '1.5.0', 'unsatisfied'],
    ['!= 1.*', '2.0.0', 'satisfied'],
    ['>= 0.2.*, != 0.3.*', '0.3.1', 'unsatisfied'],
    ['>= 0.2.*, != 0.3.*', '0.4.0', 'satisfied'],
    // Masterminds quirk, kept on purpose: once the group admits prereleases, `!= 0.2.*`
    // compares prereleases only, and 0.2.5-beta differs from the constraint's empty one.
    ['!= 0.2.*, >= 0.1.0-0', '0.2.5-beta', 'satisfied'],
    ['!= 0.2.*, >= 0.1.0-0', '0.2.5', 'unsatisfied'],
  ])('%s with %s is %s', (constraint, version, outcome) => {
    expect(outcomeOf(constraint, version)).toBe(outcome);
  });
});

describe('checkCliVersionConstraint: what the unescaped "." in the CLI regexp lets through', () => {
  // `\d+\.\d+.\*` accepts any character before the `*`; Masterminds then decides.
  test.each<[string, string, Outcome]>([
    // A space or a comma separates a second constraint, `*`, which accepts everything.
    ['1.2 *', '1.2.3', 'satisfied'],
    ['1.2 *', '1.3.0', 'unsatisfied'],
    ['1.2,*', '1.2.3', 'satisfied'],
    ['1.2\t*', '1.3.0', 'unsatisfied'],
  ])('%j with %s is %s', (constraint, version, outcome) => {
    expect(outcomeOf(constraint, version)).toBe(outcome);
  });

  test.each([
    ['1.2x*', 'constraint parser error'],
    ['1.2|*', 'constraint parser error'],
    ['1.20*', 'constraint parser error'],
    ['1.2-*', 'improper constraint: "1.2-*"'],
    ['1.2a*', 'improper constraint: "1.2a*"'],
    ['1.2\v*', 'improper constraint: "1.2\\v*"'],
    // `\w` admits "_", which Masterminds refuses in a prerelease.
    ['0.300.0-beta_1', 'improper constraint: "0.300.0-beta_1"'],
    // A numeric prerelease identifier must not start with 0.
    ['0.300.0-01', 'constraint parser error'],
    // Masterminds reads segments as uint64.
    ['18446744073709551616.0.0', 'constraint parser error'],
  ])('%j is refused by Masterminds: %s', (constraint, message) => {
    expect(checkCliVersionConstraint(constraint, '0.298.0')).toEqual({
      outcome: 'invalid',
      message,
    });
  });
});

describe('checkCliVersionConstraint refuses syntax the CLI refuses', () => {
  test.each([
    '>=0.218',
    '~0.218.0',
    '^1.0.0',
    '0.218.0 || 1.0.0',
    '>=1.0.0,<2.0.0',
    '>= 1.0.0,<= 2.0.0',
    '>= 1.0.0, <=2.0.0',
    '>= 1.0.0, 2.0.0',
    '= 0.218.0',
    'v0.218.0',
    ' >= 0.218.0',
    '>= 0.218.0 ',
    '>=  0.218.0',
    '0.218.0-beta.1',
    '0.218.0+build',
    '0.218',
    '*',
    '1.*.*',
    '1.2\n*',
    '0.218.0 - 1.0.0',
    '>= 0.1.0, <= 0.2.0, != 0.1.5',
  ])('%j', (constraint) => {
    expect(checkCliVersionConstraint(constraint, '0.298.0')).toEqual({
      outcome: 'invalid',
      message: `invalid version constraint ${JSON.stringify(constraint)} specified. ${SYNTAX_HELP}`,
    });
  });

  test('quotes the constraint as Go %q does', () => {
    const { message } = checkCliVersionConstraint('a"b\\c\n\x00\x07é\u200b😀', '0.298.0');
    expect(message).toBe(
      String.raw`invalid version constraint "a\"b\\c\n\x00\aé\u200b😀" specified. ` + SYNTAX_HELP,
    );
  });

  test('checks the syntax before the CLI version', () => {
    expect(checkCliVersionConstraint('^1.0.0', 'garbage').message).toMatch(/^invalid version/);
  });

  test('accepts a second bare version after two spaces, as the regexp allows', () => {
    expect(outcomeOf('>= 1.0.0,  2.0.0', '2.0.0')).toBe('satisfied');
    expect(outcomeOf('>= 1.0.0,  2.0.0', '1.5.0')).toBe('unsatisfied');
  });
});

describe('checkCliVersionConstraint with prerelease CLI versions', () => {
  test.each<[string, string, Outcome]>([
    // A constraint without a prerelease refuses every prerelease version, even in range.
    ['>= 0.218.0', '0.300.0-rc.1', 'unsatisfied'],
    ['<= 1.0.0', '0.300.0-beta', 'unsatisfied'],
    ['0.*', '0.300.0-beta', 'unsatisfied'],
    ['!= 0.298.0', '0.300.0-beta', 'unsatisfied'],
    // ... but only warns for a development build, whose prerelease is exactly "dev".
    ['>= 0.218.0', '0.300.0-dev', 'warning'],
    ['>= 0.218.0', '0.300.0-dev+abc123', 'warning'],
    ['<= 0.100.0', '0.300.0-dev', 'warning'],
    ['>= 0.218.0', '0.300.0-rc.2.dev', 'unsatisfied'],
    ['>= 0.218.0', '0.300.0-dev.1', 'unsatisfied'],
    // A constraint with a prerelease compares prereleases normally.
    ['>= 0.300.0-0', '0.300.0-dev', 'satisfied'],
    ['>= 0.300.0-beta', '0.300.0-alpha', 'unsatisfied'],
    ['> 0.300.0-beta', '0.300.0-beta.1', 'satisfied'],
    ['< 0.300.0-beta', '0.300.0-alpha.9', 'satisfied'],
    ['0.300.0-dev', '0.300.0-dev+abc123', 'satisfied'],
  ])('%s with %s is %s', (constraint, version, outcome) => {
    expect(outcomeOf(constraint, version)).toBe(outcome);
  });
});

describe('checkCliVersionConstraint messages', () => {
  test('unsatisfied', () => {
    expect(checkCliVersionConstraint('>= 0.300.0', '0.298.0')).toEqual({
      outcome: 'unsatisfied',
      message:
        'Databricks CLI version constraint not satisfied. Required: >= 0.300.0, current: 0.298.0',
    });
  });

  test('warning for a development build', () => {
    expect(checkCliVersionConstraint('>= 0.218.0', '0.300.0-dev+abc123')).toEqual({
      outcome: 'warning',
      message:
        'Ignoring Databricks CLI version constraint for development build. ' +
        'Required: >= 0.218.0, current: 0.300.0-dev+abc123',
    });
  });

  test('satisfied', () => {
    const result = checkCliVersionConstraint('>= 0.218.0', '0.298.0');
    expect(result.outcome).toBe('satisfied');
    expect(result.message).toContain('0.298.0');
  });

  test('no constraint: the CLI skips the check', () => {
    expect(outcomeOf('', '0.298.0')).toBe('satisfied');
  });

  test('a CLI version Masterminds cannot parse', () => {
    expect(checkCliVersionConstraint('>= 0.218.0', 'not-a-version')).toEqual({
      outcome: 'invalid',
      message: 'parsing CLI version "not-a-version" failed',
    });
    expect(outcomeOf('>= 0.218.0', '0.298.0-01')).toBe('invalid');
  });

  test('Masterminds coerces loose CLI versions', () => {
    expect(outcomeOf('0.298.0', 'v0.298.0')).toBe('satisfied');
    expect(outcomeOf('0.298.0', '0.298')).toBe('satisfied');
    expect(outcomeOf('0.298.0', '00.0298.000')).toBe('satisfied');
  });
});

describe('parseCliVersionOutput', () => {
  test.each([
    ['Databricks CLI v0.298.0\n', '0.298.0'],
    ['Databricks CLI v0.298.0', '0.298.0'],
    ['Databricks CLI v0.298.0\r\n', '0.298.0'],
    ['Databricks CLI v0.300.0-dev+abc123\n', '0.300.0-dev+abc123'],
    ['Databricks CLI v0.0.0-dev+abc123\n', '0.0.0-dev+abc123'],
    ['Databricks CLI v1.13.0-rc.2.dev\n', '1.13.0-rc.2.dev'],
  ])('%j is %s', (stdout, version) => {
    expect(parseCliVersionOutput(stdout)).toBe(version);
  });

  test.each([
    '',
    '0.298.0',
    'v0.298.0',
    'Databricks CLI 0.298.0',
    'databricks cli v0.298.0',
    'Databricks CLI v0.298',
    'Databricks CLI v01.0.0',
    'Databricks CLI v0.298.0 (abc123)',
    'Databricks CLI v0.298.0\nA new version is available',
    'Warning: something\nDatabricks CLI v0.298.0',
    'Databricks CLI v0.298.0-',
    'Databricks CLI v0.298.0+',
  ])('%j is not understood', (stdout) => {
    expect(parseCliVersionOutput(stdout)).toBeUndefined();
  });

  test('feeds checkCliVersionConstraint', () => {
    const version = parseCliVersionOutput('Databricks CLI v0.298.0\n') ?? '';
    expect(outcomeOf('>= 0.218.0, < 1.0.0', version)).toBe('satisfied');
  });
});

describe('compareVersions', () => {
  // The precedence example of SemVer 2.0, section 11, followed by release bumps.
  const ordered = [
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0',
    '1.0.1',
    '1.1.0',
    '1.10.0',
    '2.0.0',
    '18446744073709551616.0.0',
  ];

  test.each(ordered.slice(1).map((higher, i) => [ordered[i] ?? '', higher]))(
    '%s < %s',
    (lower, higher) => {
      expect(compareVersions(lower, higher)).toBe(-1);
      expect(compareVersions(higher, lower)).toBe(1);
    },
  );

  test.each([
    ['0.298.0', '0.298.0'],
    ['1.0.0+a', '1.0.0+b'],
    ['1.0.0-rc.1+a', '1.0.0-rc.1'],
  ])('%s = %s (build metadata ignored)', (a, b) => {
    expect(compareVersions(a, b)).toBe(0);
  });

  test('compares numeric identifiers as numbers whatever their size', () => {
    expect(compareVersions('1.0.0-18446744073709551616', '1.0.0-9')).toBe(1);
    expect(compareVersions('1.0.0-9', '1.0.0-a')).toBe(-1);
    expect(compareVersions('1.0.0-1a', '1.0.0-1')).toBe(1);
  });

  test.each(['v1.0.0', '1.0', '01.0.0', '1.0.0-01', '1.0.0-', '', 'latest'])(
    'refuses %j',
    (version) => {
      expect(() => compareVersions(version, '1.0.0')).toThrow('is not a semantic version');
      expect(() => compareVersions('1.0.0', version)).toThrow('is not a semantic version');
    },
  );
});
