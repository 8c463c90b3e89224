/*
 * STAND-IN for the Databricks CLI, for this project's tests only. It is NOT the Databricks CLI
 * and contains none of its code.
 *
 * build-image.sh bakes this file into a local test image (with node and busybox) that takes the
 * place of the pinned CLI image the action runs. It answers the part of the CLI's surface that
 * the action uses (`version`, `bundle validate|deploy|plan|summary|destroy` and the global
 * flags) with the real CLI's messages, output shapes and exit codes as of the baked version
 * (0.298.0 unless the image was built for another). Those were looked up in the CLI and Go SDK
 * sources; the real CLI remains the reference whenever the two disagree.
 *
 * It never uses the network. A simulated workspace, whose behaviour is chosen by the first DNS
 * label of the workspace host, stands in for Databricks; README.md in this directory lists the
 * scenarios and what the stand-in does not reproduce.
 *
 * Every invocation appends one JSON line to <bundle root>/.databricks/stand-in/calls.jsonl (or
 * $HOME/stand-in-calls.jsonl without a bundle) so tests can see what reached the container:
 * argv, the names (never the values) of the environment variables, uid/gid, cwd, HOME, and
 * SHA-256 digests of the secret and proxy variables.
 */
import { spawnSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

const yaml = await importYaml();
const BUILD = readBuildInfo();
const CLI_VERSION = BUILD.version;

// The real CLI exports DATABRICKS_CLI_PATH to itself when started through a path rather than a
// bare name (the image's entrypoint is /app/databricks), so SDK error texts name it.
const CLI_PATH =
  process.argv[1] && path.basename(process.argv[1]) !== process.argv[1]
    ? process.argv[1].replace(/\.mjs$/, '')
    : '';

const AUTH_DOC_URL =
  'https://docs.databricks.com/en/dev-tools/auth.html#databricks-client-unified-authentication';
const PERMISSIONS_DOC_URL = 'https://docs.databricks.com/dev-tools/bundles/permissions.html';
const CONFIG_FILE_NAMES = ['databricks.yml', 'databricks.yaml', 'bundle.yml', 'bundle.yaml'];
const STAND_IN_WORKSPACE_ID = '1234567890123456';
const LOCK_HOLDER = 'another-deployer@example.com';
const LOCK_TIME = '2026-01-01 08:00:00 +0000 UTC';
const SLOW_DEPLOY_MS = 30_000;
// The simulated network behind the failure scenarios: its DNS server, the address the
// workspace host resolves to, and an HTTP proxy (addresses from a private range).
const STAND_IN_RESOLVER = '10.20.0.2:53';
const STAND_IN_WORKSPACE_ADDRESS = '10.20.30.40:443';
const STAND_IN_PROXY_ADDRESS = '10.20.0.8:3128';

async function main(argv) {
  const io = new Io();
  recordCall(argv);
  try {
    return await runCommandLine(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`Error: ${error.message}\n`);
      return 1;
    }
    // A crash of the stand-in must not look like a CLI verdict: say so plainly.
    io.err(`Error: stand-in CLI internal error: ${error?.stack ?? error}\n`);
    return 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Command line: a cobra/pflag look-alike, limited to the commands the action uses.
// ---------------------------------------------------------------------------------------------

class CliError extends Error {}

// Errors that were already rendered as diagnostics; the CLI exits 1 without printing again.
class AlreadyPrinted extends Error {}

function flag(name, short, type, usage, extra = {}) {
  return { name, short, type, usage, hidden: false, deprecated: '', ...extra };
}

const ROOT_FLAGS = [
  flag('debug', '', 'bool', 'enable debug logging'),
  flag('output', 'o', 'output', 'output type: text or json', { defaultText: 'text' }),
  flag('profile', 'p', 'string', '~/.databrickscfg profile'),
  flag('target', 't', 'string', 'bundle target to use (if applicable)'),
  flag('environment', 'e', 'string', 'bundle target to use (if applicable)', {
    hidden: true,
    deprecated: 'use --target flag instead',
  }),
  flag('log-level', '', 'string', 'log level', { hidden: true }),
  flag('log-file', '', 'string', 'file to write logs to', { hidden: true }),
  flag('log-format', '', 'string', 'log output format (text or json)', { hidden: true }),
  flag('progress-format', '', 'string', 'format for progress logs', { hidden: true }),
];

const VAR_FLAG = flag(
  'var',
  '',
  'stringSlice',
  'set values for variables defined in bundle config. Example: --var="foo=bar"',
);

const COMMAND_TREE = {
  name: 'databricks',
  short: 'Databricks CLI (test stand-in, not the real CLI)',
  persistentFlags: ROOT_FLAGS,
  children: [
    {
      name: 'bundle',
      short: 'Declarative Automation Bundles let you express data/AI/analytics projects as code.',
      persistentFlags: [VAR_FLAG],
      // Real subcommands the stand-in leaves out.
      missingChildren: [
        'config-remote-sync',
        'debug',
        'deployment',
        'generate',
        'init',
        'open',
        'run',
        'schema',
        'sync',
      ],
      children: [
        {
          name: 'deploy',
          short: 'Deploy bundle',
          flags: [
            flag(
              'auto-approve',
              '',
              'bool',
              'Skip interactive approvals that might be required for deployment.',
            ),
            flag(
              'cluster-id',
              'c',
              'string',
              'Override cluster in the deployment with the given cluster ID.',
            ),
            flag(
              'compute-id',
              '',
              'string',
              'Override cluster in the deployment with the given compute ID.',
              {
                hidden: true,
                deprecated: 'use --cluster-id instead',
              },
            ),
            flag(
              'fail-on-active-runs',
              '',
              'bool',
              'Fail if there are running jobs or pipelines in the deployment.',
            ),
            flag('force', '', 'bool', 'Force-override Git branch validation.'),
            flag('force-lock', '', 'bool', 'Force acquisition of deployment lock.'),
            flag(
              'plan',
              '',
              'string',
              'Path to a JSON plan file to apply instead of planning (direct engine only).',
            ),
            flag('verbose', '', 'bool', 'Enable verbose output.', { hidden: true }),
          ],
          run: commandDeploy,
        },
        {
          name: 'destroy',
          short: 'Destroy deployed bundle resources',
          flags: [
            flag(
              'auto-approve',
              '',
              'bool',
              'Skip interactive approvals for deleting resources and files',
            ),
            flag('force-lock', '', 'bool', 'Force acquisition of deployment lock.'),
          ],
          run: commandDestroy,
        },
        {
          name: 'plan',
          short: 'Show deployment plan',
          flags: [
            flag(
              'cluster-id',
              'c',
              'string',
              'Override cluster in the deployment with the given cluster ID.',
            ),
            flag(
              'compute-id',
              '',
              'string',
              'Override cluster in the deployment with the given compute ID.',
              {
                hidden: true,
                deprecated: 'use --cluster-id instead',
              },
            ),
            flag('force', '', 'bool', 'Force-override Git branch validation.'),
          ],
          run: commandPlan,
        },
        {
          name: 'summary',
          short: 'Summarize resources deployed by this bundle',
          flags: [
            flag(
              'force-pull',
              '',
              'bool',
              'Skip local cache and load the state from the remote workspace',
            ),
            flag('include-locations', '', 'bool', 'Include location information in the output', {
              hidden: true,
            }),
          ],
          run: commandSummary,
        },
        {
          name: 'validate',
          short: 'Validate configuration',
          flags: [
            flag('include-locations', '', 'bool', 'Include location information in the output', {
              hidden: true,
            }),
            flag('strict', '', 'bool', 'Treat warnings as errors'),
          ],
          run: commandValidate,
        },
      ],
    },
    {
      name: 'version',
      short: 'Retrieve information about the current version of this CLI',
      flags: [],
      run: commandVersion,
    },
  ],
};

async function runCommandLine(argv, io) {
  const { chain, rest } = findCommand(argv);
  const cmd = chain[chain.length - 1];
  if (chain.length === 1 && rest.positional.length > 0) {
    const name = rest.positional[0];
    throw new CliError(`unknown command "${name}" for "databricks"${suggestCommands(cmd, name)}`);
  }

  const parsed = parseFlags(chain, rest.args);
  if (parsed.values.get('help')) {
    io.out(helpText(chain));
    return 0;
  }
  if (chain.length === 1 && parsed.values.get('version')) {
    io.out(`Databricks CLI v${CLI_VERSION}\n`);
    return 0;
  }
  const missing = cmd.missingChildren?.find((name) => name === rest.positional[0]);
  if (missing) {
    // Help and exit 0 here (what cobra does for an unknown name) would hide a real call.
    throw new CliError(`the stand-in CLI does not implement "${commandPath(chain)} ${missing}"`);
  }
  // Commands with subcommands are not runnable: cobra prints their help and succeeds, even when
  // an unknown subcommand name follows (only the root command rejects unknown names).
  if (!cmd.run) {
    io.out(helpText(chain));
    return 0;
  }
  if (parsed.positional.length > 0) {
    const message = `unknown command "${parsed.positional[0]}" for "${commandPath(chain)}"`;
    throw new CliError(`${message}\n\n${usageString(chain)}`);
  }

  const ctx = createContext(chain, parsed, io);
  try {
    await cmd.run(ctx);
    return 0;
  } catch (error) {
    if (error instanceof AlreadyPrinted) return 1;
    throw error;
  }
}

function createContext(chain, parsed, io) {
  const get = (name) => parsed.values.get(name);
  const changed = (name) => parsed.changed.has(name);
  let output = get('output');
  if (!changed('output') && process.env.DATABRICKS_OUTPUT_FORMAT) {
    output = String(process.env.DATABRICKS_OUTPUT_FORMAT).toLowerCase();
    if (output !== 'json' && output !== 'text') output = 'text';
  }
  return { chain, get, changed, io, output, diags: new Diagnostics(io) };
}

function findCommand(argv) {
  const chain = [COMMAND_TREE];
  const args = [];
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      args.push(...argv.slice(i));
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('-') && arg !== '-') {
      args.push(arg);
      // A flag's separate value is not a command name, so skip it while walking the tree.
      if (!arg.includes('=') && flagTakesSeparateValue(chain, arg) && i + 1 < argv.length) {
        args.push(argv[++i]);
      }
      continue;
    }
    const current = chain[chain.length - 1];
    const child = positional.length === 0 && current.children?.find((c) => c.name === arg);
    if (child) {
      chain.push(child);
      continue;
    }
    args.push(arg);
    positional.push(arg);
  }
  return { chain, rest: { args, positional } };
}

function flagTakesSeparateValue(chain, arg) {
  const flags = availableFlags(chain);
  if (arg.startsWith('--')) {
    const f = flags.find((x) => x.name === arg.slice(2));
    return Boolean(f && f.type !== 'bool');
  }
  const shorts = arg.slice(1);
  const f = flags.find((x) => x.short && x.short === shorts[shorts.length - 1]);
  return Boolean(f && f.type !== 'bool' && shorts.length === 1);
}

function availableFlags(chain) {
  const cmd = chain[chain.length - 1];
  const flags = [...(cmd.flags ?? []), ...(cmd.persistentFlags ?? [])];
  for (const parent of chain.slice(0, -1)) flags.push(...(parent.persistentFlags ?? []));
  flags.push(flag('help', 'h', 'bool', `help for ${cmd.name}`));
  if (chain.length === 1) flags.push(flag('version', 'v', 'bool', 'version for databricks'));
  return flags;
}

function parseFlags(chain, args) {
  const flags = availableFlags(chain);
  const values = new Map();
  const changed = new Set();
  const positional = [];
  for (const f of flags) {
    if (f.type === 'bool') values.set(f.name, false);
    else if (f.type === 'stringSlice') values.set(f.name, []);
    else if (f.type === 'output') values.set(f.name, 'text');
    else values.set(f.name, '');
  }
  const fail = (message) => {
    throw new CliError(`${message}\n\n${usageString(chain)}`);
  };
  const assign = (f, raw, shown) => {
    changed.add(f.name);
    if (f.type === 'bool') {
      const parsedBool = parseGoBool(raw);
      if (parsedBool === undefined) {
        fail(
          `invalid argument "${raw}" for "${shown}" flag: strconv.ParseBool: parsing ` +
            `${JSON.stringify(raw)}: invalid syntax`,
        );
      }
      values.set(f.name, parsedBool);
    } else if (f.type === 'stringSlice') {
      const previous = values.get(f.name);
      values.set(f.name, [...previous, ...splitCsv(raw)]);
    } else if (f.type === 'output') {
      const lower = raw.toLowerCase();
      if (lower !== 'json' && lower !== 'text') {
        fail(`invalid argument "${raw}" for "${shown}" flag: accepted arguments are json and text`);
      }
      values.set(f.name, lower);
    } else if (f.name === 'log-level') {
      const levels = ['trace', 'debug', 'info', 'warn', 'error', 'disabled'];
      if (!levels.includes(raw.toLowerCase())) {
        const accepted = levels.join(', ');
        fail(`invalid argument "${raw}" for "${shown}" flag: accepted arguments are ${accepted}`);
      }
      values.set(f.name, raw);
    } else {
      values.set(f.name, raw);
    }
  };
  const shownName = (f) => (f.short ? `-${f.short}, --${f.name}` : `--${f.name}`);

  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      const f = flags.find((x) => x.name === name);
      if (!f) fail(withFlagSuggestion(`unknown flag: --${name}`, flags, name));
      if (eq !== -1) assign(f, arg.slice(eq + 1), shownName(f));
      else if (f.type === 'bool') assign(f, 'true', shownName(f));
      else if (i + 1 < args.length) assign(f, args[++i], shownName(f));
      else fail(`flag needs an argument: --${name}`);
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') {
      let shorts = arg.slice(1);
      while (shorts.length > 0) {
        const c = shorts[0];
        const f = flags.find((x) => x.short === c);
        if (!f) fail(`unknown shorthand flag: '${c}' in -${shorts}`);
        if (shorts.length > 2 && shorts[1] === '=') {
          assign(f, shorts.slice(2), shownName(f));
          break;
        }
        if (f.type === 'bool') {
          assign(f, 'true', shownName(f));
          shorts = shorts.slice(1);
          continue;
        }
        if (shorts.length > 1) assign(f, shorts.slice(1), shownName(f));
        else if (i + 1 < args.length) assign(f, args[++i], shownName(f));
        else fail(`flag needs an argument: '${c}' in -${c}`);
        break;
      }
      continue;
    }
    positional.push(arg);
  }
  return { values, changed, positional };
}

function parseGoBool(raw) {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(raw)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(raw)) return false;
  return undefined;
}

// pflag reads a StringSlice value as one CSV record, so commas split values unless quoted.
function splitCsv(raw) {
  const out = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (quoted) {
      if (ch === '"' && raw[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

function withFlagSuggestion(message, flags, name) {
  let best = '';
  let bestDistance = Infinity;
  for (const f of flags) {
    if (f.hidden) continue;
    const d = levenshtein(name, f.name);
    if (d < bestDistance) {
      best = f.name;
      bestDistance = d;
    }
  }
  return best && bestDistance <= 2 ? `${message}\n\nDid you mean "--${best}"?` : message;
}

function suggestCommands(cmd, name) {
  const found = (cmd.children ?? [])
    .map((c) => c.name)
    .filter((c) => levenshtein(name, c) <= 2 || c.startsWith(name.toLowerCase()));
  if (found.length === 0) return '';
  return `\n\nDid you mean this?\n${found.map((c) => `\t${c}\n`).join('')}`;
}

function levenshtein(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 0; i < a.length; i++) {
    const curr = [i + 1];
    for (let j = 0; j < b.length; j++) {
      const cost = a[i] === b[j] ? 0 : 1;
      curr.push(Math.min(curr[j] + 1, prev[j + 1] + 1, prev[j] + cost));
    }
    prev = curr;
  }
  return prev[b.length];
}

function commandPath(chain) {
  return chain.map((c) => c.name).join(' ');
}

function helpText(chain) {
  const cmd = chain[chain.length - 1];
  return `${cmd.short}\n\n${usageString(chain)}`;
}

// cobra's default usage template, as the CLI shows it under flag and argument errors.
function usageString(chain) {
  const cmd = chain[chain.length - 1];
  const cmdPath = commandPath(chain);
  let text = 'Usage:';
  if (cmd.run) text += `\n  ${cmdPath} [flags]`;
  if (cmd.children) {
    text += `\n  ${cmdPath} [command]\n\nAvailable Commands:`;
    const pad = Math.max(...cmd.children.map((c) => c.name.length));
    for (const c of cmd.children) text += `\n  ${c.name.padEnd(pad)} ${c.short}`;
  }
  const local = [...(cmd.flags ?? []), ...(cmd.persistentFlags ?? [])];
  local.push(flag('help', 'h', 'bool', `help for ${cmd.name}`));
  if (chain.length === 1) local.push(flag('version', 'v', 'bool', 'version for databricks'));
  text += `\n\nFlags:\n${flagUsages(local)}`;
  const inherited = chain.slice(0, -1).flatMap((c) => c.persistentFlags ?? []);
  if (inherited.some((f) => !f.hidden)) text += `\n\nGlobal Flags:\n${flagUsages(inherited)}`;
  if (cmd.children) {
    text += `\n\nUse "${cmdPath} [command] --help" for more information about a command.`;
  }
  return `${text}\n`;
}

function flagUsages(flags) {
  const rows = flags
    .filter((f) => !f.hidden)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((f) => {
      let left = f.short ? `  -${f.short}, --${f.name}` : `      --${f.name}`;
      const varname = { string: 'string', stringSlice: 'strings', output: 'type' }[f.type];
      if (varname) left += ` ${varname}`;
      const right = f.defaultText ? `${f.usage} (default ${f.defaultText})` : f.usage;
      return [left, right];
    });
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `${left.padEnd(width)}   ${right}`.trimEnd()).join('\n');
}

// ---------------------------------------------------------------------------------------------
// Output, diagnostics and logs, shaped as libs/cmdio and libs/logdiag print them.
// ---------------------------------------------------------------------------------------------

class Io {
  out(text) {
    process.stdout.write(text);
  }

  err(text) {
    process.stderr.write(text);
  }
}

class Diagnostics {
  constructor(io) {
    this.io = io;
    this.errors = 0;
    this.warnings = 0;
    this.recommendations = 0;
  }

  // Diagnostics are printed to stderr as they are found, as the CLI's logdiag does.
  report({ severity = 'error', summary, detail = '', paths = [], locations = [] }) {
    const heading = { error: 'Error', warning: 'Warning', recommendation: 'Recommendation' };
    let text = `${heading[severity]}: ${summary}`;
    if (paths.length > 0 && paths[0] !== '') {
      paths.forEach((p, i) => (text += `\n  ${i === 0 ? 'at ' : '   '}${p}`));
    }
    locations
      .filter(Boolean)
      .forEach((l, i) => (text += `\n  ${i === 0 ? 'in ' : '   '}${formatLocation(l)}`));
    if (detail) text += `\n\n${detail}`;
    this.io.err(`${text}\n\n`);
    if (severity === 'error') this.errors++;
    else if (severity === 'warning') this.warnings++;
    else this.recommendations++;
  }

  error(summary, extra = {}) {
    this.report({ severity: 'error', summary, ...extra });
  }

  get hasError() {
    return this.errors > 0;
  }

  // The CLI's log lines at warn level and above go to stderr as "Warn: ..." / "Error: ...".
  log(level, message) {
    this.io.err(`${level === 'error' ? 'Error' : 'Warn'}: ${message}\n`);
  }

  trailer() {
    const parts = [];
    const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
    if (this.errors) parts.push(plural(this.errors, 'error', 'errors'));
    if (this.warnings) parts.push(plural(this.warnings, 'warning', 'warnings'));
    if (this.recommendations) {
      parts.push(plural(this.recommendations, 'recommendation', 'recommendations'));
    }
    if (parts.length >= 3) return `Found ${parts.slice(0, -1).join(', ')}, and ${parts.at(-1)}\n`;
    if (parts.length === 2) return `Found ${parts[0]} and ${parts[1]}\n`;
    if (parts.length === 1) return `Found ${parts[0]}\n`;
    return 'Validation OK!\n';
  }
}

function formatLocation(loc) {
  return `${loc.file}:${loc.line}:${loc.column}`;
}

// Go's encoding/json escapes <, > and & (and the two JavaScript line separators) in strings.
function goJson(value) {
  return JSON.stringify(value, null, 2)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

// ---------------------------------------------------------------------------------------------
// Commands.
// ---------------------------------------------------------------------------------------------

async function commandVersion(ctx) {
  if (ctx.output === 'json') {
    const [major, minor, patch] = CLI_VERSION.split(/[.+-]/).map((n) => Number(n) || 0);
    const info = {
      ProjectName: 'cli',
      Version: CLI_VERSION,
      Branch: BUILD.branch,
      Tag: `v${CLI_VERSION}`,
      ShortCommit: BUILD.commit.slice(0, 8),
      FullCommit: BUILD.commit,
      CommitTime: BUILD.time,
      Summary: `v${CLI_VERSION}`,
      Major: major,
      Minor: minor,
      Patch: patch,
      Prerelease: CLI_VERSION.includes('-') ? CLI_VERSION.split('-').slice(1).join('-') : '',
      IsSnapshot: false,
      BuildTime: BUILD.time,
    };
    ctx.io.out(`${goJson(info)}\n`);
    return;
  }
  ctx.io.out(`Databricks CLI v${CLI_VERSION}\n`);
}

async function commandValidate(ctx) {
  const b = await processBundle(ctx, { validate: true });
  if (ctx.output === 'json') {
    if (b?.config) ctx.io.out(`${goJson(plainConfig(b.config))}\n`);
  } else {
    ctx.io.out(`${b ? summaryHeader(b) + '\n' : ''}${ctx.diags.trailer()}`);
  }
  if (ctx.diags.hasError) throw new AlreadyPrinted();
  if (ctx.get('strict') && ctx.diags.warnings > 0) {
    const n = ctx.diags.warnings;
    const prefix = n === 1 ? '1 warning was found' : `${n} warnings were found`;
    throw new CliError(`${prefix}. Warnings are not allowed in strict mode`);
  }
}

async function commandDeploy(ctx) {
  if (ctx.get('plan')) {
    throw new CliError('the stand-in CLI does not support --plan (direct engine only)');
  }
  const b = await processBundle(ctx, { readState: true, build: true });
  if (!b || ctx.diags.hasError) throw new AlreadyPrinted();
  await deployPhase(ctx, b);
  if (ctx.diags.hasError) throw new AlreadyPrinted();
}

async function commandPlan(ctx) {
  const b = await processBundle(ctx, { readState: true, build: true });
  if (!b || ctx.diags.hasError) throw new AlreadyPrinted();
  if (!initializeTerraform(ctx, b) || !terraformRefresh(ctx, b)) throw new AlreadyPrinted();
  const plan = calculatePlan(b, 'deploy');
  if (ctx.output === 'json') {
    const entries = Object.fromEntries(plan.map((a) => [a.key, { action: a.action }]));
    ctx.io.out(`${goJson({ cli_version: CLI_VERSION, plan: entries })}\n`);
    return;
  }
  const counts = countActions(plan);
  let text = '';
  if (counts.create + counts.update + counts.delete > 0) {
    for (const a of plan) {
      if (a.action !== 'skip') text += `${a.action} ${a.key.replace(/^resources\./, '')}\n`;
    }
    text += '\n';
  }
  text +=
    `Plan: ${counts.create} to add, ${counts.update} to change, ` +
    `${counts.delete} to delete, ${counts.unchanged} unchanged\n`;
  ctx.io.out(text);
}

async function commandSummary(ctx) {
  const b = await processBundle(ctx, { readState: true, initIds: true });
  if (!b || ctx.diags.hasError) throw new AlreadyPrinted();
  if (ctx.output === 'json') {
    ctx.io.out(`${goJson(plainConfig(b.config))}\n`);
    return;
  }
  ctx.io.out(summaryHeader(b) + renderResources(b));
}

async function commandDestroy(ctx) {
  if (!ctx.get('auto-approve') && !isPromptSupported()) {
    throw new CliError(
      'please specify --auto-approve since terminal does not support interactive prompts',
    );
  }
  const b = await processBundle(ctx, { readState: true });
  if (!b || ctx.diags.hasError) throw new AlreadyPrinted();
  await destroyPhase(ctx, b);
  if (ctx.diags.hasError) throw new AlreadyPrinted();
}

// ---------------------------------------------------------------------------------------------
// Bundle processing: load, select the target, authenticate, initialize (utils.ProcessBundle).
// ---------------------------------------------------------------------------------------------

async function processBundle(ctx, opts) {
  const { diags } = ctx;
  const b = loadBundle(ctx);
  if (!b) return null;
  if (!diags.hasError) selectTarget(ctx, b);
  if (!diags.hasError) resolveAuthConfig(ctx, b);
  if (!diags.hasError) applyVarFlags(ctx, b);
  if (!diags.hasError) await initializePhase(ctx, b);
  if (!diags.hasError && opts.validate) validatePhase(ctx, b);
  if (!diags.hasError && opts.readState) readRemoteState(ctx, b);
  if (!diags.hasError && opts.initIds) initializeIds(b);
  if (!diags.hasError && opts.build) buildPhase(ctx, b);
  return b;
}

function discoverBundleRoot() {
  const fromEnv = process.env.DATABRICKS_BUNDLE_ROOT ?? process.env.BUNDLE_ROOT;
  if (fromEnv !== undefined && fromEnv !== '') {
    const variable =
      process.env.DATABRICKS_BUNDLE_ROOT !== undefined ? 'DATABRICKS_BUNDLE_ROOT' : 'BUNDLE_ROOT';
    let problem = '';
    try {
      if (!fs.statSync(fromEnv).isDirectory()) problem = 'not a directory';
    } catch (error) {
      problem = `stat ${fromEnv}: ${goErrno(error)}`;
    }
    if (problem) return { error: `invalid bundle root ${variable}="${fromEnv}": ${problem}` };
    return { root: path.resolve(fromEnv) };
  }
  // The CLI looks for each file name in turn, walking up from the working directory for each.
  for (const name of CONFIG_FILE_NAMES) {
    let dir = process.cwd();
    for (;;) {
      if (fs.existsSync(path.join(dir, name))) return { root: dir };
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return { error: `unable to locate bundle root: ${CONFIG_FILE_NAMES[0]} not found` };
}

function goErrno(error) {
  if (error?.code === 'ENOENT') return 'no such file or directory';
  if (error?.code === 'EACCES') return 'permission denied';
  return String(error?.message ?? error);
}

function loadBundle(ctx) {
  const { diags } = ctx;
  const found = discoverBundleRoot();
  if (found.error) {
    diags.error(found.error);
    return null;
  }
  const root = found.root;
  const present = CONFIG_FILE_NAMES.filter((n) => fs.existsSync(path.join(root, n)));
  if (present.length > 1) {
    diags.error(`multiple bundle root configuration files found in ${root}`);
    return null;
  }
  if (present.length === 0) {
    diags.error(`stat ${path.join(root, CONFIG_FILE_NAMES[0])}: no such file or directory`);
    return null;
  }
  const rootFile = present[0];
  const loaded = loadYamlFile(root, rootFile);
  if (loaded.error) {
    diags.error(`failed to load ${path.join(root, rootFile)}: ${loaded.error}`);
    return null;
  }
  let config = loaded.node.kind === 'map' ? loaded.node : mapNode([], loaded.node.loc);
  const b = { root, rootFile, config, target: '', scenario: 'normal' };
  config = processIncludes(ctx, b, config);
  if (!get(config, ['targets']) && get(config, ['environments'])) {
    config = withEntry(config, 'targets', get(config, ['environments']));
  }
  const targets = get(config, ['targets']);
  if (!targets || targets.kind !== 'map' || targets.value.size === 0) {
    config = withEntry(config, 'targets', mapNode([['default', mapNode([])]]));
  }
  b.config = config;
  return b;
}

function processIncludes(ctx, b, config) {
  const includeNode = get(config, ['include']);
  if (!includeNode || includeNode.kind !== 'seq') return config;
  const seen = new Set([b.rootFile]);
  const files = [];
  for (const [index, entry] of includeNode.value.entries()) {
    const pattern = String(entry.value ?? '');
    if (path.isAbsolute(pattern)) {
      ctx.diags.error(`${pattern}: includes must be relative paths`);
      return config;
    }
    const matches = goGlob(b.root, pattern);
    if (matches.length === 0 && !/[*?[]/.test(pattern)) {
      ctx.diags.error(`${pattern} defined in 'include' section does not match any files`);
      return config;
    }
    for (const rel of matches) {
      if (seen.has(rel)) continue;
      seen.add(rel);
      if (!/\.(ya?ml|json)$/.test(rel)) {
        ctx.diags.error(
          "Files in the 'include' configuration section must be YAML or JSON files.",
          {
            detail:
              `The file ${rel} in the 'include' configuration section is not a YAML or JSON ` +
              'file, and only such files are supported. To include files to sync, specify ' +
              "them in the 'sync.include' configuration section instead.",
            locations: [entry.loc ?? includeNode.loc],
            paths: [`include[${index}]`],
          },
        );
        continue;
      }
      files.push(rel);
    }
  }
  let merged = config;
  for (const rel of files) {
    const loaded = loadYamlFile(b.root, rel);
    if (loaded.error) {
      ctx.diags.error(`failed to load ${path.join(b.root, rel)}: ${loaded.error}`);
      continue;
    }
    if (loaded.node.kind !== 'map') continue;
    const nested = get(loaded.node, ['include']);
    if (nested) {
      ctx.diags.error('Include section is defined outside root file', {
        locations: [nested.loc],
        paths: ['include'],
      });
      continue;
    }
    merged = mergeNodes(merged, loaded.node);
  }
  const listed = files.map((f) => scalarNode(f, includeNode.loc));
  return withEntry(merged, 'include', seqNode(listed, includeNode.loc));
}

function selectTarget(ctx, b) {
  const { diags } = ctx;
  let name = ctx.get('target') || ctx.get('environment');
  if (!name) {
    name = process.env.DATABRICKS_BUNDLE_TARGET || process.env.DATABRICKS_BUNDLE_ENV || '';
  }
  const targets = get(b.config, ['targets']);
  const names = [...targets.value.keys()];
  if (!name) {
    if (names.length === 1) name = names[0];
    else {
      const defaults = names.filter((n) => plain(get(targets, [n, 'default'])) === true);
      if (defaults.length > 1) {
        diags.error(`multiple targets are marked as default (${defaults.join(', ')})`);
        return;
      }
      if (defaults.length === 0) {
        diags.error('please specify target');
        return;
      }
      name = defaults[0];
    }
  }
  if (!targets.value.has(name)) {
    diags.error(`${name}: no such target. Available targets: ${names.join(', ')}`);
    return;
  }
  const target = targets.value.get(name);
  let config = b.config;
  if (target && target.kind === 'map') {
    const rootVars = get(config, ['variables']);
    const targetVars = get(target, ['variables']);
    if (targetVars?.kind === 'map') {
      for (const varName of targetVars.value.keys()) {
        if (!rootVars?.value?.has(varName)) {
          diags.error(
            `failed to perform target override for target=${name}: ` +
              `variable ${varName} is not defined but is assigned a value`,
          );
          return;
        }
      }
    }
    for (const field of ['bundle', 'workspace', 'artifacts', 'resources', 'sync', 'permissions']) {
      const override = get(target, [field]);
      if (override) config = withEntry(config, field, mergeNodes(get(config, [field]), override));
    }
    const presets = get(target, ['presets']);
    if (presets)
      config = withEntry(config, 'presets', mergeNodes(get(config, ['presets']), presets));
    if (targetVars?.kind === 'map') {
      for (const [varName, value] of targetVars.value) {
        // A target may give a bare value; the CLI reads it as that variable's default.
        const isSpec =
          value.kind === 'map' && (value.value.has('default') || value.value.has('lookup'));
        const spec = isSpec ? value : mapNode([['default', value]], value.loc);
        let variable = get(config, ['variables', varName]) ?? mapNode([]);
        for (const key of ['default', 'lookup']) {
          if (spec.value.has(key)) {
            variable = withEntry(variable, key, spec.value.get(key));
            variable = withoutEntry(variable, key === 'default' ? 'lookup' : 'default');
          }
        }
        config = setIn(config, ['variables', varName], variable);
      }
    }
    const runAs = get(target, ['run_as']);
    if (runAs) config = withEntry(config, 'run_as', runAs);
    for (const [field, dest] of [
      ['mode', 'mode'],
      ['cluster_id', 'cluster_id'],
      ['compute_id', 'compute_id'],
    ]) {
      const v = get(target, [field]);
      if (v) config = setIn(config, ['bundle', dest], v);
    }
    const git = get(target, ['git']);
    if (git)
      config = setIn(config, ['bundle', 'git'], mergeNodes(get(config, ['bundle', 'git']), git));
  }
  config = setIn(config, ['bundle', 'target'], scalarNode(name));
  config = setIn(config, ['bundle', 'environment'], scalarNode(name));
  config = withoutEntry(withoutEntry(config, 'targets'), 'environments');
  b.config = mergeKeyedSequences(config);
  b.target = name;
}

// After target overrides are merged, the CLI folds list entries that share a key (tasks by
// task_key, job clusters by job_cluster_key, ...) into one entry.
function mergeKeyedSequences(config) {
  const rules = [
    ['jobs', 'tasks', 'task_key'],
    ['jobs', 'job_clusters', 'job_cluster_key'],
    ['jobs', 'parameters', 'name'],
    ['jobs', 'environments', 'environment_key'],
    ['pipelines', 'clusters', 'label'],
  ];
  let out = config;
  for (const [group, field, keyName] of rules) {
    const resources = get(out, ['resources', group]);
    if (resources?.kind !== 'map') continue;
    for (const [key, resource] of resources.value) {
      const seq = get(resource, [field]);
      if (seq?.kind !== 'seq') continue;
      const order = [];
      const byKey = new Map();
      for (const item of seq.value) {
        const k = plain(get(item, [keyName])) ?? (group === 'pipelines' ? 'default' : undefined);
        if (k === undefined) {
          order.push(item);
        } else if (byKey.has(k)) {
          const idx = byKey.get(k);
          order[idx] = mergeNodes(order[idx], item);
        } else {
          byKey.set(k, order.length);
          order.push(item);
        }
      }
      out = setIn(out, ['resources', group, key, field], seqNode(order, seq.loc));
    }
  }
  return out;
}

function applyVarFlags(ctx, b) {
  for (const assignment of ctx.get('var') ?? []) {
    const eq = assignment.indexOf('=');
    if (eq === -1) {
      ctx.diags.error(`unexpected flag value for variable assignment: ${assignment}`);
      return;
    }
    const name = assignment.slice(0, eq);
    const variable = get(b.config, ['variables', name]);
    if (!variable) {
      ctx.diags.error(`variable ${name} has not been defined`);
      return;
    }
    if (plain(get(variable, ['type'])) === 'complex') {
      ctx.diags.error(`setting variables of complex type via --var flag is not supported: ${name}`);
      return;
    }
    b.config = setIn(b.config, ['variables', name, 'value'], scalarNode(assignment.slice(eq + 1)));
  }
}

// ---------------------------------------------------------------------------------------------
// Authentication, as the Go SDK resolves it from the bundle and the environment.
// ---------------------------------------------------------------------------------------------

// Config attributes in the Go SDK's struct order; the order shows in its error texts.
const SDK_ATTRIBUTES = [
  ['host', 'DATABRICKS_HOST', '', false],
  ['cluster_id', 'DATABRICKS_CLUSTER_ID', '', false],
  ['warehouse_id', 'DATABRICKS_WAREHOUSE_ID', '', false],
  ['serverless_compute_id', 'DATABRICKS_SERVERLESS_COMPUTE_ID', '', false],
  ['metadata_service_url', 'DATABRICKS_METADATA_SERVICE_URL', 'metadata-service', true],
  ['account_id', 'DATABRICKS_ACCOUNT_ID', '', false],
  ['workspace_id', 'DATABRICKS_WORKSPACE_ID', '', false],
  ['token', 'DATABRICKS_TOKEN', 'pat', true],
  ['username', 'DATABRICKS_USERNAME', 'basic', false],
  ['password', 'DATABRICKS_PASSWORD', 'basic', true],
  ['profile', 'DATABRICKS_CONFIG_PROFILE', '', false],
  ['config_file', 'DATABRICKS_CONFIG_FILE', '', false],
  ['google_service_account', 'DATABRICKS_GOOGLE_SERVICE_ACCOUNT', 'google', false],
  ['google_credentials', 'GOOGLE_CREDENTIALS', 'google', true],
  ['azure_workspace_resource_id', 'DATABRICKS_AZURE_RESOURCE_ID', 'azure', false],
  ['azure_use_msi', 'ARM_USE_MSI', 'azure', false],
  ['azure_client_secret', 'ARM_CLIENT_SECRET', 'azure', true],
  ['azure_client_id', 'ARM_CLIENT_ID', 'azure', false],
  ['azure_tenant_id', 'ARM_TENANT_ID', 'azure', false],
  ['actions_id_token_request_url', 'ACTIONS_ID_TOKEN_REQUEST_URL', '', false],
  ['actions_id_token_request_token', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', '', false],
  ['azure_environment', 'ARM_ENVIRONMENT', '', false],
  ['azure_login_app_id', 'DATABRICKS_AZURE_LOGIN_APP_ID', 'azure', false],
  ['client_id', 'DATABRICKS_CLIENT_ID', 'oauth', false],
  ['client_secret', 'DATABRICKS_CLIENT_SECRET', 'oauth', true],
  ['databricks_cli_path', 'DATABRICKS_CLI_PATH', '', false],
  ['databricks_id_token_filepath', 'DATABRICKS_OIDC_TOKEN_FILEPATH', 'file-oidc', false],
  ['oidc_token_env', 'DATABRICKS_OIDC_TOKEN_ENV', 'env-oidc', false],
];

// Fields the bundle's `workspace` section can set; they win over the environment.
const WORKSPACE_AUTH_FIELDS = {
  host: 'host',
  profile: 'profile',
  auth_type: 'auth_type',
  client_id: 'client_id',
  account_id: 'account_id',
  workspace_id: 'workspace_id',
  metadata_service_url: 'metadata_service_url',
  google_service_account: 'google_service_account',
  azure_workspace_resource_id: 'azure_workspace_resource_id',
  azure_use_msi: 'azure_use_msi',
  azure_client_id: 'azure_client_id',
  azure_tenant_id: 'azure_tenant_id',
  azure_environment: 'azure_environment',
  azure_login_app_id: 'azure_login_app_id',
};

// The strategies of the CLI's credentials chain, in its order (databricks/cli
// libs/auth/credentials.go since 0.290.0; before, the Go SDK's config/auth_default.go), each with
// the first CLI release whose pinned SDK has it (README.md lists the sources). The stand-in
// simulates the strategies that have a `configure`; the others fail when asked for by name and
// are skipped in the default chain, where none of them could succeed in a CI container.
const AUTH_STRATEGIES = [
  { name: 'pat', since: '0.0.0', configure: configurePat },
  { name: 'basic', since: '0.0.0' },
  { name: 'oauth-m2m', since: '0.0.0', configure: configureM2m },
  { name: 'databricks-cli', since: '0.0.0' },
  { name: 'metadata-service', since: '0.0.0' },
  { name: 'github-oidc', since: '0.250.0', configure: configureGithubOidc },
  { name: 'azure-devops-oidc', since: '0.271.0' },
  { name: 'env-oidc', since: '0.251.0', configure: configureEnvOidc },
  { name: 'file-oidc', since: '0.251.0', configure: configureFileOidc },
  { name: 'github-oidc-azure', since: '0.224.0' },
  { name: 'azure-msi', since: '0.0.0' },
  { name: 'azure-client-secret', since: '0.0.0', configure: configureAzureClientSecret },
  { name: 'azure-cli', since: '0.0.0' },
  { name: 'google-credentials', since: '0.0.0' },
  { name: 'google-id', since: '0.0.0' },
];

// SDK v0.70.0 (first pinned by CLI 0.253.0) names an auth type it does not know; older SDKs
// skipped every strategy and reported that none could be configured.
const AUTH_TYPE_NOT_FOUND_SINCE = '0.253.0';
const CANNOT_CONFIGURE_DEFAULT =
  `cannot configure default credentials, please check ${AUTH_DOC_URL} to configure ` +
  'credentials for your preferred authentication method';
// How the simulated token endpoint refuses a client in the unauthorized scenario
// (golang.org/x/oauth2's RetrieveError text; the description is the stand-in's).
const OAUTH_CLIENT_REFUSED = 'oauth2: "invalid_client" "Client authentication failed"';

function resolveAuthConfig(ctx, b) {
  const attrs = new Map();
  const workspace = get(b.config, ['workspace']);
  for (const [field, attr] of Object.entries(WORKSPACE_AUTH_FIELDS)) {
    const v = plain(get(workspace, [field]));
    if (v !== undefined && v !== null && v !== '' && v !== false) attrs.set(attr, String(v));
  }
  const profileFlag = ctx.get('profile');
  if (profileFlag) attrs.set('profile', profileFlag);
  if (CLI_PATH) attrs.set('databricks_cli_path', CLI_PATH);
  for (const [name, env] of SDK_ATTRIBUTES) {
    if (!attrs.has(name) && process.env[env]) attrs.set(name, process.env[env]);
  }
  if (!attrs.has('auth_type') && process.env.DATABRICKS_AUTH_TYPE) {
    attrs.set('auth_type', process.env.DATABRICKS_AUTH_TYPE);
  }
  b.auth = { attrs };
  const methods = new Set();
  for (const [name, , auth] of SDK_ATTRIBUTES) if (auth && attrs.has(name)) methods.add(auth);
  if (methods.size > 1 && !attrs.has('auth_type')) {
    const names = [...methods].sort().join(' and ');
    ctx.diags.error(
      'cannot resolve bundle auth configuration: validate: more than one authorization ' +
        `method configured: ${names}. ${authDebugString(attrs)}`,
    );
  }
}

function authDebugString(attrs) {
  const shown = [];
  const envs = [];
  for (const [name, env, , sensitive] of SDK_ATTRIBUTES) {
    if (!attrs.has(name)) continue;
    shown.push(`${name}=${sensitive ? '***' : attrs.get(name)}`);
    if (process.env[env] || (name === 'databricks_cli_path' && CLI_PATH)) envs.push(env);
  }
  const parts = [];
  if (shown.length) parts.push(`Config: ${shown.join(', ')}`);
  if (envs.length) parts.push(`Env: ${envs.join(', ')}`);
  return parts.join('. ');
}

// The SDK authenticates lazily, on the first request (the bundle's GET /scim/v2/Me); errors
// then carry the request visitor prefix, the strategy's name and the config's debug string
// (config/config.go authenticateIfNeeded, wrapDebug). These texts follow SDK v0.70.0 and later
// (CLI 0.253.0 and later), which stopped swallowing the errors of an explicit auth type.
function authenticate(b) {
  const { attrs } = b.auth;
  const host = canonicalHost(attrs.get('host') ?? '');
  const scenario = scenarioFor(host);
  const request = { attrs, host, scenario };
  const withDebug = (message) => {
    const debug = authDebugString(attrs);
    return `failed during request visitor: ${message}${debug ? `. ${debug}` : ''}`;
  };
  const available = AUTH_STRATEGIES.filter((s) => versionAtLeast(CLI_VERSION, s.since));
  const authType = attrs.get('auth_type') ?? '';
  if (authType) {
    const strategy = available.find((s) => s.name === authType);
    if (!strategy) {
      const reason = versionAtLeast(CLI_VERSION, AUTH_TYPE_NOT_FOUND_SINCE)
        ? `auth type "${authType}" not found, please check ${AUTH_DOC_URL} for a list of ` +
          'supported auth types'
        : CANNOT_CONFIGURE_DEFAULT;
      return { error: withDebug(`default auth: ${reason}`) };
    }
    if (!strategy.configure) {
      const reason = `the stand-in CLI does not simulate auth type "${authType}"`;
      return { error: withDebug(`${authType} auth: ${reason}`) };
    }
    const r = strategy.configure(request);
    if (r.notConfigured) return { error: withDebug(`${authType} auth: not configured`) };
    if (r.error) return { error: withDebug(`${authType} auth: ${r.error}`) };
    // A credentials provider that fails only when it first fetches its token.
    if (r.tokenError) return { error: `failed during request visitor: ${r.tokenError}` };
    return { ...r, host, scenario };
  }
  // Without an explicit type the chain tries each strategy in order and keeps the first that
  // yields a token, swallowing the others' errors.
  for (const strategy of available) {
    const r = strategy.configure?.(request);
    if (r?.user) return { ...r, host, scenario };
  }
  return { error: withDebug(`default auth: ${CANNOT_CONFIGURE_DEFAULT}`) };
}

// The simulated workspace's users: the personal access token belongs to a user, the other
// credentials to the service principal whose application id they name.
const TOKEN_USER = { id: '1000000000000001', userName: 'deployer@example.com' };
const servicePrincipal = (applicationId) => ({
  id: '1000000000000002',
  userName: applicationId,
  displayName: applicationId,
});

// config/auth_pat.go
function configurePat({ attrs, host }) {
  if (!host) return { error: 'host is required for PAT authentication' };
  if (!attrs.get('token')) return { error: 'token is required' };
  return { user: TOKEN_USER };
}

// config/auth_m2m.go: client id and secret, exchanged at the workspace's token endpoint when the
// first request is made.
function configureM2m({ attrs, host, scenario }) {
  if (!attrs.get('client_id') || !attrs.get('client_secret')) return { notConfigured: true };
  if (!host) return { error: 'oidc: no host configured' };
  if (scenario === 'stand-in-unauthorized') {
    return { tokenError: `error getting token: ${OAUTH_CLIENT_REFUSED}` };
  }
  return { user: servicePrincipal(attrs.get('client_id')) };
}

// config/auth_oidc.go with config/experimental/auth/oidc/github.go: the runner's ID token,
// requested with ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN. The stand-in opens no socket, so with
// both set the request counts as answered.
function configureGithubOidc(request) {
  const { attrs } = request;
  return exchangeIdToken(request, () => {
    if (!attrs.get('actions_id_token_request_url')) return 'missing ActionsIDTokenRequestURL';
    if (!attrs.get('actions_id_token_request_token')) return 'missing ActionsIDTokenRequestToken';
    return '';
  });
}

// oidc.NewEnvIDTokenSource: the token is read from DATABRICKS_OIDC_TOKEN_ENV's variable, by
// default DATABRICKS_OIDC_TOKEN.
function configureEnvOidc(request) {
  const variable = request.attrs.get('oidc_token_env') || 'DATABRICKS_OIDC_TOKEN';
  return exchangeIdToken(request, () =>
    process.env[variable] ? '' : `missing env var ${JSON.stringify(variable)}`,
  );
}

// oidc.NewFileTokenSource: the token is the content of DATABRICKS_OIDC_TOKEN_FILEPATH's file.
function configureFileOidc(request) {
  const file = request.attrs.get('databricks_id_token_filepath') ?? '';
  return exchangeIdToken(request, () => {
    if (!file) return 'missing path';
    try {
      if (fs.readFileSync(file).length === 0) return `file ${JSON.stringify(file)} is empty`;
      return '';
    } catch (error) {
      if (error?.code === 'ENOENT') return `file ${JSON.stringify(file)} does not exist`;
      return goPathError(error, file);
    }
  });
}

// The OIDC strategies' token source (config/experimental/auth/oidc/tokensource.go), which the
// SDK asks for a token while configuring: host first, then the workspace's token endpoint (the
// simulated workspace always has one), then the ID token, then the exchange. Without a client
// id the exchange uses account-wide token federation, whose identity the federation policy
// decides; the simulated workspace maps it to the token user.
function exchangeIdToken({ attrs, host, scenario }, idTokenProblem) {
  if (!host) return { error: 'missing Host' };
  const problem = idTokenProblem();
  if (problem) return { error: problem };
  if (scenario === 'stand-in-unauthorized') return { error: OAUTH_CLIENT_REFUSED };
  const clientId = attrs.get('client_id');
  return { user: clientId ? servicePrincipal(clientId) : TOKEN_USER };
}

// config/auth_azure_client_secret.go: all three ARM_* values and an Azure workspace, else the
// strategy does not apply ("not configured"). The Azure AD token is requested on the first
// request; the simulated Azure AD always answers.
function configureAzureClientSecret({ attrs, host }) {
  const clientId = attrs.get('azure_client_id');
  if (!clientId || !attrs.get('azure_client_secret') || !attrs.get('azure_tenant_id')) {
    return { notConfigured: true };
  }
  if (!isAzureWorkspace(attrs, host)) return { notConfigured: true };
  if (!host) {
    // azureEnsureWorkspaceUrl would ask Azure Resource Manager for the workspace URL.
    return { error: 'resolve host: the stand-in CLI does not simulate Azure Resource Manager' };
  }
  return { user: servicePrincipal(clientId) };
}

// Config.IsAzure: a workspace resource id, else DATABRICKS_CLOUD (compared exactly, as the SDK
// does), else the DNS zone of the host (common/environment/environments.go).
function isAzureWorkspace(attrs, host) {
  if (attrs.get('azure_workspace_resource_id')) return true;
  const cloud = process.env.DATABRICKS_CLOUD;
  if (cloud) return cloud === 'Azure';
  const hostname = host ? new URL(host).hostname : '';
  return AZURE_DNS_ZONES.some((zone) => hostname.endsWith(zone));
}

const AZURE_DNS_ZONES = ['.azuredatabricks.net', '.databricks.azure.us', '.databricks.azure.cn'];

// The text of Go's *fs.PathError for a file that exists but cannot be read.
function goPathError(error, file) {
  if (error?.code === 'EISDIR') return `read ${file}: is a directory`;
  if (error?.code === 'EACCES') return `open ${file}: permission denied`;
  return `open ${file}: ${error?.message ?? error}`;
}

// Compares dotted release versions (a pre-release suffix is ignored).
function versionAtLeast(version, minimum) {
  const parse = (v) =>
    v
      .split(/[-+]/)[0]
      .split('.')
      .map((n) => Number(n) || 0);
  const [a, b] = [parse(version), parse(minimum)];
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

function canonicalHost(raw) {
  if (!raw) return '';
  try {
    const url = new URL(raw.includes('://') ? raw : `https://${raw}`);
    return url.hostname ? `${url.protocol}//${url.host}` : '';
  } catch {
    return raw;
  }
}

// The simulated workspace's behaviour, from the first DNS label of its host (README.md).
function scenarioFor(host) {
  const label = host ? new URL(host).hostname.split('.')[0] : '';
  return SCENARIOS.has(label) ? label : 'normal';
}

// ---------------------------------------------------------------------------------------------
// The simulated workspace.
// ---------------------------------------------------------------------------------------------

const SCENARIOS = new Set([
  'stand-in-unauthorized',
  'stand-in-deploy-denied',
  'stand-in-lock-held',
  'stand-in-destructive',
  'stand-in-warning',
  'stand-in-slow',
  'stand-in-forbidden',
  'stand-in-no-such-host',
  'stand-in-refused',
  'stand-in-timeout',
  'stand-in-proxy',
  'stand-in-x509',
  'stand-in-terraform-download',
  'stand-in-state-newer',
  'stand-in-state-engine',
  'stand-in-private-ca',
]);

// What Go's net/http reports when the workspace cannot be reached, by scenario, as the SDK
// passes it on: a url.Error, `Get "<url>": <cause>` (golang/go src/net/url/url.go, net/dnsclient
// for DNS, net/http/transport.go for `proxyconnect`, crypto/tls/handshake_client.go and
// crypto/x509/verify.go for the certificate). The proxy scenario stands for an image whose
// own HTTPS_PROXY names a proxy that cannot be reached.
const NETWORK_FAILURES = {
  'stand-in-no-such-host': (hostname) =>
    `dial tcp: lookup ${hostname} on ${STAND_IN_RESOLVER}: no such host`,
  'stand-in-refused': () => `dial tcp ${STAND_IN_WORKSPACE_ADDRESS}: connect: connection refused`,
  'stand-in-timeout': () => `dial tcp ${STAND_IN_WORKSPACE_ADDRESS}: i/o timeout`,
  'stand-in-proxy': () =>
    `proxyconnect tcp: dial tcp ${STAND_IN_PROXY_ADDRESS}: connect: connection refused`,
  'stand-in-x509': () => X509_UNKNOWN_AUTHORITY,
};

// crypto/tls/handshake_client.go wrapping crypto/x509/verify.go's UnknownAuthorityError.
const X509_UNKNOWN_AUTHORITY =
  'tls: failed to verify certificate: x509: certificate signed by unknown authority';

// How the CLI's own requests fail: the network scenarios always, the private CA scenario when
// the CLI's trust store lacks the enclave's root.
function cliNetworkFailure(scenario) {
  if (scenario === 'stand-in-private-ca') {
    return goTrustsPrivateCa(process.env) ? undefined : () => X509_UNKNOWN_AUTHORITY;
  }
  return NETWORK_FAILURES[scenario];
}

// The private CA scenario's workspace certificate chains to a root with this subject only; the
// tests generate such a root with openssl.
const PRIVATE_CA_SUBJECT = 'CN=Stand-in Enclave Root CA';

// Go's roots on Linux (golang/go src/crypto/x509/root_unix.go, root_linux.go): SSL_CERT_FILE
// replaces the list of bundle files, of which only the first readable one is loaded;
// SSL_CERT_DIR (colon-separated) replaces the directories, whose files are all loaded except
// symlinks to a name in the same directory.
const GO_CERT_FILES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/tls/cacert.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem',
];
const GO_CERT_DIRECTORIES = [
  '/etc/ssl/certs',
  '/etc/pki/tls/certs',
  '/system/etc/security/cacerts',
  '/data/misc/keychain/certs-added',
];

function goTrustsPrivateCa(env) {
  const files = env.SSL_CERT_FILE ? [env.SSL_CERT_FILE] : GO_CERT_FILES;
  for (const file of files) {
    const data = readFileOrNull(file);
    if (data === null) continue;
    if (holdsPrivateCa(data)) return true;
    break;
  }
  const directories = env.SSL_CERT_DIR ? env.SSL_CERT_DIR.split(':') : GO_CERT_DIRECTORIES;
  for (const directory of directories) {
    let entries;
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const file = `${directory}/${entry.name}`;
      if (entry.isSymbolicLink() && !readLinkOrEmpty(file).includes('/')) continue;
      const data = readFileOrNull(file);
      if (data !== null && holdsPrivateCa(data)) return true;
    }
  }
  return false;
}

// crypto/x509 CertPool.AppendCertsFromPEM: CERTIFICATE blocks that carry no PEM headers (a
// header line has a colon, base64 never does) and parse.
function holdsPrivateCa(data) {
  const pem = /^-----BEGIN CERTIFICATE-----\r?\n[^]*?-----END CERTIFICATE-----/gm;
  return (data.toString('latin1').match(pem) ?? []).some((block) => {
    if (block.includes(':')) return false;
    try {
      return new X509Certificate(block).subject.split('\n').includes(PRIVATE_CA_SUBJECT);
    } catch {
      return false;
    }
  });
}

function readFileOrNull(file) {
  try {
    return fs.readFileSync(file);
  } catch {
    return null;
  }
}

function readLinkOrEmpty(file) {
  try {
    return fs.readlinkSync(file);
  } catch {
    return '';
  }
}

// The workspace's answer in the forbidden scenario. The status, error code and the CLI's
// rendering are real; the message is the stand-in's, since workspaces word it themselves.
const FORBIDDEN_MESSAGE = 'This user does not have permission to access this workspace.';

// GET /api/2.0/preview/scim/v2/Me
function workspaceMe(ctx, b) {
  const host = canonicalHost(b.auth.attrs.get('host') ?? '');
  const network = cliNetworkFailure(scenarioFor(host));
  // Resolving the SDK config first fetches the host's metadata, best effort: a failure is
  // only a warning (databricks/cli libs/hostmetadata/resolver.go, its negative-cache TTL).
  if (network) {
    ctx.diags.log(
      'warn',
      `[hostmetadata] failed to fetch host metadata for ${host}, will skip for 1m0s`,
    );
  }
  const auth = authenticate(b);
  if (auth.error) {
    ctx.diags.error(auth.error);
    return null;
  }
  b.session = auth;
  b.scenario = auth.scenario;
  const url = `${auth.host}/api/2.0/preview/scim/v2/Me`;
  if (network) {
    // A transport error is no API error: the CLI prints the SDK's error alone.
    ctx.diags.error(`Get "${url}": ${network(new URL(auth.host).hostname)}`);
    return null;
  }
  if (b.scenario === 'stand-in-unauthorized') {
    // The workspace answers 401 with a JSON error body; the SDK shows its message only.
    ctx.diags.error('Invalid access token.');
    return null;
  }
  if (b.scenario === 'stand-in-forbidden') {
    ctx.diags.error(...apiError('GET', url, 403, 'PERMISSION_DENIED', FORBIDDEN_MESSAGE));
    return null;
  }
  return auth.user;
}

// An API error as the CLI renders it (databricks/cli libs/diag/sdk_error.go): the message with
// `(<status> <error code>)` as the summary, and the request and response as the detail.
function apiError(method, url, status, errorCode, message) {
  const statusText = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status] ?? '';
  return [
    `${message} (${status} ${errorCode})`,
    {
      detail:
        `Endpoint: ${method} ${url}\nHTTP Status: ${status} ${statusText}\n` +
        `API error_code: ${errorCode}\nAPI message: ${message}`,
    },
  ];
}

function isServicePrincipal(userName) {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(userName);
}

function shortUserName(user) {
  let name = user.userName;
  if (isServicePrincipal(name) && user.displayName) name = user.displayName;
  const local = name.split('@')[0].toLowerCase();
  return local
    .replace(/[^\p{L}\p{N}]/gu, '_')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '');
}

function workspaceDir(b) {
  const home = process.env.HOME;
  if (!home) return null;
  const hostname = new URL(b.session.host).hostname;
  return path.join(home, '.stand-in-workspace', hostname, ...b.paths.root.split('/'));
}

function readRemoteState(ctx, b) {
  const engine = process.env.DATABRICKS_BUNDLE_ENGINE;
  if (engine !== undefined && engine !== '' && engine !== 'terraform' && engine !== 'direct') {
    ctx.diags.error(
      `unexpected setting for DATABRICKS_BUNDLE_ENGINE=${engine} ` +
        "(expected 'terraform' or 'direct')",
    );
    return;
  }
  b.remote = { resources: {}, deployed: false, serial: 0 };
  const dir = workspaceDir(b);
  if (!dir) return;
  try {
    const state = JSON.parse(fs.readFileSync(path.join(dir, 'state.json'), 'utf8'));
    b.remote = { ...state, deployed: true };
  } catch {
    // Nothing deployed yet, or HOME does not persist between runs.
  }
  reportUnusableState(ctx, b);
}

// The two state scenarios: the workspace holds resource state this CLI cannot use. After the
// resource states are pulled (statemgmt.PullResourcesState), the CLI checks that they continue
// each other (validateStates) and opens a direct-engine state (dstate.Open, migrateState).
function reportUnusableState(ctx, b) {
  if (b.scenario === 'stand-in-state-newer') {
    // A newer CLI deployed with the direct engine; its state, pulled to the local cache, has a
    // state version this CLI does not know.
    const local = toPosix(path.join(localStateBase(b), b.target, 'resources.json'));
    ctx.diags.error(
      `migrating state ${local}: state version 3 is newer than supported version 2; ` +
        'upgrade the CLI',
    );
  } else if (b.scenario === 'stand-in-state-engine') {
    // Both engines deployed this target, separately: two remote states of different lineage.
    ctx.diags.error('lineage mismatch in state files', {
      detail:
        'Available state files:\n' +
        '- terraform.tfstate: remote terraform state serial=4 ' +
        'lineage="0b6e2f0a-3c1d-4e8f-9a27-5d4c3b2a1f10"\n' +
        '- resources.json: remote direct state serial=5 ' +
        'lineage="7f3e9c1b-2a4d-4b6e-8c5f-1e0d9a8b7c6d"',
    });
  }
}

function writeRemoteState(b, state) {
  const dir = workspaceDir(b);
  if (!dir) return;
  try {
    makeDirectories(dir);
    fs.writeFileSync(path.join(dir, 'state.json'), `${JSON.stringify(state, null, 2)}\n`);
  } catch {
    // The real CLI's cache under HOME is optional too; the simulated state just won't persist.
  }
}

function removeRemoteState(b) {
  const dir = workspaceDir(b);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

function resourceId(b, group, key) {
  const digest = createHash('sha256').update(`${b.session.host}|${b.paths.root}|${group}.${key}`);
  const hex = digest.digest('hex');
  if (group === 'jobs') return String(BigInt(`0x${hex.slice(0, 13)}`) % 10n ** 15n);
  if (group === 'schemas') {
    const r = get(b.config, ['resources', group, key]);
    return `${plain(get(r, ['catalog_name'])) ?? 'main'}.${plain(get(r, ['name'])) ?? key}`;
  }
  const parts = [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20)];
  return [...parts, hex.slice(20, 32)].join('-');
}

// ---------------------------------------------------------------------------------------------
// Initialize phase (phases.Initialize): user, paths, variables, target mode, path translation.
// ---------------------------------------------------------------------------------------------

async function initializePhase(ctx, b) {
  const { diags } = ctx;
  warnOnInterpolatedAuthFields(ctx, b);

  const me = workspaceMe(ctx, b);
  if (!me) return;
  b.user = me;
  const short = shortUserName(me);
  const currentUser = {
    domain_friendly_name: short.replace(/[^\p{L}\p{N}]/gu, '-').toLowerCase(),
    id: me.id,
    short_name: short,
    userName: me.userName,
  };
  b.config = setIn(b.config, ['workspace', 'current_user'], fromPlain(currentUser));
  if (!get(b.config, ['sync', 'paths'])) {
    b.config = setIn(b.config, ['sync', 'paths'], fromPlain(['.']));
  }
  b.config = setIn(b.config, ['bundle', 'git', 'bundle_root_path'], scalarNode('.'));

  defineWorkspacePaths(b);
  setVariables(ctx, b);
  if (diags.hasError) return;
  resolveReferences(ctx, b, { skipResources: true });
  if (diags.hasError) return;
  b.paths = workspacePaths(b);

  applyTargetMode(b);
  applyResourceDefaults(b);
  permissionDiagnostics(ctx, b);
  translatePaths(ctx, b);
  if (diags.hasError) return;
  prepareArtifacts(ctx, b);
  if (diags.hasError) return;
  validateTargetMode(ctx, b);
}

function warnOnInterpolatedAuthFields(ctx, b) {
  for (const [field, env] of [
    ['host', 'DATABRICKS_HOST'],
    ['profile', 'DATABRICKS_CONFIG_PROFILE'],
    ['auth_type', 'DATABRICKS_AUTH_TYPE'],
    ['client_id', 'DATABRICKS_CLIENT_ID'],
  ]) {
    const node = get(b.config, ['workspace', field]);
    if (typeof node?.value !== 'string' || !node.value.includes('${')) continue;
    ctx.diags.report({
      severity: 'warning',
      summary: 'Variable interpolation is not supported for fields that configure authentication',
      detail:
        `Interpolation is not supported for the field workspace.${field}. Please set\n` +
        `the ${env} environment variable if you wish to configure this field at runtime.`,
      paths: [`workspace.${field}`],
      locations: [node.loc],
    });
  }
}

function defineWorkspacePaths(b) {
  const ws = (field) => plain(get(b.config, ['workspace', field]));
  let root = ws('root_path');
  b.explicitRootPath = Boolean(root);
  if (!root) root = '~/.bundle/${bundle.name}/${bundle.target}';
  root = expandWorkspacePath(b, root);
  b.config = setIn(
    b.config,
    ['workspace', 'root_path'],
    scalarNode(root, get(b.config, ['workspace', 'root_path'])?.loc),
  );
  const defaults = {
    file_path: `${root}/files`,
    resource_path: `${root}/resources`,
    artifact_path: `${root}/artifacts`,
    state_path: `${root}/state`,
  };
  for (const [field, value] of Object.entries(defaults)) {
    const current = ws(field);
    const loc = get(b.config, ['workspace', field])?.loc;
    b.config = setIn(
      b.config,
      ['workspace', field],
      scalarNode(current ? expandWorkspacePath(b, current) : value, loc),
    );
  }
}

function expandWorkspacePath(b, p) {
  let out = p;
  if (out === '~' || out.startsWith('~/'))
    out = `/Workspace/Users/${b.user.userName}${out.slice(1)}`;
  if (/^\/(Users|Shared)\//.test(out)) out = `/Workspace${out}`;
  return out;
}

function workspacePaths(b) {
  const ws = (field) => plain(get(b.config, ['workspace', field]));
  return {
    root: ws('root_path'),
    files: ws('file_path'),
    artifacts: ws('artifact_path'),
    resources: ws('resource_path'),
    state: ws('state_path'),
  };
}

function setVariables(ctx, b) {
  const variables = get(b.config, ['variables']);
  if (variables?.kind !== 'map') return;
  const overrides = readVariableOverrides(ctx, b);
  for (const [name, variable] of variables.value) {
    if (get(variable, ['value']) !== undefined) continue;
    const isComplex = plain(get(variable, ['type'])) === 'complex';
    const envName = `BUNDLE_VAR_${name}`;
    let value;
    if (process.env[envName] !== undefined) {
      if (isComplex) {
        ctx.diags.error(
          `setting via environment variables (${envName}) is not supported for complex ` +
            `variable ${name}`,
        );
        return;
      }
      value = scalarNode(process.env[envName]);
    } else if (get(variable, ['lookup'])) {
      ctx.diags.error(`the stand-in CLI cannot resolve lookup variable ${name}`);
      return;
    } else if (overrides?.[name] !== undefined && overrides[name] !== null) {
      value = fromPlain(overrides[name]);
    } else if (get(variable, ['default']) && get(variable, ['default']).kind !== 'nil') {
      value = get(variable, ['default']);
    } else {
      ctx.diags.error(
        `no value assigned to required variable ${name}. Variables are usually assigned in ` +
          `databricks.yml, and they can be overridden using "--var", the BUNDLE_VAR_${name} ` +
          'environment variable, or .databricks/bundle/<target>/variable-overrides.json',
      );
      return;
    }
    b.config = setIn(b.config, ['variables', name, 'value'], value);
  }
}

function readVariableOverrides(ctx, b) {
  const file = path.join(b.root, '.databricks', 'bundle', b.target, 'variable-overrides.json');
  if (!fs.existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
    ctx.diags.error(`failed to parse variables file ${file}: invalid format`, {
      detail:
        'Variables file must be a JSON object with the following format:\n' +
        '{"var1": "value1", "var2": "value2"}',
    });
  } catch (error) {
    ctx.diags.error(`failed to parse variables file ${file}: ${error.message}`);
  }
  return undefined;
}

const REFERENCE = /\$\{([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\])*)\}/g;

// Resolves ${...} references the way the CLI's variable resolution does: a string that is one
// reference takes the referenced value (of any type); otherwise references are spliced in.
function resolveReferences(ctx, b, { skipResources }) {
  let unresolved = new Set();
  const lookup = (ref) => {
    const segs = parsePath(ref);
    if (segs[0] === 'var') return get(b.config, ['variables', segs[1], 'value', ...segs.slice(2)]);
    return get(b.config, segs);
  };
  const visit = (node, depth) => {
    if (!node) return node;
    if (node.kind === 'map') {
      const entries = [...node.value].map(([k, v]) => [k, visit(v, depth)]);
      return { ...node, value: new Map(entries) };
    }
    if (node.kind === 'seq') return { ...node, value: node.value.map((v) => visit(v, depth)) };
    if (typeof node.value !== 'string' || !node.value.includes('${')) return node;
    const refs = [...node.value.matchAll(REFERENCE)];
    const usable = refs.filter((m) => !(skipResources && m[1].startsWith('resources.')));
    if (usable.length === 0) return node;
    if (refs.length === 1 && refs[0][0] === node.value && usable.length === 1) {
      const target = lookup(refs[0][1]);
      if (target === undefined) {
        unresolved.add(refs[0][0]);
        return node;
      }
      return depth > 0
        ? visit({ ...target, loc: node.loc }, depth - 1)
        : { ...target, loc: node.loc };
    }
    const text = node.value.replace(REFERENCE, (whole, ref) => {
      if (skipResources && ref.startsWith('resources.')) return whole;
      const target = lookup(ref);
      if (target === undefined || target.kind === 'map' || target.kind === 'seq') {
        if (target === undefined) unresolved.add(whole);
        return whole;
      }
      return target.kind === 'nil' ? '' : String(target.value);
    });
    return { ...node, value: text };
  };
  for (let pass = 0; pass < 10; pass++) {
    unresolved = new Set();
    const before = JSON.stringify(plain(b.config));
    b.config = visit(b.config, 10);
    if (JSON.stringify(plain(b.config)) === before) break;
  }
  for (const ref of unresolved) ctx.diags.error(`reference does not exist: ${ref}`);
}

function applyTargetMode(b) {
  const mode = plain(get(b.config, ['bundle', 'mode']));
  if (mode !== 'development') return;
  const short = plain(get(b.config, ['workspace', 'current_user', 'short_name']));
  const preset = (field, value) => {
    if (get(b.config, ['presets', field]) === undefined) {
      b.config = setIn(b.config, ['presets', field], fromPlain(value));
    }
  };
  preset('name_prefix', `[dev ${short}] `);
  preset('tags', { dev: short });
  preset('jobs_max_concurrent_runs', 4);
  preset('trigger_pause_status', 'PAUSED');
  preset('pipelines_development', true);
  if (get(b.config, ['bundle', 'deployment', 'lock', 'enabled']) === undefined) {
    b.config = setIn(b.config, ['bundle', 'deployment', 'lock', 'enabled'], scalarNode(false));
  }
}

function applyResourceDefaults(b) {
  const presets = plain(get(b.config, ['presets'])) ?? {};
  const metadata = { kind: 'BUNDLE', metadata_file_path: `${b.paths.state}/metadata.json` };
  const permissions = plain(get(b.config, ['permissions'])) ?? [];
  const levelFor = {
    jobs: { CAN_MANAGE: 'CAN_MANAGE', CAN_VIEW: 'CAN_VIEW', CAN_RUN: 'CAN_MANAGE_RUN' },
    pipelines: { CAN_MANAGE: 'CAN_MANAGE', CAN_VIEW: 'CAN_VIEW', CAN_RUN: 'CAN_RUN' },
  };
  for (const group of ['jobs', 'pipelines']) {
    const resources = get(b.config, ['resources', group]);
    if (resources?.kind !== 'map') continue;
    for (const key of resources.value.keys()) {
      const at = ['resources', group, key];
      const setDefault = (segs, value) => {
        if (get(b.config, [...at, ...segs]) === undefined) {
          b.config = setIn(b.config, [...at, ...segs], fromPlain(value));
        }
      };
      const name = plain(get(b.config, [...at, 'name'])) ?? key;
      if (presets.name_prefix) {
        b.config = setIn(b.config, [...at, 'name'], scalarNode(`${presets.name_prefix}${name}`));
      }
      for (const [tag, value] of Object.entries(presets.tags ?? {}))
        setDefault(['tags', tag], value);
      setDefault(['deployment'], metadata);
      if (group === 'jobs') {
        setDefault(['edit_mode'], 'UI_LOCKED');
        setDefault(['format'], 'MULTI_TASK');
        setDefault(['queue'], { enabled: true });
        if (presets.jobs_max_concurrent_runs) {
          setDefault(['max_concurrent_runs'], presets.jobs_max_concurrent_runs);
        }
        if (presets.trigger_pause_status) {
          for (const trigger of ['trigger', 'schedule', 'continuous']) {
            if (get(b.config, [...at, trigger])) {
              setDefault([trigger, 'pause_status'], presets.trigger_pause_status);
            }
          }
        }
      } else {
        setDefault(['channel'], 'CURRENT');
        setDefault(['edition'], 'ADVANCED');
        if (presets.pipelines_development) setDefault(['development'], true);
      }
      if (permissions.length > 0) {
        const existing = plain(get(b.config, [...at, 'permissions'])) ?? [];
        const added = permissions
          .filter((p) => levelFor[group][p.level])
          .map((p) => ({ ...p, level: levelFor[group][p.level] }));
        b.config = setIn(b.config, [...at, 'permissions'], fromPlain([...existing, ...added]));
      }
    }
  }
}

function permissionDiagnostics(ctx, b) {
  const permissions = plain(get(b.config, ['permissions'])) ?? [];
  if (permissions.length === 0 || canManageBundle(b, permissions).canManage) return;
  const user = b.user.userName;
  const identity = isServicePrincipal(user) ? 'service_principal_name' : 'user_name';
  ctx.diags.report({
    severity: 'recommendation',
    summary:
      `permissions section should explicitly include the current deployment identity '${user}' ` +
      'or one of its groups\n' +
      'If it is not included, CAN_MANAGE permissions are only applied if the present identity ' +
      'is used to deploy.\n\n' +
      'Consider using a adding a top-level permissions section such as the following:\n\n' +
      `  permissions:\n    - ${identity}: ${user}\n      level: CAN_MANAGE\n\n` +
      `See ${PERMISSIONS_DOC_URL} to learn more about permission configuration.`,
    locations: [get(b.config, ['permissions'])?.loc],
  });
}

function canManageBundle(b, permissions) {
  const user = b.user.userName;
  const others = new Set();
  const runAs = plain(get(b.config, ['run_as', 'user_name']));
  if (runAs && runAs !== user) others.add(runAs);
  let canManage = false;
  for (const p of permissions) {
    if (p.level !== 'CAN_MANAGE') continue;
    if (p.user_name === user || p.service_principal_name === user) {
      canManage = true;
      continue;
    }
    const other = p.user_name || p.group_name;
    if (other) others.add(other);
  }
  const assistance =
    others.size > 0
      ? 'For assistance, users or groups with appropriate permissions may include: ' +
        `${[...others].sort().join(', ')}.`
      : 'For assistance, contact the owners of this project.';
  return { canManage, assistance };
}

const NOTEBOOK_EXTENSIONS = ['.py', '.r', '.scala', '.sql', '.ipynb'];

// Rewrites local paths to workspace paths (TranslatePaths) and checks that the files exist.
// Paths are relative to the file that defines them, so locations travel with every value.
function translatePaths(ctx, b) {
  const fail = (message) => {
    ctx.diags.error(message);
    return null;
  };
  const toWorkspace = (node, kind) => {
    const literal = node.value;
    if (typeof literal !== 'string' || isRemotePath(literal)) return node;
    const local = localPathOf(b, node);
    if (kind !== 'glob') {
      let stat;
      try {
        stat = fs.statSync(local);
      } catch {
        return fail(`${kind} ${literal} not found`);
      }
      if (kind === 'directory' && !stat.isDirectory()) {
        return fail(`expected ${literal} to be a directory but found a file`);
      }
    }
    let rel = toPosix(path.relative(b.root, local));
    if (rel.startsWith('..')) return fail(`path ${local} is not contained in sync root path`);
    if (kind === 'notebook') {
      const ext = path.extname(rel).toLowerCase();
      if (NOTEBOOK_EXTENSIONS.includes(ext)) rel = rel.slice(0, -ext.length);
    }
    return { ...node, value: rel === '' ? b.paths.files : `${b.paths.files}/${rel}` };
  };
  const toRootRelative = (node) => {
    if (typeof node.value !== 'string' || isRemotePath(node.value)) return node;
    return { ...node, value: toPosix(path.relative(b.root, localPathOf(b, node))) };
  };
  const rewrite = (segs, kind) => {
    const node = get(b.config, segs);
    if (!node) return;
    const next = kind === 'library' ? toRootRelative(node) : toWorkspace(node, kind);
    if (next) b.config = setIn(b.config, segs, next);
  };
  const eachIndex = (segs, fn) => {
    const seq = get(b.config, segs);
    if (seq?.kind === 'seq') seq.value.forEach((_, i) => fn([...segs, i]));
  };
  // Dependencies keep pip flags and package names; `-r`/`-e` paths become workspace paths and
  // local wheels become "./"-prefixed paths relative to the bundle root.
  const rewriteDependencies = (segs) =>
    eachIndex(segs, (at) => {
      const node = get(b.config, at);
      if (typeof node?.value !== 'string') return;
      const pip = /^(-r|-e|--requirement|--editable)\s+(["']?)(.+?)\2$/.exec(node.value);
      if (pip) {
        const [, option, quote, target] = pip;
        if (isRemotePath(target)) return;
        const rel = toPosix(path.relative(b.root, localPathOf(b, { ...node, value: target })));
        const value = `${option} ${quote}${b.paths.files}/${rel}${quote}`;
        b.config = setIn(b.config, at, { ...node, value });
      } else if (/^\.{0,2}\/|\.(whl|jar)$/.test(node.value) && !isRemotePath(node.value)) {
        const rel = toPosix(path.relative(b.root, localPathOf(b, node)));
        b.config = setIn(b.config, at, { ...node, value: `./${rel}` });
      }
    });

  for (const [key] of get(b.config, ['resources', 'jobs'])?.value ?? []) {
    const job = ['resources', 'jobs', key];
    eachIndex([...job, 'tasks'], (task) => {
      rewrite([...task, 'notebook_task', 'notebook_path'], 'notebook');
      rewrite([...task, 'spark_python_task', 'python_file'], 'file');
      eachIndex([...task, 'libraries'], (lib) => {
        rewrite([...lib, 'whl'], 'library');
        rewrite([...lib, 'jar'], 'library');
      });
    });
    eachIndex([...job, 'environments'], (env) =>
      rewriteDependencies([...env, 'spec', 'dependencies']),
    );
  }
  for (const [key] of get(b.config, ['resources', 'pipelines'])?.value ?? []) {
    const pipeline = ['resources', 'pipelines', key];
    rewrite([...pipeline, 'root_path'], 'directory');
    eachIndex([...pipeline, 'libraries'], (lib) => {
      rewrite([...lib, 'notebook', 'path'], 'notebook');
      rewrite([...lib, 'file', 'path'], 'file');
      rewrite([...lib, 'glob', 'include'], 'glob');
    });
    rewriteDependencies([...pipeline, 'environment', 'dependencies']);
  }
}

function isRemotePath(p) {
  return p.startsWith('/') || /^[a-zA-Z][\w+.-]*:/.test(p) || p.startsWith('${');
}

function localPathOf(b, node) {
  const base = node.loc ? path.dirname(path.join(b.root, node.loc.file)) : b.root;
  return path.resolve(base, node.value);
}

function toPosix(p) {
  return p.split(path.sep).join('/');
}

function prepareArtifacts(ctx, b) {
  const artifacts = get(b.config, ['artifacts']);
  if (artifacts?.kind !== 'map') return;
  for (const name of [...artifacts.value.keys()].sort()) {
    const at = ['artifacts', name];
    const artifact = get(b.config, at);
    if (!artifact || artifact.kind !== 'map') {
      ctx.diags.error('Artifact not properly configured', {
        detail: 'please specify artifact properties',
        locations: [artifact?.loc],
      });
      continue;
    }
    const dir = artifact.loc ? path.dirname(path.join(b.root, artifact.loc.file)) : b.root;
    const rawPath = plain(get(artifact, ['path']));
    const artifactPath = rawPath ? path.resolve(dir, rawPath) : b.root;
    b.config = setIn(
      b.config,
      [...at, 'path'],
      scalarNode(artifactPath, get(artifact, ['path'])?.loc),
    );
    eachSeq(get(b.config, [...at, 'files']), (file, i) => {
      const source = get(file, ['source']);
      if (typeof source?.value === 'string' && !path.isAbsolute(source.value)) {
        const abs = { ...source, value: path.resolve(dir, source.value) };
        b.config = setIn(b.config, [...at, 'files', i, 'source'], abs);
      }
    });
    const type = plain(get(artifact, ['type']));
    let build = plain(get(b.config, [...at, 'build'])) ?? '';
    const hasFiles = (get(b.config, [...at, 'files'])?.value?.length ?? 0) > 0;
    if (type === 'whl') {
      if (!build && !hasFiles) {
        build = 'python3 setup.py bdist_wheel';
        b.config = setIn(b.config, [...at, 'build'], scalarNode(build));
      }
      if (!hasFiles) {
        const source = path.join(artifactPath, 'dist', '*.whl');
        b.config = setIn(b.config, [...at, 'files'], fromPlain([{ source }]));
      }
    }
    const files = get(b.config, [...at, 'files'])?.value ?? [];
    if (!build && files.length === 0) {
      ctx.diags.error("misconfigured artifact: please specify 'build' or 'files' property");
    }
    if (files.length > 0 && !build) expandArtifactGlobs(ctx, b, name);
    if (ctx.diags.hasError) break;
  }
}

function expandArtifactGlobs(ctx, b, name) {
  const at = ['artifacts', name, 'files'];
  const expanded = [];
  eachSeq(get(b.config, at), (file, i) => {
    const source = get(file, ['source']);
    const matches = goGlob('/', source.value.replace(/^\//, '')).map((m) => `/${m}`);
    if (matches.length === 0) {
      const shown = source.loc
        ? path.relative(path.dirname(path.join(b.root, source.loc.file)), source.value)
        : source.value;
      ctx.diags.error(`${shown}: no matching files`, {
        locations: [source.loc],
        paths: [pathString([...at, i, 'source'])],
      });
      return;
    }
    for (const m of matches)
      expanded.push(mapNode([['source', { ...source, value: m }]], file.loc));
  });
  if (!ctx.diags.hasError) b.config = setIn(b.config, at, seqNode(expanded, get(b.config, at).loc));
}

function validateTargetMode(ctx, b) {
  if (plain(get(b.config, ['bundle', 'mode'])) !== 'production') return;
  const pipelines = plain(get(b.config, ['resources', 'pipelines'])) ?? {};
  if (Object.values(pipelines).some((p) => p?.development === true)) {
    ctx.diags.error(
      "target with 'mode: production' cannot include a pipeline with 'development: true'",
    );
    return;
  }
  if (b.explicitRootPath) return;
  const detail =
    'A common practice is to use a username or principal name in this path, i.e. use\n\n' +
    `  root_path: /Workspace/Users/${b.user.userName}/.bundle/\${bundle.name}/\${bundle.target}`;
  const jobs = plain(get(b.config, ['resources', 'jobs'])) ?? {};
  const runAsEverywhere =
    get(b.config, ['run_as']) !== undefined ||
    (Object.keys(jobs).length > 0 && Object.values(jobs).every((j) => j?.run_as));
  const advice = "set 'workspace.root_path' to make sure only one copy is deployed";
  if (runAsEverywhere || isServicePrincipal(b.user.userName)) {
    ctx.diags.report({
      severity: 'recommendation',
      summary: `target with 'mode: production' should ${advice}`,
      detail,
    });
  } else {
    ctx.diags.error(`target with 'mode: production' must ${advice}`, { detail });
  }
}

// The Validate phase only runs for `bundle validate`; the stand-in uses it for the scenario
// warning, placed on the workspace host so the diagnostic has the `at`/`in` lines.
function validatePhase(ctx, b) {
  if (b.scenario !== 'stand-in-warning') return;
  const hostNode = get(b.config, ['workspace', 'host']);
  const [at, node] = hostNode
    ? ['workspace.host', hostNode]
    : ['bundle.name', get(b.config, ['bundle', 'name'])];
  ctx.diags.report({
    severity: 'warning',
    summary: 'the stand-in workspace reports a warning for this host',
    detail:
      'This warning comes from the stand-in-warning scenario of the stand-in CLI used in tests; ' +
      'the real CLI has no such warning.',
    paths: [at],
    locations: [node?.loc],
  });
}

// Adds `id` and `url` to deployed resources (InitializeURLs: `?o=<workspace id>` unless the host
// already names it) and `modified_status` to resources not deployed yet or no longer configured.
function initializeIds(b) {
  const deployed = b.remote.resources ?? {};
  const query = new URL(b.session.host).hostname.includes(STAND_IN_WORKSPACE_ID)
    ? ''
    : `?o=${STAND_IN_WORKSPACE_ID}`;
  const urlPath = { jobs: 'jobs', pipelines: 'pipelines' };
  const configured = new Set();
  for (const [group, resources] of get(b.config, ['resources'])?.value ?? []) {
    for (const [key] of resources.value ?? []) {
      const fullKey = `resources.${group}.${key}`;
      configured.add(fullKey);
      const at = ['resources', group, key];
      const state = deployed[fullKey];
      if (!state) {
        b.config = setIn(b.config, [...at, 'modified_status'], scalarNode('created'));
        continue;
      }
      b.config = setIn(b.config, [...at, 'id'], scalarNode(state.id));
      if (urlPath[group]) {
        b.config = setIn(
          b.config,
          [...at, 'url'],
          scalarNode(`${b.session.host}/${urlPath[group]}/${state.id}${query}`),
        );
      }
    }
  }
  for (const [fullKey, state] of Object.entries(deployed)) {
    if (configured.has(fullKey)) continue;
    const segs = parsePath(fullKey);
    b.config = setIn(b.config, segs, fromPlain({ id: state.id, modified_status: 'deleted' }));
  }
}

// ---------------------------------------------------------------------------------------------
// Build, deploy, destroy.
// ---------------------------------------------------------------------------------------------

function buildPhase(ctx, b) {
  const artifacts = get(b.config, ['artifacts']);
  for (const name of [...(artifacts?.value?.keys() ?? [])].sort()) {
    const build = plain(get(artifacts, [name, 'build']));
    if (!build) continue;
    ctx.io.err(`Building ${name}...\n`);
    const cwd = plain(get(b.config, ['artifacts', name, 'path'])) ?? b.root;
    const result = runShell(build, cwd);
    if (result.error) {
      ctx.diags.error(`build failed ${name}, error: ${result.error}, output: ${result.output}`);
      return;
    }
    expandArtifactGlobs(ctx, b, name);
    if (ctx.diags.hasError) return;
  }
  expandLibraryGlobs(ctx, b);
}

// The CLI runs build commands with the first shell found on PATH (bash, then sh) as
// `<shell> -ec <command>`, with the shell's full path as argv[0], and reports the combined
// output; in an image without bash that reads e.g. "/bin/sh: uv: not found".
function runShell(command, cwd) {
  const shell = lookPath('bash') ?? lookPath('sh');
  if (!shell) return { error: 'no shell found', output: '' };
  // Go's os/exec reports a missing working directory as a failed chdir before anything runs.
  if (!fs.existsSync(cwd)) return { error: `chdir ${cwd}: no such file or directory`, output: '' };
  const outFile = path.join(os.tmpdir(), `stand-in-build-${process.pid}-${Date.now()}.log`);
  const fd = fs.openSync(outFile, 'w+');
  try {
    const r = spawnSync(shell, ['-ec', command], { cwd, stdio: ['ignore', fd, fd] });
    const output = fs.readFileSync(outFile, 'utf8');
    if (r.error) return { error: `exec: ${r.error.message}`, output };
    if (r.signal) return { error: `signal: ${r.signal}`, output };
    if (r.status !== 0) return { error: `exit status ${r.status}`, output };
    return { output };
  } finally {
    fs.closeSync(fd);
    fs.rmSync(outFile, { force: true });
  }
}

function lookPath(name) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const candidate = path.join(dir || '.', name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // Not in this directory.
    }
  }
  return undefined;
}

function expandLibraryGlobs(ctx, b) {
  b.libraries = new Set();
  const expand = (node, at) => {
    const value = node.value;
    const matches = goGlob(b.root, value);
    if (matches.length === 0) {
      const message = /[*?[]/.test(value)
        ? `no files match pattern: ${value}`
        : `file doesn't exist ${value}`;
      ctx.diags.error(message, { locations: [node.loc], paths: [pathString(at)] });
      return [];
    }
    for (const m of matches) b.libraries.add(m);
    return matches.map((m) => ({
      ...node,
      value: `${b.paths.artifacts}/.internal/${path.basename(m)}`,
    }));
  };
  const replaceSeq = (segs, out) => {
    const seq = get(b.config, segs);
    if (seq) b.config = setIn(b.config, segs, seqNode(out, seq.loc));
  };
  // Translation left local dependencies "./"-prefixed; pip flags and package names stay.
  const expandDependencies = (deps) => {
    const out = [];
    eachSeq(get(b.config, deps), (dep, i) => {
      if (typeof dep.value !== 'string' || !dep.value.startsWith('./')) return out.push(dep);
      out.push(...expand({ ...dep, value: dep.value.slice(2) }, [...deps, i]));
    });
    replaceSeq(deps, out);
  };
  for (const [key] of get(b.config, ['resources', 'jobs'])?.value ?? []) {
    const job = ['resources', 'jobs', key];
    eachSeq(get(b.config, [...job, 'tasks']), (_, t) => {
      const libs = [...job, 'tasks', t, 'libraries'];
      const out = [];
      eachSeq(get(b.config, libs), (lib, i) => {
        const kind = ['whl', 'jar'].find((k) => get(lib, [k]));
        const node = kind && get(lib, [kind]);
        if (typeof node?.value !== 'string' || isRemotePath(node.value)) return out.push(lib);
        for (const n of expand(node, [...libs, i, kind])) out.push(mapNode([[kind, n]], lib.loc));
      });
      replaceSeq(libs, out);
    });
    eachSeq(get(b.config, [...job, 'environments']), (_, e) =>
      expandDependencies([...job, 'environments', e, 'spec', 'dependencies']),
    );
  }
  for (const [key] of get(b.config, ['resources', 'pipelines'])?.value ?? []) {
    expandDependencies(['resources', 'pipelines', key, 'environment', 'dependencies']);
  }
}

async function deployPhase(ctx, b) {
  const { io } = ctx;
  const lockEnabled = plain(get(b.config, ['bundle', 'deployment', 'lock', 'enabled'])) !== false;
  const forceLock = ctx.get('force-lock');
  if (lockEnabled && !acquireLock(ctx, b, forceLock)) return;

  for (const lib of [...(b.libraries ?? [])].sort()) io.err(`Uploading ${lib}...\n`);
  io.err(`Uploading bundle files to ${b.paths.files}...\n`);
  if (b.scenario === 'stand-in-deploy-denied') {
    reportPermissionDenied(ctx, b, b.paths.files);
    return;
  }
  const files = listBundleFiles(b.root);
  writeLocalState(b, files);

  if (b.scenario === 'stand-in-slow') await sleep(SLOW_DEPLOY_MS);

  if (!initializeTerraform(ctx, b) || !terraformRefresh(ctx, b)) return;
  const plan = calculatePlan(b, 'deploy');
  if (!(await approveDestructiveActions(ctx, b, plan))) return;

  io.err('Deploying resources...\n');
  if (!terraformApply(ctx, b, plan)) {
    // The CLI pushes the resource state even after a failed apply (phases/deploy.go deployCore).
    io.err('Updating deployment state...\n');
    return;
  }
  const resources = {};
  for (const action of plan) {
    if (action.action === 'delete' || action.key.endsWith('.permissions')) continue;
    const [, group, key] = action.key.split('.');
    resources[action.key] = { id: resourceId(b, group, key), hash: action.hash };
  }
  writeRemoteState(b, {
    serial: (b.remote.serial ?? 0) + 1,
    cli_version: CLI_VERSION,
    resources,
    files: files.length,
  });
  io.err('Updating deployment state...\n');
  io.err('Deployment complete!\n');
}

function acquireLock(ctx, b, force) {
  if (b.scenario === 'stand-in-deploy-denied') {
    ctx.diags.log(
      'error',
      `Failed to acquire deployment lock: access denied: ${b.paths.state}/deploy.lock`,
    );
    reportPermissionDenied(ctx, b, b.paths.state);
    return false;
  }
  if (b.scenario === 'stand-in-lock-held' && !force) {
    const message =
      `deploy lock acquired by ${LOCK_HOLDER} at ${LOCK_TIME}. ` + 'Use --force-lock to override';
    ctx.diags.log('error', `Failed to acquire deployment lock: ${message}`);
    ctx.diags.error(message);
    return false;
  }
  return true;
}

function reportPermissionDenied(ctx, b, workspacePath) {
  ctx.diags.log(
    'error',
    `Failed to update, encountered possible permission error: ${workspacePath}`,
  );
  const user = b.user.userName;
  const permissions = plain(get(b.config, ['permissions'])) ?? [];
  const { canManage, assistance } = canManageBundle(b, permissions);
  const summary = canManage
    ? `unable to deploy to ${workspacePath} as ${user}. Cannot apply local deployment ` +
      `permissions.\n${assistance}\n` +
      'They can redeploy the project to apply the latest set of permissions.\n' +
      `Please refer to ${PERMISSIONS_DOC_URL} for more on managing permissions.`
    : `unable to deploy to ${workspacePath} as ${user}.\n` +
      'Please make sure the current user or one of their groups is listed under the ' +
      `permissions of this bundle.\n${assistance}\n` +
      'They may need to redeploy the bundle to apply the new permissions.\n' +
      `Please refer to ${PERMISSIONS_DOC_URL} for more on managing permissions.`;
  ctx.diags.error(summary);
}

// terraform.Initialize, run before planning by deploy, plan and destroy with the Terraform
// engine. In the download scenario the image's provider mirror is not used (as when
// DATABRICKS_TF_PROVIDER_VERSION does not match the CLI), so `terraform init` asks
// registry.terraform.io and fails on DNS. The CLI wraps terraform-exec's error, which carries
// Terraform's stderr: a -no-color diagnostic whose detail Terraform wraps at 77 columns
// (hashicorp/terraform internal/command/init.go and format/diagnostic.go at v1.5.5).
function initializeTerraform(ctx, b) {
  if (b.scenario !== 'stand-in-terraform-download' || deploymentEngine(b) !== 'terraform') {
    return true;
  }
  const terraformStderr =
    '\nError: Failed to query available provider packages\n\n' +
    'Could not retrieve the list of available versions for provider\n' +
    'databricks/databricks: could not connect to registry.terraform.io: failed to\n' +
    'request discovery document: Get\n' +
    '"https://registry.terraform.io/.well-known/terraform.json": dial tcp: lookup\n' +
    `registry.terraform.io on ${STAND_IN_RESOLVER}: no such host\n`;
  ctx.diags.error(`terraform init: exit status 1\n${terraformStderr}`);
  return false;
}

// The engine of a deployment without state: bundle.engine, else DATABRICKS_BUNDLE_ENGINE, else
// the version's default, Terraform before 1.3.0 and direct since (bundle/config/engine).
function deploymentEngine(b) {
  const configured = plain(get(b.config, ['bundle', 'engine']));
  if (configured === 'terraform' || configured === 'direct') return configured;
  const fromEnv = process.env.DATABRICKS_BUNDLE_ENGINE;
  if (fromEnv === 'terraform' || fromEnv === 'direct') return fromEnv;
  const [major, minor] = CLI_VERSION.split('.').map((n) => Number(n) || 0);
  return major > 1 || (major === 1 && minor >= 3) ? 'direct' : 'terraform';
}

// With the Terraform engine the Databricks provider, which Terraform starts, calls the workspace
// for the resources. Terraform gets a curated environment without SSL_CERT_FILE and SSL_CERT_DIR
// (databricks/cli bundle/deploy/terraform/init.go), so only the image's system trust store
// counts for it. In the private CA scenario without the enclave's root there, the provider's
// first requests fail: `terraform plan` refreshing deployed resources, else `terraform apply`
// creating them. Each failure is a Terraform diagnostic whose summary is the provider's error
// (`cannot <action> <resource>: <Go error>`, terraform-provider-databricks common/resource.go).
const PROVIDER_REQUESTS = {
  jobs: {
    resource: 'job',
    create: (host) => `Post "${host}/api/2.2/jobs/create"`,
    read: (host, id) => `Get "${host}/api/2.2/jobs/get?job_id=${id}"`,
  },
  pipelines: {
    resource: 'pipeline',
    create: (host) => `Post "${host}/api/2.0/pipelines"`,
    read: (host, id) => `Get "${host}/api/2.0/pipelines/${id}"`,
  },
};

function terraformTrustsWorkspace(b) {
  if (b.scenario !== 'stand-in-private-ca' || deploymentEngine(b) !== 'terraform') return true;
  return goTrustsPrivateCa({});
}

// `terraform plan` (deploy, plan, destroy): refreshing what the workspace already holds. The CLI
// passes terraform-exec's error on as it is: the exit status, then Terraform's stderr.
function terraformRefresh(ctx, b) {
  if (terraformTrustsWorkspace(b)) return true;
  const failures = [];
  for (const [key, deployed] of Object.entries(b.remote.resources ?? {})) {
    const [, group, name, extra] = key.split('.');
    const requests = PROVIDER_REQUESTS[group];
    if (!requests || !name || extra) continue;
    const request = requests.read(b.session.host, deployed.id);
    failures.push(`cannot read ${requests.resource}: ${request}: ${X509_UNKNOWN_AUTHORITY}`);
  }
  return reportTerraformFailure(ctx, 'exit status 1', failures);
}

// `terraform apply` (deploy): creating what the plan adds; the CLI prefixes the step's name.
function terraformApply(ctx, b, plan) {
  if (terraformTrustsWorkspace(b)) return true;
  const failures = [];
  for (const action of plan) {
    const [, group, name, extra] = action.key.split('.');
    const requests = PROVIDER_REQUESTS[group];
    if (!requests || !name || extra || action.action !== 'create') continue;
    const request = requests.create(b.session.host);
    failures.push(`cannot create ${requests.resource}: ${request}: ${X509_UNKNOWN_AUTHORITY}`);
  }
  return reportTerraformFailure(ctx, 'terraform apply: exit status 1', failures);
}

// Terraform prints each diagnostic without colour as a blank line, `Error: <summary>` and
// another blank line (internal/command/format/diagnostic.go).
function reportTerraformFailure(ctx, prefix, summaries) {
  if (summaries.length === 0) return true;
  const stderr = summaries.map((summary) => `\nError: ${summary}\n\n`).join('');
  ctx.diags.error(`${prefix}\n${stderr}`);
  return false;
}

const DESTRUCTIVE_GROUPS = {
  schemas:
    'This action will result in the deletion or recreation of the following UC schemas. ' +
    'Any underlying data may be lost:',
  pipelines:
    'This action will result in the deletion or recreation of the following Lakeflow Spark ' +
    'Declarative Pipelines along with the\nStreaming Tables (STs) and Materialized Views ' +
    '(MVs) managed by them. Recreating the pipelines will\nrestore the defined STs and MVs ' +
    'through full refresh. Note that recreation is necessary when pipeline\nproperties such as ' +
    "the 'catalog' or 'storage' are changed:",
  volumes:
    'This action will result in the deletion or recreation of the following volumes.\n' +
    'For managed volumes, the files stored in the volume are also deleted from your\n' +
    'cloud tenant within 30 days. For external volumes, the metadata about the volume\n' +
    'is removed from the catalog, but the underlying files are not deleted:',
  dashboards:
    'This action will result in the deletion or recreation of the following dashboards.\n' +
    'This will result in changed IDs and permanent URLs of the dashboards that will be ' +
    'recreated:',
};

async function approveDestructiveActions(ctx, b, plan) {
  const destructive = plan.filter(
    (a) => ['delete', 'recreate'].includes(a.action) && !a.key.endsWith('.permissions'),
  );
  const byGroup = Object.keys(DESTRUCTIVE_GROUPS)
    .map((g) => [g, destructive.filter((a) => a.key.split('.')[1] === g)])
    .filter(([, actions]) => actions.length > 0);
  if (byGroup.length === 0) return true;
  for (const [group, actions] of byGroup) {
    ctx.io.err(`\n${DESTRUCTIVE_GROUPS[group]}\n`);
    for (const a of actions) ctx.io.err(`  ${a.action} ${a.key}\n`);
  }
  if (ctx.get('auto-approve')) return true;
  if (!isPromptSupported()) {
    ctx.diags.error(
      'the deployment requires destructive actions, but current console does not support ' +
        'prompting. Please specify --auto-approve if you would like to skip prompts and proceed',
    );
    return false;
  }
  ctx.io.err('\n');
  if (await askYesOrNo(ctx, 'Would you like to proceed?')) return true;
  ctx.io.err('Deployment cancelled!\n');
  return false;
}

// Plans by comparing the configuration with the simulated remote state. The destructive
// scenario makes the simulated workspace hold every schema, pipeline, volume and dashboard with
// a setting that forces recreation (or, when the bundle has none, an orphan schema to delete).
function calculatePlan(b, goal) {
  const deployed = b.remote.resources ?? {};
  const actions = [];
  const configured = new Set();
  for (const [group, resources] of get(b.config, ['resources'])?.value ?? []) {
    for (const [key, node] of resources.value ?? []) {
      const fullKey = `resources.${group}.${key}`;
      configured.add(fullKey);
      const hash = createHash('sha256')
        .update(JSON.stringify(plain(node)))
        .digest('hex');
      let action = 'create';
      if (goal === 'destroy') action = deployed[fullKey] ? 'delete' : 'skip';
      else if (b.scenario === 'stand-in-destructive' && DESTRUCTIVE_GROUPS[group])
        action = 'recreate';
      else if (deployed[fullKey]) action = deployed[fullKey].hash === hash ? 'skip' : 'update';
      if (goal === 'destroy' && action === 'skip') continue;
      actions.push({ key: fullKey, action, hash });
      if (get(node, ['permissions']) && goal !== 'destroy') {
        actions.push({
          key: `${fullKey}.permissions`,
          action: action === 'recreate' ? 'create' : action,
          hash,
        });
      }
    }
  }
  for (const fullKey of Object.keys(deployed)) {
    if (!configured.has(fullKey) || goal === 'destroy') {
      if (!actions.some((a) => a.key === fullKey)) actions.push({ key: fullKey, action: 'delete' });
    }
  }
  const hasDestructiveGroup = actions.some((a) => DESTRUCTIVE_GROUPS[a.key.split('.')[1]]);
  if (b.scenario === 'stand-in-destructive' && goal === 'deploy' && !hasDestructiveGroup) {
    actions.push({ key: 'resources.schemas.stand_in_orphan', action: 'delete' });
  }
  return actions.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

function countActions(plan) {
  const counts = { create: 0, update: 0, delete: 0, unchanged: 0 };
  for (const a of plan) {
    if (a.action === 'create') counts.create++;
    else if (a.action === 'update' || a.action === 'resize' || a.action === 'update_id')
      counts.update++;
    else if (a.action === 'delete') counts.delete++;
    else if (a.action === 'recreate') {
      counts.delete++;
      counts.create++;
    } else counts.unchanged++;
  }
  return counts;
}

async function destroyPhase(ctx, b) {
  const { io } = ctx;
  if (!b.remote.deployed) {
    io.err('No active deployment found to destroy!\n');
    return;
  }
  if (!acquireLock(ctx, b, ctx.get('force-lock'))) return;
  if (!initializeTerraform(ctx, b) || !terraformRefresh(ctx, b)) return;
  const plan = calculatePlan(b, 'destroy');
  if (plan.length > 0) {
    io.err('The following resources will be deleted:\n');
    for (const a of plan) io.err(`  delete ${a.key}\n`);
    io.err('\n');
  }
  for (const [group, text] of Object.entries(DESTRUCTIVE_GROUPS)) {
    const actions = plan.filter((a) => a.key.split('.')[1] === group);
    if (actions.length === 0 || group === 'dashboards') continue;
    const destroyText = text.replace(' or recreation', '').replace(/ Recreating[\s\S]*$/, ':');
    io.err(`${destroyText}\n`);
    for (const a of actions) io.err(`  delete ${a.key}\n`);
    io.err('\n');
  }
  io.err(
    `All files and directories at the following location will be deleted: ${b.paths.root}\n\n`,
  );
  if (!ctx.get('auto-approve') && !(await askYesOrNo(ctx, 'Would you like to proceed?'))) {
    io.err('Destroy cancelled!\n');
    return;
  }
  removeRemoteState(b);
  io.err('Deleting files...\n');
  io.err('Destroy complete!\n');
}

function isPromptSupported() {
  const env = process.env;
  return Boolean(
    process.stdin.isTTY && process.stderr.isTTY && !env.NO_COLOR && env.TERM !== 'dumb',
  );
}

async function askYesOrNo(ctx, question) {
  ctx.io.err(`${question} [y/n]: `);
  const rl = readline.createInterface({ input: process.stdin });
  const answer = await new Promise((resolve) => rl.once('line', resolve));
  rl.close();
  return String(answer).trim().toLowerCase() === 'y';
}

function listBundleFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.databricks' || entry.name === '.git') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(toPosix(path.relative(root, full)));
    }
  };
  walk(root);
  return out.sort();
}

// Local deployment state as the CLI keeps it under .databricks/bundle/<target>/.
function writeLocalState(b, files) {
  const dir = localStateDir(b);
  const snapshots = path.join(dir, 'sync-snapshots');
  makeDirectories(snapshots, 0o700);
  const id = createHash('sha256').update(`${b.session.host}|${b.paths.files}`).digest('hex');
  const snapshot = {
    version: 'v1',
    host: b.session.host,
    remote_path: b.paths.files,
    last_modified_times: Object.fromEntries(files.map((f) => [f, new Date().toISOString()])),
    local_to_remote_names: Object.fromEntries(files.map((f) => [f, f])),
    remote_to_local_names: Object.fromEntries(files.map((f) => [f, f])),
  };
  fs.writeFileSync(path.join(snapshots, `${id.slice(0, 16)}.json`), JSON.stringify(snapshot));
  const deployment = {
    version: 1,
    seq: (b.remote.serial ?? 0) + 1,
    cli_version: CLI_VERSION,
    timestamp: new Date().toISOString(),
    files: files.map((f) => ({ local_path: f, is_notebook: f.endsWith('.ipynb') })),
    stand_in: true,
  };
  fs.writeFileSync(path.join(dir, 'deployment.json'), `${JSON.stringify(deployment)}\n`);
}

function localStateBase(b) {
  return process.env.DATABRICKS_BUNDLE_TMP || path.join(b.root, '.databricks', 'bundle');
}

function localStateDir(b) {
  const dir = path.join(localStateBase(b), b.target);
  makeDirectories(dir, 0o700);
  const gitignore = path.join(b.root, '.databricks', '.gitignore');
  try {
    fs.writeFileSync(gitignore, '*\n', { flag: 'wx', mode: 0o644 });
  } catch {
    // Already there.
  }
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Text rendering for validate and summary (bundle/render).
// ---------------------------------------------------------------------------------------------

function summaryHeader(b) {
  const name = plain(get(b.config, ['bundle', 'name']));
  if (!name) return '';
  const lines = [`Name: ${name}`];
  const target = plain(get(b.config, ['bundle', 'target']));
  if (target) lines.push(`Target: ${target}`);
  const host = plain(get(b.config, ['workspace', 'host']));
  const user = plain(get(b.config, ['workspace', 'current_user', 'userName']));
  const rootPath = b.paths?.root;
  if (host || user || rootPath) {
    lines.push('Workspace:');
    if (host) lines.push(`  Host: ${host}`);
    if (user) lines.push(`  User: ${user}`);
    if (rootPath) lines.push(`  Path: ${rootPath}`);
  }
  return `${lines.join('\n')}\n`;
}

const GROUP_TITLES = {
  jobs: 'Jobs',
  pipelines: 'Pipelines',
  schemas: 'Schemas',
  volumes: 'Volumes',
  clusters: 'Clusters',
  dashboards: 'Dashboards',
  experiments: 'Experiments',
  models: 'Models',
  registered_models: 'Registered Models',
  model_serving_endpoints: 'Model Serving Endpoints',
  quality_monitors: 'Quality Monitors',
  secret_scopes: 'Secret Scopes',
  sql_warehouses: 'SQL Warehouses',
  apps: 'Apps',
  alerts: 'Alerts',
};

function renderResources(b) {
  const groups = [];
  for (const [group, resources] of get(b.config, ['resources'])?.value ?? []) {
    const items = [...(resources.value ?? [])]
      .filter(([, r]) => plain(get(r, ['modified_status'])) !== 'deleted')
      .map(([key, r]) => ({
        key,
        name: plain(get(r, ['name'])) ?? plain(get(r, ['display_name'])) ?? '',
        url: plain(get(r, ['url'])) ?? '',
      }))
      .sort((x, y) => (x.key < y.key ? -1 : 1));
    if (items.length > 0) groups.push({ title: GROUP_TITLES[group] ?? titleCase(group), items });
  }
  groups.sort((x, y) => (x.title < y.title ? -1 : 1));
  let text = 'Resources:';
  for (const g of groups) {
    text += `\n  ${g.title}:`;
    for (const r of g.items) {
      text += `\n    ${r.key}:\n      Name: ${r.name}\n      URL:  ${r.url || '(not deployed)'}`;
    }
  }
  return `${text}\n`;
}

function titleCase(group) {
  return group
    .split('_')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

// ---------------------------------------------------------------------------------------------
// Configuration tree with source locations (a small version of the CLI's dyn values).
// Nodes: { kind: 'map' | 'seq' | 'scalar' | 'nil', value, loc: { file, line, column } }.
// ---------------------------------------------------------------------------------------------

function mapNode(entries, loc = null) {
  return { kind: 'map', value: new Map(entries), loc };
}

function seqNode(items, loc = null) {
  return { kind: 'seq', value: items, loc };
}

function scalarNode(value, loc = null) {
  return value === null || value === undefined
    ? { kind: 'nil', value: null, loc }
    : { kind: 'scalar', value, loc };
}

function fromPlain(value, loc = null) {
  if (Array.isArray(value))
    return seqNode(
      value.map((v) => fromPlain(v, loc)),
      loc,
    );
  if (value && typeof value === 'object') {
    return mapNode(
      Object.entries(value).map(([k, v]) => [k, fromPlain(v, loc)]),
      loc,
    );
  }
  return scalarNode(value, loc);
}

function plain(node) {
  if (!node) return undefined;
  if (node.kind === 'map')
    return Object.fromEntries([...node.value].map(([k, v]) => [k, plain(v)]));
  if (node.kind === 'seq') return node.value.map(plain);
  return node.value;
}

// The JSON the CLI prints: keys sorted (Go map order) and unset (null) fields left out.
function plainConfig(node) {
  if (node.kind === 'map') {
    const out = {};
    for (const key of [...node.value.keys()].sort()) {
      const v = node.value.get(key);
      if (v.kind !== 'nil') out[key] = plainConfig(v);
    }
    return out;
  }
  if (node.kind === 'seq') return node.value.map(plainConfig);
  return node.value;
}

function get(node, segs) {
  let current = node;
  for (const seg of segs) {
    if (!current) return undefined;
    if (current.kind === 'map' && typeof seg === 'string') current = current.value.get(seg);
    else if (current.kind === 'seq' && typeof seg === 'number') current = current.value[seg];
    else return undefined;
  }
  return current;
}

function setIn(node, segs, value) {
  if (segs.length === 0) return value;
  const [head, ...rest] = segs;
  if (typeof head === 'number') {
    const items = node?.kind === 'seq' ? [...node.value] : [];
    items[head] = setIn(items[head], rest, value);
    return seqNode(items, node?.loc ?? null);
  }
  const base = node?.kind === 'map' ? node : mapNode([], node?.loc ?? null);
  const entries = new Map(base.value);
  entries.set(head, setIn(entries.get(head), rest, value));
  return { ...base, value: entries };
}

function withEntry(node, key, value) {
  return setIn(node, [key], value);
}

function withoutEntry(node, key) {
  if (node?.kind !== 'map' || !node.value.has(key)) return node;
  const entries = new Map(node.value);
  entries.delete(key);
  return { ...node, value: entries };
}

function eachSeq(node, fn) {
  if (node?.kind === 'seq') node.value.forEach((item, i) => fn(item, i));
}

// The CLI's merge: maps merge key by key, sequences concatenate, anything else is replaced,
// and a null on either side keeps the other value.
function mergeNodes(a, b) {
  if (!a || a.kind === 'nil') return b ?? a;
  if (!b || b.kind === 'nil') return a;
  if (a.kind === 'map' && b.kind === 'map') {
    const entries = new Map(a.value);
    for (const [k, v] of b.value)
      entries.set(k, entries.has(k) ? mergeNodes(entries.get(k), v) : v);
    return { ...a, value: entries };
  }
  if (a.kind === 'seq' && b.kind === 'seq') return { ...a, value: [...a.value, ...b.value] };
  return b;
}

function parsePath(text) {
  const segs = [];
  for (const part of text.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      segs.push(part);
      continue;
    }
    if (m[1]) segs.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) segs.push(Number(idx[1]));
  }
  return segs;
}

function pathString(segs) {
  return segs.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

// Loads a YAML file into nodes with locations. js-yaml builds the values; its event stream
// (parseEvents, which carries source offsets) gives each value's line and column, counted as
// the Go YAML parser counts them: 1-based, at the value (the quote of a quoted scalar, the
// first key of a block mapping, the first `-` of a block sequence).
function loadYamlFile(root, rel) {
  const abs = path.join(root, rel);
  let text;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (error) {
    return { error: goErrno(error) };
  }
  let value;
  let offsets;
  try {
    const schema = yaml.CORE_SCHEMA.withTags(yaml.mergeTag);
    const docs = yaml.loadAll(text, { schema, filename: rel, maxAliases: 1000 });
    value = docs.length > 0 ? docs[0] : null;
    offsets = valueOffsets(text, yaml.parseEvents(text, { filename: rel }));
  } catch (error) {
    return { error: String(error?.reason ?? error?.message ?? error) };
  }
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const locate = (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file: toPosix(rel), line: lo + 1, column: offset - lineStarts[lo] + 1 };
  };
  const build = (v, segs, parentLoc) => {
    const offset = offsets.get(segs.join('\u0000'));
    const loc = offset === undefined ? parentLoc : locate(offset);
    if (Array.isArray(v))
      return seqNode(
        v.map((item, i) => build(item, [...segs, i], loc)),
        loc,
      );
    if (v && typeof v === 'object') {
      return mapNode(
        Object.entries(v).map(([k, item]) => [k, build(item, [...segs, k], loc)]),
        loc,
      );
    }
    return scalarNode(v, loc);
  };
  return { node: build(value, [], locate(0)) };
}

function valueOffsets(text, events) {
  const { EVENT_ID, SCALAR_STYLE } = yaml;
  const offsets = new Map();
  const stack = [];
  let documents = 0;
  let skipDepth = 0;
  for (const ev of events) {
    if (ev.type === EVENT_ID.DOCUMENT) {
      documents++;
      continue;
    }
    if (documents > 1) break;
    const isCollection = ev.type === EVENT_ID.MAPPING || ev.type === EVENT_ID.SEQUENCE;
    if (ev.type === EVENT_ID.POP) {
      if (skipDepth > 0) skipDepth--;
      else stack.pop();
      continue;
    }
    if (skipDepth > 0) {
      if (isCollection) skipDepth++;
      continue;
    }
    const frame = stack[stack.length - 1];
    if (frame?.kind === 'map' && frame.expectKey) {
      frame.expectKey = false;
      if (ev.type === EVENT_ID.SCALAR) {
        frame.key = yaml.getScalarValue(text, ev);
        frame.keyOffset = ev.valueStart;
      } else {
        // Complex keys have no place in bundle files; skip the key node and its value.
        frame.key = undefined;
        if (isCollection) skipDepth = 1;
      }
      continue;
    }
    let segs = [];
    if (frame?.kind === 'map') segs = [...frame.path, frame.key];
    else if (frame?.kind === 'seq') segs = [...frame.path, frame.index++];
    let offset;
    if (ev.type === EVENT_ID.SCALAR) {
      const quoted =
        ev.style === SCALAR_STYLE.SINGLE_QUOTED || ev.style === SCALAR_STYLE.DOUBLE_QUOTED;
      offset = ev.valueStart >= 0 ? ev.valueStart - (quoted ? 1 : 0) : frame?.keyOffset;
    } else if (isCollection) offset = ev.start;
    if (frame?.kind === 'map') frame.expectKey = true;
    if (offset !== undefined && offset >= 0 && !segs.includes(undefined)) {
      offsets.set(segs.join('\u0000'), offset);
    }
    if (ev.type === EVENT_ID.MAPPING) stack.push({ kind: 'map', path: segs, expectKey: true });
    if (ev.type === EVENT_ID.SEQUENCE) stack.push({ kind: 'seq', path: segs, index: 0 });
  }
  return offsets;
}

// Go's filepath.Glob: `*`, `?` and `[...]` match within one path segment (no `**`), results
// are sorted per directory, and a pattern without meta characters must name an existing path.
function goGlob(base, pattern) {
  const segments = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let candidates = [''];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    const next = [];
    for (const prefix of candidates) {
      const dir = path.join(base, prefix);
      if (!/[*?[\\]/.test(segment)) {
        const candidate = prefix ? `${prefix}/${segment}` : segment;
        if (fs.existsSync(path.join(base, candidate))) next.push(candidate);
        continue;
      }
      let names;
      try {
        if (!fs.statSync(dir).isDirectory()) continue;
        names = fs.readdirSync(dir).sort();
      } catch {
        continue;
      }
      const re = goSegmentRegExp(segment);
      for (const name of names) if (re.test(name)) next.push(prefix ? `${prefix}/${name}` : name);
    }
    candidates = next;
  }
  return candidates.filter((c) => c !== '');
}

function goSegmentRegExp(segment) {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i];
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '\\' && i + 1 < segment.length) re += escapeRegExp(segment[++i]);
    else if (ch === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end === -1) {
        re += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, end);
      const negate = body.startsWith('^');
      if (negate) body = body.slice(1);
      re += `[${negate ? '^' : ''}${body.replace(/[\]\\]/g, '\\$&')}]`;
      i = end;
    } else re += escapeRegExp(ch);
  }
  return new RegExp(`^${re}$`, 'u');
}

// mkdir -p, one level at a time. fs.mkdirSync's recursive mode never returns when a folder
// above the new one was deleted while it is still a bind mount's target (mkdir answers ENOENT,
// the parent exists, and it tries again), so a container that outlives its removed home folder
// would spin; here the first error other than EEXIST ends it.
function makeDirectories(dir, mode = 0o777) {
  const missing = [];
  for (let current = path.resolve(dir); !fs.existsSync(current);) {
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const each of missing) {
    try {
      fs.mkdirSync(each, { mode });
    } catch (error) {
      if (error?.code !== 'EEXIST') throw error;
    }
  }
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------
// The record of each invocation, for tests.
// ---------------------------------------------------------------------------------------------

const SECRET_VARIABLES = [
  'DATABRICKS_TOKEN',
  'DATABRICKS_CLIENT_SECRET',
  'ARM_CLIENT_SECRET',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'DATABRICKS_OIDC_TOKEN',
];
const PROXY_VARIABLES = [
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
];

// The fixed secrets, plus the variable DATABRICKS_OIDC_TOKEN_ENV names for env-oidc.
function secretVariables() {
  const oidcTokenEnv = process.env.DATABRICKS_OIDC_TOKEN_ENV;
  const extra = oidcTokenEnv && !SECRET_VARIABLES.includes(oidcTokenEnv) ? [oidcTokenEnv] : [];
  return [...SECRET_VARIABLES, ...extra];
}

function recordCall(argv) {
  const found = discoverBundleRoot();
  const home = process.env.HOME ?? null;
  let homeWritable = false;
  try {
    if (home) {
      fs.accessSync(home, fs.constants.W_OK);
      homeWritable = fs.statSync(home).isDirectory();
    }
  } catch {
    homeWritable = false;
  }
  const digest = (name) =>
    process.env[name] === undefined
      ? null
      : createHash('sha256').update(process.env[name]).digest('hex');
  const record = {
    time: new Date().toISOString(),
    argv,
    env_names: Object.keys(process.env).sort(),
    uid: process.getuid?.() ?? null,
    gid: process.getgid?.() ?? null,
    cwd: process.cwd(),
    home,
    home_writable: homeWritable,
    bundle_root: found.root ?? null,
    secrets_sha256: Object.fromEntries(secretVariables().map((name) => [name, digest(name)])),
    // Proxy URLs may carry credentials, so they are recorded as digests as well.
    proxy_sha256: Object.fromEntries(PROXY_VARIABLES.map((name) => [name, digest(name)])),
    // Hashes, not values, so that a test can prove each value arrived byte for byte without
    // the record holding it.
    bundle_vars_sha256: Object.fromEntries(
      Object.keys(process.env)
        .filter((name) => name.startsWith('BUNDLE_VAR_'))
        .sort()
        .map((name) => [name.slice('BUNDLE_VAR_'.length), digest(name)]),
    ),
    stand_in_cli_version: CLI_VERSION,
  };
  const line = `${JSON.stringify(record)}\n`;
  const targets = [];
  if (found.root) targets.push(path.join(found.root, '.databricks', 'stand-in', 'calls.jsonl'));
  if (home) targets.push(path.join(home, 'stand-in-calls.jsonl'));
  for (const file of targets) {
    try {
      makeDirectories(path.dirname(file));
      fs.appendFileSync(file, line);
      return;
    } catch {
      // Fall back to HOME; a record that cannot be written must not change the CLI's output.
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Process plumbing.
// ---------------------------------------------------------------------------------------------

// The real CLI is a Go program without signal handlers. As PID 1 of a container the kernel
// would drop a default-action SIGTERM, and Go's runtime then exits with status 2; as an
// ordinary process it dies by the signal. The stand-in does the same so cancellation behaves
// alike (inferred from the Go runtime, not observed on the real image).
function installSignalHandlers() {
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.on(signal, () => {
      if (process.pid === 1) process.exit(2);
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    });
  }
}

async function importYaml() {
  try {
    return await import(new URL('./lib/js-yaml.mjs', import.meta.url).href);
  } catch {
    // Outside the image (when debugging from the repository) use the project's own copy.
    return import('js-yaml');
  }
}

function readBuildInfo() {
  const fallback = {
    version: '0.298.0',
    branch: 'stand-in',
    commit: '0000000000000000000000000000000000000000',
    time: '1970-01-01T00:00:00Z',
  };
  try {
    const info = JSON.parse(fs.readFileSync(new URL('./build-info.json', import.meta.url), 'utf8'));
    return { ...fallback, ...info };
  } catch {
    return fallback;
  }
}

// Started last so that every class and constant above is initialised first.
installSignalHandlers();
process.exitCode = await main(process.argv.slice(2));
