import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ // The require scope
/******/ var __nccwpck_require__ = {};
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/workflow.ts
/**
 * The runner's workflow-command and file-command protocol, the small part of it this action
 * uses. It stands in for @actions/core on purpose: that package statically imports an HTTP
 * client stack (undici) for OIDC tokens, which this action never requests. Bundled, it roughly
 * doubled the action's start-up time and put a network client into an action whose reviewers
 * must confirm it fetches nothing. The protocol is documented by GitHub ("Workflow commands for
 * GitHub Actions"); the escaping below follows that documentation.
 */



/** An input's value exactly as the runner passed it (INPUT_<NAME>), untrimmed; '' when unset. */
function getInput(name, env = process.env) {
    return env[`INPUT_${name.replaceAll(' ', '_').toUpperCase()}`] ?? '';
}
/** Asks the runner to mask a value in every later log line, line by line for multi-line values. */
function setSecret(value) {
    const candidates = new Set([value, value.trim(), ...value.split(/\r?\n/)]);
    for (const candidate of candidates) {
        if (candidate.trim() !== '')
            issue('add-mask', {}, candidate);
    }
}
/** Sets a step output through the GITHUB_OUTPUT file. */
function setOutput(name, value, env = process.env) {
    const file = env['GITHUB_OUTPUT'];
    if (file === undefined || file === '') {
        // Outside a runner (a local trial run) there is no output file; show the value instead.
        info(`output ${name}=${value}`);
        return;
    }
    const delimiter = `ghadelimiter_${(0,external_node_crypto_namespaceObject.randomUUID)()}`;
    (0,external_node_fs_namespaceObject.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`, 'utf8');
}
/**
 * Saves a value for this action's `post:` step through the GITHUB_STATE file; the runner hands
 * it back as STATE_<name>. Outside a runner there is no post step, and nothing to save.
 */
function saveState(name, value, env = process.env) {
    const file = env['GITHUB_STATE'];
    if (file === undefined || file === '')
        return;
    const delimiter = `ghadelimiter_${(0,external_node_crypto_namespaceObject.randomUUID)()}`;
    (0,external_node_fs_namespaceObject.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`, 'utf8');
}
/** A value the main step saved with saveState; '' when there is none. */
function getState(name, env = process.env) {
    return env[`STATE_${name}`] ?? '';
}
/** Appends Markdown to the job's step summary; throws when the runner offers none. */
function appendStepSummary(markdown, env = process.env) {
    const file = env['GITHUB_STEP_SUMMARY'];
    if (file === undefined || file === '') {
        throw new Error('GITHUB_STEP_SUMMARY is not set on this runner');
    }
    (0,external_node_fs_namespaceObject.appendFileSync)(file, markdown, 'utf8');
}
function info(message) {
    process.stdout.write(message + external_node_os_namespaceObject.EOL);
}
function debug(message) {
    issue('debug', {}, message);
}
function warning(message, location = {}) {
    issue('warning', location, message);
}
function notice(message, location = {}) {
    issue('notice', location, message);
}
function error(message, location = {}) {
    issue('error', location, message);
}
/** Marks the step failed with a message; the process exits with code 1 when it ends. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** Runs work inside a collapsible log group. */
async function group(name, work) {
    issue('group', {}, name);
    try {
        return await work();
    }
    finally {
        issue('endgroup', {}, '');
    }
}
let activeResumeToken;
/** Pauses command processing, so that untrusted output cannot issue workflow commands. */
function stopCommands(resumeToken) {
    issue('stop-commands', {}, resumeToken);
    activeResumeToken = resumeToken;
}
function resumeCommands(resumeToken) {
    process.stdout.write(`${external_node_os_namespaceObject.EOL}::${resumeToken}::${external_node_os_namespaceObject.EOL}`);
    activeResumeToken = undefined;
}
/** Runs work with command processing paused, so that output it prints cannot issue commands. */
async function withCommandsStopped(work) {
    const resumeToken = (0,external_node_crypto_namespaceObject.randomBytes)(16).toString('hex');
    stopCommands(resumeToken);
    try {
        return await work();
    }
    finally {
        resumeCommands(resumeToken);
    }
}
/** Resumes command processing if it is paused, e.g. when a step is cancelled mid-phase. */
function resumeStoppedCommands() {
    if (activeResumeToken !== undefined)
        resumeCommands(activeResumeToken);
}
function issue(command, properties, message) {
    const props = Object.entries(properties)
        .filter(([, value]) => value !== undefined && value !== '')
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
        .join(',');
    process.stdout.write(`::${command}${props === '' ? '' : ' ' + props}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
}
function escapeData(text) {
    return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

;// CONCATENATED MODULE: ./src/preflight-report.ts


/**
 * Each finding becomes an annotation on its file and line, so a reviewer sees it on the pull
 * request's changed files, and a log line, so it is in the log too.
 */
function announceFindings(report) {
    for (const finding of report.findings) {
        const location = {
            title: `Pre-flight: ${finding.rule}`,
            ...(finding.file === undefined ? {} : { file: finding.file }),
            ...(finding.line === undefined ? {} : { line: finding.line }),
        };
        if (finding.level === 'error')
            error(finding.message, location);
        else
            warning(finding.message, location);
    }
    const errors = report.findings.filter((finding) => finding.level === 'error').length;
    const warnings = report.findings.length - errors;
    info(`Pre-flight (policy ${report.policy}): ${plural(errors, 'error')}, ` +
        `${plural(warnings, 'warning')}, ${plural(report.artifacts.length, 'local file')} hashed` +
        (report.engine?.engine === undefined
            ? ''
            : `; deployment engine ${report.engine.engine} (${printable(report.engine.source)})`) +
        (report.cliVersion === undefined ? '' : `; image CLI ${report.cliVersion}`));
    for (const artifact of report.artifacts) {
        info(`  ${artifact.sha256}  ${printable(artifact.path)} (${artifact.bytes} bytes)`);
    }
}
/**
 * The CLI's diagnostics as annotations on the repository file and line, once each: validate
 * and deploy print the same warnings. Paths in them are relative to the bundle root.
 */
function announceDiagnostics(phases, bundleRelativePath) {
    const seen = new Set();
    for (const phase of phases) {
        for (const diagnostic of phase.diagnostics) {
            const location = diagnostic.locations[0];
            const file = location === undefined
                ? undefined
                : external_node_path_default().posix.normalize(external_node_path_default().posix.join(bundleRelativePath, location.file));
            const key = JSON.stringify([diagnostic.severity, diagnostic.summary, file, location?.line]);
            if (seen.has(key))
                continue;
            seen.add(key);
            const at = diagnostic.paths.length > 0 ? ` (at ${diagnostic.paths.join(', ')})` : '';
            const detail = diagnostic.detail === '' ? '' : `\n${diagnostic.detail}`;
            const message = `${diagnostic.summary}${at}${detail}`;
            const title = `Databricks CLI (${phase.name})`;
            const properties = file === undefined || location === undefined
                ? { title }
                : { title, file, line: location.line, col: location.column };
            if (diagnostic.severity === 'error')
                error(message, properties);
            else if (diagnostic.severity === 'warning')
                warning(message, properties);
            else
                notice(message, properties);
        }
    }
}
/** The step's error when the pre-flight stops it: how many findings, and the first few. */
function preflightFailureMessage(report) {
    const errors = report.findings.filter((finding) => finding.level === 'error');
    const shown = errors.slice(0, 5).map((finding) => `- ${locate(finding)}${finding.message}`);
    const more = errors.length > shown.length ? [`- and ${errors.length - shown.length} more`] : [];
    return [
        `The pre-flight found ${plural(errors.length, 'problem')} (policy ${report.policy}), so no ` +
            'container ran with credentials and nothing was deployed:',
        ...shown,
        ...more,
    ].join('\n');
}
function locate(finding) {
    if (finding.file === undefined)
        return '';
    return finding.line === undefined ? `${finding.file}: ` : `${finding.file}:${finding.line}: `;
}
// A job's outputs share a size limit of about 1 MB; the log and annotations have them all.
const MAX_FINDINGS_OUTPUT = 1_000;
/** The findings as the `findings` output: one JSON object each, in the order found. */
function findingsJson(report) {
    return JSON.stringify(report.findings.slice(0, MAX_FINDINGS_OUTPUT).map(findingRecord));
}
/** One finding as JSON shows it, in the output and the audit record alike. */
function findingRecord(finding) {
    return {
        rule: finding.rule,
        level: finding.level,
        kind: finding.kind,
        file: finding.file ?? null,
        line: finding.line ?? null,
        message: finding.message,
    };
}
// Control characters, and the two Unicode line separators: each can end a line.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f\u2028\u2029]/g;
/**
 * A file name or path for a log line: control characters (a newline in a file name could start
 * a forged workflow command) are shown as escapes instead.
 */
function printable(text) {
    return text.replace(CONTROL_CHARACTERS, (character) => JSON.stringify(character).slice(1, -1));
}
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

;// CONCATENATED MODULE: ./src/errors.ts
/**
 * An error the action expects and can explain. Its message is shown to the user as it is, so
 * it must say what happened, which input or file is involved, and what to do next. It never
 * carries a secret value.
 */
class ActionError extends Error {
    name = 'ActionError';
}
/** The message of anything thrown, for quoting inside a sentence. */
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
/** An input that cannot be used as given. The message names the input and the fix. */
function inputError(input, problem, fix) {
    return new ActionError(`Input '${input}': ${problem} ${fix}`);
}

;// CONCATENATED MODULE: ./src/preflight/values.ts

function isMapping(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** A string value, or undefined for anything else (null, numbers, mappings). */
function stringAt(value) {
    return typeof value === 'string' ? value : undefined;
}
/** True when `candidate` is `folder` itself or lies below it (both absolute and normalised). */
function isInside(folder, candidate) {
    const relative = external_node_path_default().relative(folder, candidate);
    if (relative === '')
        return true;
    return relative !== '..' && !relative.startsWith(`..${(external_node_path_default()).sep}`) && !external_node_path_default().isAbsolute(relative);
}
/** Values that the CLI resolves later (`${var.x}`, `${workspace.file_path}`): not checkable. */
function isInterpolated(value) {
    return value.includes('${');
}

;// CONCATENATED MODULE: ./src/cli-json.ts


/**
 * A JSON document the CLI printed to stdout, which must be an object. `fail` makes the error
 * of the caller's kind, so each reader reports in its own words what could not be read.
 */
function parseCliJsonObject(stdout, fail) {
    let document;
    try {
        document = JSON.parse(stdout);
    }
    catch (error) {
        throw fail(`its output is not JSON (${messageOf(error)})`);
    }
    if (!isMapping(document))
        throw fail('its output is not a JSON object');
    return document;
}

;// CONCATENATED MODULE: ./src/deployed-resources.ts
/**
 * Reads `bundle summary -o json`: the resolved configuration, in which every resource under
 * `resources.<group>.<key>` carries the `id` and `url` the deployment gave it.
 */


class SummaryError extends Error {
}
/**
 * The resources in a summary, sorted by group and key. Permissions, grants and other nested
 * settings are not resources of their own here; only `resources.<group>.<key>` entries are.
 */
function parseSummary(stdout, workspaceHost) {
    const summary = parseCliJsonObject(stdout, (reason) => new SummaryError(reason));
    const workspace = summary['workspace'];
    const yamlHost = isMapping(workspace) ? workspace['host'] : undefined;
    const origin = originOf(workspaceHost ?? (typeof yamlHost === 'string' ? yamlHost : undefined));
    const groups = summary['resources'];
    if (groups === undefined || groups === null)
        return [];
    if (!isMapping(groups))
        throw new SummaryError('`resources` is not an object');
    const resources = [];
    for (const group of Object.keys(groups).sort()) {
        const members = groups[group];
        if (!isMapping(members))
            continue;
        for (const key of Object.keys(members).sort()) {
            const resource = members[key];
            if (!isMapping(resource))
                continue;
            resources.push({
                group,
                key,
                name: deployed_resources_text(resource['name']) ?? deployed_resources_text(resource['display_name']),
                id: deployed_resources_text(resource['id']),
                url: webUrl(resource['url'], origin),
            });
        }
    }
    return resources;
}
/**
 * Outputs for the common cases, each a JSON object from resource key to value, so a later step
 * can write `fromJSON(steps.deploy.outputs.job-ids).nightly_etl`.
 */
function commonResourceOutputs(resources) {
    const byKey = (group, field) => JSON.stringify(Object.fromEntries(resources
        .filter((resource) => resource.group === group && resource[field] !== null)
        .map((resource) => [resource.key, resource[field]])));
    return {
        'job-ids': byKey('jobs', 'id'),
        'job-urls': byKey('jobs', 'url'),
        'pipeline-ids': byKey('pipelines', 'id'),
        'pipeline-urls': byKey('pipelines', 'url'),
    };
}
function deployed_resources_text(value) {
    if (typeof value === 'string' && value !== '')
        return value;
    if (typeof value === 'number' && Number.isFinite(value))
        return String(value);
    return null;
}
// The characters of a workspace link (/jobs/123?o=456, /explore/data/main/sales): a later step
// may well paste an output into a shell command, where quotes, `$` or backticks would run.
const SAFE_URL = /^[A-Za-z0-9\-._~:/?#@&=%+,]+$/;
/**
 * Only https links to the workspace are published: the summary comes from the container, and
 * a link elsewhere, of another scheme, or with shell-active characters would be a trap for
 * whoever clicks or pastes it. The link is published as the URL parser writes it.
 */
function webUrl(value, origin) {
    if (typeof value !== 'string')
        return null;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return null;
    }
    if (url.protocol !== 'https:')
        return null;
    if (origin !== undefined && url.origin !== origin)
        return null;
    return SAFE_URL.test(url.href) ? url.href : null;
}
function originOf(host) {
    if (host === undefined)
        return undefined;
    try {
        return new URL(host.includes('://') ? host : `https://${host}`).origin;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/failure-signatures.ts
/**
 * Known causes of a failed CLI phase, recognised in the CLI's stderr by the texts the CLI, the
 * Go SDK, Terraform and Go's own libraries print for them. Each cause has a short explanation
 * that names the input or file to change, and a section in docs/TROUBLESHOOTING.md whose
 * anchor is the cause's id. Nothing here quotes the CLI's output back: the explanations are
 * fixed sentences, so no secret that reached stderr can travel through them.
 */
/** The failures the action can name, in the order of docs/TROUBLESHOOTING.md. */
const SIGNATURE_IDS = [
    'terraform-download',
    'authentication-failed',
    'permission-denied',
    'workspace-unreachable',
    'tls-certificate-untrusted',
    'lock-held',
    'approval-required',
    'state-from-newer-cli',
    'state-engine-mismatch',
    'bundle-root-not-found',
    'warnings-in-strict-mode',
];
/**
 * docker's own exit codes, and 2 (the Go runtime's, for a CLI stopped by a signal it does not
 * handle); report.ts explains them from the exit code alone.
 */
const EXPLAINED_EXIT_CODES = [2, 125, 126, 127, 137, 143];
const EXIT_CODE_IDS = EXPLAINED_EXIT_CODES.map((code) => `exit-code-${code}`);
/** Causes the action knows without reading the CLI's output. */
const ACTION_IDS = ['phase-timeout'];
/** Every anchor of docs/TROUBLESHOOTING.md that the action links to. */
const TROUBLESHOOTING_IDS = [
    ...SIGNATURE_IDS,
    ...EXIT_CODE_IDS,
    ...ACTION_IDS,
];
/**
 * The known cause of a failed phase, or undefined when its output shows none.
 *
 * Only the CLI's `Error:` blocks are read (an `Error:` line and the lines up to the next
 * `Error:`, `Warning:`, `Warn:`, `Info:` or `Recommendation:` line), so a warning or a log line
 * about a side matter, such as the CLI's best-effort fetch of host metadata, never decides.
 * The blocks are read from the last to the first, because the CLI stops at its first fatal
 * error and the last block is the one that ended the run; earlier blocks are the log lines
 * that led to it (an `access denied` on the lock file before the permission report). Within a
 * block the most specific signature wins: the table below is ordered so, since a Terraform
 * download that failed on DNS also reads `no such host`, and a proxy failure also reads
 * `connection refused`.
 */
function recognizeFailure(stderr, context) {
    const text = withoutTerminalCodes(stderr);
    // Most failures have no known signature: one pass over the whole text settles those.
    if (!SIGNATURES.some((signature) => signature.texts.some((pattern) => pattern.test(text)))) {
        return undefined;
    }
    const blocks = errorBlocks(text);
    for (let index = blocks.length - 1; index >= 0; index--) {
        const block = blocks[index] ?? '';
        // An artifact build's output is quoted in its error, and a build tool that failed to reach
        // a package index says `no such host` about that index, not the workspace.
        if (BUILD_FAILED.test(block))
            return undefined;
        const signature = SIGNATURES.find((candidate) => candidate.texts.some((pattern) => pattern.test(block)));
        if (signature !== undefined) {
            return { id: signature.id, explanation: signature.explain(context) };
        }
    }
    return undefined;
}
/**
 * A link to the cause's section. The runner sets GITHUB_SERVER_URL, GITHUB_ACTION_REPOSITORY
 * and GITHUB_ACTION_REF for a `uses:` action, so the link points at the guide of the very
 * version that ran, on the same GitHub server; a local action (`uses: ./…`) has no repository,
 * and gets the path instead.
 */
function troubleshootingLink(id, env) {
    const server = env['GITHUB_SERVER_URL'] ?? '';
    const repository = env['GITHUB_ACTION_REPOSITORY'] ?? '';
    const ref = env['GITHUB_ACTION_REF'] ?? '';
    if (server === '' || repository === '' || ref === '') {
        return `docs/TROUBLESHOOTING.md#${id} in the action's repository`;
    }
    const base = server.endsWith('/') ? server.slice(0, -1) : server;
    return `${base}/${repository}/blob/${ref}/docs/TROUBLESHOOTING.md#${id}`;
}
// Colour and cursor sequences (the CLI colours its headings on a terminal) and the carriage
// returns of CRLF output. Every pattern in this file is literal text with at most one run of a
// character class between literals and no nested quantifier, so each test takes time linear in
// the length of the text (stderr is up to 1 MiB).
// eslint-disable-next-line no-control-regex -- terminal sequences start with the ESC character
const TERMINAL_CODES = /\u001b\[[0-9;?]*[A-Za-z]|\r/g;
function withoutTerminalCodes(text) {
    return text.replace(TERMINAL_CODES, '');
}
const ERROR_HEADING = /^Error: /;
// databricks/cli:bundle/artifacts/build.go@v0.298.0 ("build failed %s, error: %v, output: %s")
const BUILD_FAILED = /^Error: build failed /;
const OTHER_HEADING = /^(?:Warning|Warn|Info|Debug|Trace|Recommendation): /;
/** Each `Error:` line with the lines after it, up to the next heading of any kind. */
function errorBlocks(text) {
    const blocks = [];
    let current;
    for (const line of text.split('\n')) {
        if (ERROR_HEADING.test(line)) {
            if (current !== undefined)
                blocks.push(current.join('\n'));
            current = [line];
        }
        else if (OTHER_HEADING.test(line)) {
            if (current !== undefined)
                blocks.push(current.join('\n'));
            current = undefined;
        }
        else if (current !== undefined) {
            current.push(line);
        }
    }
    if (current !== undefined)
        blocks.push(current.join('\n'));
    return blocks;
}
/** Where the workspace host comes from: a host in the bundle wins over the input in the CLI. */
function hostSource(context) {
    const file = failure_signatures_printable(context.configFile);
    return context.hostInputSet
        ? `the host input (or workspace.host in ${file}, which wins when set)`
        : `workspace.host in ${file}`;
}
// Most specific first: see recognizeFailure.
const SIGNATURES = [
    {
        id: 'warnings-in-strict-mode',
        texts: [
            // databricks/cli:cmd/bundle/validate.go (--strict): "1 warning was found. Warnings are
            // not allowed in strict mode", or "N warnings were found. …"
            /Warnings are not allowed in strict mode/,
        ],
        explain: (context) => 'bundle validate reported warnings, and the fail-on-warnings input is true, so the ' +
            "CLI's --strict turned them into errors and nothing was deployed. Fix the warnings " +
            `shown above (in ${failure_signatures_printable(context.configFile)} or the files it includes), or set ` +
            'fail-on-warnings to false.',
    },
    {
        id: 'bundle-root-not-found',
        texts: [
            // databricks/cli:bundle/root.go@v0.298.0 (getRootWithTraversal)
            /unable to locate bundle root: /,
            // databricks/cli:bundle/root.go@v1.13.0 (getRootWithTraversal)
            /Unable to locate the bundle root: /,
        ],
        explain: (context) => `The CLI found no bundle configuration in the container although the pre-flight read ` +
            `${failure_signatures_printable(context.configFile)} on the runner, so the docker daemon mounted a folder ` +
            'other than this checkout, as happens when the runner itself runs in a container with ' +
            "the host's docker socket (docker-in-docker). Give the runner's container the checkout " +
            'at the same path as on the docker host, or run the runner on the host.',
    },
    {
        id: 'lock-held',
        texts: [
            // databricks/cli:libs/locker/locker.go@v0.298.0 and @v1.13.0 (assertLockHeld)
            /deploy lock acquired by /,
            /deploy lock force-acquired by /,
        ],
        explain: (context) => `Another ${context.phase === 'destroy' ? 'run' : 'deployment'} of this bundle and ` +
            'target holds the deployment lock, so the CLI stopped before changing anything. Wait ' +
            'for it to finish and run again; set force-lock to true only when you are sure it is ' +
            'no longer running.',
    },
    {
        id: 'approval-required',
        texts: [
            // databricks/cli:bundle/phases/deploy.go@v0.298.0 ("current console") and @v1.13.0
            // ("the current console"), approvalForDeploy
            /the deployment requires destructive actions, but (?:the )?current console does not /,
        ],
        explain: () => 'The deployment would delete or recreate resources that can hold data (schemas, ' +
            'pipelines, volumes and the like), which the CLI does only with approval that a CI job ' +
            'cannot give interactively. Review the changes with command: plan, then deploy them ' +
            'with auto-approve: true.',
    },
    {
        id: 'approval-required',
        texts: [
            // databricks/cli:cmd/bundle/destroy.go@v0.298.0
            /please specify --auto-approve since terminal does not support interactive prompts/,
            // databricks/cli:cmd/bundle/destroy.go@v1.13.0
            /this command will destroy all resources deployed by this bundle/,
        ],
        explain: () => 'Destroying the bundle deletes every resource it deployed, which the CLI does only with ' +
            'approval that a CI job cannot give interactively: set auto-approve: true on the step ' +
            'that destroys.',
    },
    {
        id: 'state-from-newer-cli',
        texts: [
            // databricks/cli:bundle/direct/dstate/migrate.go@v0.298.0 and @v1.13.0 (migrateState)
            /state version \d+ is newer than supported version \d+/,
            // databricks/cli:bundle/direct/dstate/migrate.go@v1.13.0 (migrateState)
            /the deployment state requires features this CLI does not support/,
            // databricks/cli:bundle/deploy/state.go@v0.298.0 and @v1.13.0
            // (validateRemoteStateCompatibility)
            /remote deployment state is incompatible with the current version of the CLI/,
        ],
        explain: () => 'The deployment state of this target was written by a newer Databricks CLI than the ' +
            "image's, and an older CLI refuses to use it. Run an image whose CLI is at least as new " +
            'as the one that last deployed this target (the image input), and use that image in ' +
            'every workflow that deploys it.',
    },
    {
        id: 'state-from-newer-cli',
        texts: [
            // hashicorp/terraform:internal/states/statefile/read.go@v1.5.5 (readState); the detail
            // is wrapped at 77 columns, hence the whitespace runs
            /which\s+is\s+not\s+supported\s+by\s+Terraform/,
        ],
        explain: () => "The Terraform state of this target was written by a newer Terraform than the image's " +
            '(the CLI pins Terraform 1.5.5). Deploy this target only from images with the same ' +
            'Terraform, or move it to the direct engine once with a matching image.',
    },
    {
        id: 'state-engine-mismatch',
        texts: [
            // databricks/cli:bundle/statemgmt/state_pull.go@v0.298.0 and @v1.13.0 (validateStates)
            /lineage mismatch in state files/,
            /same serial number in terraform and direct states/,
        ],
        explain: (context) => 'This target has deployment state from both engines, Terraform and direct, that do not ' +
            'continue each other, so the CLI cannot tell which one is current. Deploy it with one ' +
            `engine only (the engine input, or bundle.engine in ${failure_signatures_printable(context.configFile)}, ` +
            "the same in every workflow), and have an owner of the target's workspace folder " +
            'remove the state file of the engine no longer used.',
    },
    {
        id: 'terraform-download',
        texts: [
            // databricks/cli:bundle/deploy/terraform/init.go@v0.298.0 and @v1.13.0 (findExecPath)
            /error downloading Terraform/,
            // hashicorp/hc-install:internal/releasesjson/releases.go@v0.9.3 (the release index URL)
            /releases\.hashicorp\.com/,
        ],
        explain: (context) => 'The CLI tried to download Terraform from releases.hashicorp.com, because the image ' +
            'has no Terraform set in DATABRICKS_TF_EXEC_PATH. Use an image with Terraform 1.5.5 and ' +
            `its provider baked in, or the direct engine (the engine input, or bundle.engine in ` +
            `${failure_signatures_printable(context.configFile)}) for a target not yet deployed with Terraform.`,
    },
    {
        id: 'terraform-download',
        texts: [
            // hashicorp/terraform:internal/command/init.go@v1.5.5 (summaries are never wrapped)
            /Failed to query available provider packages/,
            /Failed to install provider/,
            // hashicorp/terraform:internal/getproviders/errors.go@v1.5.5 (ErrHostUnreachable)
            /could\s+not\s+connect\s+to\s+registry\.terraform\.io/,
        ],
        explain: () => "Terraform could not install the Databricks provider in terraform init: the image's " +
            'provider mirror (DATABRICKS_TF_CLI_CONFIG_FILE) is missing, lacks the version the CLI ' +
            'needs, or was skipped because DATABRICKS_TF_PROVIDER_VERSION does not match the CLI, ' +
            'and registry.terraform.io is out of reach. Use an image whose provider mirror matches ' +
            'its CLI, or the direct engine (the engine input).',
    },
    {
        id: 'terraform-download',
        texts: [
            // databricks/cli:bundle/deploy/terraform/init.go@v0.298.0 and @v1.13.0 (findExecPath)
            /unable to execute DATABRICKS_TF_EXEC_PATH/,
            /but expected version is \S/,
        ],
        explain: () => "The image's Terraform, named by DATABRICKS_TF_EXEC_PATH, is missing or not the version " +
            'the CLI requires (1.5.5 unless DATABRICKS_TF_VERSION says otherwise). Fix the image ' +
            '(the image input), or use the direct engine (the engine input).',
    },
    {
        id: 'authentication-failed',
        texts: [
            // The workspace's message for a bad personal access token, shown by the SDK as it is
            // (databricks/databricks-sdk-go:apierr/errors.go@v0.128.0; sample body in
            // databricks/databricks-sdk-go#795)
            /Invalid access token/,
        ],
        explain: (context) => 'The workspace rejected the access token: check that the token input holds a valid, ' +
            `unexpired personal access token of the workspace named by ${hostSource(context)}.`,
    },
    {
        id: 'authentication-failed',
        texts: [
            // golang.org/x/oauth2 RetrieveError, `oauth2: "<code>" "<description>"`, as the SDK's
            // token source returns it; RFC 6749 section 5.2 error codes
            /oauth2: "invalid_client"/,
            /oauth2: "invalid_grant"/,
            /oauth2: "unauthorized_client"/,
        ],
        explain: (context) => "The workspace's OAuth token endpoint refused the service principal: check the " +
            'client-id and client-secret inputs (the secret may have expired or been revoked) and ' +
            `that the principal belongs to the workspace named by ${hostSource(context)}.`,
    },
    {
        id: 'authentication-failed',
        texts: [
            // databricks/databricks-sdk-go:config/auth_default.go@v0.128.0 and @v0.171.0
            // (ErrCannotConfigureDefault)
            /cannot configure default credentials/,
        ],
        explain: () => 'The CLI found no credentials it could use: set the token input, or client-id and ' +
            'client-secret, and auth-type when the bundle or the image names another kind.',
    },
    {
        id: 'authentication-failed',
        texts: [
            // databricks/cli:libs/diag/sdk_error.go@v0.298.0 and @v1.13.0: the summary ends in
            // `(<status> <error_code>)`, the detail has `HTTP Status: <status line>`
            /\(401(?: [A-Z_0-9]+)?\)/,
            /HTTP Status: 401/,
            /\bUNAUTHENTICATED\b/,
        ],
        explain: (context) => 'The workspace answered 401 Unauthorized: the credentials (the token input, or ' +
            `client-id and client-secret) are not valid for the workspace named by ` +
            `${hostSource(context)}.`,
    },
    {
        id: 'permission-denied',
        texts: [
            // databricks/cli:bundle/permissions/permission_report.go@v0.298.0 and @v1.13.0
            /unable to deploy to /,
            /encountered possible permission error/,
        ],
        explain: (context) => "The workspace refused to let the deploying identity write the bundle's workspace " +
            'folder: list that user or service principal (or one of its groups) with CAN_MANAGE ' +
            `under permissions in ${failure_signatures_printable(context.configFile)}, or have an owner of the folder ` +
            'grant it.',
    },
    {
        id: 'permission-denied',
        texts: [
            // databricks/cli:libs/diag/sdk_error.go@v0.298.0 and @v1.13.0, as above
            /\(403(?: [A-Z_0-9]+)?\)/,
            /HTTP Status: 403/,
            /\bPERMISSION_DENIED\b/,
        ],
        explain: (context) => `The workspace answered 403 Forbidden during bundle ${context.phase}: the identity of ` +
            'the credentials lacks a permission the bundle needs. Grant it in the workspace (the ' +
            'lines below name the API call), or use credentials of an identity that has it.',
    },
    {
        id: 'tls-certificate-untrusted',
        texts: [
            // golang/go:src/crypto/x509/verify.go (UnknownAuthorityError)
            /x509: certificate signed by unknown authority/,
        ],
        explain: () => "The CLI did not trust the workspace's TLS certificate: it is signed by a certificate " +
            "authority that is not in the image's trust store, typically an internal CA or a " +
            'TLS-inspecting proxy. Give its root certificate in the ca-bundle input (a PEM file on ' +
            "the runner), or add it to the image's trust store when you build the image.",
    },
    {
        id: 'tls-certificate-untrusted',
        texts: [
            // golang/go:src/crypto/x509/verify.go (HostnameError)
            /x509: certificate is valid for /,
        ],
        explain: (context) => "The workspace's TLS certificate does not name the host the CLI connected to: check " +
            `${hostSource(context)}, and whether a proxy answers in the workspace's place.`,
    },
    {
        id: 'tls-certificate-untrusted',
        texts: [
            // golang/go:src/crypto/x509/verify.go (CertificateInvalidError, Expired) and
            // src/crypto/tls/handshake_client.go (`tls: failed to verify certificate: %w`)
            /x509: certificate has expired or is not yet valid/,
            /tls: failed to verify certificate/,
            /\bx509: /,
        ],
        explain: () => "The CLI could not verify the workspace's TLS certificate (the x509 error below says " +
            "why): check the certificate, the docker host's clock, and the ca-bundle input or the " +
            "image's trust store.",
    },
    {
        id: 'workspace-unreachable',
        texts: [
            // golang/go:src/net/http/transport.go (dialConn wraps proxy errors as `proxyconnect`)
            /\bproxyconnect tcp: /,
        ],
        explain: () => 'The CLI went through an HTTP proxy and could not connect to the proxy: check the ' +
            "https-proxy input (or the runner's HTTPS_PROXY, which the action passes on, or the " +
            "image's own), and that the proxy can be reached from the container's network (the " +
            'docker-network input).',
    },
    {
        id: 'workspace-unreachable',
        texts: [
            // golang/go:src/net/dnsclient_unix.go and net.go (DNSError)
            /: no such host\b/,
            /: server misbehaving\b/,
        ],
        explain: (context) => 'The container could not resolve the workspace host name (DNS). Check ' +
            `${hostSource(context)}, and that the DNS servers of the container's network (the ` +
            "docker-network input; by default the engine's bridge) resolve it.",
    },
    {
        id: 'workspace-unreachable',
        texts: [
            // golang/go: ECONNREFUSED, EHOSTUNREACH and ENETUNREACH as syscall errors
            /\bconnection refused\b/,
            /\bno route to host\b/,
            /\bnetwork is unreachable\b/,
        ],
        explain: (context) => "The workspace refused the connection, or the container's network has no route to it. " +
            `Check ${hostSource(context)}, and join a network that reaches the workspace with the ` +
            'docker-network input (for example host).',
    },
    {
        id: 'workspace-unreachable',
        texts: [
            // golang/go:src/net (i/o timeout), src/context (context deadline exceeded),
            // src/net/http/client.go and transport.go (Client.Timeout, TLS handshake timeout)
            /\bi\/o timeout\b/,
            /\bcontext deadline exceeded\b/,
            /Client\.Timeout exceeded/,
            /\bTLS handshake timeout\b/,
            // databricks/databricks-sdk-go:httpclient/api_client.go@v0.128.0 (attempt)
            /request timed out after \S/,
        ],
        explain: (context) => 'The connection to the workspace timed out: a firewall most likely drops traffic from ' +
            `the container's network to the workspace named by ${hostSource(context)}. Open that ` +
            'path, or join a network that reaches it with the docker-network input.',
    },
];
// The config file path comes from the repository; control characters would break the message.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const failure_signatures_CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;
function failure_signatures_printable(text) {
    return text.replace(failure_signatures_CONTROL_CHARACTERS, '?');
}

;// CONCATENATED MODULE: ./src/diagnostics.ts
const HEADING = /^(Error|Warning|Recommendation): (.*)$/;
const AT = /^ {2}at (.+)$/;
const IN = /^ {2}in (.+):(\d+):(\d+)$/;
const FURTHER = /^ {5}(\S.*)$/;
const LOCATION = /^(.+):(\d+):(\d+)$/;
// eslint-disable-next-line no-control-regex -- colour codes start with the ESC character
const COLOUR = /\u001b\[[0-9;]*m/g;
const SEVERITY = { Error: 'error', Warning: 'warning', Recommendation: 'recommendation' };
/** Every diagnostic in the text, in order; robust to colour codes, CRLF and log lines between. */
function parseDiagnostics(stderr) {
    const lines = stderr.replace(COLOUR, '').split(/\r?\n/);
    const found = [];
    let index = 0;
    while (index < lines.length) {
        const heading = HEADING.exec(lines[index] ?? '');
        index += 1;
        if (heading === null)
            continue;
        const paths = [];
        const locations = [];
        let last;
        for (; index < lines.length; index++) {
            const line = lines[index] ?? '';
            const at = AT.exec(line);
            const location = IN.exec(line);
            const further = FURTHER.exec(line);
            if (at !== null) {
                paths.push(at[1] ?? '');
                last = 'at';
            }
            else if (location !== null) {
                locations.push(toLocation(location));
                last = 'in';
            }
            else if (further !== null && last === 'at') {
                paths.push(further[1] ?? '');
            }
            else if (further !== null && last === 'in') {
                const more = LOCATION.exec(further[1] ?? '');
                if (more !== null)
                    locations.push(toLocation(more));
            }
            else {
                break;
            }
        }
        const detail = [];
        if (lines[index] === '' && index + 1 < lines.length && !isBoundary(lines[index + 1] ?? '')) {
            for (index += 1; index < lines.length && !isBoundary(lines[index] ?? ''); index++) {
                detail.push(lines[index] ?? '');
            }
        }
        const kind = heading[1];
        found.push({
            severity: SEVERITY[kind],
            summary: heading[2] ?? '',
            paths,
            locations,
            detail: detail.join('\n').trim(),
        });
    }
    return found;
}
function toLocation(match) {
    return { file: match[1] ?? '', line: Number(match[2]), column: Number(match[3]) };
}
/** A detail block ends at a blank line or where the next diagnostic or log line starts. */
function isBoundary(line) {
    return line === '' || HEADING.test(line) || /^(Warn|Info|Debug): /.test(line);
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/program.ts


// Programs still running, so that a cancelled step can stop its docker clients first.
const running = new Set();
/**
 * Kills every program this process started that is still running. A docker client killed
 * before it sends its create request creates no container; one killed later leaves a container
 * that the caller must remove.
 */
function killRunningPrograms() {
    for (const child of running)
        child.kill('SIGKILL');
}
/**
 * Runs a program with an argument array, never through a shell, with no stdin (so it never
 * waits for input), and resolves with its exit code and output. It rejects only when the
 * program cannot be started at all, e.g. when it is not on PATH.
 */
function runProgram(file, args, options) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(file, [...args], {
            env: options.env,
            shell: false,
            stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
        });
        running.add(child);
        const stdout = [];
        const stderr = [];
        child.stdout?.on('data', (chunk) => {
            stdout.push(chunk);
            options.onStdout?.(chunk);
        });
        child.stderr?.on('data', (chunk) => {
            stderr.push(chunk);
            options.onStderr?.(chunk);
        });
        child.on('error', (error) => {
            running.delete(child);
            reject(new Error(`${file} could not be started: ${error.message}`));
        });
        child.on('close', (code, signal) => {
            running.delete(child);
            resolve({
                // A child killed by a signal has no exit code; report it the way a shell would.
                exitCode: code ?? 128 + signalNumber(signal),
                stdout: Buffer.concat(stdout).toString('utf8'),
                stderr: Buffer.concat(stderr).toString('utf8'),
            });
        });
    });
}
function signalNumber(signal) {
    return signal === null ? 0 : (external_node_os_namespaceObject.constants.signals[signal] ?? 0);
}

;// CONCATENATED MODULE: ./src/phase-runner.ts



// The stderr kept for diagnostics; a CLI that writes more has logged far beyond them.
const MAX_STDERR_BYTES = 1024 * 1024;
// The stdout kept for a phase that captures it. A summary repeats the bundle's resolved
// configuration, which stays far below this even for thousands of resources.
const MAX_CAPTURED_STDOUT_BYTES = 64 * 1024 * 1024;
// Enough to show the CLI's last diagnostic with its location and detail lines.
const TAIL_LINES = 20;
/**
 * Runs one `docker run` in a collapsible log group, streaming the CLI's output through live
 * (stdout only when the phase does not capture it). Success is decided by the exit code alone:
 * the CLI writes progress to stderr on success too.
 */
async function runPhase(phase, args, client, limit) {
    return group(`databricks ${phase.cliArgs.join(' ')}`, async () => {
        debug(`${client.program} ${args.join(' ')}`);
        const stderrTail = new LineTail(TAIL_LINES);
        const stderr = new CappedBuffer(MAX_STDERR_BYTES);
        const stdout = new CappedBuffer(MAX_CAPTURED_STDOUT_BYTES);
        const started = new Date();
        let timedOut = false;
        const timer = limit === undefined
            ? undefined
            : setTimeout(() => {
                timedOut = true;
                limit.stop();
            }, limit.ms);
        // The CLI echoes names and paths from the bundle; a line of it that looks like a workflow
        // command must be printed, not obeyed.
        const { exitCode } = await withCommandsStopped(() => runProgram(client.program, args, {
            env: client.env,
            onStdout: (data) => {
                if (phase.stdout !== 'log')
                    stdout.push(data);
                else
                    process.stdout.write(data);
            },
            onStderr: (data) => {
                process.stdout.write(data);
                stderrTail.push(data.toString('utf8'));
                stderr.push(data);
            },
        }))
            .finally(() => clearTimeout(timer));
        const finished = new Date();
        const durationMs = finished.getTime() - started.getTime();
        let outcome = exitCode === 0 && !timedOut ? 'success' : 'failure';
        if (outcome === 'success' && stdout.overflowed) {
            // A cut JSON document cannot be read; saying so beats a parse error later.
            warning(`${phase.name}: the CLI wrote more than ${MAX_CAPTURED_STDOUT_BYTES} bytes to stdout, ` +
                'more than the action reads; its output was not used.');
            outcome = 'failure';
        }
        info(`${phase.name}: ${outcome} (exit code ${exitCode}, ${formatDuration(durationMs)})`);
        const stderrText = stderr.text();
        const result = {
            name: phase.name,
            outcome,
            exitCode,
            startedAt: started.toISOString(),
            finishedAt: finished.toISOString(),
            durationMs,
            informational: phase.informational,
            output: phase.stdout === 'log' ? undefined : { format: phase.stdout, text: stdout.text() },
            errorTail: stderrTail.lines(),
            diagnostics: parseDiagnostics(stderrText),
            ...(timedOut && limit !== undefined ? { timedOutAfterMs: limit.ms } : {}),
            ...(stdout.overflowed ? { outputTooLarge: true } : {}),
        };
        // The error that ended a long run is at the end of stderr; beyond the cap, the tail has it.
        const tail = stderr.overflowed ? `\n${result.errorTail.join('\n')}` : '';
        return { result, stderr: stderrText + tail };
    });
}
/** A phase that never started because an earlier one failed. */
function skippedPhase(phase) {
    return {
        name: phase.name,
        outcome: 'skipped',
        exitCode: undefined,
        startedAt: undefined,
        finishedAt: undefined,
        durationMs: 0,
        informational: phase.informational,
        output: undefined,
        errorTail: [],
        diagnostics: [],
    };
}
function formatDuration(ms) {
    return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
/** Keeps the last N complete lines of a stream that arrives in arbitrary chunks. */
class LineTail {
    limit;
    kept = [];
    partial = '';
    constructor(limit) {
        this.limit = limit;
    }
    push(chunk) {
        const pieces = (this.partial + chunk).split(/\r?\n/);
        this.partial = pieces.pop() ?? '';
        for (const line of pieces)
            this.keep(line);
    }
    lines() {
        return this.partial === '' ? [...this.kept] : [...this.kept, this.partial].slice(-this.limit);
    }
    keep(line) {
        this.kept.push(line);
        if (this.kept.length > this.limit)
            this.kept.shift();
    }
}
/** Collects a stream's chunks up to a byte limit, remembering whether more arrived. */
class CappedBuffer {
    limit;
    chunks = [];
    bytes = 0;
    overflowed = false;
    constructor(limit) {
        this.limit = limit;
    }
    push(chunk) {
        if (this.bytes + chunk.length > this.limit) {
            this.overflowed = true;
            return;
        }
        this.chunks.push(chunk);
        this.bytes += chunk.length;
    }
    text() {
        return Buffer.concat(this.chunks).toString('utf8');
    }
}

;// CONCATENATED MODULE: ./src/report.ts






/** Success when every phase the result depends on succeeded (see Phase.informational). */
function overallOutcome(phases) {
    const decisive = phases.filter((phase) => !phase.informational);
    return decisive.every((phase) => phase.outcome === 'success') ? 'success' : 'failure';
}
/** The run's outcome: the pre-flight passed and every phase after it succeeded. */
function runOutcome(report) {
    return report.preflight.passed ? overallOutcome(report.phases) : 'failure';
}
function setOutputs(report, env = process.env) {
    setOutput('result', runOutcome(report), env);
    setOutput('preflight-result', report.preflight.passed ? 'success' : 'failure', env);
    setOutput('findings', findingsJson(report.preflight), env);
    setOutput('local-files', JSON.stringify(report.preflight.artifacts), env);
    setOutput('image-id', report.image.id, env);
    setOutput('image-digest', report.image.repoDigest ?? '', env);
    for (const phase of report.phases) {
        setOutput(`${phase.name}-result`, phase.outcome, env);
    }
    setOutput('phases', JSON.stringify(report.phases.map(phaseRecord)), env);
    // A job's outputs share about 1 MB; the audit record lists every resource.
    const resources = (report.resources ?? []).slice(0, MAX_RESOURCE_OUTPUTS);
    setOutput('resources', JSON.stringify(resources.map(resourceRecord)), env);
    for (const [name, value] of Object.entries(commonResourceOutputs(resources))) {
        setOutput(name, value, env);
    }
    if (report.plan !== undefined)
        setOutput('plan', JSON.stringify(report.plan), env);
}
const MAX_RESOURCE_OUTPUTS = 1_000;
function resourceRecord(resource) {
    return { group: resource.group, key: resource.key, id: resource.id, url: resource.url };
}
function phaseRecord(phase) {
    return {
        name: phase.name,
        outcome: phase.outcome,
        'exit-code': phase.exitCode ?? null,
        'duration-ms': phase.durationMs,
    };
}
/** Outputs that cannot be written fail the step, saying what the phases did regardless. */
function writeOutputs(report, env = process.env) {
    try {
        setOutputs(report, env);
    }
    catch (error) {
        const outcomes = [
            `pre-flight ${report.preflight.passed ? 'success' : 'failure'}`,
            ...report.phases.map((phase) => `${phase.name} ${phase.outcome}`),
        ].join(', ');
        setFailed(`The step outputs could not be written to GITHUB_OUTPUT ` +
            `(${messageOf(error)}); the phases ran ` +
            `regardless: ${outcomes}. Check the runner's work folder.`);
    }
}
/**
 * The error for a failed run: the phase, the known cause (or what its exit code means) with a
 * link to its section in the troubleshooting guide, and the CLI's last lines.
 */
function failureMessage(phases, env = process.env) {
    const failed = phases.find((phase) => phase.outcome === 'failure' && !phase.informational);
    if (failed === undefined)
        return 'A phase failed.';
    const lines = failed.errorTail.filter((line) => line.trim() !== '').slice(-10);
    const cause = failureCause(failed);
    const link = cause.id === undefined ? '' : ` See ${troubleshootingLink(cause.id, env)}.`;
    const consequence = STOPPED_BEFORE_CHANGES.includes(cause.id ?? '')
        ? 'Nothing was changed in the workspace.'
        : CONSEQUENCE[failed.name];
    return (`The ${failed.name} phase failed: ${cause.text}${link} ${consequence}\n` +
        `Last lines of the container's error output:\n${lines.join('\n') || '(none)'}`);
}
// Causes that stop the CLI before its first change: the lock is taken, the approval asked and
// the bundle found before anything is uploaded.
const STOPPED_BEFORE_CHANGES = [
    'lock-held',
    'approval-required',
    'bundle-root-not-found',
];
const CONSEQUENCE = {
    validate: 'Nothing was changed in the workspace.',
    plan: 'Nothing was changed in the workspace.',
    deploy: 'The deployment may be incomplete; fix the cause and run the workflow again.',
    destroy: 'Some resources may remain; fix the cause and run the workflow again.',
    summary: 'The deployment itself succeeded.',
};
/**
 * docker's own exit codes say more than anything the CLI printed (a killed container printed
 * nothing about it), so they come first; then a known signature in the CLI's output.
 */
function failureCause(phase) {
    if (phase.outputTooLarge === true) {
        return {
            text: `the CLI wrote more than ${MAX_CAPTURED_STDOUT_BYTES} bytes to stdout, more than the ` +
                'action reads, so its output was not used.',
            id: undefined,
        };
    }
    if (phase.timedOutAfterMs !== undefined) {
        return {
            text: `it ran longer than the timeout-minutes input allows ` +
                `(${formatMinutes(phase.timedOutAfterMs)}), so the action stopped it and removed its ` +
                'container.',
            id: 'phase-timeout',
        };
    }
    const code = phase.exitCode;
    if (code !== undefined && EXPLAINED_EXIT_CODES.includes(code)) {
        return { text: exitExplanation(code), id: `exit-code-${code}` };
    }
    if (phase.recognizedFailure !== undefined) {
        return { text: phase.recognizedFailure.explanation, id: phase.recognizedFailure.id };
    }
    return { text: exitExplanation(code), id: undefined };
}
// docker's own codes, and 2, which the CLI (a Go program) never chooses itself.
function formatMinutes(ms) {
    const minutes = ms / 60_000;
    return `${Number.isInteger(minutes) ? minutes : minutes.toFixed(2)} min`;
}
/**
 * The CLI itself exits with 0 or 1 only; 125 to 127 are docker's own codes for a container that
 * could not be started, and 137 and 143 are a container killed or stopped from outside, so
 * blaming the CLI for them would send people the wrong way.
 */
function exitExplanation(exitCode) {
    switch (exitCode) {
        case 125:
            return ('docker could not create or start the container (exit code 125), so the CLI never ' +
                "ran. Check the docker-network input, if set, and the engine's message below.");
        case 126:
            return ("the image's entrypoint could not be executed (exit code 126). Check that the image is " +
                'a Databricks CLI image built for this platform.');
        case 127:
            return ("the image's entrypoint was not found (exit code 127). Check that the image is a " +
                'Databricks CLI image whose entrypoint is the databricks binary.');
        case 0:
            return 'the Databricks CLI reported warnings, and the fail-on-warnings input is true.';
        case 2:
            // A Go program exits 2 when its runtime stops it: an unhandled SIGTERM or SIGINT while it
            // is PID 1 (a `docker stop` of an image without an init), or a crash.
            return ('the CLI was stopped (exit code 2): by a signal such as `docker stop` or the engine ' +
                'shutting down, or by a crash of the CLI itself; the CLI reports its own errors with ' +
                'exit code 1. Check what stopped the container, and the last lines below.');
        case 137:
            return ('the container was killed (exit code 137, SIGKILL): by the kernel for lack of memory, ' +
                'or by whoever stopped it. Check `dmesg` and the memory available to Docker on the runner.');
        case 143:
            return ('the container was terminated (exit code 143, SIGTERM), by a `docker stop` or the ' +
                'engine shutting down, not by the CLI.');
        default:
            return `the Databricks CLI exited with code ${exitCode}.`;
    }
}
const OUTCOME_MARK = { success: '✅', failure: '❌', skipped: '⏭️' };
/** The step summary as Markdown: what ran, from which image, and how each step went. */
function stepSummary(report) {
    const outcome = runOutcome(report);
    const digest = report.image.repoDigest === undefined ? 'none' : code(report.image.repoDigest);
    const rows = [
        `### Databricks bundle ${report.inputs.command}: ${OUTCOME_MARK[outcome]} ${outcome}`,
        '',
        '| | |',
        '| --- | --- |',
        `| Target | ${cell(report.inputs.target)} |`,
        `| Bundle | ${code(report.bundleRelativePath)} |`,
        `| Image | ${code(report.inputs.image.raw)} |`,
        `| Image id | ${code(report.image.id)} |`,
        `| Registry digest | ${digest} |`,
        ...(report.preflight.cliVersion === undefined
            ? []
            : [`| Image CLI version | ${cell(report.preflight.cliVersion)} |`]),
        ...(report.preflight.engine?.engine === undefined
            ? []
            : [
                `| Deployment engine | ${report.preflight.engine.engine} ` +
                    `(${cell(report.preflight.engine.source)}) |`,
            ]),
        '',
        ...preflightSection(report.preflight),
        ...phaseSection(report.phases),
        ...planSection(report.plan),
        ...resourceSection(report.resources),
    ];
    return rows.join('\n') + '\n';
}
function planSection(plan) {
    if (plan === undefined)
        return [];
    const { create, change, delete: deletes, unchanged } = plan.counts;
    const lines = [
        `#### Plan: ${create} to add, ${change} to change, ${deletes} to delete, ` +
            `${unchanged} unchanged`,
        '',
    ];
    if (deletes > 0) {
        lines.push(`> [!WARNING]\n> This plan deletes or recreates ${plural(deletes, 'resource')}. ` +
            'Deploying it needs `auto-approve: true`.', '');
    }
    if (plan.changes.length > 0) {
        lines.push('| Action | Resource |', '| --- | --- |');
        for (const change of plan.changes.slice(0, MAX_SUMMARY_ROWS)) {
            lines.push(`| ${cell(change.action)} | ${code(change.resource)} |`);
        }
        const hidden = plan.changes.length - MAX_SUMMARY_ROWS;
        if (hidden > 0)
            lines.push(`| | and ${hidden} more: see the plan output |`);
        lines.push('');
    }
    return lines;
}
function resourceSection(resources) {
    if (resources === undefined || resources.length === 0)
        return [];
    const lines = [
        `#### Deployed resources (${resources.length})`,
        '',
        '| Resource | Name | Id | Link |',
        '| --- | --- | --- | --- |',
    ];
    for (const resource of resources.slice(0, MAX_SUMMARY_ROWS)) {
        const link = resource.url === null ? '' : `<a href="${escapeAttribute(resource.url)}">open</a>`;
        lines.push(`| ${code(`${resource.group}.${resource.key}`)} | ${cell(resource.name ?? '')} | ` +
            `${resource.id === null ? 'not deployed' : code(resource.id)} | ${link} |`);
    }
    const hidden = resources.length - MAX_SUMMARY_ROWS;
    if (hidden > 0)
        lines.push(`| and ${hidden} more: see the audit record | | | |`);
    lines.push('');
    return lines;
}
function phaseSection(phases) {
    if (phases.length === 0)
        return [];
    return [
        '| Phase | Outcome | Exit code | Duration |',
        '| --- | --- | --- | --- |',
        ...phases.map((phase) => `| ${phase.name} | ${OUTCOME_MARK[phase.outcome]} ${phase.outcome} | ` +
            `${phase.exitCode ?? ''} | ` +
            `${phase.outcome === 'skipped' ? '' : formatDuration(phase.durationMs)} |`),
        '',
    ];
}
// A step summary holds at most 1 MiB; the findings output always has the full list.
const MAX_SUMMARY_ROWS = 100;
function preflightSection(preflight) {
    const errors = preflight.findings.filter((finding) => finding.level === 'error').length;
    const warnings = preflight.findings.length - errors;
    const mark = preflight.passed ? OUTCOME_MARK.success : OUTCOME_MARK.failure;
    const lines = [
        `#### Pre-flight ${mark} ${plural(errors, 'error')}, ${plural(warnings, 'warning')} ` +
            `(policy ${preflight.policy})`,
        '',
    ];
    if (preflight.findings.length > 0) {
        lines.push('| Level | Rule | Where | Finding |', '| --- | --- | --- | --- |');
        for (const finding of preflight.findings.slice(0, MAX_SUMMARY_ROWS)) {
            const where = locate(finding).replace(/: $/, '');
            lines.push(`| ${finding.level} | ${cell(finding.rule)} | ${where === '' ? '' : code(where)} | ` +
                `${cell(finding.message)} |`);
        }
        const hidden = preflight.findings.length - MAX_SUMMARY_ROWS;
        if (hidden > 0)
            lines.push(`| | | | and ${hidden} more: see the findings output |`);
        lines.push('');
    }
    if (preflight.artifacts.length > 0) {
        lines.push('| Local file | Bytes | SHA-256 |', '| --- | --- | --- |');
        for (const artifact of preflight.artifacts.slice(0, MAX_SUMMARY_ROWS)) {
            lines.push(`| ${code(artifact.path)} | ${artifact.bytes} | ${code(artifact.sha256)} |`);
        }
        lines.push('');
    }
    return lines;
}
/**
 * Writes the step summary. Some GitHub Enterprise Server versions have no step summaries, so
 * failing to write one is a warning, never a failed deployment.
 */
function writeStepSummary(report, env = process.env) {
    try {
        appendStepSummary(stepSummary(report), env);
    }
    catch (error) {
        const reason = messageOf(error);
        warning(`The step summary could not be written (${reason}); ` +
            'the outputs and the log hold the same results.');
    }
}
/** A table cell: pipes and HTML would break the table or be rendered, so they are escaped. */
function cell(text) {
    return escapeMarkdown(shortened(text));
}
// A step summary holds at most 1 MiB, and escaping can make a character five; the outputs and
// the audit record keep the full values.
const MAX_CELL_CHARACTERS = 300;
function shortened(text) {
    return text.length <= MAX_CELL_CHARACTERS ? text : `${text.slice(0, MAX_CELL_CHARACTERS)}…`;
}
/** A URL inside a double-quoted HTML attribute: only the characters that could end it. */
function escapeAttribute(url) {
    return url
        .replaceAll('&', '&amp;')
        .replaceAll('"', '&quot;')
        .replaceAll('<', '&lt;')
        .replaceAll('>', '&gt;')
        .replaceAll('|', '%7C');
}
function code(text) {
    return `<code>${escapeMarkdown(shortened(text))}</code>`;
}
/**
 * Escapes text for a table cell: HTML, the table's pipes, and the characters that would make
 * Markdown links, emphasis or code spans, as numeric entities, which GitHub renders as text.
 */
function escapeMarkdown(text) {
    return text
        .replaceAll('&', '&amp;')
        .replace(CONTROL_CHARACTERS, ' ')
        .replace(/[<>|[\]()*_`~\\!]/g, (character) => `&#${character.charCodeAt(0)};`);
}

;// CONCATENATED MODULE: ./src/version.ts
/** This action's name and version, as package.json has them (a test keeps the two equal). */
const ACTION_NAME = 'databricks-bundle-airgap-action';
const ACTION_VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/audit-record.ts






// Bumped whenever a field changes meaning or goes away; schema/audit-record.schema.json
// describes this version.
const AUDIT_RECORD_VERSION = 1;
/**
 * The audit record: who ran what, from which source, with which tool, and what happened. It is
 * built from the action's own facts and the runner's GITHUB_* variables by name, never from an
 * environment dump; `secrets` are replaced wherever they might still appear.
 */
function auditRecord(facts, env, secrets) {
    const { inputs, location, image, preflight } = facts;
    const record = {
        record_version: AUDIT_RECORD_VERSION,
        action: {
            name: ACTION_NAME,
            version: ACTION_VERSION,
            repository: variable(env, 'GITHUB_ACTION_REPOSITORY'),
            ref: variable(env, 'GITHUB_ACTION_REF'),
        },
        run: runFacts(env),
        runner: {
            name: variable(env, 'RUNNER_NAME'),
            os: variable(env, 'RUNNER_OS'),
            arch: variable(env, 'RUNNER_ARCH'),
        },
        settings: inputs === undefined ? null : settings(inputs),
        started_at: facts.startedAt.toISOString(),
        finished_at: facts.finishedAt.toISOString(),
        result: facts.result,
        error: facts.error ?? null,
        command: inputs?.command ?? null,
        target: inputs?.target ?? null,
        bundle: location === undefined
            ? null
            : {
                path: location.relativePath,
                config_file: location.configFile,
                name: preflight?.bundleName ?? null,
            },
        image: image === undefined || inputs === undefined
            ? null
            : {
                reference: inputs.image.raw,
                id: image.id,
                repo_digest: image.repoDigest ?? null,
                platform: image.platform,
                cli_version: preflight?.cliVersion ?? null,
            },
        engine: preflight?.engine?.engine ?? null,
        preflight: preflight === undefined
            ? null
            : {
                result: preflight.passed ? 'success' : 'failure',
                policy: preflight.policy,
                findings: preflight.findings.map(findingRecord),
            },
        local_files: (preflight?.artifacts ?? []).map((artifact) => ({
            path: artifact.path,
            bytes: artifact.bytes,
            sha256: artifact.sha256,
        })),
        phases: [
            ...facts.phases.map((phase) => ({
                name: phase.name,
                outcome: phase.outcome,
                exit_code: phase.exitCode ?? null,
                started_at: phase.startedAt ?? null,
                finished_at: phase.finishedAt ?? null,
                duration_ms: phase.durationMs,
                failure: phase.outcome === 'failure' ? (failureCause(phase).id ?? null) : null,
            })),
            ...(facts.cancelledPhase === undefined
                ? []
                : [cancelledRecord(facts.cancelledPhase, facts.finishedAt)]),
        ],
        resources: facts.resources?.map((resource) => ({
            group: resource.group,
            key: resource.key,
            name: resource.name,
            id: resource.id,
            url: resource.url,
        })) ?? null,
        plan: facts.plan === undefined ? null : { counts: facts.plan.counts, changes: facts.plan.changes },
    };
    return redact(record, secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH));
}
/** The inputs that change what a run does, as the action understood them; no secret. */
function settings(inputs) {
    return {
        image: inputs.image.raw,
        workspace_host: inputs.workspaceHost ?? null,
        working_directory: inputs.workingDirectory,
        auth_type: inputs.credentials.authType,
        auto_approve: inputs.deployFlags.autoApprove,
        force_lock: inputs.deployFlags.forceLock,
        fail_on_active_runs: inputs.deployFlags.failOnActiveRuns,
        fail_on_warnings: inputs.failOnWarnings,
        policy: inputs.policy,
        engine: inputs.engine ?? null,
        container_runtime: inputs.runtime,
        entrypoint: inputs.entrypoint ?? null,
        docker_network: inputs.dockerNetwork ?? null,
        ca_bundle: inputs.caBundle ?? null,
        image_archive_sha256: inputs.imageArchive?.sha256 ?? null,
        timeout_minutes: inputs.timeoutMs === undefined ? null : inputs.timeoutMs / 60_000,
        clean_local_state: inputs.cleanLocalState,
    };
}
function cancelledRecord(phase, cancelledAt) {
    return {
        name: phase.name,
        outcome: 'cancelled',
        exit_code: null,
        started_at: phase.startedAt.toISOString(),
        finished_at: cancelledAt.toISOString(),
        duration_ms: cancelledAt.getTime() - phase.startedAt.getTime(),
        failure: null,
    };
}
// The runner's variables that say where a change came from and who made it.
function runFacts(env) {
    return {
        server_url: variable(env, 'GITHUB_SERVER_URL'),
        repository: variable(env, 'GITHUB_REPOSITORY'),
        commit: variable(env, 'GITHUB_SHA'),
        ref: variable(env, 'GITHUB_REF'),
        event_name: variable(env, 'GITHUB_EVENT_NAME'),
        workflow: variable(env, 'GITHUB_WORKFLOW'),
        workflow_ref: variable(env, 'GITHUB_WORKFLOW_REF'),
        job: variable(env, 'GITHUB_JOB'),
        run_id: variable(env, 'GITHUB_RUN_ID'),
        run_attempt: variable(env, 'GITHUB_RUN_ATTEMPT'),
        actor: variable(env, 'GITHUB_ACTOR'),
        triggering_actor: variable(env, 'GITHUB_TRIGGERING_ACTOR'),
    };
}
function variable(env, name) {
    const value = env[name];
    return value === undefined || value === '' ? null : value;
}
// Shorter values would replace ordinary words; no credential is this short.
const MIN_SECRET_LENGTH = 4;
/** A copy with every occurrence of a secret in a string replaced by `***`. */
function redact(value, secrets) {
    if (secrets.length === 0)
        return value;
    if (typeof value === 'string') {
        return secrets.reduce((text, secret) => text.replaceAll(secret, '***'), value);
    }
    if (Array.isArray(value))
        return value.map((item) => redact(item, secrets));
    if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redact(item, secrets)]));
    }
    return value;
}
/**
 * Writes the record as a new file under RUNNER_TEMP (never in the bundle, which is uploaded to
 * the workspace) and returns the SHA-256 of exactly the bytes written, for a later step to sign
 * or store. The runner empties RUNNER_TEMP after the job, so a later step must keep it.
 */
function writeAuditRecord(record, runnerTemp) {
    const bytes = Buffer.from(`${JSON.stringify(record, null, 2)}\n`, 'utf8');
    const name = `databricks-bundle-audit-${Date.now()}-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}.json`;
    const file = external_node_path_default().join(runnerTemp, name);
    // `wx`: a new file only, so nothing already there is ever overwritten.
    (0,external_node_fs_namespaceObject.writeFileSync)(file, bytes, { flag: 'wx' });
    return { path: file, sha256: (0,external_node_crypto_namespaceObject.createHash)('sha256').update(bytes).digest('hex') };
}

;// CONCATENATED MODULE: ./src/bundle-location.ts



/** The names the CLI looks for in a bundle root, in its own order. */
const BUNDLE_CONFIG_FILES = [
    'databricks.yml',
    'databricks.yaml',
    'bundle.yml',
    'bundle.yaml',
];
// Docker's --mount option is comma-separated CSV, so a comma or quote in a host path would
// change its meaning; control characters could forge log lines, and bidirectional overrides
// make a printed path read differently from what it is. Refusing them is clearer than quoting.
const UNSAFE_PATH_CHARACTERS = 
// eslint-disable-next-line no-control-regex
/[,"\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** Refuses a host path that cannot be passed safely to `docker run --mount` or printed. */
function assertMountablePath(hostPath, what, fix) {
    if (UNSAFE_PATH_CHARACTERS.test(hostPath)) {
        throw new ActionError(`${what} ${JSON.stringify(hostPath)} contains a comma, quote or control character, ` +
            `which cannot be mounted safely. ${fix}`);
    }
}
/**
 * Resolves `working-directory` inside the repository checkout. Symlinks are resolved first, so
 * a link inside the checkout cannot mount a directory outside it into the container.
 */
function locateBundle(checkout, workingDirectory) {
    if (checkout === undefined || checkout === '') {
        throw new ActionError('GITHUB_WORKSPACE is not set, so the repository checkout cannot be found. ' +
            'Run this action as a step of a GitHub Actions job, after actions/checkout.');
    }
    if (!(0,external_node_fs_namespaceObject.existsSync)(checkout)) {
        throw new ActionError(`The repository checkout ${checkout} (GITHUB_WORKSPACE) does not exist. ` +
            'Run actions/checkout before this step.');
    }
    const checkoutPath = (0,external_node_fs_namespaceObject.realpathSync)(checkout);
    assertMountablePath(checkoutPath, 'The checkout path', 'Use a runner work folder without them.');
    const requested = external_node_path_default().resolve(checkoutPath, workingDirectory);
    if (!(0,external_node_fs_namespaceObject.existsSync)(requested) || !(0,external_node_fs_namespaceObject.statSync)(requested).isDirectory()) {
        throw inputError('working-directory', `"${workingDirectory}" is not a directory in the repository checkout.`, 'Give the folder that holds databricks.yml, relative to the repository root.');
    }
    const bundlePath = (0,external_node_fs_namespaceObject.realpathSync)(requested);
    const relative = external_node_path_default().relative(checkoutPath, bundlePath);
    const outside = relative === '..' || relative.startsWith(`..${(external_node_path_default()).sep}`);
    if (outside || external_node_path_default().isAbsolute(relative)) {
        throw inputError('working-directory', `"${workingDirectory}" resolves to ${bundlePath}, outside the repository checkout.`, 'Only folders inside the checkout are mounted into the container; move the bundle there.');
    }
    assertMountablePath(relative, "Input 'working-directory': the bundle folder", 'Rename the folder, or point working-directory at another one.');
    return {
        checkoutPath,
        bundlePath,
        relativePath: relative === '' ? '.' : relative.split((external_node_path_default()).sep).join('/'),
        configFile: findConfigFile(bundlePath, workingDirectory),
    };
}
function findConfigFile(bundlePath, workingDirectory) {
    const present = BUNDLE_CONFIG_FILES.filter((name) => (0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().join(bundlePath, name)));
    const [first, ...others] = present;
    if (first === undefined) {
        throw inputError('working-directory', `"${workingDirectory}" has no bundle configuration (${BUNDLE_CONFIG_FILES.join(', ')}).`, 'Point it at the bundle root, the folder that holds databricks.yml.');
    }
    if (others.length > 0) {
        throw inputError('working-directory', `"${workingDirectory}" has more than one bundle configuration file ` +
            `(${present.join(', ')}), which the CLI refuses.`, 'Keep exactly one of them.');
    }
    return first;
}

;// CONCATENATED MODULE: ./src/cancellation.ts




/** Blocks this thread; the cancellation handler must finish before the process exits. */
function sleep(ms) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
// `docker rm --force` kills the container at once; the limit is for an engine that hangs.
const REMOVE_TIMEOUT_MS = 30_000;
// A create request already sent by the killed client can still land after a first removal,
// so absence is confirmed twice, this far apart, within the overall deadline.
const CONFIRM_GAP_MS = 750;
const REMOVE_DEADLINE_MS = 10_000;
/**
 * What a cancelled job must not leave behind. The runner cancels a step with SIGINT, then
 * SIGTERM; the docker client this process started would keep its container running after this
 * process ends, so the container is removed here by its name, and the CLI's home folder with it.
 */
class CancellationGuard {
    runtime;
    running;
    folders = new Set();
    lastWords;
    handler = (signal) => this.cancel(signal);
    constructor(runtime) {
        this.runtime = runtime;
        for (const signal of SIGNALS)
            process.on(signal, this.handler);
    }
    /** Removes the handlers again, once the run has finished on its own. */
    release() {
        for (const signal of SIGNALS)
            process.off(signal, this.handler);
    }
    removeOnCancel(folder) {
        this.folders.add(folder);
    }
    /**
     * What to do last, after the container is gone and before the process exits: the audit
     * record of a cancelled run. It runs synchronously, inside the signal handler.
     */
    onCancelled(lastWords) {
        this.lastWords = lastWords;
    }
    phaseStarted(phase, container) {
        this.running = { phase, container };
    }
    phaseEnded() {
        this.running = undefined;
    }
    /**
     * Stops the running phase for good: its client first, so that it cannot create the container
     * after the check, then the container. True when no container of it is left.
     */
    stopRunningPhase() {
        killRunningPrograms();
        const running = this.running;
        return running === undefined || this.removeContainer(running.container);
    }
    cancel(signal) {
        const running = this.running;
        const removed = this.stopRunningPhase();
        // A container that is still running still uses the home folder; it is left in place then.
        if (removed) {
            for (const folder of this.folders)
                (0,external_node_fs_namespaceObject.rmSync)(folder, { recursive: true, force: true });
        }
        // The CLI's output may have paused command processing; the error must still be an error.
        resumeStoppedCommands();
        const message = cancellationMessage(signal, running, removed, this.runtime.program);
        setFailed(message);
        this.lastWords?.(message);
        process.exit(1);
    }
    /**
     * Removes the container and confirms it is gone: `docker rm --force` also succeeds for a
     * container that does not exist yet, so success alone proves nothing.
     */
    removeContainer(container) {
        const deadline = Date.now() + REMOVE_DEADLINE_MS;
        let confirmedOnce = false;
        while (Date.now() < deadline) {
            this.docker(['rm', '--force', '--volumes', container]);
            const exists = this.docker(['container', 'inspect', '--format', '{{.Id}}', container]);
            if (exists === undefined)
                return false; // the engine does not answer: cannot confirm
            if (!exists) {
                if (confirmedOnce)
                    return true;
                confirmedOnce = true;
            }
            else {
                confirmedOnce = false;
            }
            sleep(CONFIRM_GAP_MS);
        }
        return false;
    }
    /** Runs a client command; true when it succeeded, false when it failed, undefined on hang. */
    docker(args) {
        const result = (0,external_node_child_process_namespaceObject.spawnSync)(this.runtime.program, args, {
            env: this.runtime.env,
            stdio: 'ignore',
            timeout: REMOVE_TIMEOUT_MS,
        });
        if (result.error !== undefined)
            return undefined;
        return result.status === 0;
    }
}
function cancellationMessage(signal, running, removed, program) {
    if (running === undefined) {
        return `The step was cancelled (${signal}) before any container started.`;
    }
    const incomplete = running.phase === 'deploy' ? ' The deployment may be incomplete.' : '';
    if (removed) {
        return (`The step was cancelled (${signal}) during the ${running.phase} phase; its container ` +
            `${running.container} was removed.${incomplete}`);
    }
    return (`The step was cancelled (${signal}) during the ${running.phase} phase, but its container ` +
        `${running.container} could not be removed and may still be running, with the ` +
        `credentials in its environment. Remove it on the runner with ` +
        `\`${program} rm --force ${running.container}\`.${incomplete}`);
}

;// CONCATENATED MODULE: ./src/proxy-settings.ts
/**
 * The proxies the container uses: the runner's HTTP_PROXY, HTTPS_PROXY and NO_PROXY (in either
 * case, as Go reads them), unless the action's inputs name others.
 */
function resolveProxies(inputs, runnerEnv) {
    return {
        http: pick(inputs.httpProxy, 'http-proxy', runnerEnv, 'HTTP_PROXY'),
        https: pick(inputs.httpsProxy, 'https-proxy', runnerEnv, 'HTTPS_PROXY'),
        noProxy: pick(inputs.noProxy, 'no-proxy', runnerEnv, 'NO_PROXY'),
    };
}
// Go's net/http reads the upper-case name first, then the lower-case one.
function pick(input, inputName, runnerEnv, variable) {
    if (input !== undefined)
        return { value: input, source: `input ${inputName}` };
    for (const name of [variable, variable.toLowerCase()]) {
        const value = runnerEnv[name];
        if (value !== undefined && value !== '')
            return { value, source: `the runner's ${name}` };
    }
    return undefined;
}
/**
 * The container's proxy variables, in both cases: the CLI and Terraform (Go) read either, and
 * other tools in an image may read only one.
 */
function proxyEnvironment(settings) {
    const env = {};
    const entries = [
        ['HTTP_PROXY', settings.http],
        ['HTTPS_PROXY', settings.https],
        ['NO_PROXY', settings.noProxy],
    ];
    for (const [name, setting] of entries) {
        if (setting === undefined)
            continue;
        env[name] = setting.value;
        env[name.toLowerCase()] = setting.value;
    }
    return env;
}
/**
 * The parts of the proxy values that must be masked: their passwords and user names, or, for a
 * value that is not a URL, everything before its last `@`.
 */
function proxySecrets(settings) {
    const secrets = [];
    for (const setting of [settings.http, settings.https]) {
        if (setting === undefined)
            continue;
        const url = parseUrl(setting.value);
        if (url === undefined) {
            const at = setting.value.lastIndexOf('@');
            if (at > 0)
                secrets.push(setting.value.slice(0, at));
            continue;
        }
        for (const part of [url.password, url.username]) {
            if (part !== '')
                secrets.push(part, decoded(part));
        }
    }
    return secrets;
}
function decoded(part) {
    try {
        return decodeURIComponent(part);
    }
    catch {
        return part;
    }
}
/** Log lines that say which proxies are in effect, with any credentials in them replaced. */
function describeProxies(settings) {
    const lines = [];
    if (settings.https !== undefined)
        lines.push(describe('HTTPS', settings.https));
    if (settings.http !== undefined)
        lines.push(describe('HTTP', settings.http));
    if (settings.noProxy !== undefined) {
        lines.push(`No proxy for: ${settings.noProxy.value} (${settings.noProxy.source})`);
    }
    return lines.length === 0 ? ['Proxy: none (the container connects directly)'] : lines;
}
function describe(scheme, setting) {
    return `${scheme} proxy: ${withoutCredentials(setting.value)} (${setting.source})`;
}
function withoutCredentials(value) {
    const url = parseUrl(value);
    if (url === undefined)
        return value.includes('@') ? '(not a URL, with credentials)' : value;
    if (url.username === '' && url.password === '')
        return value;
    url.username = '';
    url.password = '';
    return url
        .toString()
        .replace(/^(\w+:\/\/)/, '$1***@')
        .replace(/\/$/, '');
}
/**
 * Go takes a proxy without a scheme as http://, so `user:pw@proxy:3128` is a proxy with
 * credentials, not a URL whose scheme is `user`; it is read the same way here.
 */
function parseUrl(value) {
    if (value === undefined)
        return undefined;
    try {
        const url = new URL(value.includes('://') ? value : `http://${value}`);
        return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/container-command.ts

/** Where the checkout and the per-run home folder appear inside the container. */
const CONTAINER_CHECKOUT = '/github/workspace';
const CONTAINER_HOME = '/home/deployer';
/**
 * The proxy variables that a docker client injects into every container from the `proxies`
 * section of its config.json. Naming them with `--env` without a value in the client's
 * environment stops that injection and leaves them unset, so a runner's proxy settings, and any
 * credentials in them, reach the container only as the action passes them: the ones it
 * resolved (see proxy-settings.ts), by name, and no others.
 */
const PROXY_VARIABLES = [
    'HTTP_PROXY',
    'http_proxy',
    'HTTPS_PROXY',
    'https_proxy',
    'FTP_PROXY',
    'ftp_proxy',
    'NO_PROXY',
    'no_proxy',
    'ALL_PROXY',
    'all_proxy',
];
/** Every container of one run carries this label with the run's id, so `post:` can find it. */
const RUN_LABEL = 'io.github.databricks-bundle-airgap-action.run';
// `bundle validate --strict` (warnings become errors) exists since this CLI version.
const STRICT_VALIDATE_SINCE = '0.286.0';
// `bundle plan` exists (hidden at first) since 0.263.0 and prints JSON with `-o json` since
// 0.269.0 (databricks/cli #3329 and #3598).
const PLAN_SINCE = '0.263.0';
const PLAN_JSON_SINCE = '0.269.0';
const NO_ABILITIES = { strictValidate: false, planJson: false };
/**
 * The CLI steps a command runs, in order, after the pre-flight. Validate always comes first, so
 * nothing changes in the workspace for a bundle the CLI rejects; `preflight` runs no CLI step.
 */
function planPhases(inputs, abilities = NO_ABILITIES) {
    const target = inputs.target;
    const validateArgs = ['bundle', 'validate', '-t', target];
    const validate = phase('validate', abilities.strictValidate ? [...validateArgs, '--strict'] : validateArgs);
    switch (inputs.command) {
        case 'preflight':
            return [];
        case 'validate':
            return [validate];
        case 'plan': {
            const planArgs = ['bundle', 'plan', '-t', target];
            if (abilities.planJson)
                planArgs.push('-o', 'json');
            return [validate, phase('plan', planArgs, { stdout: abilities.planJson ? 'json' : 'text' })];
        }
        case 'deploy':
            return [
                validate,
                phase('deploy', deployArgs(target, inputs.deployFlags)),
                phase('summary', ['bundle', 'summary', '-t', target, '-o', 'json'], {
                    stdout: 'json',
                    informational: true,
                }),
            ];
        case 'destroy':
            return [validate, phase('destroy', destroyArgs(target, inputs.deployFlags))];
    }
}
function phase(name, cliArgs, options = {}) {
    return {
        name,
        cliArgs,
        stdout: options.stdout ?? 'log',
        informational: options.informational ?? false,
    };
}
function deployArgs(target, flags) {
    const args = ['bundle', 'deploy', '-t', target];
    if (flags.forceLock)
        args.push('--force-lock');
    if (flags.autoApprove)
        args.push('--auto-approve');
    if (flags.failOnActiveRuns)
        args.push('--fail-on-active-runs');
    return args;
}
// Only reached with auto-approve set: the inputs refuse destroy without it.
function destroyArgs(target, flags) {
    const args = ['bundle', 'destroy', '-t', target, '--auto-approve'];
    if (flags.forceLock)
        args.push('--force-lock');
    return args;
}
/**
 * The environment the container receives, as name → value. This is the whole allow-list:
 * nothing else from the runner's environment reaches the container. The values travel in the
 * docker client's own environment and only the names appear on its command line.
 */
function containerEnvironment(inputs, extra = {}) {
    const env = {
        // Colour codes would only garble the log and the error lines the action quotes.
        NO_COLOR: '1',
        // Terraform's update check would try to reach the internet on every command.
        CHECKPOINT_DISABLE: '1',
    };
    if (inputs.workspaceHost !== undefined)
        env['DATABRICKS_HOST'] = inputs.workspaceHost;
    Object.assign(env, credentialEnvironment(inputs.credentials));
    if (inputs.engine !== undefined)
        env['DATABRICKS_BUNDLE_ENGINE'] = inputs.engine;
    for (const variable of inputs.bundleVariables) {
        env[`BUNDLE_VAR_${variable.name}`] = variable.value;
    }
    if (extra.proxies !== undefined)
        Object.assign(env, proxyEnvironment(extra.proxies));
    // The CLI trusts SSL_CERT_FILE; Terraform does not get it from the CLI and reads the system
    // file, over which the same merged file is mounted.
    if (extra.trustStore !== undefined)
        env['SSL_CERT_FILE'] = extra.trustStore.target;
    return env;
}
function credentialEnvironment(credentials) {
    switch (credentials.authType) {
        case 'pat':
            return { DATABRICKS_AUTH_TYPE: 'pat', DATABRICKS_TOKEN: credentials.token };
        case 'oauth-m2m':
            return {
                DATABRICKS_AUTH_TYPE: 'oauth-m2m',
                DATABRICKS_CLIENT_ID: credentials.clientId,
                DATABRICKS_CLIENT_SECRET: credentials.clientSecret,
            };
        case 'github-oidc':
            // The container asks the runner for an ID token itself (audience: the workspace's token
            // endpoint, unless the federation policy says otherwise), with the runner's request URL
            // and bearer token.
            return {
                DATABRICKS_AUTH_TYPE: 'github-oidc',
                DATABRICKS_CLIENT_ID: credentials.clientId,
                ACTIONS_ID_TOKEN_REQUEST_URL: credentials.requestUrl,
                ACTIONS_ID_TOKEN_REQUEST_TOKEN: credentials.requestToken,
            };
        case 'azure-client-secret':
            // The Go SDK reads only the ARM_* names for Microsoft Entra ID service principals.
            return {
                DATABRICKS_AUTH_TYPE: 'azure-client-secret',
                ARM_CLIENT_ID: credentials.clientId,
                ARM_CLIENT_SECRET: credentials.clientSecret,
                ARM_TENANT_ID: credentials.tenantId,
            };
        case 'env-oidc':
            return {
                DATABRICKS_AUTH_TYPE: 'env-oidc',
                DATABRICKS_CLIENT_ID: credentials.clientId,
                DATABRICKS_OIDC_TOKEN: credentials.idToken,
            };
    }
}
/** The names for `--env`: the container's variables, then the proxy variables left unset. */
function containerEnvNames(containerEnv) {
    const names = Object.keys(containerEnv);
    return [...names, ...PROXY_VARIABLES.filter((name) => !names.includes(name))];
}
/**
 * The start of every `docker run` the action makes: removed afterwards, never pulled, named and
 * labelled so a cancelled run or the `post:` step can remove it, as the runner's user, with no
 * privileges. The CLI needs none: it reads the bundle and talks HTTPS to the workspace.
 */
function unprivilegedRun(containerName, owner) {
    const args = [
        'run',
        '--rm',
        '--pull',
        'never',
        '--name',
        containerName,
        '--label',
        `${RUN_LABEL}=${owner.runId}`,
        '--user',
        `${owner.uid}:${owner.gid}`,
        '--cap-drop',
        'ALL',
        '--security-opt',
        'no-new-privileges',
    ];
    // podman copies the proxy variables of its own environment into every container unless told
    // not to; the container gets proxies only as the action passes them, by name.
    if (owner.runtime === 'podman')
        args.push('--http-proxy=false');
    return args;
}
/**
 * The `docker run` (or `podman run`) argument list for one phase. Every value in it is public:
 * environment variables appear by name only, HOME aside, so the list can be logged as it is.
 */
function dockerRunArgs(phase, context, inputs, envNames) {
    const workdir = context.bundleRelativePath === '.'
        ? CONTAINER_CHECKOUT
        : `${CONTAINER_CHECKOUT}/${context.bundleRelativePath}`;
    const args = [
        ...unprivilegedRun(context.containerName, context),
        '--mount',
        `type=bind,source=${context.checkoutPath},target=${CONTAINER_CHECKOUT}`,
        '--mount',
        `type=bind,source=${context.homePath},target=${CONTAINER_HOME}`,
    ];
    if (context.trustStore !== undefined) {
        const { source, target } = context.trustStore;
        args.push('--mount', `type=bind,source=${source},target=${target},readonly`);
    }
    args.push('--workdir', workdir);
    if (inputs.dockerNetwork !== undefined)
        args.push('--network', inputs.dockerNetwork);
    if (inputs.entrypoint !== undefined)
        args.push('--entrypoint', inputs.entrypoint);
    // HOME is a fixed, public path: on the command line, so that the client keeps its own HOME
    // (podman finds its storage there).
    args.push('--env', `HOME=${CONTAINER_HOME}`);
    for (const name of envNames)
        args.push('--env', name);
    args.push(context.imageId, ...phase.cliArgs);
    return args;
}

;// CONCATENATED MODULE: ./src/container-runtime.ts


/** The container runtimes the action can drive; both take the same `run` arguments. */
const RUNTIMES = ['docker', 'podman'];
/**
 * The runner variables each client needs to find and talk to its engine or storage. Only these
 * are copied from the runner's environment; see containerEnvironment for what the container
 * gets.
 */
const CLIENT_VARIABLES = {
    docker: [
        'DOCKER_HOST',
        'DOCKER_CONTEXT',
        'DOCKER_CERT_PATH',
        'DOCKER_TLS_VERIFY',
        'DOCKER_API_VERSION',
    ],
    // podman has no daemon: its configuration and storage follow HOME and the XDG folders (a
    // rootless user's images live under ~/.local/share/containers), or a remote service.
    podman: [
        'HOME',
        'CONTAINER_HOST',
        'CONTAINER_CONNECTION',
        'CONTAINERS_CONF',
        'CONTAINERS_STORAGE_CONF',
        'XDG_CONFIG_HOME',
        'XDG_DATA_HOME',
    ],
};
// A rootless engine's socket (docker) or run-time folder (podman) lives under XDG_RUNTIME_DIR.
const COMMON_VARIABLES = ['PATH', 'XDG_RUNTIME_DIR'];
function containerRuntime(program, runnerEnv) {
    const env = {};
    for (const name of [...COMMON_VARIABLES, ...CLIENT_VARIABLES[program]]) {
        const value = runnerEnv[name];
        if (value !== undefined && value !== '')
            env[name] = value;
    }
    if (program === 'docker') {
        // The docker client finds its configuration under HOME, which it is not given; name that
        // folder directly.
        const home = runnerEnv['HOME'];
        const configDir = runnerEnv['DOCKER_CONFIG'] || (home ? `${home}/.docker` : undefined);
        if (configDir !== undefined)
            env['DOCKER_CONFIG'] = configDir;
    }
    return { program, env };
}
/** Runs a command of the runtime's client; its absence from PATH is a clear error. */
async function runClient(runtime, args) {
    try {
        return await runProgram(runtime.program, args, { env: runtime.env });
    }
    catch (error) {
        // runProgram rejects, rather than returning an exit code, only when the client cannot be
        // started at all, which in practice means there is no such executable on PATH.
        throw new ActionError(`The ${runtime.program} command was not found on this runner (PATH has no ` +
            `${runtime.program}). Install it on the self-hosted runner, or make it available on PATH ` +
            `for the runner service; input 'container-runtime' chooses between docker and podman. ` +
            `(${messageOf(error)})`);
    }
}

;// CONCATENATED MODULE: ./src/engine.ts


/**
 * Checks that the engine answers and that the image is already in its local store. Nothing is
 * ever pulled: an air-gapped runner has nowhere to pull from, and a pull would bypass the
 * mirror's approval. An inspection that succeeds proves the engine answers, so `docker version`
 * runs only to explain a failed inspection; that saves a client start on every run.
 */
async function inspectEngineAndImage(image, runtime) {
    const inspection = await runClient(runtime, [
        'image',
        'inspect',
        '--format',
        '{{json .}}',
        image.raw,
    ]);
    if (inspection.exitCode === 0) {
        return describeImage(image, inspection.stdout, runtime.program);
    }
    const version = await runClient(runtime, [
        'version',
        '--format',
        VERSION_FORMAT[runtime.program],
    ]);
    if (version.exitCode !== 0) {
        throw engineUnreachable(runtime, version.stderr);
    }
    throw imageMissing(image, inspection.stderr, runtime.program);
}
// podman answers `version` without any service (it has none); the server part is docker's.
const VERSION_FORMAT = { docker: '{{.Server.Version}}', podman: '{{.Client.Version}}' };
function engineUnreachable(runtime, stderr) {
    if (runtime.program === 'podman') {
        return new ActionError('podman could not start for this runner user: check its storage and configuration ' +
            '(CONTAINERS_CONF, CONTAINERS_STORAGE_CONF, or CONTAINER_HOST for a remote service). ' +
            `podman said: ${lastLines(stderr, 3)}`);
    }
    const where = runtime.env['DOCKER_HOST'] === undefined
        ? 'the default socket (DOCKER_HOST is not set)'
        : `DOCKER_HOST=${runtime.env['DOCKER_HOST']}`;
    return new ActionError(`No Docker engine answered at ${where}. This action runs the Databricks CLI in a container, ` +
        'so the runner needs a Docker engine it can reach: start the engine, add the runner user ' +
        'to the docker group, or set DOCKER_HOST for the runner (or use container-runtime: ' +
        `podman). Docker said: ${lastLines(stderr, 3)}`);
}
function imageMissing(image, stderr, program) {
    const vHint = image.tag !== undefined && /^v\d/.test(image.tag)
        ? ` Note that upstream CLI image tags carry no "v" (e.g. 0.298.0, not ${image.tag}).`
        : '';
    return new ActionError(`Input 'image': ${image.raw} is not in this runner's local image store, and this action ` +
        'never pulls. Mirror the approved image into your internal registry and pull it onto the ' +
        `runner in a separate, reviewed step (${program} pull <mirror>/...), or bring it in as a ` +
        `file with the image-archive input.${vHint} ${program} said: ${lastLines(stderr, 2)}`);
}
function describeImage(image, json, program) {
    // podman prints a list of one image even for `{{json .}}`; docker prints the image.
    const parsed = JSON.parse(json);
    const inspected = (Array.isArray(parsed) ? parsed[0] : parsed) ?? {};
    // podman's ids carry no algorithm; both runtimes accept the sha256: form when running.
    const id = typeof inspected.Id === 'string' ? inspected.Id.replace(/^(?=[0-9a-f]{64}$)/, 'sha256:') : '';
    if (!/^sha256:[0-9a-f]{64}$/.test(id)) {
        throw new ActionError(`${program} image inspect returned no image id for ${image.raw}; its answer was not ` +
            `understood. Check the ${program} version on the runner.`);
    }
    const repoDigests = Array.isArray(inspected.RepoDigests)
        ? inspected.RepoDigests.filter((entry) => typeof entry === 'string')
        : [];
    const wanted = image.digest === undefined ? undefined : `${image.repository}@${image.digest}`;
    const repoDigest = repoDigests.find((entry) => entry === wanted) ??
        repoDigests.find((entry) => entry.startsWith(`${image.repository}@`)) ??
        repoDigests[0];
    const platform = [inspected.Os, inspected.Architecture, inspected.Variant]
        .filter((part) => typeof part === 'string' && part !== '')
        .join('/');
    const os = typeof inspected.Os === 'string' ? inspected.Os : '';
    const architecture = typeof inspected.Architecture === 'string' ? inspected.Architecture : '';
    const env = imageEnvironment(inspected.Config?.Env);
    return { id, repoDigest, repoDigests, platform, os, architecture, env };
}
function imageEnvironment(entries) {
    const env = {};
    if (!Array.isArray(entries))
        return env;
    for (const entry of entries) {
        if (typeof entry !== 'string')
            continue;
        const equals = entry.indexOf('=');
        if (equals > 0)
            env[entry.slice(0, equals)] = entry.slice(equals + 1);
    }
    return env;
}
/** The last non-empty lines of a command's output, joined for a one-line message. */
function lastLines(text, count) {
    const lines = text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
    return lines.slice(-count).join(' ') || '(no output)';
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/image-archive.ts









/**
 * The tool-cache entry is laid out exactly as @actions/tool-cache lays one out, so that its
 * `find(TOOL_NAME, toolCacheVersion(sha256), arch)` finds it. The package itself is not used at
 * run time: it imports an HTTP client, and this action holds no network code.
 */
const TOOL_NAME = 'databricks-cli-image-archive';
const RECORD_FILE = 'image-archive.json';
/** A valid semver version (find() needs one) that carries the archive's digest. */
function toolCacheVersion(sha256) {
    return `0.0.0-sha256-${sha256}`;
}
// Large enough that hashing a multi-gigabyte archive is bound by the disk, not by calls.
const READ_CHUNK_BYTES = 1024 * 1024;
/** Makes the image named by `reference` available from the archive, verifying it first. */
async function provideImageFromArchive(archive, reference, options) {
    const entry = toolCacheEntry(options.toolCache, archive.sha256, options.arch);
    if (entry === undefined) {
        info('RUNNER_TOOL_CACHE is not set, so this runner keeps no record of the image archives it ' +
            'has loaded: the archive is verified and loaded on every run.');
    }
    else {
        const reused = await reuseEarlierLoad(entry, archive, reference, options);
        if (reused !== undefined)
            return reused;
    }
    // The archive belongs to the runner's user, and another process could replace it between
    // the check and the load. Both therefore use one open descriptor: the hash reads it by
    // position, which leaves its offset at 0, and the load reads the same descriptor as its stdin,
    // so a file renamed over the path is never loaded. A write into the open file itself is not
    // prevented: that would take a private copy of gigabytes, and whoever can write the runner's
    // files can run `docker load` without this action anyway.
    const handle = await openArchive(archive.path);
    let loadedNames;
    try {
        await verifyArchive(handle, archive);
        loadedNames = await loadArchive(handle, archive, options);
    }
    finally {
        await handle.close();
    }
    // `load` sets every tag the archive holds, on images of this runner too: all are named.
    info(`The archive set: ${loadedNames.map(printable).join(', ') || '(no name)'}`);
    const imageId = await imageFromArchive(reference, loadedNames, archive, options);
    const cacheEntry = entry === undefined ? undefined : await recordLoad(entry, archive, reference, imageId, options);
    info(`Loaded ${reference.raw} (${imageId}) from the image archive with ${options.runtime} load` +
        (cacheEntry === undefined
            ? '.'
            : `, and recorded the load in the tool cache at ${cacheEntry}.`));
    return { loaded: true, imageId, cacheEntry };
}
function toolCacheEntry(toolCache, sha256, arch) {
    if (toolCache === undefined || toolCache === '')
        return undefined;
    const folder = external_node_path_default().join(toolCache, TOOL_NAME, toolCacheVersion(sha256), arch);
    return { folder, marker: `${folder}.complete` };
}
/**
 * Returns the outcome without touching the archive when the tool cache says this archive was
 * loaded before and the reference still names the image it loaded. Anything else (no entry, an
 * unreadable one, an image that was removed or retagged since) means verifying and loading: an
 * image that is merely present under the reference proves nothing about where it came from.
 */
async function reuseEarlierLoad(entry, archive, reference, options) {
    const record = await readRecord(entry, archive.sha256);
    if (record === undefined)
        return undefined;
    const current = (await inspectIds([reference.raw], options))[0];
    if (current !== record.imageId) {
        info(`The tool cache (${entry.folder}) records that this image archive loaded ` +
            `${record.imageId}, but ${reference.raw} is ` +
            (current === undefined ? 'not in the image store now' : `now ${current}`) +
            ': verifying and loading the archive again.');
        return undefined;
    }
    info(`The image archive with SHA-256 ${archive.sha256} was loaded on this runner before (tool ` +
        `cache entry ${entry.folder}), and ${reference.raw} is still that image (${current}): ` +
        'the archive is not read or loaded again.');
    return { loaded: false, imageId: current, cacheEntry: entry.folder };
}
async function readRecord(entry, sha256) {
    let text;
    try {
        // find() takes an entry as complete only with its marker; so does this action.
        await (0,promises_namespaceObject.stat)(entry.marker);
        text = await (0,promises_namespaceObject.readFile)(external_node_path_default().join(entry.folder, RECORD_FILE), 'utf8');
    }
    catch {
        return undefined;
    }
    try {
        const record = JSON.parse(text);
        if (record?.archiveSha256 === sha256 &&
            typeof record.imageId === 'string' &&
            record.imageId.startsWith('sha256:')) {
            return record;
        }
    }
    catch {
        // An entry that cannot be parsed counts as missing; the load that follows rewrites it.
    }
    info(`The tool cache entry ${entry.folder} is not understood; it is ignored.`);
    return undefined;
}
async function openArchive(file) {
    let handle;
    try {
        // O_NONBLOCK keeps a FIFO at the path from blocking the open; it changes nothing for a file.
        handle = await (0,promises_namespaceObject.open)(file, external_node_fs_namespaceObject.constants.O_RDONLY | external_node_fs_namespaceObject.constants.O_NONBLOCK);
    }
    catch (error) {
        throw unreadableArchive(file, error);
    }
    const stats = await handle.stat();
    if (!stats.isFile()) {
        await handle.close();
        throw inputError('image-archive', `${file} is ${stats.isDirectory() ? 'a directory' : 'not a regular file'}.`, 'Set it to the path of the image tarball itself, as written by `docker save -o`.');
    }
    return handle;
}
function unreadableArchive(file, error) {
    const code = error.code;
    const problem = code === 'ENOENT' || code === 'ENOTDIR'
        ? `${file} does not exist on this runner.`
        : code === 'EACCES' || code === 'EPERM'
            ? `${file} cannot be read by the runner's user.`
            : `${file} cannot be opened: ${messageOf(error)}.`;
    return inputError('image-archive', problem, 'Copy the approved image tarball onto the runner in an earlier step (for example from ' +
        'removable media or an internal file share), readable by the runner, and set ' +
        'image-archive to its absolute path.');
}
/** One streamed pass over the file; a file of several gigabytes is never held in memory. */
async function verifyArchive(handle, archive) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
    let position = 0;
    for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
        if (bytesRead === 0)
            break;
        hash.update(buffer.subarray(0, bytesRead));
        position += bytesRead;
    }
    const actual = hash.digest('hex');
    if (actual !== archive.sha256) {
        throw new ActionError(`Input 'image-archive-sha256': the image archive ${archive.path} (input 'image-archive') ` +
            `has SHA-256 ${actual}, but image-archive-sha256 is ${archive.sha256}. Nothing was ` +
            'loaded. Check that the file is the approved archive and that copying it onto the ' +
            'runner finished; take the expected digest from the approval record, not from this ' +
            'message.');
    }
    info(`Image archive ${archive.path}: ${(position / (1024 * 1024)).toFixed(1)} MiB, SHA-256 ` +
        `${actual} matches image-archive-sha256.`);
}
/** `<runtime> load` from the verified descriptor; returns the names and ids it reports. */
async function loadArchive(handle, archive, options) {
    let result;
    try {
        result = await runProgram(options.runtime, ['load'], {
            env: options.clientEnv,
            stdin: handle.fd,
        });
    }
    catch (error) {
        throw runtimeMissing(options.runtime, error);
    }
    if (result.exitCode !== 0) {
        throw inputError('image-archive', `${options.runtime} load could not load ${archive.path}, although its SHA-256 matched ` +
            `image-archive-sha256. ${options.runtime} said: ${lastLines(result.stderr, 3)}`, 'If the engine itself failed (disk full, engine stopped), fix that and run the job ' +
            'again. Otherwise the approved file is not an image archive this engine can load: ' +
            'produce it with `docker save -o <file> <name>:<tag>` (or `podman save`) and have that ' +
            'file approved.');
    }
    return loadedImages(result.stdout);
}
// docker prints `Loaded image: <name>` or, for an untagged image, `Loaded image ID: <id>`;
// podman prints `Loaded image: <name>` or, in older versions, `Loaded image(s): <a>,<b>`.
const LOADED_LINE = /^Loaded image(?:\(s\))?(?: ID)?:\s*(.+)$/gm;
function loadedImages(output) {
    const names = [...output.matchAll(LOADED_LINE)].flatMap((match) => (match[1] ?? '').split(','));
    return [...new Set(names.map((name) => name.trim()).filter((name) => name !== ''))];
}
/**
 * The id of the image `reference` names, which must be one the archive just loaded: a tag that
 * was already in the store and that the archive did not contain must not pass for verified.
 */
async function imageFromArchive(reference, loadedNames, archive, options) {
    const loadedIds = new Set(await inspectIds(loadedNames, options));
    const [current] = await inspectIds([reference.raw], options);
    if (current !== undefined && loadedIds.has(current))
        return current;
    const elsewhere = current === undefined
        ? ''
        : ` ${reference.raw} is in the image store as ${current}, but that image did not come ` +
            'from this archive.';
    throw inputError('image', `${reference.raw} is not in the image archive ${archive.path} (input 'image-archive'). ` +
        `The archive loaded: ${loadedNames.join(', ') || '(no image names were reported)'}.` +
        elsewhere, 'Set image to the name and tag the archive was saved with (`docker save -o <file> ' +
        '<name>:<tag>` records them), or save the approved image under the name the workflow uses.');
}
/**
 * The image ids of the given names or ids, in order, `undefined` for one the store does not
 * have. podman prints ids as bare hex; they are returned in docker's `sha256:` form.
 */
async function inspectIds(names, options) {
    const ids = [];
    for (const name of names) {
        let result;
        try {
            result = await runProgram(options.runtime, ['image', 'inspect', '--format', '{{.Id}}', name], { env: options.clientEnv });
        }
        catch (error) {
            throw runtimeMissing(options.runtime, error);
        }
        const id = result.stdout.trim();
        ids.push(result.exitCode !== 0 ? undefined : /^[0-9a-f]{64}$/.test(id) ? `sha256:${id}` : id);
    }
    return ids;
}
function runtimeMissing(runtime, error) {
    return new ActionError(`The ${runtime} command was not found on this runner (PATH has no ${runtime}). Install it ` +
        'on the self-hosted runner, or make it available on PATH for the runner service. ' +
        `(${messageOf(error)})`);
}
/**
 * Writes the entry the way @actions/tool-cache does: the marker goes first and comes back last,
 * so an interrupted write leaves an entry that find() and this action both ignore. A failure is
 * a warning: the image is loaded, only the next run's shortcut is lost.
 */
async function recordLoad(entry, archive, reference, imageId, options) {
    const record = {
        archiveSha256: archive.sha256,
        imageId,
        reference: reference.raw,
        archivePath: archive.path,
        runtime: options.runtime,
        loadedAt: new Date().toISOString(),
    };
    try {
        await (0,promises_namespaceObject.rm)(entry.marker, { force: true });
        await (0,promises_namespaceObject.mkdir)(entry.folder, { recursive: true });
        const file = external_node_path_default().join(entry.folder, RECORD_FILE);
        await (0,promises_namespaceObject.writeFile)(`${file}.partial`, JSON.stringify(record, null, 2) + '\n');
        await (0,promises_namespaceObject.rename)(`${file}.partial`, file);
        await (0,promises_namespaceObject.writeFile)(entry.marker, '');
        return entry.folder;
    }
    catch (error) {
        warning(`The load could not be recorded in the tool cache (${entry.folder}): ${messageOf(error)}. ` +
            'The image is loaded; the next run on this runner verifies and loads the archive again.');
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/preflight/cli-version.ts
// Mirrors the Databricks CLI's check of `bundle.databricks_cli_version` (databricks/cli,
// bundle/config/mutator/verify_cli_version.go) so that the action can report a mismatch in the
// CLI's own words before any container runs.
//
// The CLI checks the constraint in two steps: its own syntax regexp, then Masterminds/semver v3
// `NewConstraint(c).Check(NewVersion(v))`. The second step is ported below from Masterminds'
// constraints.go and version.go (read at the 2026-04 head; the CLI pins v3.5.0, and since v3.4.0
// only error texts and overflow panics in Inc* changed there), restricted to what the CLI's
// regexp lets through:
// - no `||` and no ` - ` ranges can pass the regexp, so there is always one AND group and
//   Masterminds' range rewriting never applies;
// - the only operators that can reach Masterminds are "", `!=`, `>`, `<`, `>=` and `<=`
//   (`=`, `=>`, `=<`, `~`, `~>` and `^` cannot), so only their check functions are ported;
// - constraints never carry build metadata or a leading `v`.
/** An error that Masterminds' NewConstraint would return; its message is Masterminds' text. */
class ConstraintError extends Error {
}
// ---------------------------------------------------------------------------------------------
// Step 1: the CLI's own syntax check.
// Built like the CLI's `^%s ?%s(, %s %s)?$`. The middle alternative keeps the CLI's unescaped
// "." before `\*`, so `1.2x*` or `1.2 *` pass this step (Masterminds then decides). RE2's "."
// matches any code point except "\n", while JS's "." also refuses "\r", U+2028 and U+2029: hence
// `[^\n]` with the `u` flag. `\d` and `\w` are ASCII-only in both engines.
const CLI_OPERATORS = '(>=|<=|>|<|!=)?';
const CLI_VERSION = String.raw `(\d+\.\d+\.\d+(-\w+)?|\d+\.\d+[^\n]\*|\d+\.\*)`;
const CLI_SYNTAX = new RegExp(`^${CLI_OPERATORS} ?${CLI_VERSION}(, ${CLI_OPERATORS} ${CLI_VERSION})?$`, 'u');
const SYNTAX_HELP = 'Please specify the version constraint in the format (>=) 0.0.0(, <= 1.0.0)';
// ---------------------------------------------------------------------------------------------
// Step 2: Masterminds/semver v3. The regexps are Masterminds' own. Go's regexp picks the match
// a backtracking engine would, so JS finds the same matches and groups; only `\s` differs
// (RE2: [\t\n\f\r ], JS: also \v and Unicode spaces), hence WS.
const WS = String.raw `[\t\n\f\r ]`;
const OPS = String.raw `=||!=|>|<|>=|=>|<=|=<|~|~>|\^`;
const CV = String.raw `v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?` +
    String.raw `(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?` +
    String.raw `(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;
const CONSTRAINT = new RegExp(`^${WS}*(${OPS})${WS}*(${CV})${WS}*$`);
const FIND_CONSTRAINT = new RegExp(`(${OPS})${WS}*(${CV})`, 'g');
const VALID_CONSTRAINT = new RegExp(`^(${WS}*(${OPS})${WS}*(${CV})${WS}*)((?:${WS}+|,${WS}*)(${OPS})${WS}*(${CV})${WS}*)*$`);
// NewVersion with CoerceNewVersion (the default): "1.2" is 1.2.0 and leading zeros are allowed.
const LOOSE_VERSION = new RegExp(String.raw `^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?` +
    String.raw `(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?` +
    String.raw `(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$`);
const UINT64_MAX = 2n ** 64n - 1n;
// ---------------------------------------------------------------------------------------------
// Public API.
/** Checks a bundle's databricks_cli_version constraint against a CLI version, as the CLI does. */
function checkCliVersionConstraint(constraint, cliVersion) {
    // The CLI skips the check when the field is unset, which YAML cannot tell from empty.
    if (constraint === '') {
        return {
            outcome: 'satisfied',
            message: 'The bundle sets no Databricks CLI version constraint.',
        };
    }
    if (!CLI_SYNTAX.test(constraint)) {
        const quoted = goQuote(constraint);
        return invalid(`invalid version constraint ${quoted} specified. ${SYNTAX_HELP}`);
    }
    let group;
    try {
        group = parseConstraintGroup(constraint);
    }
    catch (error) {
        if (error instanceof ConstraintError)
            return invalid(error.message);
        throw error;
    }
    const version = parseLooseVersion(cliVersion);
    if (version === undefined)
        return invalid(`parsing CLI version ${goQuote(cliVersion)} failed`);
    return verdict(checkGroup(group, version), version, constraint, cliVersion);
}
/**
 * The version from `databricks --version` output, or undefined when the output is not
 * understood.
 */
function parseCliVersionOutput(stdout) {
    // The CLI prints `Databricks CLI v{{.Version}}\n`; surrounding whitespace carries no meaning.
    const match = VERSION_LINE.exec(stdout.trim());
    return match?.[1];
}
/**
 * Compares two semantic versions (-1, 0, 1), prerelease ordering as in SemVer 2.0.
 * Build metadata is ignored. Throws when either argument is not a SemVer 2.0 version.
 */
function compareVersions(a, b) {
    return compareParsed(parseStrictVersion(a), parseStrictVersion(b), semverNumber);
}
// ---------------------------------------------------------------------------------------------
// Outcomes.
function invalid(message) {
    return { outcome: 'invalid', message };
}
function verdict(passed, version, constraint, cliVersion) {
    if (passed) {
        const message = `Databricks CLI ${cliVersion} satisfies the bundle's constraint ${constraint}.`;
        return { outcome: 'satisfied', message };
    }
    const detail = `Required: ${constraint}, current: ${cliVersion}`;
    // Development builds come from main and may already have what the constraint asks for, so the
    // CLI only warns. The test is for a prerelease of exactly "dev": "rc.2.dev" does not count.
    if (version.pre === 'dev') {
        const message = `Ignoring Databricks CLI version constraint for development build. ${detail}`;
        return { outcome: 'warning', message };
    }
    return {
        outcome: 'unsatisfied',
        message: `Databricks CLI version constraint not satisfied. ${detail}`,
    };
}
// ---------------------------------------------------------------------------------------------
// SemVer 2.0 (strict), for compareVersions and the `--version` line.
const NUMERIC = String.raw `0|[1-9]\d*`;
const PRE_IDENTIFIER = String.raw `(?:${NUMERIC}|\d*[a-zA-Z-][0-9a-zA-Z-]*)`;
const SEMVER_SOURCE = String.raw `(${NUMERIC})\.(${NUMERIC})\.(${NUMERIC})` +
    String.raw `(?:-(${PRE_IDENTIFIER}(?:\.${PRE_IDENTIFIER})*))?` +
    String.raw `(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?`;
const STRICT_VERSION = new RegExp(`^${SEMVER_SOURCE}$`);
const VERSION_LINE = new RegExp(`^Databricks CLI v(${SEMVER_SOURCE})$`);
function parseStrictVersion(text) {
    const match = STRICT_VERSION.exec(text);
    if (match === null)
        throw new Error(`"${text}" is not a semantic version (SemVer 2.0).`);
    const [, major = '', minor = '', patch = '', pre = ''] = match;
    return { major: BigInt(major), minor: BigInt(minor), patch: BigInt(patch), pre };
}
/** SemVer 2.0: an identifier of digits only is numeric, whatever its size. */
function semverNumber(identifier) {
    return /^[0-9]+$/.test(identifier) ? BigInt(identifier) : undefined;
}
// ---------------------------------------------------------------------------------------------
// Masterminds: parsing.
/** NewConstraint for one AND group (the only kind the CLI's syntax admits). */
function parseConstraintGroup(segment) {
    if (!VALID_CONSTRAINT.test(segment)) {
        throw new ConstraintError(`improper constraint: ${goQuote(segment)}`);
    }
    const found = [...segment.matchAll(FIND_CONSTRAINT)].map((match) => match[0]);
    return (found.length === 0 ? [segment] : found).map(parseConstraint);
}
/** parseConstraint: a missing or wildcard segment makes the constraint "dirty" from there on. */
function parseConstraint(text) {
    const match = CONSTRAINT.exec(text);
    if (match === null)
        throw new ConstraintError(`improper constraint: ${goQuote(text)}`);
    const [, operator = '', whole = '', major = '', minor = '', patch = '', dashPre = ''] = match;
    // Masterminds keeps the prerelease but drops build metadata from a wildcard version.
    let source = whole;
    let [dirty, minorDirty, patchDirty] = [true, false, false];
    if (isWildcard(major) || major === '') {
        source = `0.0.0${dashPre}`;
    }
    else if (isWildcard(minor.slice(1)) || minor === '') {
        minorDirty = true;
        source = `${major}.0.0${dashPre}`;
    }
    else if (isWildcard(patch.slice(1)) || patch === '') {
        patchDirty = true;
        source = `${major}${minor}.0${dashPre}`;
    }
    else {
        dirty = false;
    }
    const con = parseLooseVersion(source);
    // Masterminds' CV admits `|` and wildcards inside a segment, as in `1.2x*` (which passes the
    // CLI's regexp): NewVersion then fails and NewConstraint reports this generic error.
    if (con === undefined)
        throw new ConstraintError('constraint parser error');
    if (!CHECKS.has(operator))
        throw new Error(`Unexpected constraint operator "${operator}".`);
    return { operator, con, dirty, minorDirty, patchDirty };
}
function isWildcard(segment) {
    return segment === 'x' || segment === 'X' || segment === '*';
}
/** NewVersion: undefined where Masterminds returns an error. */
function parseLooseVersion(text) {
    const match = LOOSE_VERSION.exec(text);
    if (match === null)
        return undefined;
    const [, majorText = '', minorText = '', patchText = '', , pre = ''] = match;
    const major = uint64(majorText);
    const minor = minorText === '' ? 0n : uint64(minorText.slice(1));
    const patch = patchText === '' ? 0n : uint64(patchText.slice(1));
    if (major === undefined || minor === undefined || patch === undefined)
        return undefined;
    // validatePrerelease: a numeric identifier must not have a leading zero.
    if (pre.split('.').some((identifier) => /^0[0-9]+$/.test(identifier)))
        return undefined;
    return { major, minor, patch, pre };
}
/** Go's strconv.ParseUint(s, 10, 64): digits only, at most 2^64-1. */
function uint64(text) {
    if (!/^[0-9]+$/.test(text))
        return undefined;
    const value = BigInt(text);
    return value <= UINT64_MAX ? value : undefined;
}
const CHECKS = new Map([
    ['', tildeOrEqual],
    ['!=', notEqual],
    ['>', greaterThan],
    ['<', (v, c) => compareMasterminds(v, c.con) < 0],
    ['>=', (v, c) => compareMasterminds(v, c.con) >= 0],
    ['<=', lessThanEqual],
]);
function checkGroup(group, v) {
    // Every Masterminds check first refuses a prerelease version unless some constraint of the
    // AND group carries a prerelease: `>= 0.218.0` refuses 0.300.0-dev, `>= 0.218.0-0` accepts it.
    const includePre = group.some((c) => c.con.pre !== '');
    if (v.pre !== '' && !includePre)
        return false;
    return group.every((c) => (CHECKS.get(c.operator) ?? never)(v, c));
}
function never() {
    throw new Error('Unreachable: parseConstraint admits only operators that have a check.');
}
/** "" and `=`: a wildcard turns equality into the tilde range (`1.2.*` is >=1.2.0 <1.3.0). */
function tildeOrEqual(v, c) {
    return c.dirty ? tilde(v, c) : compareMasterminds(v, c.con) === 0;
}
function tilde(v, c) {
    if (compareMasterminds(v, c.con) < 0)
        return false;
    // `*` (con 0.0.0, no dirty minor or patch) accepts everything.
    const { major, minor, patch } = c.con;
    if (major === 0n && minor === 0n && patch === 0n && !c.minorDirty && !c.patchDirty)
        return true;
    return v.major === major && (c.minorDirty || v.minor === minor);
}
/** `!= 1.*` excludes 1.x.y; `!= 1.2.*` excludes 1.2.y, but see the prerelease quirk below. */
function notEqual(v, c) {
    if (c.dirty && v.major === c.con.major) {
        if (c.minorDirty)
            return false;
        // Masterminds compares the prereleases here, so with prereleases admitted by the group
        // `!= 1.2.*` accepts 1.2.5-beta (its prerelease differs from the constraint's empty one).
        if (c.patchDirty && v.minor === c.con.minor) {
            return comparePrerelease(v.pre, c.con.pre, uint64) !== 0;
        }
    }
    return compareMasterminds(v, c.con) !== 0;
}
/** `> 1.*` needs major 2 or more; `> 1.2.*` needs 1.3.0 or more. */
function greaterThan(v, c) {
    if (c.dirty && v.major === c.con.major) {
        if (c.minorDirty)
            return false;
        if (c.patchDirty)
            return v.minor > c.con.minor;
    }
    else if (c.dirty) {
        return v.major > c.con.major;
    }
    return compareMasterminds(v, c.con) > 0;
}
/** `<= 1.*` admits every 1.x.y; `<= 1.2.*` every 1.2.y. */
function lessThanEqual(v, c) {
    if (!c.dirty)
        return compareMasterminds(v, c.con) <= 0;
    if (v.major !== c.con.major)
        return v.major < c.con.major;
    return c.minorDirty || v.minor <= c.con.minor;
}
// ---------------------------------------------------------------------------------------------
// Ordering.
function compareMasterminds(a, b) {
    return compareParsed(a, b, uint64);
}
/** Version.Compare: segments, then a version without prerelease above one with. */
function compareParsed(a, b, asNumber) {
    const core = compareBig(a.major, b.major) || compareBig(a.minor, b.minor) || compareBig(a.patch, b.patch);
    if (core !== 0 || a.pre === b.pre)
        return core;
    if (a.pre === '')
        return 1;
    if (b.pre === '')
        return -1;
    return comparePrerelease(a.pre, b.pre, asNumber);
}
function comparePrerelease(a, b, asNumber) {
    const aParts = a.split('.');
    const bParts = b.split('.');
    for (let i = 0; i < Math.max(aParts.length, bParts.length); i++) {
        const difference = compareIdentifier(aParts[i] ?? '', bParts[i] ?? '', asNumber);
        if (difference !== 0)
            return difference;
    }
    return 0;
}
/**
 * One prerelease identifier. A missing identifier sorts first (alpha < alpha.1), numbers sort
 * before words, words compare in ASCII order. Masterminds reads a number with ParseUint, so an
 * identifier above 2^64-1 counts as a word there; SemVer 2.0 compares it as a number.
 */
function compareIdentifier(a, b, asNumber) {
    if (a === b)
        return 0;
    if (a === '')
        return -1;
    if (b === '')
        return 1;
    const aNumber = asNumber(a);
    const bNumber = asNumber(b);
    if (aNumber !== undefined && bNumber !== undefined)
        return compareBig(aNumber, bNumber);
    if (aNumber !== undefined)
        return -1;
    if (bNumber !== undefined)
        return 1;
    return a < b ? -1 : 1;
}
function compareBig(a, b) {
    return a === b ? 0 : a < b ? -1 : 1;
}
// ---------------------------------------------------------------------------------------------
// Go's %q, so that messages match the CLI's byte for byte.
const GO_ESCAPES = new Map([
    ['\x07', '\\a'],
    ['\b', '\\b'],
    ['\f', '\\f'],
    ['\n', '\\n'],
    ['\r', '\\r'],
    ['\t', '\\t'],
    ['\v', '\\v'],
    ['"', '\\"'],
    ['\\', '\\\\'],
]);
// unicode.IsPrint: categories L, M, N, P, S and the ASCII space. Node's Unicode tables may be
// a version apart from Go's, which only matters for code points assigned in between.
const GO_PRINTABLE = /^[ \p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
function goQuote(text) {
    let quoted = '';
    for (const character of text)
        quoted += goQuoteCharacter(character);
    return `"${quoted}"`;
}
function goQuoteCharacter(character) {
    const escape = GO_ESCAPES.get(character);
    if (escape !== undefined)
        return escape;
    if (GO_PRINTABLE.test(character))
        return character;
    // A lone surrogate lands here as \udxxx; Go never sees one (its strings are UTF-8).
    const codePoint = character.codePointAt(0) ?? 0;
    if (codePoint < 0x80)
        return `\\x${hex(codePoint, 2)}`;
    if (codePoint < 0x10000)
        return `\\u${hex(codePoint, 4)}`;
    return `\\U${hex(codePoint, 8)}`;
}
function hex(value, width) {
    return value.toString(16).padStart(width, '0');
}

;// CONCATENATED MODULE: ./src/image-version.ts







/**
 * Asks the image which CLI it holds, with `databricks --version`. The container gets no
 * network, no mounts, no credentials and no environment beyond the image's own, so it proves
 * nothing needs the network before anything that does runs.
 */
async function readImageCliVersion(imageId, runtime, owner, entrypoint, guard) {
    const container = `databricks-bundle-version-${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}`;
    const args = [...unprivilegedRun(container, owner), '--network', 'none'];
    if (entrypoint !== undefined)
        args.push('--entrypoint', entrypoint);
    args.push(imageId, '--version');
    debug(`${runtime.program} ${args.join(' ')}`);
    guard.phaseStarted('version check', container);
    try {
        const result = await runProgram(runtime.program, args, { env: runtime.env });
        const version = result.exitCode === 0 ? parseCliVersionOutput(result.stdout) : undefined;
        if (version === undefined) {
            info(`The image's --version run exited with ${result.exitCode}: ` +
                printable((result.stdout + result.stderr).trim().slice(0, 300) || '(no output)'));
        }
        return version;
    }
    catch (error) {
        info(`The image's --version run could not start: ${messageOf(error)}`);
        return undefined;
    }
    finally {
        guard.phaseEnded();
    }
}

;// CONCATENATED MODULE: ./src/credentials.ts

/** The ways this action can authenticate the CLI against the workspace. */
const AUTH_TYPES = [
    'pat',
    'oauth-m2m',
    'github-oidc',
    'azure-client-secret',
    'env-oidc',
];
/** The credential inputs each auth type reads; any other one set with it is a mistake. */
const USED_INPUTS = {
    pat: ['token'],
    'oauth-m2m': ['client-id', 'client-secret'],
    'github-oidc': ['client-id'],
    'azure-client-secret': ['client-id', 'client-secret', 'azure-tenant-id'],
    'env-oidc': ['client-id', 'oidc-token'],
};
/**
 * Decides which credentials go to the CLI. When `auth-type` is empty it is inferred for the two
 * kinds that cannot be mistaken (a token, or a client id with a secret); the others must be
 * named. Credentials of another kind set alongside are refused rather than ignored: the CLI's
 * own order would silently pick one, and the other secret would reach the container for nothing.
 */
function resolveCredentials(given) {
    const set = setInputs(given);
    const authType = given.authType === '' ? inferAuthType(set) : parseAuthType(given.authType);
    const unused = set.filter((input) => !USED_INPUTS[authType].includes(input));
    if (unused.length > 0) {
        throw inputError(unused[0], `is set, but auth-type ${authType} does not use it` +
            (unused.length > 1 ? ` (nor ${unused.slice(1).join(', ')}).` : '.'), `Remove it, or choose the auth-type it belongs to. ${authType} reads ` +
            `${USED_INPUTS[authType].join(', ')}.`);
    }
    switch (authType) {
        case 'pat':
            return { authType, token: required(given.token, 'token', authType, TOKEN_FIX) };
        case 'oauth-m2m':
            return {
                authType,
                clientId: required(given.clientId, 'client-id', authType, CLIENT_FIX),
                clientSecret: required(given.clientSecret, 'client-secret', authType, CLIENT_FIX),
            };
        case 'github-oidc':
            return githubOidcCredentials(given);
        case 'azure-client-secret':
            return {
                authType,
                clientId: required(given.clientId, 'client-id', authType, AZURE_FIX),
                clientSecret: required(given.clientSecret, 'client-secret', authType, AZURE_FIX),
                tenantId: required(given.azureTenantId, 'azure-tenant-id', authType, AZURE_FIX),
            };
        case 'env-oidc':
            return {
                authType,
                clientId: required(given.clientId, 'client-id', authType, OIDC_FIX),
                idToken: required(given.oidcToken, 'oidc-token', authType, OIDC_FIX),
            };
    }
}
const TOKEN_FIX = 'Pass the personal access token from a secret, e.g. token: ${{ secrets.DATABRICKS_TOKEN }}.';
const CLIENT_FIX = "Pass both from your secrets: the service principal's application id and an OAuth secret " +
    'generated for it.';
const AZURE_FIX = "Pass the Microsoft Entra ID application's client id, a client secret of it, and its " +
    'tenant id, from your secrets.';
const OIDC_FIX = "Pass the service principal's application id as client-id, and the ID token (a JWT your " +
    'identity provider issued for its federation policy) as oidc-token, from a secret or an ' +
    'earlier step.';
function setInputs(given) {
    const values = {
        token: given.token,
        'client-id': given.clientId,
        'client-secret': given.clientSecret,
        'azure-tenant-id': given.azureTenantId,
        'oidc-token': given.oidcToken,
    };
    return Object.keys(values).filter((input) => values[input] !== '');
}
function parseAuthType(value) {
    const authType = AUTH_TYPES.find((known) => known === value);
    if (authType === undefined) {
        throw inputError('auth-type', `"${value}" is not supported.`, `Use one of: ${AUTH_TYPES.join(', ')}, or leave it empty to infer pat or oauth-m2m from ` +
            'the credentials that are set.');
    }
    return authType;
}
function inferAuthType(set) {
    if (set.includes('token'))
        return 'pat';
    if (set.includes('client-secret') && !set.includes('azure-tenant-id'))
        return 'oauth-m2m';
    if (set.length === 0) {
        throw inputError('auth-type', 'is empty and no credentials are set.', 'Set client-id and client-secret for a service principal, auth-type: github-oidc with ' +
            'client-id for workload identity federation (no stored secret), or token for a ' +
            'personal access token.');
    }
    throw inputError('auth-type', `is empty, and ${set.join(', ')} alone do not say which kind of authentication to use.`, 'Name it: github-oidc (client-id), azure-client-secret (client-id, client-secret, ' +
        'azure-tenant-id) or env-oidc (client-id, oidc-token).');
}
function required(value, input, authType, fix) {
    if (value === '')
        throw inputError(input, `is empty, but auth-type ${authType} needs it.`, fix);
    return value;
}
/**
 * The runner hands a job the means to request an ID token only when the workflow grants
 * `id-token: write`; without them the CLI would fail deep inside, so the action says so first.
 */
function githubOidcCredentials(given) {
    const clientId = required(given.clientId, 'client-id', 'github-oidc', 'Pass the application id of the service principal whose federation policy trusts this ' +
        "repository's workflow tokens.");
    if (given.idTokenRequestUrl === '' || given.idTokenRequestToken === '') {
        throw inputError('auth-type', 'is github-oidc, but the runner gave this job no ID-token request ' +
            '(ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set).', 'Grant the job `permissions: id-token: write` (in the calling workflow too, for a ' +
            'reusable one); GitHub gives ID tokens only to jobs that ask for them.');
    }
    return {
        authType: 'github-oidc',
        clientId,
        requestUrl: given.idTokenRequestUrl,
        requestToken: given.idTokenRequestToken,
    };
}

;// CONCATENATED MODULE: ./src/image-reference.ts

// The grammar follows the distribution reference format that Docker and Podman share:
// [host[:port]/]path-component[/path-component...][:tag][@algorithm:hex].
const DOMAIN_LABEL = String.raw `[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?`;
const HOST = String.raw `(?:${DOMAIN_LABEL}(?:\.${DOMAIN_LABEL})*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?`;
const PATH_COMPONENT = String.raw `[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*`;
const TAG = String.raw `[\w][\w.-]{0,127}`;
const DIGEST = String.raw `sha256:[a-f0-9]{64}`;
const REFERENCE = new RegExp(String.raw `^(?<repository>(?:${HOST}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)` +
    String.raw `(?::(?<tag>${TAG}))?(?:@(?<digest>${DIGEST}))?$`);
// Docker refuses names over 255 characters; a tag and a digest add at most 201 more.
const MAX_REFERENCE_LENGTH = 512;
// Tags that by convention move to a new image: `latest` and its per-architecture variants, and
// the channel names that registries commonly use. Any other tag is taken as a version.
const FLOATING_TAG = /^(?:latest|stable|edge|nightly|main|master|dev|snapshot|current)(?:$|-)/i;
const HOW_TO_PIN = 'Pin the image to the version your security team approved, either by tag ' +
    '(for example registry.internal.example/databricks/cli:0.298.0; upstream tags carry no "v") ' +
    'or, better, by digest (registry.internal.example/databricks/cli@sha256:<64 hex digits>, ' +
    'as printed by `docker image inspect --format "{{.RepoDigests}}"`).';
/**
 * Parses the `image` input and refuses references that float. An untagged reference means
 * `latest`, and `latest` (or `latest-amd64`) moves whenever someone pushes: the image that runs
 * tomorrow would not be the one that was reviewed today.
 */
function parseImageReference(value) {
    const raw = value.trim();
    if (raw === '') {
        throw inputError('image', 'is required.', HOW_TO_PIN);
    }
    const match = raw.length <= MAX_REFERENCE_LENGTH ? REFERENCE.exec(raw) : null;
    const groups = match?.groups;
    if (groups === undefined || groups['repository'] === undefined) {
        throw inputError('image', `"${raw}" is not a valid image reference.`, 'Use the form host/path:tag or host/path@sha256:<digest>, in lower case. ' + HOW_TO_PIN);
    }
    const tag = groups['tag'];
    const digest = groups['digest'];
    if (groups['repository'] === 'sha256') {
        throw inputError('image', `"${raw}" looks like an image id, which Docker would match by prefix against any local ` +
            'image.', HOW_TO_PIN);
    }
    if (digest === undefined && tag === undefined) {
        throw inputError('image', `"${raw}" has neither a tag nor a digest, so it means the floating tag "latest".`, HOW_TO_PIN);
    }
    if (digest === undefined && tag !== undefined && FLOATING_TAG.test(tag)) {
        throw inputError('image', `"${raw}" uses the floating tag "${tag}", which points to a different image whenever ` +
            'a new one is pushed, so the image that runs is not the one that was approved.', HOW_TO_PIN);
    }
    return { raw, repository: groups['repository'], tag, digest };
}

;// CONCATENATED MODULE: ./src/preflight/findings.ts

const POLICIES = ['strict', 'warn', 'off'];
function applyPolicy(findings, policy) {
    const reported = [];
    for (const finding of findings) {
        if (finding.kind === 'stop') {
            reported.push({ ...finding, level: 'error' });
        }
        else if (finding.kind === 'advice') {
            reported.push({ ...finding, level: 'warning' });
        }
        else if (policy !== 'off') {
            reported.push({ ...finding, level: policy === 'strict' ? 'error' : 'warning' });
        }
    }
    return reported;
}
const MAX_MESSAGE = 1_000;
/** Collects findings with the file path made relative to the repository root. */
class FindingList {
    bundlePrefix;
    items = [];
    /** @param bundlePrefix the bundle folder relative to the repository root ('.' for the root) */
    constructor(bundlePrefix) {
        this.bundlePrefix = bundlePrefix;
    }
    /** Adds a finding located in a bundle file (a path relative to the bundle root). */
    add(rule, kind, message, where) {
        const located = where === undefined ? undefined : { ...where, file: this.repositoryPath(where.file) };
        this.addAt(rule, kind, message, located);
    }
    /** Adds a finding located in a file given relative to the repository root. */
    addAt(rule, kind, message, where) {
        // A message quotes values from the bundle, which may be huge; the step summary and the
        // outputs have size limits.
        const text = message.length > MAX_MESSAGE
            ? `${message.slice(0, MAX_MESSAGE - 15)}... (shortened)`
            : message;
        const finding = { rule, kind, message: text };
        if (where === undefined) {
            this.items.push(finding);
        }
        else if (where.line === undefined) {
            this.items.push({ ...finding, file: where.file });
        }
        else {
            this.items.push({ ...finding, file: where.file, line: where.line });
        }
    }
    /** A bundle-relative path as the repository-relative path annotations need. */
    repositoryPath(bundleRelative) {
        // A bundle file may be named from outside the bundle folder (include: ../common/*.yml).
        if (this.bundlePrefix === '.' || this.bundlePrefix === '') {
            return external_node_path_default().posix.normalize(bundleRelative);
        }
        return external_node_path_default().posix.normalize(`${this.bundlePrefix}/${bundleRelative}`);
    }
}

;// CONCATENATED MODULE: ./src/preflight/internal-hosts.ts
/**
 * Which hosts count as inside the enclave: the `internal-hosts` input, a list of host names
 * (`pypi.bank.internal`, which also covers its subdomains) or suffixes (`.bank.internal`, which
 * covers only subdomains). Nothing is internal when the list is empty.
 */
class InternalHosts {
    entries;
    constructor(entries) {
        this.entries = entries;
    }
    static parse(text) {
        const entries = text
            .split(/[\s,]+/)
            .map((entry) => entry.trim().toLowerCase().replace(/\.$/, ''))
            .filter((entry) => entry !== '');
        return new InternalHosts(entries);
    }
    get list() {
        return this.entries;
    }
    /** True when `host` (a bare host name, no port) is on the list. */
    includesHost(host) {
        const name = host.toLowerCase().replace(/\.$/, '');
        return this.entries.some((entry) => entry.startsWith('.') ? name.endsWith(entry) : name === entry || name.endsWith(`.${entry}`));
    }
    /** True when `url` parses and its host is on the list. */
    includesUrl(url) {
        const host = hostOfUrl(url);
        return host !== undefined && this.includesHost(host);
    }
}
/** The host of an absolute URL (or scp-like Git address), or undefined when it has none. */
function hostOfUrl(url) {
    // Git's scp-like form, git@host:org/repo.git, is not a URL but names a host all the same.
    const scpLike = /^(?:[\w.-]+@)?([\w.-]+\.[\w-]+):(?!\/\/)(?!\d+(?:\/|$))/.exec(url.trim());
    if (scpLike !== null)
        return scpLike[1];
    try {
        const parsed = new URL(url.trim());
        return parsed.hostname === '' ? undefined : parsed.hostname.replace(/^\[|\]$/g, '');
    }
    catch {
        return undefined;
    }
}
/**
 * The registry host of a container image reference, as Docker reads it: the first path part
 * when it has a dot, a colon or is `localhost`; otherwise Docker Hub.
 */
function registryOfImage(reference) {
    const first = reference.trim().split('/')[0] ?? '';
    const hasRegistry = reference.includes('/') &&
        (first.includes('.') || first.includes(':') || first === 'localhost');
    return hasRegistry ? first.replace(/:\d+$/, '') : 'docker.io';
}

;// CONCATENATED MODULE: ./src/inputs.ts






const COMMANDS = ['deploy', 'validate', 'plan', 'destroy', 'preflight'];
/** The inputs whose values are secrets: they are masked before anything else happens. */
const SECRET_INPUTS = ['token', 'client-secret', 'oidc-token'];
/**
 * Parses and checks every input. It has no side effects, so a bad input stops the action before
 * any engine is asked anything or any container starts.
 */
function parseInputs(read, runnerEnv = {}) {
    const text = (name) => read(name).trim();
    const inputs = {
        image: parseImageReference(text('image')),
        target: parseTarget(text('target')),
        workingDirectory: text('working-directory') || '.',
        command: parseCommand(text('command')),
        workspaceHost: parseWorkspaceHost(text('host')),
        credentials: resolveCredentials({
            authType: text('auth-type'),
            token: text('token'),
            clientId: text('client-id'),
            clientSecret: text('client-secret'),
            azureTenantId: text('azure-tenant-id'),
            oidcToken: text('oidc-token'),
            idTokenRequestUrl: runnerEnv['ACTIONS_ID_TOKEN_REQUEST_URL'] ?? '',
            idTokenRequestToken: runnerEnv['ACTIONS_ID_TOKEN_REQUEST_TOKEN'] ?? '',
        }),
        bundleVariables: parseBundleVariables(read('vars')),
        deployFlags: {
            forceLock: parseBoolean('force-lock', text('force-lock')),
            autoApprove: parseBoolean('auto-approve', text('auto-approve')),
            failOnActiveRuns: parseBoolean('fail-on-active-runs', text('fail-on-active-runs')),
        },
        dockerNetwork: parseDockerNetwork(text('docker-network')),
        policy: parsePolicy(text('policy')),
        internalHosts: parseInternalHosts(read('internal-hosts')),
        checksums: parseChecksums(text('checksums')),
        engine: parseEngine(text('engine')),
        failOnWarnings: parseBoolean('fail-on-warnings', text('fail-on-warnings')),
        runtime: parseRuntime(text('container-runtime')),
        entrypoint: parseEntrypoint(text('entrypoint')),
        caBundle: parseCaBundle(text('ca-bundle')),
        proxyInputs: {
            httpProxy: parseProxyUrl('http-proxy', text('http-proxy')),
            httpsProxy: parseProxyUrl('https-proxy', text('https-proxy')),
            noProxy: parseNoProxy(text('no-proxy')),
        },
        imageArchive: parseImageArchive(text('image-archive'), text('image-archive-sha256')),
        timeoutMs: parseTimeoutMinutes(text('timeout-minutes')),
        cleanLocalState: parseBoolean('clean-local-state', text('clean-local-state')),
    };
    assertDestroyApproved(inputs);
    return inputs;
}
/**
 * A CI job has no terminal to confirm a destroy on, and the CLI refuses one without
 * `--auto-approve`; the action asks for that approval to be written into the workflow.
 */
function assertDestroyApproved(inputs) {
    if (inputs.command === 'destroy' && !inputs.deployFlags.autoApprove) {
        throw inputError('auto-approve', 'must be true for command "destroy".', 'Destroy deletes every resource the bundle deployed to the target, and there is no ' +
            'terminal to confirm it on. Set auto-approve: true in the step that destroys, after ' +
            'reviewing what it removes (command: plan shows what a deploy would change).');
    }
}
// Target names are YAML keys, so the CLI would accept more; this keeps to names that cannot be
// mistaken for a flag or change meaning on a command line.
const TARGET_NAME = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;
function parseTarget(value) {
    if (value === '') {
        throw inputError('target', 'is required.', 'Name the bundle target to deploy, as defined under `targets:` in databricks.yml.');
    }
    if (!TARGET_NAME.test(value)) {
        throw inputError('target', `"${value}" is not a usable target name.`, 'Use letters, digits, "_", "." and "-", starting with a letter or digit.');
    }
    return value;
}
function parseCommand(value) {
    if (value === '')
        return 'deploy';
    const command = COMMANDS.find((known) => known === value);
    if (command === undefined) {
        throw inputError('command', `"${value}" is not supported.`, 'Use "deploy" (pre-flight, validate, deploy, then list what was deployed), "validate" ' +
            '(pre-flight and validate), "plan" (pre-flight, validate, and what a deploy would ' +
            'change, e.g. on pull requests), "destroy" (with auto-approve: true) or "preflight" ' +
            '(the static checks only).');
    }
    return command;
}
/**
 * The workspace URL. Only `https://host[:port]` is accepted: the CLI would also take a bare host
 * name, but a path, a query or credentials in the URL are always a mistake here. Errors never
 * repeat the value: a token pasted into the wrong input must not reach the log.
 */
function parseWorkspaceHost(value) {
    if (value === '')
        return undefined;
    const fix = 'Use the workspace URL, e.g. https://adb-1234567890123456.7.azuredatabricks.net.';
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw inputError('host', 'is not a valid URL.', fix);
    }
    if (url.username !== '' || url.password !== '') {
        throw inputError('host', 'contains credentials.', `Pass credentials as secrets. ${fix}`);
    }
    if (url.protocol !== 'https:') {
        throw inputError('host', 'does not use https.', fix);
    }
    if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
        throw inputError('host', 'has a path, query or fragment.', fix);
    }
    return url.origin;
}
/** YAML 1.2 core-schema booleans, as the runner's own boolean inputs accept them. */
const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];
function parseBoolean(input, value) {
    if (value === '')
        return false;
    if (TRUE_VALUES.includes(value))
        return true;
    if (FALSE_VALUES.includes(value))
        return false;
    throw inputError(input, `"${value}" is not a boolean.`, 'Use true or false.');
}
// The CLI resolves ${var.<name>} references with \p{L}+([-_]*[\p{L}\p{N}]+)* (libs/dyn/dynvar),
// so a name outside it could never be used in the bundle. This is the same set of names, written
// without nested repetition so that a long bad name cannot make the match take exponential time.
const VARIABLE_NAME = /^\p{L}(?:[\p{L}\p{N}_-]*[\p{L}\p{N}])?$/u;
/**
 * Parses `name=value` lines. Values are kept byte for byte after the first `=` (commas, quotes,
 * further `=`, spaces, unicode): they travel as BUNDLE_VAR_<name> environment variables, which
 * the CLI does not split, unlike `--var`. Blank lines and lines starting with `#` are skipped.
 */
function parseBundleVariables(text) {
    const variables = [];
    const seen = new Set();
    const lines = text.split('\n');
    lines.forEach((rawLine, index) => {
        const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
        if (line.trim() === '' || line.trimStart().startsWith('#'))
            return;
        const lineNumber = index + 1;
        const equals = line.indexOf('=');
        if (equals < 0) {
            throw inputError('vars', `line ${lineNumber} has no "=".`, 'Write one variable per line as name=value.');
        }
        const name = line.slice(0, equals).trim();
        if (!VARIABLE_NAME.test(name)) {
            throw inputError('vars', `line ${lineNumber}: "${name}" is not a valid bundle variable name.`, 'Names start with a letter and contain letters, digits, "_" and "-", as declared under ' +
                '`variables:` in the bundle.');
        }
        if (seen.has(name)) {
            throw inputError('vars', `line ${lineNumber}: variable "${name}" is set twice.`, 'Keep one line per variable.');
        }
        seen.add(name);
        variables.push({ name, value: line.slice(equals + 1) });
    });
    return variables;
}
const NETWORK_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
function parseDockerNetwork(value) {
    if (value === '')
        return undefined;
    if (!NETWORK_NAME.test(value)) {
        throw inputError('docker-network', `"${value}" is not a valid network name.`, 'Use the name of an existing Docker network (e.g. host, or one from `docker network ls`), ' +
            "or leave it empty for the engine's default.");
    }
    return value;
}
function parsePolicy(value) {
    if (value === '')
        return 'strict';
    const policy = POLICIES.find((known) => known === value);
    if (policy === undefined) {
        throw inputError('policy', `"${value}" is not a policy.`, 'Use "strict" (findings fail the step), "warn" (findings are warnings) or "off".');
    }
    return policy;
}
// Host names and suffixes only: a scheme, path, port or wildcard here would never match.
const HOST_ENTRY = /^\.?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;
function parseInternalHosts(text) {
    const hosts = InternalHosts.parse(text);
    const bad = hosts.list.find((entry) => !HOST_ENTRY.test(entry));
    if (bad !== undefined) {
        throw inputError('internal-hosts', `"${bad}" is not a host name or suffix.`, 'List host names (pypi.bank.internal) or suffixes (.bank.internal), separated by commas ' +
            'or new lines, without scheme, port or path.');
    }
    return hosts;
}
function parseChecksums(value) {
    if (value === '')
        return undefined;
    const normalized = value.replaceAll('\\', '/');
    if (normalized.startsWith('/') || normalized.split('/').includes('..')) {
        throw inputError('checksums', `"${value}" is not a path inside the repository.`, 'Give the sha256sum manifest relative to the repository root, e.g. dist/SHA256SUMS.');
    }
    return normalized.replace(/^\.\//, '');
}
function parseEngine(value) {
    if (value === '')
        return undefined;
    if (value === 'terraform' || value === 'direct')
        return value;
    throw inputError('engine', `"${value}" is not a deployment engine.`, 'Use "direct" or "terraform", or leave it empty to let the bundle and the CLI decide.');
}
function parseRuntime(value) {
    if (value === '')
        return 'docker';
    const runtime = RUNTIMES.find((known) => known === value);
    if (runtime === undefined) {
        throw inputError('container-runtime', `"${value}" is not a supported container runtime.`, 'Use "docker" (the default) or "podman".');
    }
    return runtime;
}
// One executable, by absolute path or name: an entrypoint with arguments or shell syntax would
// change what runs in ways a reviewer cannot see in the workflow.
const ENTRYPOINT = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$|^\/[A-Za-z0-9_./-]+$/;
function parseEntrypoint(value) {
    if (value === '')
        return undefined;
    if (!ENTRYPOINT.test(value) || value.split('/').includes('..')) {
        throw inputError('entrypoint', `"${value}" is not a single executable.`, 'Give the path of the Databricks CLI binary inside the image (e.g. /usr/local/bin/' +
            "databricks), without arguments; leave it empty to use the image's own entrypoint.");
    }
    return value;
}
function parseCaBundle(value) {
    if (value === '')
        return undefined;
    if (value.includes('\0')) {
        throw inputError('ca-bundle', 'is not a usable path.', 'Give the path of a PEM file.');
    }
    return value;
}
/** A proxy URL: http or https, a host, and optionally credentials and a port. */
function parseProxyUrl(input, value) {
    if (value === '')
        return undefined;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw inputError(input, 'is not a URL.', 'Use http://proxy.example.internal:3128.');
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
        throw inputError(input, 'is not an http:// or https:// proxy URL.', 'Use http://proxy.example.internal:3128 (the scheme the proxy itself speaks).');
    }
    if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
        throw inputError(input, 'has a path, query or fragment.', 'Give scheme, host and port only.');
    }
    if (/[\s]/.test(value) || !percentEncodingIsValid(`${url.username}:${url.password}`)) {
        throw inputError(input, 'has white space or a malformed %-escape in it.', 'Percent-encode special characters of the user name and password (% as %25, @ as %40).');
    }
    return value;
}
function percentEncodingIsValid(text) {
    try {
        decodeURIComponent(text);
        return true;
    }
    catch {
        return false;
    }
}
function parseNoProxy(value) {
    if (value === '')
        return undefined;
    if (/[\s;]/.test(value.replaceAll(', ', ','))) {
        throw inputError('no-proxy', 'has spaces or semicolons.', 'List hosts, domains (.bank.internal), IPs or CIDR ranges separated by commas.');
    }
    return value;
}
const SHA256_HEX = /^[0-9a-f]{64}$/;
function parseImageArchive(path, sha256) {
    if (path === '' && sha256 === '')
        return undefined;
    if (path === '') {
        throw inputError('image-archive-sha256', 'is set without image-archive.', 'Set image-archive to the path of the `docker save` tarball, or remove the checksum.');
    }
    const digest = sha256.toLowerCase().replace(/^sha256:/, '');
    if (!SHA256_HEX.test(digest)) {
        throw inputError('image-archive-sha256', sha256 === '' ? 'is required with image-archive.' : 'is not a SHA-256 digest.', 'Give the 64 hex digits that `sha256sum <archive>` printed where the archive was ' +
            'approved; an archive is loaded only when its checksum matches.');
    }
    return { path, sha256: digest };
}
// Six hours, GitHub's own limit for a job on a hosted runner, bounds a typo like 6000.
const MAX_TIMEOUT_MINUTES = 360;
// Three seconds: anything shorter cannot be meant, and no phase finishes in it.
const MIN_TIMEOUT_MINUTES = 0.05;
function parseTimeoutMinutes(value) {
    const minutes = Number(value);
    if (value === '' || (/^\d+(\.\d+)?$/.test(value) && minutes === 0))
        return undefined;
    const valid = /^\d+(\.\d+)?$/.test(value) && minutes >= MIN_TIMEOUT_MINUTES;
    if (!valid || minutes > MAX_TIMEOUT_MINUTES) {
        throw inputError('timeout-minutes', `"${value}" is not a number of minutes from ${MIN_TIMEOUT_MINUTES} to ` +
            `${MAX_TIMEOUT_MINUTES}.`, 'Give the longest a single phase (validate, deploy, …) may run, e.g. 30; 0 or empty ' +
            'for no limit.');
    }
    return Math.round(minutes * 60_000);
}

;// CONCATENATED MODULE: ./src/local-state.ts




/**
 * Removes the CLI's local cache for one target, `.databricks/bundle/<target>` in the bundle
 * folder: on a persistent runner a stale cache (sync snapshots, a deployment state from another
 * run) can break a deploy. Nothing is followed through a symbolic link, so only that folder
 * inside the checkout can be removed.
 */
function cleanLocalState(bundlePath, target) {
    const parts = ['.databricks', 'bundle', target];
    let current = bundlePath;
    for (const part of parts) {
        current = external_node_path_default().join(current, part);
        let isLink;
        try {
            isLink = (0,external_node_fs_namespaceObject.lstatSync)(current).isSymbolicLink();
        }
        catch {
            info(`clean-local-state: ${relative(bundlePath, current)} does not exist`);
            return;
        }
        if (isLink) {
            throw new ActionError(`Input 'clean-local-state': ${relative(bundlePath, current)} is a symbolic link; the ` +
                'action removes only a real folder inside the bundle. Remove the link from the ' +
                'checkout, or set clean-local-state: false.');
        }
    }
    try {
        (0,external_node_fs_namespaceObject.rmSync)(current, { recursive: true, force: true });
    }
    catch (error) {
        throw new ActionError(`Input 'clean-local-state': ${relative(bundlePath, current)} could not be removed ` +
            `(${messageOf(error)}). Check the permissions of the checkout on the runner.`);
    }
    info(`clean-local-state: removed ${relative(bundlePath, current)}`);
}
function relative(bundlePath, file) {
    return external_node_path_default().relative(bundlePath, file).split((external_node_path_default()).sep).join('/');
}

;// CONCATENATED MODULE: ./src/plan-result.ts
/**
 * Reads `bundle plan`: JSON where the CLI has `-o json`, else its text. Both become the same
 * list of changes and the same counts the CLI prints in its `Plan:` line.
 */


class PlanError extends Error {
}
/**
 * The JSON plan: `{"plan": {"resources.jobs.x": {"action": "create", …}, …}, …}`. Counting
 * follows the CLI's own: a recreate is one delete and one create, skip is unchanged
 * (databricks/cli bundle/deployplan/plan.go, CountActions).
 */
function parsePlanJson(stdout) {
    const document = parseCliJsonObject(stdout, (reason) => new PlanError(reason));
    // The CLI leaves out an empty `plan` (omitzero) but always writes its version; a document
    // with neither is not a plan, and must not pass for one that changes nothing.
    if (document['plan'] === undefined && typeof document['cli_version'] !== 'string') {
        throw new PlanError('it has neither `plan` nor `cli_version`');
    }
    const entries = document['plan'] ?? {};
    if (!isMapping(entries))
        throw new PlanError('`plan` is not an object');
    const counts = { create: 0, change: 0, delete: 0, unchanged: 0 };
    const changes = [];
    for (const key of Object.keys(entries).sort()) {
        const entry = entries[key];
        const given = isMapping(entry) && typeof entry['action'] === 'string' ? entry['action'] : '';
        const action = given === '' ? 'unknown' : given;
        countAction(counts, action);
        if (action !== 'skip') {
            changes.push({ resource: key.replace(/^resources\./, ''), action });
        }
    }
    return { changes, counts };
}
function countAction(counts, action) {
    switch (action) {
        case 'create':
            counts.create++;
            break;
        case 'update':
        case 'update_id':
        case 'resize':
            counts.change++;
            break;
        case 'delete':
            counts.delete++;
            break;
        case 'recreate':
            counts.delete++;
            counts.create++;
            break;
        case 'skip':
            counts.unchanged++;
            break;
        default:
            // An action this reader does not know (a newer CLI's, or none at all) may well delete:
            // it is counted as a deletion, so the plan warns rather than looking harmless.
            counts.delete++;
    }
}
// `Plan: 1 to add, 2 to change, 0 to delete, 5 unchanged`; the CLI keeps this line stable
// because `bundle deployment migrate` reads it (cmd/bundle/plan.go).
const PLAN_LINE = /^Plan: (\d+) to add, (\d+) to change, (\d+) to delete, (\d+) unchanged/;
// `create jobs.x`: the short action (text before any `_`) and the key without `resources.`.
const ACTION_LINE = /^(create|update|resize|recreate|delete) (\S+)$/;
/** The text plan: action lines, a blank line, then the `Plan:` line. */
function parsePlanText(stdout) {
    const changes = [];
    let counts;
    for (const line of stdout.split(/\r?\n/)) {
        const action = ACTION_LINE.exec(line);
        if (action !== null)
            changes.push({ resource: action[2], action: action[1] });
        const plan = PLAN_LINE.exec(line);
        if (plan !== null) {
            const [add, change, remove, unchanged] = plan.slice(1).map(Number);
            counts = { create: add, change, delete: remove, unchanged };
        }
    }
    if (counts === undefined)
        throw new PlanError('its output has no "Plan:" line');
    return { changes, counts };
}

;// CONCATENATED MODULE: ./src/phase-outcomes.ts





function readPhaseOutcomes(phases, workspaceHost) {
    let resources;
    let plan;
    for (const phase of phases) {
        if (phase.name === 'summary')
            resources = readResources(phase, workspaceHost);
        if (phase.name === 'plan' && phase.outcome === 'success')
            plan = readPlan(phase);
    }
    return { resources, plan };
}
function readResources(phase, workspaceHost) {
    if (phase.outcome === 'skipped')
        return undefined;
    if (phase.outcome === 'failure') {
        const cause = phase.recognizedFailure?.explanation ?? `exit code ${phase.exitCode}`;
        warning(`The deployment succeeded, but \`bundle summary\` failed (${cause}), so the resources ` +
            'and job outputs are empty. The deployed resources are in the workspace as usual.', { title: 'Databricks CLI (summary)' });
        return undefined;
    }
    try {
        const resources = parseSummary(phase.output?.text ?? '', workspaceHost);
        info(`Deployed resources: ${resources.length}`);
        for (const resource of resources) {
            const where = resource.url ?? resource.id ?? 'not deployed';
            info(`  ${printable(`${resource.group}.${resource.key}: ${where}`)}`);
        }
        return resources;
    }
    catch (error) {
        warning('The deployment succeeded, but the output of `bundle summary -o json` could not be ' +
            `read: ${messageOf(error)}. The resources and job outputs are empty.`, { title: 'Databricks CLI (summary)' });
        return undefined;
    }
}
function readPlan(phase) {
    try {
        const stdout = phase.output?.text ?? '';
        const plan = phase.output?.format === 'json' ? parsePlanJson(stdout) : parsePlanText(stdout);
        logPlan(plan);
        return plan;
    }
    catch (error) {
        warning(`\`bundle plan\` succeeded, but its output could not be read: ${messageOf(error)}. ` +
            'The plan output and the summary table are empty.', { title: 'Databricks CLI (plan)' });
        return undefined;
    }
}
function logPlan(plan) {
    for (const change of plan.changes) {
        info(`  ${printable(`${change.action} ${change.resource}`)}`);
    }
    const { create, change, delete: deletes, unchanged } = plan.counts;
    info(`Plan: ${create} to add, ${change} to change, ${deletes} to delete, ${unchanged} unchanged`);
    if (deletes > 0) {
        warning(`This plan deletes or recreates ${plural(deletes, 'resource')}. Deploying it needs ` +
            'auto-approve: true; review the deletions before setting it.', { title: 'Databricks bundle plan' });
    }
}

;// CONCATENATED MODULE: ./src/phase-sequence.ts







/** Runs the command's phases in order, adding each result to `log` as it ends. */
async function runPhases(runner, abilities, log) {
    const { inputs, location, guard } = runner;
    const containerEnv = containerEnvironment(inputs, {
        proxies: runner.proxies,
        trustStore: runner.trustStore,
    });
    const envNames = containerEnvNames(containerEnv);
    const client = {
        program: runner.runtime.program,
        env: { ...runner.runtime.env, ...containerEnv },
    };
    const failureContext = {
        configFile: external_node_path_default().posix.join(location.relativePath, location.configFile),
        hostInputSet: inputs.workspaceHost !== undefined,
    };
    const limit = inputs.timeoutMs === undefined
        ? undefined
        : { ms: inputs.timeoutMs, stop: () => void guard.stopRunningPhase() };
    const results = log.phases;
    for (const phase of planPhases(inputs, abilities)) {
        if (results.some((result) => result.outcome !== 'success')) {
            results.push(skippedPhase(phase));
            continue;
        }
        const context = runContext(phase, runner);
        const args = dockerRunArgs(phase, context, inputs, envNames);
        guard.phaseStarted(phase.name, context.containerName);
        log.running = { name: phase.name, startedAt: new Date() };
        const { result, stderr } = await runPhase(phase, args, client, limit);
        log.running = undefined;
        guard.phaseEnded();
        const recognizedFailure = result.outcome === 'failure' && result.timedOutAfterMs === undefined
            ? recognizeFailure(stderr, { ...failureContext, phase: phase.name })
            : undefined;
        const recognized = { ...result, recognizedFailure };
        results.push(inputs.failOnWarnings && !abilities.strictValidate
            ? failOnParsedWarnings(recognized)
            : recognized);
    }
}
/** What the image's CLI can do, from its version; an unknown version is assumed to lack all. */
function cliAbilities(inputs, cliVersion) {
    const since = (version) => cliVersion !== undefined && compareVersions(cliVersion, version) >= 0;
    return {
        // fail-on-warnings uses the CLI's own `--strict` when the image's CLI has it.
        strictValidate: inputs.failOnWarnings && since(STRICT_VALIDATE_SINCE),
        planJson: since(PLAN_JSON_SINCE),
    };
}
/** For a CLI without `--strict`: a validate that passed with warnings fails all the same. */
function failOnParsedWarnings(result) {
    const warnings = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning');
    if (result.name !== 'validate' || result.outcome !== 'success' || warnings.length === 0) {
        return result;
    }
    info(`validate: failure (${warnings.length} warning(s), and fail-on-warnings is true; this CLI ` +
        'has no --strict, so the action counted them)');
    return {
        ...result,
        outcome: 'failure',
        errorTail: warnings.map((warning) => `Warning: ${warning.summary}`),
    };
}
function runContext(phase, runner) {
    return {
        ...runner.owner,
        imageId: runner.image.id,
        containerName: `databricks-bundle-${phase.name}-${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}`,
        checkoutPath: runner.location.checkoutPath,
        bundleRelativePath: runner.location.relativePath,
        homePath: runner.homePath,
        trustStore: runner.trustStore,
    };
}

;// CONCATENATED MODULE: ./src/post.ts






/** The state the main step leaves for the post step. */
const STATE = {
    /** Saved first thing by the main step, so the second start of dist/index.js is the post. */
    started: 'main_started',
    runId: 'run_id',
    runtime: 'runtime',
    tempPaths: 'temp_paths',
};
/**
 * The `post:` step, which the runner starts after the job's steps however they ended, also
 * after the main step was killed with SIGKILL, when it could not clean up itself. It removes
 * every container that carries this run's label and the files the run left under RUNNER_TEMP.
 * It never fails the job: what it cannot remove, it names, with the command to do it by hand.
 */
async function post(env = process.env) {
    const runId = getState(STATE.runId, env);
    const program = RUNTIMES.find((known) => known === getState(STATE.runtime, env));
    if (runId === '' || program === undefined) {
        info('Post: the main step started no container; nothing to clean up.');
        return;
    }
    await removeContainers(program, runId, env);
    removeTempPaths(getState(STATE.tempPaths, env), env['RUNNER_TEMP']);
}
async function removeContainers(program, runId, env) {
    const runtime = containerRuntime(program, env);
    const label = `label=${RUN_LABEL}=${runId}`;
    try {
        const listed = await runClient(runtime, ['ps', '--all', '--quiet', '--filter', label]);
        const containers = listed.stdout.split('\n').filter((id) => id.trim() !== '');
        if (containers.length === 0) {
            info('Post: no container of this run is left.');
            return;
        }
        await runClient(runtime, ['rm', '--force', '--volumes', ...containers]);
        const left = await runClient(runtime, ['ps', '--all', '--quiet', '--filter', label]);
        if (left.stdout.trim() === '') {
            info(`Post: removed ${containers.length} container(s) this run left behind.`);
        }
        else {
            warning(`Post: containers of this run are still there: ${left.stdout.trim()}. Remove them with ` +
                `\`${program} rm --force\` and their ids; they may hold credentials.`);
        }
    }
    catch (error) {
        warning(`Post: the containers of this run could not be listed (${messageOf(error)}). Check with ` +
            `\`${program} ps --all --filter ${label}\`.`);
    }
}
/** Removes the run's files under RUNNER_TEMP (the CLI's home folder, a merged CA file). */
function removeTempPaths(saved, runnerTemp) {
    if (saved === '' || runnerTemp === undefined || runnerTemp === '')
        return;
    let paths;
    try {
        paths = JSON.parse(saved);
    }
    catch {
        return;
    }
    if (!Array.isArray(paths))
        return;
    for (const entry of paths) {
        // Only files the action named itself, and only under RUNNER_TEMP, whatever the state says.
        if (typeof entry !== 'string' || external_node_path_default().dirname(entry) !== external_node_path_default().resolve(runnerTemp))
            continue;
        if (!/^databricks-bundle-(home|ca)-/.test(external_node_path_default().basename(entry)))
            continue;
        try {
            (0,external_node_fs_namespaceObject.rmSync)(entry, { recursive: true, force: true });
        }
        catch (error) {
            warning(`Post: ${entry} could not be removed (${messageOf(error)}).`);
        }
    }
}

;// CONCATENATED MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
/*! js-yaml 5.5.0 https://github.com/nodeca/js-yaml @license MIT */
//#region src/tag.ts
/**
* Returned by a scalar resolver when the source does not match its tag.
*
* @category Tags
*/
var NOT_RESOLVED = Symbol("NOT_RESOLVED");
/**
* Create a normalized scalar tag definition.
*
* @category Tags
*/
function defineScalarTag(tagName, options) {
	return {
		tagName,
		nodeKind: "scalar",
		implicit: options.implicit ?? false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		implicitFirstChars: options.implicitFirstChars ?? null,
		resolve: options.resolve,
		identify: options.identify,
		represent: options.represent ?? ((data) => String(data)),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized sequence tag definition.
*
* @category Tags
*/
function defineSequenceTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "sequence",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addItem: options.addItem,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized mapping tag definition.
*
* @category Tags
*/
function defineMappingTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "mapping",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addPair: options.addPair,
		has: options.has,
		keys: options.keys,
		get: options.get,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
//#endregion
//#region src/tag/scalar/str.ts
/** @category Tags */
var strTag = defineScalarTag("tag:yaml.org,2002:str", {
	resolve: (source) => source,
	identify: (data) => typeof data === "string"
});
//#endregion
//#region src/tag/scalar/null_core.ts
var NULL_VALUES$1 = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES$1.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_json.ts
/** @category Tags */
var nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: ["n"],
	resolve: (source, isExplicit) => {
		if (source === "null" || isExplicit && source === "") return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_yaml11.ts
var NULL_VALUES = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/bool_core.ts
var TRUE_VALUES$2 = [
	"true",
	"True",
	"TRUE"
];
var FALSE_VALUES$2 = [
	"false",
	"False",
	"FALSE"
];
/** @category Tags */
var boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"t",
		"T",
		"f",
		"F"
	],
	resolve: (source) => {
		if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_json.ts
var TRUE_VALUES$1 = ["true"];
var FALSE_VALUES$1 = ["false"];
/** @category Tags */
var boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: ["t", "f"],
	resolve: (source) => {
		if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_yaml11.ts
var js_yaml_TRUE_VALUES = [
	"true",
	"True",
	"TRUE",
	"y",
	"Y",
	"yes",
	"Yes",
	"YES",
	"on",
	"On",
	"ON"
];
var js_yaml_FALSE_VALUES = [
	"false",
	"False",
	"FALSE",
	"n",
	"N",
	"no",
	"No",
	"NO",
	"off",
	"Off",
	"OFF"
];
/** @category Tags */
var boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"y",
		"Y",
		"n",
		"N",
		"t",
		"T",
		"f",
		"F",
		"o",
		"O"
	],
	resolve: (source) => {
		if (js_yaml_TRUE_VALUES.indexOf(source) !== -1) return true;
		if (js_yaml_FALSE_VALUES.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/int_core.ts
var YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
var YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$2(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$2(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger$2,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_json.ts
var YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
var YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$1(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$1(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlInteger$1,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_yaml11.ts
var YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
function parseYamlInteger(source) {
	let value = source.replace(/_/g, "");
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	if (value.includes(":")) {
		let result = 0;
		for (const part of value.split(":")) result = result * 60 + Number(part);
		return sign * result;
	}
	if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
	if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/float_core.ts
var YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$2(source) {
	if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase();
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	const result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat$2,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$2
});
//#endregion
//#region src/tag/scalar/float_json.ts
var YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
var YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
		let value = source.toLowerCase();
		const sign = value[0] === "-" ? -1 : 1;
		if ("+-".includes(value[0])) value = value.slice(1);
		if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
		if (value === ".nan") return NaN;
		const result = sign * parseFloat(value);
		return Number.isFinite(result) ? result : NOT_RESOLVED;
	}
	if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = Number(source);
	if (Number.isFinite(result)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlFloat$1,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$1
});
//#endregion
//#region src/tag/scalar/float_yaml11.ts
var YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat(source) {
	if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase().replace(/_/g, "");
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	let result = 0;
	if (value.includes(":")) {
		for (const part of value.split(":")) result = result * 60 + Number(part);
		result *= sign;
	} else result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat
});
//#endregion
//#region src/tag/scalar/merge.ts
/**
* Enables merge keys in {@link CORE_SCHEMA} when added with
* {@link Schema.withTags}.
*
* @category Tags
*/
var mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
	implicit: true,
	implicitFirstChars: ["<"],
	resolve: (source, isExplicit) => {
		if (source === "<<" || isExplicit && source === "") return "<<";
		return NOT_RESOLVED;
	},
	identify: () => false
});
//#endregion
//#region src/tag/scalar/binary.ts
var BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function resolveYamlBinary(source) {
	const input = source.replace(/\s/g, "");
	if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
	const binary = atob(input);
	const result = new Uint8Array(binary.length);
	for (let index = 0; index < binary.length; index++) result[index] = binary.charCodeAt(index);
	return result;
}
function representYamlBinary(object) {
	let binary = "";
	for (let index = 0; index < object.length; index++) binary += String.fromCharCode(object[index]);
	return btoa(binary);
}
/**
* The `!!binary` tag, represented as a `Uint8Array`.
*
* @category Tags
*/
var binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
	resolve: resolveYamlBinary,
	identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
	represent: representYamlBinary
});
//#endregion
//#region src/tag/scalar/timestamp.ts
var YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
var YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
function makeUtcDate(year, month, day, hour = 0, minute = 0, second = 0, fraction = 0) {
	const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
	date.setUTCFullYear(year, month, day);
	return date;
}
function resolveYamlTimestamp(source) {
	let match = YAML_DATE_REGEXP.exec(source);
	if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(source);
	if (match === null) return NOT_RESOLVED;
	const year = +match[1];
	const month = +match[2] - 1;
	const day = +match[3];
	if (!match[4]) {
		const date = makeUtcDate(year, month, day);
		if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
		return date;
	}
	const hour = +match[4];
	const minute = +match[5];
	const second = +match[6];
	let fraction = 0;
	if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
	if (match[7]) {
		let value = match[7].slice(0, 3);
		while (value.length < 3) value += "0";
		fraction = +value;
	}
	const date = makeUtcDate(year, month, day, hour, minute, second, fraction);
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
	if (match[9]) {
		const offsetHour = +match[10];
		const offsetMinute = +(match[11] || 0);
		if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
		const offset = (offsetHour * 60 + offsetMinute) * 6e4;
		date.setTime(date.getTime() - (match[9] === "-" ? -offset : offset));
	}
	return date;
}
/**
* The YAML 1.1 `!!timestamp` tag, represented as a JavaScript `Date`.
*
* @category Tags
*/
var timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
	implicit: true,
	implicitFirstChars: [..."0123456789"],
	resolve: resolveYamlTimestamp,
	identify: (object) => object instanceof Date,
	represent: (object) => object.toISOString()
});
//#endregion
//#region src/tag/sequence/seq.ts
/** @category Tags */
var seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
	create: () => [],
	addItem: (container, item) => {
		container.push(item);
	},
	identify: Array.isArray
});
//#endregion
//#region src/common/object.ts
function isPlainObject(data) {
	if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
	const prototype = Object.getPrototypeOf(data);
	return prototype === null || prototype === Object.prototype;
}
function js_yaml_pick(object, keys) {
	const result = {};
	for (const key of keys) if (object[key] !== void 0) result[key] = object[key];
	return result;
}
//#endregion
//#region src/tag/sequence/omap.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!omap
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   { one: 1 },
*   { two: 2 }
* ]
* ```
*
* @category Tags
*/
var omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
	create: () => ({
		list: [],
		seen: /* @__PURE__ */ new Set()
	}),
	addItem: (carrier, item) => {
		let key;
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve an ordered map item";
			key = item.keys().next().value;
		} else if (isPlainObject(item)) {
			const itemKeys = Object.keys(item);
			if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
			key = itemKeys[0];
		} else return "cannot resolve an ordered map item";
		if (carrier.seen.has(key)) return "duplicate key in ordered map";
		carrier.seen.add(key);
		carrier.list.push(item);
		return "";
	},
	finalize: (carrier) => carrier.list,
	identify: () => false
});
//#endregion
//#region src/tag/sequence/pairs.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!pairs
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   ['one', 1],
*   ['two', 2]
* ]
* ```
*
* @category Tags
*/
var pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
	create: () => [],
	addItem: (container, item) => {
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve a pairs item";
			container.push(item.entries().next().value);
			return "";
		}
		if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
		const object = item;
		const keys = Object.keys(object);
		if (keys.length !== 1) return "cannot resolve a pairs item";
		container.push([keys[0], object[keys[0]]]);
		return "";
	},
	identify: () => false
});
//#endregion
//#region src/tag/mapping/map.ts
/**
* This is the default mapping implementation. It uses `{}` objects and has only
* partial functionality due to language limitations. This choice was made
* because users expect to get JavaScript objects, and it was left unchanged to
* avoid too many breaking changes in the v5 release.
*
* Side effects:
*
* - `Object.hasOwn()` checks or `for...of` loops are required for safe use (to
*   avoid falling through to prototypes).
* - Only scalar string keys are supported properly.
* - Other scalar keys, such as `null` and numbers, are converted to strings.
*   This is historical behaviour, and it can cause side effects such as
*   problems with `!!merge`.
*
* Note that non-string scalar keys may be deprecated in future versions.
*
* Ideally, use {@link realMapTag} instead.
*
* @category Tags
*/
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		if (key !== null && typeof key === "object") return "object-based map does not support complex keys";
		const normalizedKey = String(key);
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		if (key !== null && typeof key === "object") return false;
		return Object.prototype.hasOwnProperty.call(container, String(key));
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/tag/mapping/set.ts
/**
* The YAML 1.1 `!!set` tag, represented as a JavaScript `Set`.
*
* @category Tags
*/
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
	create: () => /* @__PURE__ */ new Set(),
	identify: (data) => data instanceof Set,
	represent: (data) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of data) map.set(key, null);
		return map;
	},
	addPair: (container, key, value) => {
		if (value !== null) return "cannot resolve a set item";
		container.add(key);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: () => null
});
//#endregion
//#region src/schema.ts
function createTagDefinitionMap() {
	return {
		scalar: Object.create(null),
		sequence: Object.create(null),
		mapping: Object.create(null)
	};
}
function createTagDefinitionListMap() {
	return {
		scalar: [],
		sequence: [],
		mapping: []
	};
}
function compileTags(tags) {
	const result = [];
	for (const tag of tags) {
		let index = result.length;
		for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
			const previous = result[previousIndex];
			if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
				index = previousIndex;
				break;
			}
		}
		result[index] = tag;
	}
	return result;
}
/**
* Controls tag resolution when loading and type selection when dumping.
*
* @category Schemas
*/
var Schema = class Schema {
	tags;
	/** @internal */
	implicitScalarTags;
	/**
	* Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
	* the resolvers that may match that key, in schema order; a key absent from
	* the map uses
	* {@link Schema.implicitScalarAnyFirstChar}
	* (resolvers that declared no first-char constraint, so they apply to any
	* first character).
	*/
	implicitScalarByFirstChar;
	implicitScalarAnyFirstChar;
	/**
	* The default scalar tag (`!!str`), resolved once so the composer's fallback
	* for unresolved plain scalars avoids a keyed lookup per scalar.
	*
	* @internal
	*/
	defaultScalarTag;
	/**
	* The default container tags (`!!seq` / `!!map`), used by the dumper: when a
	* value is identified by its default tag, the tag is implicit and not
	* printed. Undefined if the schema does not define them (then such values
	* can't be dumped).
	*
	* @internal
	*/
	defaultSequenceTag;
	/** @internal */
	defaultMappingTag;
	exact;
	prefix;
	constructor(tags) {
		const compiledTags = compileTags(tags);
		const implicitScalarTags = [];
		const exact = createTagDefinitionMap();
		const prefix = createTagDefinitionListMap();
		for (const tag of compiledTags) {
			if (tag.nodeKind === "scalar" && tag.implicit) {
				if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
				implicitScalarTags.push(tag);
			}
			switch (tag.nodeKind) {
				case "scalar":
					if (tag.matchByTagPrefix) prefix.scalar.push(tag);
					else exact.scalar[tag.tagName] = tag;
					break;
				case "sequence":
					if (tag.matchByTagPrefix) prefix.sequence.push(tag);
					else exact.sequence[tag.tagName] = tag;
					break;
				case "mapping": if (tag.matchByTagPrefix) prefix.mapping.push(tag);
				else exact.mapping[tag.tagName] = tag;
			}
		}
		const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
		const keys = /* @__PURE__ */ new Set();
		for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key of tag.implicitFirstChars) keys.add(key);
		const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
		for (const key of keys) implicitScalarByFirstChar.set(key, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key) !== -1));
		const defaultScalarTag = exact.scalar["tag:yaml.org,2002:str"];
		if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
		this.tags = compiledTags;
		this.implicitScalarTags = implicitScalarTags;
		this.implicitScalarByFirstChar = implicitScalarByFirstChar;
		this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
		this.defaultScalarTag = defaultScalarTag;
		this.defaultSequenceTag = exact.sequence["tag:yaml.org,2002:seq"];
		this.defaultMappingTag = exact.mapping["tag:yaml.org,2002:map"];
		this.exact = exact;
		this.prefix = prefix;
	}
	/** @internal */
	lookupScalarTag(tagName) {
		const exactTag = this.exact.scalar[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupSequenceTag(tagName) {
		const exactTag = this.exact.sequence[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupMappingTag(tagName) {
		const exactTag = this.exact.mapping[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	resolveImplicitScalarTag(source) {
		const candidates = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
		for (const tag of candidates) {
			const value = tag.resolve(source, false, tag.tagName);
			if (value !== NOT_RESOLVED) return {
				value,
				tag
			};
		}
		const tag = this.defaultScalarTag;
		return {
			value: tag.resolve(source, false, tag.tagName),
			tag
		};
	}
	/**
	* Creates a new schema with the specified tags added. If a tag already
	* exists, it is replaced by the specified tag.
	*
	* @example
	*
	* ```javascript
	* import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
	*
	* const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
	* ```
	*/
	withTags(...tags) {
		let flatTags = [];
		for (const tag of tags) flatTags = flatTags.concat(tag);
		return new Schema([...this.tags, ...flatTags]);
	}
};
/**
* The YAML 1.2 Failsafe Schema: strings, sequences, and mappings.
*
* @category Schemas
*/
var FAILSAFE_SCHEMA = new Schema([
	strTag,
	seqTag,
	mapTag
]);
/**
* The YAML 1.2 JSON Schema. It uses JSON scalar forms while retaining YAML
* collection syntax.
*
* @category Schemas
*/
var JSON_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullJsonTag,
	boolJsonTag,
	intJsonTag,
	floatJsonTag
]);
/**
* The default schema for the loaders. Note, {@link CORE_SCHEMA} comes
* without the `!!merge` tag. You can easily enable it if needed.
*
* @example
* Enable {@link mergeTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Schemas
*/
var CORE_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullCoreTag,
	boolCoreTag,
	intCoreTag,
	floatCoreTag
]);
/**
* YAML 1.1-compatible schema.
*
* @category Schemas
*/
var YAML11_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullYaml11Tag,
	boolYaml11Tag,
	intYaml11Tag,
	floatYaml11Tag,
	timestampTag,
	mergeTag,
	binaryTag,
	omapTag,
	pairsTag,
	setTag
]);
/**
* The dumper schema for maximum compatibility. It combines all supported type
* variants from YAML 1.1 and YAML 1.2 so strings matching any of them are
* quoted. This makes the generated YAML more compatible with other parsers.
*
* The schema is based on YAML 1.1, but extends `!!int` and `!!float` to accept
* both YAML 1.1 and Core Schema forms, since Core Schema supports some forms
* that YAML 1.1 does not.
*
* @category Schemas
*/
var DUMP_SCHEMA = YAML11_SCHEMA.withTags({
	...intYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = intYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
	}
}, {
	...floatYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
	}
});
//#endregion
//#region src/tag/mapping/real_map.ts
/**
* Recommended when non-string keys are actually needed. It uses native
* JavaScript `Map` objects, so keys keep their constructed types instead of
* being converted to strings.
*
* It is not the default to avoid widespread breaking changes in existing
* projects. `Map` has a different access API and does not pass deep equality
* checks against `{}`-based fixtures. Alongside the other changes in v5,
* making it the default was considered too disruptive.
*
* If these differences are acceptable for your project, we recommend using
* {@link realMapTag} to guarantee the absence of problems and side effects.
*
* @example
* Enable {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Tags
*/
var realMapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => /* @__PURE__ */ new Map(),
	addPair: (container, key, value) => {
		container.set(key, value);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: (container, key) => container.get(key),
	identify: (data) => data instanceof Map || isPlainObject(data),
	represent: (data) => {
		if (data instanceof Map) return data;
		const map = /* @__PURE__ */ new Map();
		const obj = data;
		for (const key of Object.keys(obj)) map.set(key, obj[key]);
		return map;
	}
});
//#endregion
//#region src/tag/mapping/legacy_map.ts
function normalizeKey(key) {
	if (Array.isArray(key)) {
		const array = Array.prototype.slice.call(key);
		for (let index = 0; index < array.length; index++) {
			if (Array.isArray(array[index])) return null;
			if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
		}
		return String(array);
	}
	if (typeof key === "object" && Object.prototype.toString.call(key) === "[object Object]") return "[object Object]";
	return String(key);
}
/**
* This implementation exists solely to reproduce v4 behavior exactly. Its use
* is strongly discouraged. If complex or non-string keys are needed, use
* {@link realMapTag} instead.
*
* @category Tags
*/
var legacyMapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		const normalizedKey = normalizeKey(key);
		if (normalizedKey === null) return "nested arrays are not supported inside keys";
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		const normalizedKey = normalizeKey(key);
		return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/common/snippet.ts
var DEFAULT_SNIPPET_OPTIONS = {
	maxLength: 79,
	indent: 1,
	linesBefore: 3,
	linesAfter: 2
};
function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
	let head = "";
	let tail = "";
	const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
	if (position - lineStart > maxHalfLength) {
		head = " ... ";
		lineStart = position - maxHalfLength + head.length;
	}
	if (lineEnd - position > maxHalfLength) {
		tail = " ...";
		lineEnd = position + maxHalfLength - tail.length;
	}
	return {
		str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "→") + tail,
		pos: position - lineStart + head.length
	};
}
function padStart(string, max) {
	return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
	if (!mark.buffer) return null;
	const opts = {
		...DEFAULT_SNIPPET_OPTIONS,
		...options
	};
	const re = /\r?\n|\r|\0/g;
	const lineStarts = [0];
	const lineEnds = [];
	let match;
	let foundLineNo = -1;
	while (match = re.exec(mark.buffer)) {
		lineEnds.push(match.index);
		lineStarts.push(match.index + match[0].length);
		if (mark.position <= match.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
	}
	if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
	let result = "";
	const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
	const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
	for (let i = 1; i <= opts.linesBefore; i++) {
		if (foundLineNo - i < 0) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
		result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line.str}\n${result}`;
	}
	const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
	result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}\n`;
	result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^\n`;
	for (let i = 1; i <= opts.linesAfter; i++) {
		if (foundLineNo + i >= lineEnds.length) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
		result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line.str}\n`;
	}
	return result.replace(/\n$/, "");
}
//#endregion
//#region src/common/exception.ts
function formatError(exception, compact) {
	let where = "";
	if (!exception.mark) return exception.reason;
	if (exception.mark.name) where += `in "${exception.mark.name}" `;
	where += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
	if (!compact && exception.mark.snippet) where += `\n\n${exception.mark.snippet}`;
	return `${exception.reason} ${where}`;
}
/**
* A YAML error. Unlike an ordinary `Error`, it adds a source snippet showing
* the location of the problem to the error message, when available.
*
* @category Main
*/
var YAMLException = class YAMLException extends Error {
	reason;
	mark;
	/**
	* Optional `mark` contains source snippet data. Usually, use
	* {@link YAMLException.throwAt} instead of passing it directly.
	*/
	constructor(reason, mark) {
		super();
		this.name = "YAMLException";
		this.reason = reason;
		this.mark = mark;
		this.message = formatError(this, false);
		if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
	}
	/**
	* Returns the formatted error, omitting the source snippet in compact mode.
	*/
	toString(compact) {
		return `${this.name}: ${formatError(this, compact)}`;
	}
	/**
	* Builds a YAMLException with a source snippet and throws it. `source` is
	* the raw input text; `position` is an offset into it.
	*/
	static throwAt(source, position, message, filename = "") {
		let line = 0;
		let lineStart = 0;
		for (let index = 0; index < position; index++) {
			const ch = source.charCodeAt(index);
			if (ch === 10) {
				line++;
				lineStart = index + 1;
			} else if (ch === 13) {
				line++;
				if (source.charCodeAt(index + 1) === 10) index++;
				lineStart = index + 1;
			}
		}
		const mark = {
			name: filename,
			buffer: source,
			position,
			line,
			column: position - lineStart
		};
		mark.snippet = makeSnippet(mark);
		throw new YAMLException(message, mark);
	}
};
//#endregion
//#region src/parser/events.ts
/** @category Events */
var EVENT_ID = {
	DOCUMENT: 1,
	SEQUENCE: 2,
	MAPPING: 3,
	SCALAR: 4,
	ALIAS: 5,
	POP: 6
};
/** @category Nodes */
var SCALAR_STYLE = {
	PLAIN: 1,
	SINGLE_QUOTED: 2,
	DOUBLE_QUOTED: 3,
	LITERAL_BLOCK: 4,
	FOLDED_BLOCK: 5
};
/** @category Nodes */
var COLLECTION_STYLE = {
	BLOCK: 1,
	FLOW: 2
};
/** @category Nodes */
var CHOMPING_MODE = {
	CLIP: 1,
	STRIP: 2,
	KEEP: 3
};
//#endregion
//#region src/parser/parser_scalar.ts
var NO_RANGE$3 = -1;
function simpleEscapeSequence(c) {
	switch (c) {
		case 48: return "\0";
		case 97: return "\x07";
		case 98: return "\b";
		case 116: return "	";
		case 9: return "	";
		case 110: return "\n";
		case 118: return "\v";
		case 102: return "\f";
		case 114: return "\r";
		case 101: return "\x1B";
		case 32: return " ";
		case 34: return "\"";
		case 47: return "/";
		case 92: return "\\";
		case 78: return "";
		case 95: return "\xA0";
		case 76: return "\u2028";
		case 80: return "\u2029";
		default: return "";
	}
}
var simpleEscapeCheck = new Array(256);
var simpleEscapeMap = new Array(256);
for (let i = 0; i < 256; i++) {
	simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
	simpleEscapeMap[i] = simpleEscapeSequence(i);
}
function charFromCodepoint(c) {
	if (c <= 65535) return String.fromCharCode(c);
	return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
	if (c >= 48 && c <= 57) return c - 48;
	return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	return 8;
}
function skipFoldedBreaks(input, position, end) {
	let breaks = 0;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10) {
			breaks++;
			position++;
		} else if (ch === 13) {
			breaks++;
			position++;
			if (input.charCodeAt(position) === 10) position++;
		} else if (ch === 32 || ch === 9) position++;
		else break;
	}
	return {
		position,
		breaks
	};
}
function foldedBreaks(count) {
	if (count === 1) return " ";
	return "\n".repeat(count - 1);
}
function getPlainValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 39) {
			result += input.slice(captureStart, position) + "'";
			position += 2;
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 92) {
			result += input.slice(captureStart, position);
			position++;
			const escaped = input.charCodeAt(position);
			if (escaped === 10 || escaped === 13) position = skipFoldedBreaks(input, position, end).position;
			else if (escaped < 256 && simpleEscapeCheck[escaped]) {
				result += simpleEscapeMap[escaped];
				position++;
			} else {
				let hexLength = escapedHexLen$1(escaped);
				let hexResult = 0;
				for (; hexLength > 0; hexLength--) {
					position++;
					const digit = fromHexCode$1(input.charCodeAt(position));
					hexResult = (hexResult << 4) + digit;
				}
				result += charFromCodepoint(hexResult);
				position++;
			}
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent, chomping, folded) {
	const textIndent = indent < 0 ? 0 : indent;
	const region = input.slice(start, end).replace(/\r\n?/g, "\n");
	const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
	let result = "";
	let didReadContent = false;
	let emptyLines = 0;
	let atMoreIndented = false;
	for (const line of lines) {
		let column = 0;
		while (column < textIndent && line.charCodeAt(column) === 32) column++;
		if (indent < 0 || column >= line.length) {
			emptyLines++;
			continue;
		}
		const content = line.slice(textIndent);
		const first = content.charCodeAt(0);
		if (folded) {
			if (first === 32 || first === 9) {
				atMoreIndented = true;
				result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
			} else if (atMoreIndented) {
				atMoreIndented = false;
				result += "\n".repeat(emptyLines + 1);
			} else if (emptyLines === 0) {
				if (didReadContent) result += " ";
			} else result += "\n".repeat(emptyLines);
		} else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
		result += content;
		didReadContent = true;
		emptyLines = 0;
	}
	if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
	else if (chomping !== CHOMPING_MODE.STRIP) {
		if (didReadContent) result += "\n";
	}
	return result;
}
/**
* Decodes the scalar referenced by event offsets in `input`.
*
* @category Events
*/
function getScalarValue(input, scalar) {
	if (scalar.valueStart === NO_RANGE$3) return "";
	const { valueStart, valueEnd } = scalar;
	if (scalar.fast) return input.slice(valueStart, valueEnd);
	switch (scalar.style) {
		case SCALAR_STYLE.SINGLE_QUOTED: return getSingleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.DOUBLE_QUOTED: return getDoubleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.LITERAL_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, false);
		case SCALAR_STYLE.FOLDED_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, true);
		default: return getPlainValue(input, valueStart, valueEnd);
	}
}
//#endregion
//#region src/common/tagname.ts
var DEFAULT_TAG_HANDLERS = Object.assign(Object.create(null), {
	"!": "!",
	"!!": "tag:yaml.org,2002:"
});
var TAG_SUFFIX_CHARS = "-#;/?:@&=+$_.~*'()";
var TAG_URI_CHARS = TAG_SUFFIX_CHARS + "!,[]";
var HEX = "0123456789ABCDEF";
function percentByte(byte) {
	return "%" + HEX[byte >> 4] + HEX[byte & 15];
}
function tagPercentEncode(source, isSuffix) {
	const allowed = isSuffix ? TAG_SUFFIX_CHARS : TAG_URI_CHARS;
	let result = "";
	for (let index = 0; index < source.length; index++) {
		let ch = source.charCodeAt(index);
		if (ch >= 48 && ch <= 57 || ch >= 65 && ch <= 90 || ch >= 97 && ch <= 122 || allowed.includes(source[index])) {
			result += source[index];
			continue;
		}
		if (ch >= 55296 && ch <= 56319) ch = 65536 + ((ch & 1023) << 10) + (source.charCodeAt(++index) & 1023);
		if (ch < 128) result += percentByte(ch);
		else if (ch < 2048) result += percentByte(192 | ch >> 6) + percentByte(128 | ch & 63);
		else if (ch < 65536) result += percentByte(224 | ch >> 12) + percentByte(128 | ch >> 6 & 63) + percentByte(128 | ch & 63);
		else result += percentByte(240 | ch >> 18) + percentByte(128 | ch >> 12 & 63) + percentByte(128 | ch >> 6 & 63) + percentByte(128 | ch & 63);
	}
	return result;
}
function tagPercentDecode(source) {
	let result = "";
	let index = 0;
	while (index < source.length) {
		if (source.charCodeAt(index) !== 37) {
			result += source[index++];
			continue;
		}
		let ch = parseInt(source.slice(index + 1, index + 3), 16);
		index += 3;
		if (ch >= 192) {
			let remaining = ch < 224 ? 1 : ch < 240 ? 2 : 3;
			ch &= (1 << 6 - remaining) - 1;
			while (remaining-- > 0) {
				ch = ch << 6 | parseInt(source.slice(index + 1, index + 3), 16) & 63;
				index += 3;
			}
		}
		if (ch < 65536) result += String.fromCharCode(ch);
		else {
			ch -= 65536;
			result += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
		}
	}
	return result;
}
function tagNameFull(rawTag, tagHandlers) {
	if (rawTag.startsWith("!<") && rawTag.endsWith(">")) return tagPercentDecode(rawTag.slice(2, -1));
	const handleEnd = rawTag.indexOf("!", 1);
	const handle = handleEnd === -1 ? "!" : rawTag.slice(0, handleEnd + 1);
	return tagPercentDecode(tagHandlers?.[handle] ?? DEFAULT_TAG_HANDLERS[handle] ?? handle) + tagPercentDecode(rawTag.slice(handle.length));
}
function tagNameShort(fullTag) {
	let tag = fullTag;
	if (tag.charCodeAt(0) === 33) {
		tag = tag.slice(1);
		return `!${tagPercentEncode(tag, true)}`;
	}
	if (tag.slice(0, 18) === "tag:yaml.org,2002:") return `!!${tagPercentEncode(tag.slice(18), true)}`;
	return `!<${tagPercentEncode(tag, false)}>`;
}
//#endregion
//#region src/parser/constructor.ts
var NO_RANGE$2 = -1;
var MERGE_TAG_NAME = "tag:yaml.org,2002:merge";
var DEFAULT_CONSTRUCTOR_OPTIONS = {
	filename: "",
	schema: CORE_SCHEMA,
	json: false,
	maxTotalMergeKeys: 1e4,
	maxAliases: -1
};
function eventPosition$1(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE$2) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE$2) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE$2) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function throwError$1(state, message) {
	YAMLException.throwAt(state.source, state.position, message, state.filename);
}
function finalizeCollection(state, position, tag, carrier) {
	try {
		return tag.finalize(carrier);
	} catch (error) {
		if (error instanceof YAMLException) throw error;
		YAMLException.throwAt(state.source, position, error instanceof Error ? error.message : String(error), state.filename);
	}
}
function constructScalar(state, event) {
	const source = getScalarValue(state.source, event);
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	const strTag = state.schema.defaultScalarTag;
	if (rawTag !== "") {
		if (rawTag === "!") return {
			value: source,
			tag: strTag
		};
		const tagName = tagNameFull(rawTag, state.tagHandlers);
		const scalarTag = state.schema.lookupScalarTag(tagName);
		if (scalarTag) {
			const result = scalarTag.resolve(source, true, tagName);
			if (result === NOT_RESOLVED) throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			return {
				value: result,
				tag: scalarTag
			};
		}
		const collectionTagDef = state.schema.lookupMappingTag(tagName) ?? state.schema.lookupSequenceTag(tagName);
		if (collectionTagDef) {
			if (source !== "") throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			const carrier = collectionTagDef.create(tagName);
			return {
				value: collectionTagDef.carrierIsResult ? carrier : finalizeCollection(state, state.position, collectionTagDef, carrier),
				tag: collectionTagDef
			};
		}
		throwError$1(state, `unknown scalar tag !<${tagName}>`);
	}
	if (event.style === SCALAR_STYLE.PLAIN) return state.schema.resolveImplicitScalarTag(source);
	return {
		value: strTag.resolve(source, false, strTag.tagName),
		tag: strTag
	};
}
function collectionTagName(state, event, defaultTagName) {
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	return rawTag === "" || rawTag === "!" ? defaultTagName : tagNameFull(rawTag, state.tagHandlers);
}
function isMappingTag(tag) {
	return tag.nodeKind === "mapping";
}
function chargeMergeWork(state) {
	state.totalMergeKeys++;
	if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) throwError$1(state, `merge keys exceeded maxTotalMergeKeys (${state.maxTotalMergeKeys})`);
}
function mergeKeys(state, frame, source, sourceTag) {
	chargeMergeWork(state);
	for (const sourceKey of sourceTag.keys(source)) {
		chargeMergeWork(state);
		if (frame.tag.has(frame.value, sourceKey)) continue;
		const err = frame.tag.addPair(frame.value, sourceKey, sourceTag.get(source, sourceKey));
		if (err) throwError$1(state, err);
		frame.overridable ??= /* @__PURE__ */ new Set();
		frame.overridable.add(sourceKey);
	}
}
function mergeSource(state, frame, source, sourceTag) {
	state.position = frame.keyPosition;
	if (isMappingTag(sourceTag)) mergeKeys(state, frame, source, sourceTag);
	else if (sourceTag.nodeKind === "sequence" && Array.isArray(source)) {
		if (source.length > 100) throwError$1(state, "abnormal merge sequence size");
		for (const element of source) {
			const elementTag = state.nodeTags.get(element);
			if (!elementTag) throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
			mergeKeys(state, frame, element, elementTag);
		}
	} else throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
}
function addMappingValue(state, frame, key, value, tag) {
	state.position = frame.keyPosition;
	if (frame.keyIsMerge) {
		mergeSource(state, frame, value, tag);
		return;
	}
	if (!state.json && frame.tag.has(frame.value, key) && !frame.overridable?.has(key)) throwError$1(state, "duplicated mapping key");
	const err = frame.tag.addPair(frame.value, key, value);
	if (err) throwError$1(state, err);
	frame.overridable?.delete(key);
}
function addValue(state, value, tag) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") {
		frame.value = value;
		frame.hasValue = true;
	} else if (frame.kind === "sequence") {
		if (isMappingTag(tag)) state.nodeTags.set(value, tag);
		const err = frame.tag.addItem(frame.value, value, frame.index++);
		if (err) throwError$1(state, err);
	} else if (frame.hasKey) {
		const key = frame.key;
		frame.key = void 0;
		frame.hasKey = false;
		addMappingValue(state, frame, key, value, tag);
	} else {
		frame.key = value;
		frame.keyPosition = state.position;
		frame.hasKey = true;
		frame.keyIsMerge = tag.tagName === MERGE_TAG_NAME;
	}
}
function storeAnchor(state, event, value, tag, isValueFinal) {
	if (event.anchorStart !== NO_RANGE$2) {
		const anchor = {
			value,
			tag,
			isValueFinal
		};
		state.anchors.set(state.source.slice(event.anchorStart, event.anchorEnd), anchor);
		return anchor;
	}
	return null;
}
/**
* Constructs JavaScript documents directly from parser events, without an
* intermediate AST.
*
* @category Events
*/
function constructFromEvents(events, options) {
	const state = {
		...DEFAULT_CONSTRUCTOR_OPTIONS,
		...options,
		events,
		documents: [],
		eventIndex: 0,
		position: 0,
		frames: [],
		anchors: /* @__PURE__ */ new Map(),
		nodeTags: /* @__PURE__ */ new Map(),
		tagHandlers: Object.create(null),
		totalMergeKeys: 0,
		aliasCount: 0
	};
	while (state.eventIndex < state.events.length) {
		const event = state.events[state.eventIndex++];
		state.position = eventPosition$1(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT:
				state.anchors = /* @__PURE__ */ new Map();
				state.nodeTags = /* @__PURE__ */ new Map();
				state.aliasCount = 0;
				state.tagHandlers = Object.create(null);
				for (const directive of event.directives) if (directive.kind === "tag") state.tagHandlers[directive.handle] = directive.prefix;
				state.frames.push({
					kind: "document",
					position: state.position,
					value: void 0,
					hasValue: false
				});
				break;
			case EVENT_ID.SCALAR: {
				const { value, tag } = constructScalar(state, event);
				storeAnchor(state, event, value, tag, true);
				addValue(state, value, tag);
				break;
			}
			case EVENT_ID.SEQUENCE: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:seq");
				const tag = state.schema.lookupSequenceTag(tagName);
				if (!tag) throwError$1(state, `unknown sequence tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "sequence",
					position: state.position,
					value,
					tag,
					anchor,
					index: 0
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:map");
				const tag = state.schema.lookupMappingTag(tagName);
				if (!tag) throwError$1(state, `unknown mapping tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "mapping",
					position: state.position,
					value,
					tag,
					anchor,
					key: void 0,
					keyPosition: state.position,
					hasKey: false,
					keyIsMerge: false,
					overridable: null
				});
				break;
			}
			case EVENT_ID.ALIAS: {
				if (state.maxAliases !== -1 && ++state.aliasCount > state.maxAliases) throwError$1(state, `aliases exceeded maxAliases (${state.maxAliases})`);
				const name = state.source.slice(event.anchorStart, event.anchorEnd);
				const anchor = state.anchors.get(name);
				if (!anchor) throwError$1(state, `unidentified alias "${name}"`);
				if (!anchor.isValueFinal) throwError$1(state, `recursive alias "${name}" is not supported for tag ${anchor.tag.tagName} because it uses finalize()`);
				addValue(state, anchor.value, anchor.tag);
				break;
			}
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.hasKey) {
					state.position = frame.keyPosition;
					throwError$1(state, "incomplete mapping pair in event stream");
				}
				if (frame.kind === "document") state.documents.push(frame.value);
				else {
					const value = frame.tag.carrierIsResult ? frame.value : finalizeCollection(state, frame.position, frame.tag, frame.value);
					if (frame.anchor) {
						frame.anchor.value = value;
						frame.anchor.isValueFinal = true;
					}
					addValue(state, value, frame.tag);
				}
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/parser/parser.ts
var NO_RANGE$1 = -1;
var HAS_OWN = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN = 1;
var CONTEXT_FLOW_OUT = 2;
var CONTEXT_BLOCK_IN = 3;
var CONTEXT_BLOCK_OUT = 4;
var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
var PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
var PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
var DEFAULT_PARSER_OPTIONS = {
	filename: "",
	maxDepth: 100
};
function addDocumentEvent(state, explicitStart, explicitEnd) {
	state.events.push({
		type: EVENT_ID.DOCUMENT,
		explicitStart,
		explicitEnd,
		directives: state.directives
	});
}
function addSequenceEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.SEQUENCE,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function addMappingEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.MAPPING,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function insertFlowPairMappingEvent(state, snapshot) {
	state.events.splice(snapshot.eventsLength, 0, {
		type: EVENT_ID.MAPPING,
		start: snapshot.position,
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1,
		style: COLLECTION_STYLE.FLOW
	});
}
function addScalarEvent(state, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
	state.events.push({
		type: EVENT_ID.SCALAR,
		valueStart,
		valueEnd,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style,
		chomping,
		indent,
		fast
	});
}
function addAliasEvent(state, anchorStart, anchorEnd) {
	state.events.push({
		type: EVENT_ID.ALIAS,
		anchorStart,
		anchorEnd
	});
}
function addPopEvent(state) {
	state.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent(state) {
	addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
	return {
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1
	};
}
function snapshotState(state) {
	return {
		position: state.position,
		line: state.line,
		lineStart: state.lineStart,
		lineIndent: state.lineIndent,
		firstTabInLine: state.firstTabInLine,
		eventsLength: state.events.length
	};
}
function restoreState(state, snapshot) {
	state.position = snapshot.position;
	state.line = snapshot.line;
	state.lineStart = snapshot.lineStart;
	state.lineIndent = snapshot.lineIndent;
	state.firstTabInLine = snapshot.firstTabInLine;
	state.events.length = snapshot.eventsLength;
}
function throwError(state, message) {
	YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol(c) {
	return c === 10 || c === 13;
}
function isWhiteSpace(c) {
	return c === 9 || c === 32;
}
function isWsOrEol(c) {
	return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
	return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
	return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
	return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
	if (c >= 48 && c <= 57) return c - 48;
	const lc = c | 32;
	if (lc >= 97 && lc <= 102) return lc - 97 + 10;
	return -1;
}
function escapedHexLen(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	if (c === 85) return 8;
	return 0;
}
function isSimpleEscape(c) {
	return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state) {
	if (state.input.charCodeAt(state.position) === 10) state.position++;
	else {
		state.position++;
		if (state.input.charCodeAt(state.position) === 10) state.position++;
	}
	state.line++;
	state.lineStart = state.position;
	state.lineIndent = 0;
	state.firstTabInLine = -1;
}
function skipSeparationSpace(state, allowComments) {
	let lineBreaks = 0;
	let ch = state.input.charCodeAt(state.position);
	let hasSeparation = state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
	while (ch !== 0) {
		while (isWhiteSpace(ch)) {
			hasSeparation = true;
			if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
			ch = state.input.charCodeAt(++state.position);
		}
		if (allowComments && hasSeparation && ch === 35) do
			ch = state.input.charCodeAt(++state.position);
		while (!isEol(ch) && ch !== 0);
		if (!isEol(ch)) break;
		consumeLineBreak(state);
		lineBreaks++;
		hasSeparation = true;
		ch = state.input.charCodeAt(state.position);
		while (ch === 32) {
			state.lineIndent++;
			ch = state.input.charCodeAt(++state.position);
		}
	}
	return lineBreaks;
}
function testDocumentSeparator(state, position = state.position) {
	const ch = state.input.charCodeAt(position);
	if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position + 1) && ch === state.input.charCodeAt(position + 2)) {
		const following = state.input.charCodeAt(position + 3);
		return following === 0 || isWsOrEol(following);
	}
	return false;
}
function skipByteOrderMark(state) {
	if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
		state.position++;
		state.lineStart = state.position;
	}
}
function testDocumentBoundary(state) {
	if (state.position !== state.lineStart) return false;
	if (testDocumentSeparator(state)) return true;
	if (state.input.charCodeAt(state.position) !== 65279) return false;
	const snapshot = snapshotState(state);
	skipByteOrderMark(state);
	skipSeparationSpace(state, true);
	const ch = state.input.charCodeAt(state.position);
	const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state));
	restoreState(state, snapshot);
	return result;
}
function skipUntilLineEnd(state) {
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0 && !isEol(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state, start, end) {
	const match = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
	if (match !== null) {
		state.position = start + match.index + match[0].length - 1;
		throwError(state, "the stream contains non-printable characters");
	}
}
function readTagProperty(state, props, inFlow) {
	if (state.input.charCodeAt(state.position) !== 33) return false;
	if (props.tagStart !== NO_RANGE$1) throwError(state, "duplication of a tag property");
	const start = state.position;
	let isVerbatim = false;
	let isNamed = false;
	let tagHandle = "!";
	let ch = state.input.charCodeAt(++state.position);
	if (ch === 60) {
		isVerbatim = true;
		ch = state.input.charCodeAt(++state.position);
	} else if (ch === 33) {
		isNamed = true;
		tagHandle = "!!";
		ch = state.input.charCodeAt(++state.position);
	}
	let suffixStart = state.position;
	let tagName;
	if (isVerbatim) {
		while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
		if (ch !== 62) throwError(state, "unexpected end of the stream within a verbatim tag");
		tagName = state.input.slice(suffixStart, state.position);
		state.position++;
	} else {
		while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
			if (ch === 33) {
				if (!isNamed) {
					tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
					if (!PATTERN_TAG_HANDLE.test(tagHandle)) throwError(state, "named tag handle cannot contain such characters");
					isNamed = true;
					suffixStart = state.position + 1;
				} else throwError(state, "tag suffix cannot contain exclamation marks");
			}
			ch = state.input.charCodeAt(++state.position);
		}
		tagName = state.input.slice(suffixStart, state.position);
		if (PATTERN_FLOW_INDICATORS.test(tagName)) throwError(state, "tag suffix cannot contain flow indicator characters");
	}
	if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName))) throwError(state, `tag name cannot contain such characters: ${tagName}`);
	if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state.tagHandlers, tagHandle)) throwError(state, `undeclared tag handle "${tagHandle}"`);
	props.tagStart = start;
	props.tagEnd = state.position;
	return true;
}
function readAnchorProperty(state, props) {
	if (state.input.charCodeAt(state.position) !== 38) return false;
	if (props.anchorStart !== NO_RANGE$1) throwError(state, "duplication of an anchor property");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");
	props.anchorStart = start;
	props.anchorEnd = state.position;
	return true;
}
function readAlias(state, props) {
	if (state.input.charCodeAt(state.position) !== 42) return false;
	if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) throwError(state, "alias node should not have any properties");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an alias node must contain at least one character");
	addAliasEvent(state, start, state.position);
	return true;
}
function readFlowScalarBreak(state, nodeIndent) {
	skipSeparationSpace(state, false);
	if (state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readSingleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 39) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 39) {
			if (state.input.charCodeAt(state.position + 1) === 39) {
				simple = false;
				state.position += 2;
				continue;
			}
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a single quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 34) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 34) {
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (ch === 92) {
			simple = false;
			const escaped = state.input.charCodeAt(++state.position);
			if (isEol(escaped)) readFlowScalarBreak(state, nodeIndent);
			else if (isSimpleEscape(escaped)) state.position++;
			else {
				let hexLength = escapedHexLen(escaped);
				if (hexLength === 0) throwError(state, "unknown escape sequence");
				while (hexLength-- > 0) {
					state.position++;
					if (fromHexCode(state.input.charCodeAt(state.position)) < 0) throwError(state, "expected hexadecimal character");
				}
				state.position++;
			}
		} else if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a double quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state, parentIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	let chomping = CHOMPING_MODE.CLIP;
	let indent = -1;
	let detectedIndent = false;
	if (ch !== 124 && ch !== 62) return false;
	const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		const current = state.input.charCodeAt(state.position);
		const digit = fromDecimalCode(current);
		if (current === 43 || current === 45) {
			if (chomping !== CHOMPING_MODE.CLIP) throwError(state, "repeat of a chomping mode identifier");
			chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
			state.position++;
		} else if (digit >= 0) {
			if (digit === 0) throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
			if (detectedIndent) throwError(state, "repeat of an indentation width identifier");
			indent = parentIndent + digit - 1;
			detectedIndent = true;
			state.position++;
		} else break;
	}
	let hadWhitespace = false;
	while (isWhiteSpace(state.input.charCodeAt(state.position))) {
		hadWhitespace = true;
		state.position++;
	}
	if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	else if (state.input.charCodeAt(state.position) !== 0) throwError(state, "a line break is expected");
	let contentIndent = detectedIndent ? indent : -1;
	let maxLeadingIndent = 0;
	const valueStart = state.position;
	let valueEnd = state.position;
	while (state.input.charCodeAt(state.position) !== 0) {
		const linePosition = state.position;
		let column = 0;
		while (state.input.charCodeAt(linePosition + column) === 32) column++;
		const first = state.input.charCodeAt(linePosition + column);
		if (first === 0) {
			if (contentIndent >= 0) {
				if (column > contentIndent) valueEnd = linePosition + column;
			} else if (column > 0) valueEnd = linePosition + column;
			break;
		}
		if (testDocumentBoundary(state)) break;
		if (!detectedIndent && contentIndent === -1 && isEol(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
		if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
			if (first === 9 && column < parentIndent) {
				state.position = linePosition + column;
				throwError(state, "tab characters must not be used in indentation");
			}
			if (column >= parentIndent && column < maxLeadingIndent) {
				state.position = linePosition + column;
				throwError(state, "bad indentation of a mapping entry");
			}
		}
		if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1) contentIndent = column;
		const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
		if (first !== 0 && !isEol(first) && column < requiredIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		skipUntilLineEnd(state);
		valueEnd = state.position;
		if (isEol(state.input.charCodeAt(state.position))) {
			consumeLineBreak(state);
			valueEnd = state.position;
		}
	}
	checkPrintable(state, valueStart, valueEnd);
	addScalarEvent(state, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
	return true;
}
function canStartPlainScalar(state, nodeContext) {
	const ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)) return false;
	if (ch === 63 || ch === 45) {
		const following = state.input.charCodeAt(state.position + 1);
		if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) return false;
	}
	return true;
}
function readPlainScalar(state, nodeIndent, nodeContext, props) {
	if (!canStartPlainScalar(state, nodeContext)) return false;
	const start = state.position;
	let end = state.position;
	let ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	let multiline = false;
	while (ch !== 0) {
		if (testDocumentBoundary(state)) break;
		if (ch === 58) {
			const following = state.input.charCodeAt(state.position + 1);
			if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) break;
		} else if (ch === 35) {
			if (isWsOrEol(state.input.charCodeAt(state.position - 1))) break;
		} else if (inFlow && isFlowIndicator(ch)) break;
		else if (isEol(ch)) {
			const savedPosition = state.position;
			const savedLine = state.line;
			const savedLineStart = state.lineStart;
			const savedLineIndent = state.lineIndent;
			skipSeparationSpace(state, false);
			if (state.lineIndent >= nodeIndent) {
				multiline = true;
				ch = state.input.charCodeAt(state.position);
				continue;
			}
			state.position = savedPosition;
			state.line = savedLine;
			state.lineStart = savedLineStart;
			state.lineIndent = savedLineIndent;
			break;
		}
		if (!isWhiteSpace(ch)) end = state.position + 1;
		ch = state.input.charCodeAt(++state.position);
	}
	if (end === start) return false;
	checkPrintable(state, start, end);
	addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
	return true;
}
function skipFlowSeparationSpace(state, nodeIndent) {
	const startLine = state.line;
	skipSeparationSpace(state, true);
	if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readFlowCollection(state, nodeIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	const isMapping = ch === 123;
	const start = state.position;
	let readNext = true;
	if (ch !== 91 && ch !== 123) return false;
	const terminator = isMapping ? 125 : 93;
	if (isMapping) addMappingEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		skipFlowSeparationSpace(state, nodeIndent);
		let ch = state.input.charCodeAt(state.position);
		if (ch === terminator) {
			state.position++;
			addPopEvent(state);
			return true;
		} else if (!readNext) throwError(state, "missed comma between flow collection entries");
		else if (ch === 44) throwError(state, "expected the node content, but found ','");
		let isPair = false;
		let isExplicitPair = false;
		if (ch === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
			isPair = isExplicitPair = true;
			state.position += 1;
			skipFlowSeparationSpace(state, nodeIndent);
		}
		const entryLine = state.line;
		const entryStart = snapshotState(state);
		const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
		skipFlowSeparationSpace(state, nodeIndent);
		ch = state.input.charCodeAt(state.position);
		if ((isMapping || isExplicitPair || state.line === entryLine) && ch === 58) {
			isPair = true;
			state.position++;
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) {
				insertFlowPairMappingEvent(state, entryStart);
				if (!keyWasRead) addEmptyScalarEvent(state);
			} else if (!keyWasRead) addEmptyScalarEvent(state);
			if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state);
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) addPopEvent(state);
		} else if (isMapping && isPair) {
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
		} else if (isMapping) addEmptyScalarEvent(state);
		else if (isPair) {
			insertFlowPairMappingEvent(state, entryStart);
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
			addPopEvent(state);
		}
		ch = state.input.charCodeAt(state.position);
		if (ch === 44) {
			readNext = true;
			state.position++;
		} else readNext = false;
	}
	throwError(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state, nodeIndent, props) {
	if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) return false;
	addSequenceEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
	while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) {
		if (state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const entryLine = state.line;
		state.position++;
		const hadBreak = skipSeparationSpace(state, true) > 0;
		if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
		if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent(state);
		else parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
		skipSeparationSpace(state, true);
		if (state.lineIndent < nodeIndent || state.position >= state.length) break;
		if (state.lineIndent > nodeIndent) throwError(state, "bad indentation of a sequence entry");
		if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
	}
	addPopEvent(state);
	return true;
}
function readBlockMapping(state, nodeIndent, flowIndent, props) {
	let atExplicitKey = false;
	let detected = false;
	let mappingOpened = false;
	let pendingExplicitKey = false;
	if (state.firstTabInLine !== -1) return false;
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0) {
		if (!atExplicitKey && state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const following = state.input.charCodeAt(state.position + 1);
		const entryLine = state.line;
		if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
			if (!mappingOpened) {
				addMappingEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
				mappingOpened = true;
			}
			if (ch === 63) {
				if (atExplicitKey) addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = true;
			} else if (atExplicitKey) atExplicitKey = false;
			else {
				addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = false;
			}
			state.position += 1;
			pendingExplicitKey = true;
		} else {
			if (atExplicitKey) {
				addEmptyScalarEvent(state);
				atExplicitKey = false;
			}
			const beforeKey = snapshotState(state);
			if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
			if (state.line === entryLine) {
				ch = state.input.charCodeAt(state.position);
				while (isWhiteSpace(ch)) ch = state.input.charCodeAt(++state.position);
				if (ch === 58) {
					ch = state.input.charCodeAt(++state.position);
					if (!isWsOrEolOrEnd(ch)) throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
					if (!mappingOpened) {
						state.events.splice(beforeKey.eventsLength, 0, {
							type: EVENT_ID.MAPPING,
							start: beforeKey.position,
							anchorStart: props.anchorStart,
							anchorEnd: props.anchorEnd,
							tagStart: props.tagStart,
							tagEnd: props.tagEnd,
							style: COLLECTION_STYLE.BLOCK
						});
						mappingOpened = true;
					}
					detected = true;
					atExplicitKey = false;
					pendingExplicitKey = false;
				} else if (detected) throwError(state, "expected ':' after a mapping key");
				else {
					if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
						restoreState(state, beforeKey);
						return false;
					}
					return true;
				}
			} else if (detected) throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
			else {
				if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
					restoreState(state, beforeKey);
					return false;
				}
				return true;
			}
		}
		if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
		if (!atExplicitKey) {
			if (pendingExplicitKey) {
				addEmptyScalarEvent(state);
				pendingExplicitKey = false;
			}
		}
		skipSeparationSpace(state, true);
		ch = state.input.charCodeAt(state.position);
		if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0) throwError(state, "bad indentation of a mapping entry");
		else if (state.lineIndent < nodeIndent) break;
	}
	if (!detected) return false;
	if (atExplicitKey) addEmptyScalarEvent(state);
	if (mappingOpened) addPopEvent(state);
	return true;
}
function parseNode(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
	if (state.depth >= state.maxDepth) throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
	state.depth++;
	let indentStatus = 1;
	let atNewLine = false;
	let hasContent = false;
	let propertyStart = null;
	const props = emptyProperties();
	let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
	let allowBlockCollections = allowBlockScalars;
	const allowBlockStyles = allowBlockScalars;
	if (allowToSeek && skipSeparationSpace(state, true)) {
		atNewLine = true;
		if (state.lineIndent > parentIndent) indentStatus = 1;
		else if (state.lineIndent === parentIndent) indentStatus = 0;
		else indentStatus = -1;
	}
	if (indentStatus === 1) while (true) {
		const ch = state.input.charCodeAt(state.position);
		const propertyState = snapshotState(state);
		if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
		if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
			const fallbackState = snapshotState(state);
			const flowIndent = parentIndent + 1;
			if (readBlockMapping(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
				state.depth--;
				return true;
			}
			restoreState(state, fallbackState);
		}
		if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1)) break;
		if (!readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state, props)) break;
		if (propertyStart === null) propertyStart = propertyState;
		if (skipSeparationSpace(state, true)) {
			atNewLine = true;
			allowBlockCollections = allowBlockStyles;
			if (state.lineIndent > parentIndent) indentStatus = 1;
			else if (state.lineIndent === parentIndent) indentStatus = 0;
			else indentStatus = -1;
		} else allowBlockCollections = false;
	}
	if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
	if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
		const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
		const blockIndent = state.position - state.lineStart;
		if (indentStatus === 1) {
			if (allowBlockCollections && (readBlockSequence(state, blockIndent, props) || readBlockMapping(state, blockIndent, flowIndent, props)) || readFlowCollection(state, flowIndent, props)) hasContent = true;
			else {
				const ch = state.input.charCodeAt(state.position);
				if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
					const fallbackState = snapshotState(state);
					const propertyIndent = propertyStart.position - propertyStart.lineStart;
					restoreState(state, propertyStart);
					if (readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) hasContent = true;
					else restoreState(state, fallbackState);
				}
				if (!hasContent && (allowBlockScalars && readBlockScalar(state, flowIndent, props) || readSingleQuotedScalar(state, flowIndent, props) || readDoubleQuotedScalar(state, flowIndent, props) || readAlias(state, props) || readPlainScalar(state, flowIndent, nodeContext, props))) hasContent = true;
			}
		} else if (indentStatus === 0) hasContent = allowBlockCollections && readBlockSequence(state, blockIndent, props);
	}
	allowBlockScalars = allowBlockScalars && !hasContent;
	if (!hasContent && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
		addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
		hasContent = true;
	}
	state.depth--;
	return hasContent || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function readDirective(state) {
	if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
	state.position++;
	const nameStart = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
	const name = state.input.slice(nameStart, state.position);
	const args = [];
	if (name.length === 0) throwError(state, "directive name must not be less than one character in length");
	while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
		while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
		if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
		const start = state.position;
		while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
		args.push(state.input.slice(start, state.position));
	}
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	if (name === "YAML") {
		if (state.directives.some((directive) => directive.kind === "yaml")) throwError(state, "duplication of %YAML directive");
		if (args.length !== 1) throwError(state, "YAML directive accepts exactly one argument");
		const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
		if (match === null) throwError(state, "ill-formed argument of the YAML directive");
		if (parseInt(match[1], 10) !== 1) throwError(state, "unacceptable YAML version of the document");
		state.directives.push({
			kind: "yaml",
			version: args[0]
		});
	} else if (name === "TAG") {
		if (args.length !== 2) throwError(state, "TAG directive accepts exactly two arguments");
		const [handle, prefix] = args;
		if (!PATTERN_TAG_HANDLE.test(handle)) throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
		if (HAS_OWN.call(state.tagHandlers, handle)) throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
		if (!PATTERN_TAG_PREFIX.test(prefix)) throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
		state.tagHandlers[handle] = prefix;
		state.directives.push({
			kind: "tag",
			handle,
			prefix
		});
	}
	return true;
}
function readDocument(state) {
	state.directives = [];
	state.tagHandlers = Object.create(null);
	let hasDirectives = false;
	skipSeparationSpace(state, true);
	while (readDirective(state)) {
		hasDirectives = true;
		skipSeparationSpace(state, true);
	}
	let explicitStart = false;
	let explicitEnd = false;
	let allowCompact = true;
	if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))) {
		explicitStart = true;
		const markerLine = state.line;
		state.position += 3;
		skipSeparationSpace(state, true);
		allowCompact = state.line > markerLine;
	} else if (hasDirectives) throwError(state, "directives end mark is expected");
	const documentEventIndex = state.events.length;
	if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator(state)) {
		state.position += 3;
		skipSeparationSpace(state, true);
		return;
	}
	addDocumentEvent(state, explicitStart, false);
	if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
	skipSeparationSpace(state, true);
	if (state.position === state.lineStart && testDocumentSeparator(state)) {
		explicitEnd = state.input.charCodeAt(state.position) === 46;
		if (explicitEnd) {
			const markerLine = state.line;
			state.position += 3;
			skipSeparationSpace(state, true);
			if (state.line === markerLine && state.position < state.length) throwError(state, "end of the stream or a document separator is expected");
		}
	}
	const documentEvent = state.events[documentEventIndex];
	if (documentEvent?.type === EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
	addPopEvent(state);
	if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state)) throwError(state, "end of the stream or a document separator is expected");
}
/**
* Parses YAML into a flat event stream referencing source text by offsets.
*
* @category Events
*/
function parseEvents(input, options) {
	const length = input.length;
	const state = {
		...DEFAULT_PARSER_OPTIONS,
		...options,
		input: `${input}\0`,
		length,
		position: 0,
		line: 0,
		lineStart: 0,
		lineIndent: 0,
		firstTabInLine: -1,
		depth: 0,
		directives: [],
		tagHandlers: Object.create(null),
		events: []
	};
	const nullpos = input.indexOf("\0");
	if (nullpos !== -1) YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
	while (state.position < state.length) {
		skipByteOrderMark(state);
		skipSeparationSpace(state, true);
		if (state.position >= state.length) break;
		const documentStart = state.position;
		readDocument(state);
		if (state.position === documentStart)
 /* c8 ignore next */
		throwError(state, "can not read a document");
	}
	return state.events;
}
//#endregion
//#region src/load.ts
var DEFAULT_LOAD_OPTIONS = {
	...DEFAULT_PARSER_OPTIONS,
	...DEFAULT_CONSTRUCTOR_OPTIONS
};
function loadDocuments(input, options = {}) {
	const opts = {
		...DEFAULT_LOAD_OPTIONS,
		...options
	};
	const source = String(input);
	const PARSER_OPT_KEYS = Object.keys(DEFAULT_PARSER_OPTIONS);
	const CONSTRUCTOR_OPT_KEYS = Object.keys(DEFAULT_CONSTRUCTOR_OPTIONS);
	return constructFromEvents(parseEvents(source, js_yaml_pick(opts, PARSER_OPT_KEYS)), {
		...js_yaml_pick(opts, CONSTRUCTOR_OPT_KEYS),
		source
	});
}
function loadAll(input, iteratorOrOptions, options) {
	let iterator = null;
	if (typeof iteratorOrOptions === "function") iterator = iteratorOrOptions;
	else if (iteratorOrOptions !== null && typeof iteratorOrOptions === "object") options = iteratorOrOptions;
	const documents = loadDocuments(input, options);
	if (iterator === null) return documents;
	for (const document of documents) iterator(document);
}
/**
* Parses `string` as a single YAML document. Throws {@link YAMLException} on
* error. This function does not understand multi-document or empty sources; it
* throws an exception on those.
*
* > [!NOTE]
* > 1. When processing untrusted input, see the
* >    [security considerations](../docs/safety.md).
* > 2. All exceptions MUST be caught, not just {@link YAMLException}.
* > 3. The default {@link CORE_SCHEMA} comes without the `!!merge` tag. You can
* >    easily enable it if needed.
* > 4. The default {@link mapTag} is `{}`-object based, with known limitations
* >    (see description). For full compatibility use {@link realMapTag}
* >    instead (it uses native JS `Map`).
*
* @example
* Enable {@link mergeTag} and {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag, realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Main
*/
function load(input, options) {
	const documents = loadDocuments(input, options);
	if (documents.length === 0) throw new YAMLException("expected a document, but the input is empty");
	if (documents.length === 1) return documents[0];
	throw new YAMLException("expected a single document in the stream, but found more");
}
//#endregion
//#region src/ast/from_js.ts
var INVALID = Symbol("INVALID");
function buildRepresentTypes(schema) {
	const defaultTags = new Set([
		schema.defaultScalarTag,
		schema.defaultSequenceTag,
		schema.defaultMappingTag
	].filter((t) => t !== void 0));
	const implicitScalars = schema.implicitScalarTags;
	const explicitTags = schema.tags.filter((t) => !(t.nodeKind === "scalar" && t.implicit) && !defaultTags.has(t));
	const defaultTagsLast = schema.tags.filter((t) => defaultTags.has(t));
	return [
		...implicitScalars.map((tag) => ({
			tag,
			implicitTag: true
		})),
		...explicitTags.map((tag) => ({
			tag,
			implicitTag: false
		})),
		...defaultTagsLast.map((tag) => ({
			tag,
			implicitTag: true
		}))
	];
}
function matchTag(state, object) {
	for (let index = 0, length = state.representTypes.length; index < length; index += 1) {
		const { tag, implicitTag } = state.representTypes[index];
		if (tag.identify(object)) {
			let tagName;
			if (tag.matchByTagPrefix) tagName = tag.representTagName(object);
			else tagName = tag.tagName;
			return {
				tag,
				tagName,
				implicitTag
			};
		}
	}
	return null;
}
function build(state, object) {
	if (!state.noRefs && object !== null && typeof object === "object") {
		const existing = state.refs.get(object);
		if (existing) {
			if (existing.anchor === void 0) existing.anchor = `ref_${state.refCounter++}`;
			return {
				kind: "alias",
				anchor: existing.anchor
			};
		}
	}
	const matched = matchTag(state, object);
	if (!matched) {
		if (object === void 0) return INVALID;
		if (state.skipInvalid) return INVALID;
		throw new YAMLException(`unacceptable kind of an object to dump ${Object.prototype.toString.call(object)}`);
	}
	const { tag, tagName, implicitTag } = matched;
	const nodeTagName = implicitTag ? tagName : tagNameShort(tagName);
	if (tag.nodeKind === "scalar") return {
		kind: "scalar",
		tag: nodeTagName,
		tagged: !implicitTag,
		style: SCALAR_STYLE.PLAIN,
		value: tag.represent(object)
	};
	if (tag.nodeKind === "sequence") {
		const container = tag.represent(object);
		const node = {
			kind: "sequence",
			tag: nodeTagName,
			tagged: !implicitTag,
			style: COLLECTION_STYLE.BLOCK,
			items: []
		};
		if (!state.noRefs) state.refs.set(object, node);
		for (let index = 0, length = container.length; index < length; index += 1) {
			let item = build(state, container[index]);
			if (item === INVALID && container[index] === void 0) item = build(state, null);
			if (item === INVALID) continue;
			node.items.push(item);
		}
		return node;
	}
	const map = tag.represent(object);
	const node = {
		kind: "mapping",
		tag: nodeTagName,
		tagged: !implicitTag,
		style: COLLECTION_STYLE.BLOCK,
		items: []
	};
	if (!state.noRefs) state.refs.set(object, node);
	for (const [objectKey, objectValue] of map) {
		const key = build(state, objectKey);
		if (key === INVALID) continue;
		const value = build(state, objectValue);
		if (value === INVALID) continue;
		node.items.push({
			key,
			value
		});
	}
	return node;
}
/**
* Convert JS object to AST. A JS value is one YAML document. An unrepresentable
* root becomes an empty document, which the presenter renders as an empty
* string.
*
* @category AST
*/
function jsToAst(input, schema, options = {}) {
	const root = build({
		representTypes: buildRepresentTypes(schema),
		noRefs: options.noRefs ?? false,
		skipInvalid: options.skipInvalid ?? false,
		refs: /* @__PURE__ */ new Map(),
		refCounter: 0
	}, input);
	return [{
		contents: root === INVALID ? null : root,
		directives: []
	}];
}
//#endregion
//#region src/ast/visit.ts
/**
* Return from a visitor to stop the whole traversal.
*
* @category AST
*/
var VISIT_BREAK = Symbol("visit:break");
/**
* Return from a visitor to skip the current node's children.
*
* @category AST
*/
var VISIT_SKIP = Symbol("visit:skip");
function visitNode(node, visitor, ctx) {
	const control = visitor(node, ctx);
	if (control === VISIT_BREAK) return true;
	if (control === VISIT_SKIP) return false;
	const depth = ctx.depth + 1;
	switch (node.kind) {
		case "sequence":
			for (const item of node.items) if (visitNode(item, visitor, {
				depth,
				parent: node,
				isKey: false
			})) return true;
			break;
		case "mapping": for (const { key, value } of node.items) {
			if (visitNode(key, visitor, {
				depth,
				parent: node,
				isKey: true
			})) return true;
			if (visitNode(value, visitor, {
				depth,
				parent: node,
				isKey: false
			})) return true;
		}
	}
	return false;
}
/**
* Walk every node in the documents, calling {@link Visitor} once per
* node (pre-order).
*
* @category AST
*/
function visit(documents, visitor) {
	for (const doc of documents) if (doc.contents && visitNode(doc.contents, visitor, {
		depth: 0,
		parent: null,
		isKey: false
	})) return;
}
//#endregion
//#region src/ast/styler_defaults.ts
function hasBit(mask, bit) {
	return (mask & 1 << bit) !== 0;
}
/**
* Default scalar styling rules in application order.
* See [Scalar styling](../../docs/scalar_styling.md) for usage details.
*
* @category AST
*/
var DEFAULT_SCALAR_STYLE_RULES = {
	applyQuoteFlowKeysOption,
	doubleQuoteForInvisibles,
	doubleQuoteWhitespaceOnly,
	applyForceQuotesOption,
	tryLongOrMultilineAsBlock,
	quoteInvalidPlain,
	fallbackToDoubleQuoted
};
function _preferredQuotedStyle(layout) {
	if (layout.presenterOptions.quoteStyle === "single" && hasBit(layout.allowedStylesMask, SCALAR_STYLE.SINGLE_QUOTED)) return SCALAR_STYLE.SINGLE_QUOTED;
	return SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
	if (!layout.presenterOptions.quoteFlowKeys) return;
	if (!layout.isKey || !layout.flowOnly || layout.style !== SCALAR_STYLE.PLAIN) return;
	layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
	if (!layout.presenterOptions.forceQuotes) return;
	if (layout.isKey || layout.style !== SCALAR_STYLE.PLAIN) return;
	if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
	layout.style = layout.node.value.includes("\n") ? SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
	if (layout.style !== SCALAR_STYLE.PLAIN || layout.isKey) return;
	const value = layout.node.value;
	const multiline = value.indexOf("\n") !== -1;
	if (!hasBit(layout.allowedStylesMask, SCALAR_STYLE.LITERAL_BLOCK)) {
		if (multiline) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
		return;
	}
	const w = layout.presenterOptions.lineWidth;
	if (w === -1) {
		if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
		return;
	}
	const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	let position = 0;
	let shouldFold = false;
	while (position <= value.length) {
		let lineEnd = value.length;
		const nextLineBreak = value.indexOf("\n", position);
		if (nextLineBreak !== -1) lineEnd = nextLineBreak;
		const line = value.slice(position, lineEnd);
		if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
		if (nextLineBreak === -1) break;
		position = nextLineBreak + 1;
	}
	if (shouldFold) layout.style = SCALAR_STYLE.FOLDED_BLOCK;
	else if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && !hasBit(layout.allowedStylesMask, SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
	if (!hasBit(layout.allowedStylesMask, layout.style)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
//#endregion
//#region src/ast/scalar_styler.ts
function setBit(mask, bit) {
	return mask | 1 << bit;
}
var SRC_C_PRINTABLE = "[\\x09\\x0A\\x0D\\x20-\\x7E\\x85\\xA0-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]";
var SRC_B_CHAR = "[\\n\\r]";
var SRC_C_BYTE_ORDER_MARK = "\\uFEFF";
var SRC_S_WHITE = "[ \\t]";
var SRC_NB_CHAR = `(?:(?!(?:${SRC_B_CHAR}|${SRC_C_BYTE_ORDER_MARK}))${SRC_C_PRINTABLE})`;
var SRC_NS_CHAR = `(?:(?!${SRC_S_WHITE})${SRC_NB_CHAR})`;
var SRC_NB_JSON = "[\\x09\\x20-\\uD7FF\\uE000-\\uFFFF\\u{10000}-\\u{10FFFF}]";
var SRC_C_INDICATOR = "[-?:,\\[\\]{}#&*!|>'\"%@`]";
var SRC_C_FLOW_INDICATOR = "[,\\[\\]{}]";
var SRC_NS_PLAIN_SAFE_FLOW_OUT = SRC_NS_CHAR;
var SRC_NS_PLAIN_SAFE_FLOW_IN = `(?:(?!${SRC_C_FLOW_INDICATOR})${SRC_NS_CHAR})`;
var SRC_NS_PLAIN_FIRST_FLOW_OUT = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))`;
var SRC_NS_PLAIN_FIRST_FLOW_IN = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))`;
var SRC_NS_PLAIN_CHAR_FLOW_OUT = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_OUT})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))#*`;
var SRC_NS_PLAIN_CHAR_FLOW_IN = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_IN})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))#*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_OUT})*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_IN})*`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_OUT = `${SRC_NS_PLAIN_FIRST_FLOW_OUT}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_IN = `${SRC_NS_PLAIN_FIRST_FLOW_IN}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_OUT;
var SRC_NS_PLAIN_ONE_LINE_FLOW_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_IN;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_OUT}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_IN}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT = `${SRC_NS_PLAIN_ONE_LINE_FLOW_OUT}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT})*`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_IN = `${SRC_NS_PLAIN_ONE_LINE_FLOW_IN}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN})*`;
var NS_PLAIN_FLOW_OUT = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT})$`, "u");
var NS_PLAIN_FLOW_IN = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_IN})$`, "u");
var NS_PLAIN_BLOCK_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY})$`, "u");
var NS_PLAIN_FLOW_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_FLOW_KEY})$`, "u");
var NB_SINGLE_ONE_LINE = new RegExp(`^(?:${SRC_NB_JSON})*$`, "u");
var NB_SINGLE_MULTI_LINE = new RegExp(`^(?:${SRC_NB_JSON}|\\n)*$`, "u");
var BLOCK_SCALAR_CONTENT = new RegExp(`^(?:${SRC_NB_CHAR}|\\n)*$`, "u");
var C_FORBIDDEN_FIRST_LINE = /^(?:---|\.\.\.)(?=$|[ \t\n\r])/;
var C_FORBIDDEN_CONTENT = /^(?:---|\.\.\.)(?=$|[ \t\n\r])/m;
function canUsePlain(layout) {
	const str = layout.node.value;
	if (str !== "") {
		if (!(layout.isKey ? layout.flowOnly ? NS_PLAIN_FLOW_KEY : NS_PLAIN_BLOCK_KEY : layout.flowOnly ? NS_PLAIN_FLOW_IN : NS_PLAIN_FLOW_OUT).test(str)) return false;
		if (layout.shiftOfFirstLine === 0 && C_FORBIDDEN_FIRST_LINE.test(str)) return false;
		if (layout.shiftOfContent === 0) {
			const firstLineBreak = str.indexOf("\n");
			if (firstLineBreak !== -1) {
				const content = str.slice(firstLineBreak + 1);
				if (C_FORBIDDEN_CONTENT.test(content)) return false;
			}
		}
	}
	const resolvedTag = layout.presenterOptions.schema.resolveImplicitScalarTag(str).tag.tagName;
	if (!layout.node.tagged && resolvedTag !== layout.node.tag) return false;
	if (!layout.node.tagged && str === "=" && resolvedTag === layout.presenterOptions.schema.defaultScalarTag.tagName) return false;
	return true;
}
function canUseSingleQuoted(layout) {
	const str = layout.node.value;
	if (!(layout.isKey ? NB_SINGLE_ONE_LINE : NB_SINGLE_MULTI_LINE).test(str)) return false;
	if (/[ \t]\n|\n[ \t]/.test(str)) return false;
	if (!layout.isKey && layout.shiftOfContent === 0) {
		const firstLineBreak = str.indexOf("\n");
		if (firstLineBreak !== -1 && C_FORBIDDEN_CONTENT.test(str.slice(firstLineBreak + 1))) return false;
	}
	return true;
}
function canUseBlock(layout) {
	if (layout.flowOnly || !BLOCK_SCALAR_CONTENT.test(layout.node.value)) return false;
	const contentIndent = layout.shiftOfContent - layout.shiftOfParent;
	if (contentIndent < 1) return false;
	if (contentIndent > 9 && /^\n* /.test(layout.node.value)) return false;
	if (layout.shiftOfContent === 0 && C_FORBIDDEN_CONTENT.test(layout.node.value)) return false;
	return true;
}
function detectAllowedStyles(layout) {
	let mask = setBit(0, SCALAR_STYLE.DOUBLE_QUOTED);
	if (canUsePlain(layout)) mask = setBit(mask, SCALAR_STYLE.PLAIN);
	if (canUseSingleQuoted(layout)) mask = setBit(mask, SCALAR_STYLE.SINGLE_QUOTED);
	if (canUseBlock(layout)) mask = setBit(setBit(mask, SCALAR_STYLE.LITERAL_BLOCK), SCALAR_STYLE.FOLDED_BLOCK);
	layout.allowedStylesMask = mask;
}
function renderScalar(layout) {
	switch (layout.style) {
		case SCALAR_STYLE.PLAIN: return renderPlain(layout);
		case SCALAR_STYLE.SINGLE_QUOTED: return renderSingleQuoted(layout);
		case SCALAR_STYLE.LITERAL_BLOCK: return renderLiteralBlock(layout);
		case SCALAR_STYLE.FOLDED_BLOCK: return renderFoldedBlock(layout);
		case SCALAR_STYLE.DOUBLE_QUOTED: return renderDoubleQuoted(layout);
	}
}
function renderPlain(layout) {
	return encodeFlowBreaks(layout.node.value, layout.shiftOfContent);
}
function renderSingleQuoted(layout) {
	return `'${encodeFlowBreaks(layout.node.value, layout.shiftOfContent).replace(/'/g, "''")}'`;
}
function renderLiteralBlock(layout) {
	const value = layout.node.value;
	return "|" + blockHeader(value, layout.shiftOfParent, layout.shiftOfContent) + dropEndingNewline(indentString(value, layout.shiftOfContent));
}
function renderFoldedBlock(layout) {
	const value = layout.node.value;
	const w = layout.presenterOptions.lineWidth;
	let availableWidth = Infinity;
	if (w !== -1) availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	return ">" + blockHeader(value, layout.shiftOfParent, layout.shiftOfContent) + dropEndingNewline(indentString(foldBlockScalar(value, availableWidth), layout.shiftOfContent));
}
function renderDoubleQuoted(layout) {
	return `"${escapeString(layout.node.value)}"`;
}
function encodeFlowBreaks(string, shiftOfContent) {
	let nextLF = string.indexOf("\n");
	if (nextLF === -1) return string;
	const pad = " ".repeat(shiftOfContent);
	let result = string.slice(0, nextLF);
	const lineRe = /(\n+)([^\n]*)/g;
	lineRe.lastIndex = nextLF;
	let match;
	while (match = lineRe.exec(string)) {
		const breaks = match[1].length;
		const line = match[2];
		result += "\n".repeat(breaks + 1) + pad + line;
	}
	return result;
}
function indentString(string, spaces) {
	const indent = " ".repeat(spaces);
	let position = 0;
	let result = "";
	const length = string.length;
	while (position < length) {
		let line;
		const next = string.indexOf("\n", position);
		if (next === -1) {
			line = string.slice(position);
			position = length;
		} else {
			line = string.slice(position, next + 1);
			position = next + 1;
		}
		if (line.length && line !== "\n") result += indent;
		result += line;
	}
	return result;
}
function needIndentIndicator(string) {
	return /^\n* /.test(string);
}
function blockHeader(string, shiftOfParent, shiftOfContent) {
	const indentIndicator = needIndentIndicator(string) ? String(shiftOfContent - shiftOfParent) : "";
	const clip = string[string.length - 1] === "\n";
	return `${indentIndicator}${clip && (string[string.length - 2] === "\n" || string === "\n") ? "+" : clip ? "" : "-"}\n`;
}
function dropEndingNewline(string) {
	return string[string.length - 1] === "\n" ? string.slice(0, -1) : string;
}
function isMoreIndented(char) {
	return char === " " || char === "	";
}
function foldLine(line, width) {
	if (line === "" || isMoreIndented(line[0])) return line;
	const breakRe = / [^ \t]/g;
	let match;
	let start = 0;
	let end;
	let curr = 0;
	let next = 0;
	let result = "";
	while (match = breakRe.exec(line)) {
		next = match.index;
		if (next - start > width) {
			end = curr > start ? curr : next;
			result += `\n${line.slice(start, end)}`;
			start = end + 1;
		}
		curr = next;
	}
	result += "\n";
	if (line.length - start > width && curr > start) result += `${line.slice(start, curr)}\n${line.slice(curr + 1)}`;
	else result += line.slice(start);
	return result.slice(1);
}
function foldBlockScalar(string, width) {
	const lineRe = /(\n+)([^\n]*)/g;
	let nextLF = string.indexOf("\n");
	if (nextLF === -1) nextLF = string.length;
	lineRe.lastIndex = nextLF;
	let result = foldLine(string.slice(0, nextLF), width);
	let prevMoreIndented = string[0] === "\n" || isMoreIndented(string[0]);
	let moreIndented;
	let match;
	while (match = lineRe.exec(string)) {
		const prefix = match[1];
		const line = match[2];
		moreIndented = line !== "" && isMoreIndented(line[0]);
		result += prefix + (!prevMoreIndented && !moreIndented && line !== "" ? "\n" : "") + foldLine(line, width);
		prevMoreIndented = moreIndented;
	}
	return result;
}
var CHARACTERS_TO_ESCAPE = /["\\\x00-\x1F\x7F-\xA0\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/gu;
function escapeCharacter(character) {
	switch (character) {
		case "\0": return "\\0";
		case "\x07": return "\\a";
		case "\b": return "\\b";
		case "	": return "\\t";
		case "\n": return "\\n";
		case "\v": return "\\v";
		case "\f": return "\\f";
		case "\r": return "\\r";
		case "\x1B": return "\\e";
		case "\"": return "\\\"";
		case "\\": return "\\\\";
		case "": return "\\N";
		case "\xA0": return "\\_";
		case "\u2028": return "\\L";
		case "\u2029": return "\\P";
	}
	const code = character.charCodeAt(0);
	const hex = code.toString(16).toUpperCase();
	if (code <= 255) return `\\x${"0".repeat(2 - hex.length)}${hex}`;
	return `\\u${"0".repeat(4 - hex.length)}${hex}`;
}
function escapeString(string) {
	return string.replace(CHARACTERS_TO_ESCAPE, escapeCharacter);
}
//#endregion
//#region src/ast/presenter.ts
var CHAR_LINE_FEED = 10;
var DEFAULT_PRESENTER_OPTIONS = {
	indent: 2,
	seqNoIndent: false,
	seqInlineFirst: true,
	lineWidth: 80,
	flowBracketPadding: false,
	flowSkipCommaSpace: false,
	flowSkipColonSpace: false,
	quoteFlowKeys: false,
	quoteStyle: "single",
	forceQuotes: false,
	scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name)),
	tagBeforeAnchor: false
};
function nodeTagShort(node) {
	return node.tagged ? node.tag : tagNameShort(node.tag);
}
function createPresenterState(options) {
	const opts = {
		...DEFAULT_PRESENTER_OPTIONS,
		...options
	};
	if (opts.flowSkipColonSpace) opts.quoteFlowKeys = true;
	return {
		...opts,
		defaultScalarTagName: opts.schema.defaultScalarTag.tagName,
		openEnded: false
	};
}
function generateNextLine(state, level) {
	return `\n${" ".repeat(state.indent * level)}`;
}
function scalarLayout(state, node, parent, level, isKey, flowOnly) {
	return {
		node,
		parent,
		level,
		isKey,
		flowOnly,
		shiftOfParent: level === 0 ? -1 : state.indent * (level - 1),
		shiftOfContent: state.indent * Math.max(1, level),
		shiftOfFirstLine: level === 0 ? 0 : state.indent * level,
		presenterOptions: state,
		allowedStylesMask: 0,
		style: node.style
	};
}
function writeFlowSequence(state, level, node) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		const item = writeNode(state, level, node.items[index], node, {}).text;
		if (index > 0) result += `,${!state.flowSkipCommaSpace ? " " : ""}`;
		result += item;
	}
	const pad = state.flowBracketPadding && node.items.length > 0 ? " " : "";
	return `[${pad}${result}${pad}]`;
}
function writeBlockSequence(state, level, node, compact) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		const item = writeNode(state, level + 1, node.items[index], node, {
			block: true,
			compact: state.seqInlineFirst,
			isblockseq: true
		}).text;
		if (!compact || result !== "") result += generateNextLine(state, level);
		if (item === "" || CHAR_LINE_FEED === item.charCodeAt(0)) result += "-";
		else result += "- ";
		result += item;
	}
	return result;
}
function writeFlowMapping(state, level, node) {
	let result = "";
	for (const { key, value } of node.items) {
		let pairBuffer = "";
		if (result !== "") pairBuffer += `,${!state.flowSkipCommaSpace ? " " : ""}`;
		const keyRender = writeNode(state, level, key, node, { iskey: true });
		const keyText = keyRender.text;
		const valueText = writeNode(state, level, value, node, {}).text;
		const sep = state.flowSkipColonSpace || valueText === "" ? "" : " ";
		const keyIsBareProps = key.kind === "scalar" && keyRender.noBody && (key.tagged || key.anchor !== void 0);
		const keyColonSep = key.kind === "alias" || keyIsBareProps ? " " : "";
		pairBuffer += `${keyText}${keyColonSep}:${sep}${valueText}`;
		result += pairBuffer;
	}
	const pad = state.flowBracketPadding && result !== "" ? " " : "";
	return `{${pad}${result}${pad}}`;
}
function writeBlockMapping(state, level, node, compact) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		let pairBuffer = "";
		if (!compact || result !== "") pairBuffer += generateNextLine(state, level);
		const { key, value } = node.items[index];
		const keyIsBlock = (key.kind === "mapping" || key.kind === "sequence") && key.style === COLLECTION_STYLE.BLOCK && key.items.length !== 0 || key.kind === "scalar" && (key.style === SCALAR_STYLE.LITERAL_BLOCK || key.style === SCALAR_STYLE.FOLDED_BLOCK);
		const keyRender = keyIsBlock ? writeNode(state, level + 1, key, node, {
			block: true,
			compact: true,
			isblockseq: !cannotBeCompact(state, key, level + 1)
		}) : writeNode(state, level + 1, key, node, {
			block: true,
			compact: true,
			iskey: true
		});
		const keyText = keyRender.text;
		const keyHasLineBreak = key.kind === "scalar" && key.value.indexOf("\n") !== -1;
		const keyIsTooLong = keyText.length > 1024 && /^[\s\S]{1025}/u.test(keyText);
		const explicitPair = keyIsBlock || keyHasLineBreak || keyIsTooLong;
		if (explicitPair) {
			if (keyText && CHAR_LINE_FEED === keyText.charCodeAt(0)) pairBuffer += "?";
			else pairBuffer += "? ";
		}
		pairBuffer += keyText;
		if (explicitPair) pairBuffer += generateNextLine(state, level);
		const valueText = writeNode(state, level + 1, value, node, {
			block: true,
			compact: explicitPair,
			isblockseq: explicitPair && !cannotBeCompact(state, value, level + 1)
		}).text;
		const keyIsBareProps = key.kind === "scalar" && keyRender.noBody && (key.tagged || key.anchor !== void 0);
		const keyColonSep = !explicitPair && (key.kind === "alias" || keyIsBareProps) ? " " : "";
		if (valueText === "" || CHAR_LINE_FEED === valueText.charCodeAt(0)) pairBuffer += `${keyColonSep}:`;
		else pairBuffer += `${keyColonSep}: `;
		pairBuffer += valueText;
		result += pairBuffer;
	}
	return result;
}
function cannotBeCompact(state, node, level) {
	if (node.kind === "alias") return true;
	return node.tagged || node.anchor !== void 0 || state.indent < 2 && level > 0;
}
function writeNode(state, level, node, parent, ctx) {
	if (node.kind === "alias") {
		state.openEnded = false;
		return {
			text: `*${node.anchor}`,
			noBody: false
		};
	}
	const { block = false, iskey = false, isblockseq = false } = ctx;
	let compact = ctx.compact ?? false;
	const hasAnchor = node.anchor !== void 0;
	if (cannotBeCompact(state, node, level)) compact = false;
	let body;
	let shouldPrintTag = node.tagged;
	const useBlockCollection = block && (node.kind === "mapping" || node.kind === "sequence") && node.style === COLLECTION_STYLE.BLOCK && node.items.length !== 0;
	if (node.kind === "mapping") {
		if (useBlockCollection) body = writeBlockMapping(state, level, node, compact);
		else body = writeFlowMapping(state, level, node);
	} else if (node.kind === "sequence") {
		if (useBlockCollection) {
			if (state.seqNoIndent && !isblockseq && level > 0) body = writeBlockSequence(state, level - 1, node, compact);
			else body = writeBlockSequence(state, level, node, compact);
		} else body = writeFlowSequence(state, level, node);
	} else {
		const layout = scalarLayout(state, node, parent, level, iskey, !block);
		detectAllowedStyles(layout);
		for (const rule of state.scalarStyleRules) rule(layout);
		body = renderScalar(layout);
		state.openEnded = (layout.style === SCALAR_STYLE.LITERAL_BLOCK || layout.style === SCALAR_STYLE.FOLDED_BLOCK) && (node.value === "\n" || node.value.endsWith("\n\n"));
		shouldPrintTag = node.tagged || body === "" && layout.flowOnly && parent?.kind === "sequence" && !hasAnchor || layout.style !== SCALAR_STYLE.PLAIN && node.tag !== state.defaultScalarTagName;
	}
	if ((node.kind === "mapping" || node.kind === "sequence") && !useBlockCollection) state.openEnded = false;
	if (useBlockCollection && compact && level > 0 && state.indent > 2) body = `${" ".repeat(state.indent - 2)}${body}`;
	const noBody = body === "";
	let text = body;
	if (shouldPrintTag || hasAnchor) {
		const props = [];
		const tag = shouldPrintTag ? nodeTagShort(node) : null;
		const anchor = hasAnchor ? `&${node.anchor}` : null;
		if (state.tagBeforeAnchor) {
			if (tag !== null) props.push(tag);
			if (anchor !== null) props.push(anchor);
		} else {
			if (anchor !== null) props.push(anchor);
			if (tag !== null) props.push(tag);
		}
		const sep = body === "" || body.charCodeAt(0) === CHAR_LINE_FEED ? "" : " ";
		text = `${props.join(" ")}${sep}${body}`;
	}
	return {
		text,
		noBody
	};
}
function rootStartsOwnLine(node) {
	return (node.kind === "sequence" || node.kind === "mapping") && node.style === COLLECTION_STYLE.BLOCK && node.items.length !== 0 && !node.tagged && node.anchor === void 0;
}
function writeDocumentDirectives(doc) {
	let result = "";
	for (const directive of doc.directives) {
		if (directive.kind === "yaml") {
			result += `%YAML ${directive.version}\n`;
			continue;
		}
		const { handle, prefix } = directive;
		result += `%TAG ${handle} ${prefix}\n`;
	}
	return result;
}
/**
* Build YAML from AST.
*
* @category AST
*/
function present(documents, options) {
	const state = createPresenterState(options);
	let result = "";
	let previousEnded = false;
	for (let index = 0; index < documents.length; index += 1) {
		const doc = documents[index];
		state.openEnded = false;
		const directives = writeDocumentDirectives(doc);
		const hasDirectives = directives !== "";
		const marker = doc.explicitStart || hasDirectives || index > 0 && !previousEnded;
		result += directives;
		if (doc.contents === null) {
			if (marker) result += "---\n";
		} else if (marker) {
			const body = writeNode(state, 0, doc.contents, null, {
				block: true,
				compact: true
			}).text;
			const sep = body === "" ? "" : hasDirectives || rootStartsOwnLine(doc.contents) ? "\n" : " ";
			result += `---${sep}${body}\n`;
		} else result += writeNode(state, 0, doc.contents, null, {
			block: true,
			compact: true
		}).text + "\n";
		previousEnded = doc.explicitEnd || state.openEnded;
		if (previousEnded) result += "...\n";
	}
	return result;
}
//#endregion
//#region src/dump.ts
var DEFAULT_DUMP_OPTIONS = {
	...DEFAULT_PRESENTER_OPTIONS,
	schema: DUMP_SCHEMA,
	skipInvalid: false,
	noRefs: false,
	flowLevel: -1,
	sortKeys: false,
	transform: () => {}
};
function defaultCompareFn(a, b) {
	const x = String(a);
	const y = String(b);
	if (x < y) return -1;
	if (x > y) return 1;
	return 0;
}
/**
* Serializes JS object as a YAML document. By default it can dump every
* supported YAML type, so it throws an exception if you try to dump regexps or
* functions. However, you can disable exceptions by setting the
* {@link DumpOptions.skipInvalid} option to `true`.
*
* @category Main
*/
function dump(input, options = {}) {
	const opts = {
		...DEFAULT_DUMP_OPTIONS,
		...options
	};
	const documents = jsToAst(input, opts.schema, {
		noRefs: opts.noRefs,
		skipInvalid: opts.skipInvalid
	});
	if (opts.flowLevel >= 0) visit(documents, (node, ctx) => {
		if (ctx.depth < opts.flowLevel) return;
		if (node.kind === "sequence" || node.kind === "mapping") node.style = COLLECTION_STYLE.FLOW;
		return VISIT_SKIP;
	});
	if (opts.sortKeys) {
		const compareFn = opts.sortKeys === true ? defaultCompareFn : opts.sortKeys;
		visit(documents, (node) => {
			if (node.kind !== "mapping") return;
			node.items.sort((a, b) => compareFn(a.key.kind === "scalar" ? a.key.value : "", b.key.kind === "scalar" ? b.key.value : ""));
		});
	}
	opts.transform(documents);
	return present(documents, {
		...js_yaml_pick(opts, Object.keys(DEFAULT_PRESENTER_OPTIONS)),
		schema: opts.schema
	});
}
//#endregion
//#region src/ast/from_events.ts
var NO_RANGE = (/* unused pure expression or super */ null && (-1));
function eventPosition(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function rawTag(state, event) {
	return event.tagStart === NO_RANGE ? "" : state.source.slice(event.tagStart, event.tagEnd);
}
function anchorName(state, event) {
	return event.anchorStart === NO_RANGE ? void 0 : state.source.slice(event.anchorStart, event.anchorEnd);
}
function buildScalar(state, event) {
	const value = getScalarValue(state.source, event);
	const raw = rawTag(state, event);
	let tag;
	let tagged = false;
	if (raw !== "") {
		tagged = true;
		tag = raw;
	} else if (event.style === SCALAR_STYLE.PLAIN) tag = state.schema.resolveImplicitScalarTag(value).tag.tagName;
	else tag = state.schema.defaultScalarTag.tagName;
	return {
		kind: "scalar",
		tag,
		tagged,
		style: event.style,
		anchor: anchorName(state, event),
		value
	};
}
function buildCollection(state, event, defaultTagName) {
	const raw = rawTag(state, event);
	let tag;
	let tagged = false;
	if (raw === "") tag = defaultTagName;
	else {
		tag = raw;
		tagged = true;
	}
	return {
		tag,
		tagged,
		style: event.style,
		anchor: anchorName(state, event)
	};
}
function addNode(state, node) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") frame.doc.contents = node;
	else if (frame.kind === "sequence") frame.node.items.push(node);
	else if (frame.key) {
		frame.node.items.push({
			key: frame.key,
			value: node
		});
		frame.key = null;
	} else frame.key = node;
}
/**
* Builds an AST from parser events
*
* @category AST
*/
function eventsToAst(events, options) {
	const state = {
		source: options.source,
		schema: options.schema,
		eventIndex: 0,
		position: 0,
		frames: [],
		documents: []
	};
	while (state.eventIndex < events.length) {
		const event = events[state.eventIndex++];
		state.position = eventPosition(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT: {
				const doc = {
					contents: null,
					explicitStart: event.explicitStart,
					explicitEnd: event.explicitEnd,
					directives: event.directives
				};
				state.frames.push({
					kind: "document",
					doc
				});
				break;
			}
			case EVENT_ID.SCALAR:
				addNode(state, buildScalar(state, event));
				break;
			case EVENT_ID.SEQUENCE: {
				const { tag, tagged, style, anchor } = buildCollection(state, event, "tag:yaml.org,2002:seq");
				const node = {
					kind: "sequence",
					tag,
					tagged,
					style,
					anchor,
					items: []
				};
				state.frames.push({
					kind: "sequence",
					node
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const { tag, tagged, style, anchor } = buildCollection(state, event, "tag:yaml.org,2002:map");
				const node = {
					kind: "mapping",
					tag,
					tagged,
					style,
					anchor,
					items: []
				};
				state.frames.push({
					kind: "mapping",
					node,
					key: null
				});
				break;
			}
			case EVENT_ID.ALIAS:
				addNode(state, {
					kind: "alias",
					anchor: state.source.slice(event.anchorStart, event.anchorEnd)
				});
				break;
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.key) throw new Error("incomplete mapping pair in event stream");
				if (frame.kind === "document") state.documents.push(frame.doc);
				else addNode(state, frame.node);
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/index.ts
/** @deprecated Use `EVENT_ID.DOCUMENT` instead. @internal */
var EVENT_DOCUMENT = EVENT_ID.DOCUMENT;
/** @deprecated Use `EVENT_ID.SEQUENCE` instead. @internal */
var EVENT_SEQUENCE = EVENT_ID.SEQUENCE;
/** @deprecated Use `EVENT_ID.MAPPING` instead. @internal */
var EVENT_MAPPING = EVENT_ID.MAPPING;
/** @deprecated Use `EVENT_ID.SCALAR` instead. @internal */
var EVENT_SCALAR = EVENT_ID.SCALAR;
/** @deprecated Use `EVENT_ID.ALIAS` instead. @internal */
var EVENT_ALIAS = EVENT_ID.ALIAS;
/** @deprecated Use `EVENT_ID.POP` instead. @internal */
var EVENT_POP = EVENT_ID.POP;
/** @deprecated Use `SCALAR_STYLE.PLAIN` instead. @internal */
var SCALAR_STYLE_PLAIN = SCALAR_STYLE.PLAIN;
/** @deprecated Use `SCALAR_STYLE.SINGLE_QUOTED` instead. @internal */
var SCALAR_STYLE_SINGLE_QUOTED = SCALAR_STYLE.SINGLE_QUOTED;
/** @deprecated Use `SCALAR_STYLE.DOUBLE_QUOTED` instead. @internal */
var SCALAR_STYLE_DOUBLE_QUOTED = SCALAR_STYLE.DOUBLE_QUOTED;
/** @deprecated Use `SCALAR_STYLE.LITERAL_BLOCK` instead. @internal */
var SCALAR_STYLE_LITERAL_BLOCK = SCALAR_STYLE.LITERAL_BLOCK;
/** @deprecated Use `SCALAR_STYLE.FOLDED_BLOCK` instead. @internal */
var SCALAR_STYLE_FOLDED_BLOCK = SCALAR_STYLE.FOLDED_BLOCK;
/** @deprecated Use `COLLECTION_STYLE.BLOCK` instead. @internal */
var COLLECTION_STYLE_BLOCK = COLLECTION_STYLE.BLOCK;
/** @deprecated Use `COLLECTION_STYLE.FLOW` instead. @internal */
var COLLECTION_STYLE_FLOW = COLLECTION_STYLE.FLOW;
/** @deprecated Use `CHOMPING_MODE.CLIP` instead. @internal */
var CHOMPING_CLIP = CHOMPING_MODE.CLIP;
/** @deprecated Use `CHOMPING_MODE.STRIP` instead. @internal */
var CHOMPING_STRIP = CHOMPING_MODE.STRIP;
/** @deprecated Use `CHOMPING_MODE.KEEP` instead. @internal */
var CHOMPING_KEEP = CHOMPING_MODE.KEEP;
//#endregion


//# sourceMappingURL=js-yaml.mjs.map
;// CONCATENATED MODULE: ./src/preflight/merge-order.ts

/**
 * The Databricks CLI merges `<<: [*a, *b]` so that the later map wins (libs/dyn/yamlloader:
 * each source is merged over the ones before it), while js-yaml lets the earlier one win, as
 * the YAML merge-key draft says. Reversing the sources of every merge sequence, in the event
 * stream before construction, makes js-yaml build the value the CLI would see. Merge sources
 * carry no recorded position, so line numbers are unaffected.
 */
function reorderMergeSequences(text, events) {
    if (!text.includes('<<'))
        return events; // most files have no merge key at all
    const mergeSequences = findMergeSequences(text, events);
    if (mergeSequences.length === 0)
        return events;
    const reordered = [...events];
    for (const { start, end } of mergeSequences) {
        const items = itemRanges(events, start + 1, end);
        const flattened = items.reverse().flatMap(([from, to]) => events.slice(from, to));
        reordered.splice(start + 1, flattened.length, ...flattened);
    }
    return reordered;
}
/** Sequences that are the value of a plain `<<` key. Nested ones are reordered on their own. */
function findMergeSequences(text, events) {
    const found = [];
    // Per open collection: for a mapping, whether the next node is a key; and, for a sequence,
    // whether it is a merge value.
    const stack = [];
    let mergeValueNext = false;
    events.forEach((event, index) => {
        const parent = stack[stack.length - 1];
        const isKey = parent !== undefined && parent.mapping && parent.expectKey;
        if (event.type === EVENT_ID.POP) {
            const closed = stack.pop();
            if (closed !== undefined && closed.merge)
                found.push({ start: closed.start, end: index });
            toggle(stack[stack.length - 1]);
            return;
        }
        if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
            const merge = !isKey && mergeValueNext && event.type === EVENT_ID.SEQUENCE;
            mergeValueNext = false;
            stack.push({
                mapping: event.type === EVENT_ID.MAPPING,
                expectKey: true,
                merge,
                start: index,
            });
            return;
        }
        if (event.type === EVENT_ID.SCALAR || event.type === EVENT_ID.ALIAS) {
            mergeValueNext =
                isKey &&
                    event.type === EVENT_ID.SCALAR &&
                    event.tagStart < 0 &&
                    event.style === SCALAR_STYLE.PLAIN &&
                    getScalarValue(text, event) === '<<';
            if (!isKey)
                mergeValueNext = false;
            toggle(parent);
        }
    });
    return found;
}
/** After a node completes inside a mapping, the next node is a key again, or a value. */
function toggle(parent) {
    if (parent !== undefined && parent.mapping)
        parent.expectKey = !parent.expectKey;
}
/** The [from, to) event ranges of each item of the sequence whose items span [from, end). */
function itemRanges(events, from, end) {
    const ranges = [];
    let index = from;
    while (index < end) {
        const itemStart = index;
        let depth = 0;
        do {
            const type = events[index]?.type;
            if (type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE)
                depth += 1;
            if (type === EVENT_ID.POP)
                depth -= 1;
            index += 1;
        } while (depth > 0 && index < end);
        ranges.push([itemStart, index]);
    }
    return ranges;
}

;// CONCATENATED MODULE: ./src/preflight/config-file.ts




/**
 * A configuration file that cannot be read; carries the file and, when known, the line. The
 * message starts with `file:line:` (or `file:`), says what is wrong and what to do, so it can
 * be shown as it is, like any other ActionError.
 */
class ConfigFileError extends ActionError {
    file;
    line;
    constructor(file, line, problem, fix) {
        super(`${file}${line === undefined ? '' : `:${line}`}: ${problem}. ${fix}`);
        this.file = file;
        this.line = line;
    }
}
const MAX_CONFIG_FILE_BYTES = 10 * 1024 * 1024;
const MAX_CONFIG_VALUES = 2_000_000;
// The parser's own default; a document that reaches it through aliases is refused the same way.
const MAX_NESTING_DEPTH = 100;
// Far above what a real bundle uses, low enough that constructing stays fast. Aliases are cheap
// to construct (js-yaml shares the object), so their expansion is bounded by MAX_CONFIG_VALUES.
const MAX_ALIASES = 100_000;
const MAX_MERGE_KEYS = 250_000;
// Go's yaml.v3, which the Databricks CLI uses, resolves `<<` merge keys; CORE_SCHEMA alone not.
const SCHEMA = CORE_SCHEMA.withTags(mergeTag);
const MERGE_TAGS = new Set(['!!merge', '!<tag:yaml.org,2002:merge>']);
/** Parses text already in memory. */
function parseConfigFile(relativePath, text) {
    refuseNulCharacters(relativePath, text);
    const events = parseYamlEvents(relativePath, text);
    refuseSecondDocument(relativePath, text, events);
    const value = constructValue(relativePath, text, events);
    refuseExpansionBeyondLimits(relativePath, events, value);
    const positions = indexPositions(text, events);
    let lines;
    return {
        relativePath,
        value,
        lineOf(path) {
            const offset = positions.offsetOf(path);
            if (offset === undefined)
                return 1;
            // Most files are loaded for their values only, so the line table is built on first use.
            lines ??= new LineTable(text);
            return lines.lineAt(offset);
        },
    };
}
/** Reads and parses a file, refusing one larger than MAX_CONFIG_FILE_BYTES before reading it. */
function readConfigFile(absolutePath, relativePath) {
    const bytes = readBoundedFile(absolutePath, relativePath);
    const text = decodeUtf8(relativePath, bytes);
    return parseConfigFile(relativePath, text);
}
// ---------------------------------------------------------------------------------------------
// Reading bytes from disk
function readBoundedFile(absolutePath, relativePath) {
    // Stat first: a FIFO or device would block or never end, and a huge file should not be read
    // into memory only to be refused.
    const stats = statOrRefuse(absolutePath, relativePath);
    if (!stats.isFile()) {
        throw new ConfigFileError(relativePath, undefined, 'the path is not a regular file', 'Point the bundle configuration at a YAML file.');
    }
    refuseOversize(relativePath, stats.size);
    const bytes = readOrRefuse(absolutePath, relativePath);
    // The file may have grown between stat and read.
    refuseOversize(relativePath, bytes.length);
    return bytes;
}
function statOrRefuse(absolutePath, relativePath) {
    try {
        return (0,external_node_fs_namespaceObject.statSync)(absolutePath);
    }
    catch (error) {
        throw unreadableFile(relativePath, error);
    }
}
function readOrRefuse(absolutePath, relativePath) {
    try {
        return (0,external_node_fs_namespaceObject.readFileSync)(absolutePath);
    }
    catch (error) {
        throw unreadableFile(relativePath, error);
    }
}
function refuseOversize(relativePath, size) {
    if (size <= MAX_CONFIG_FILE_BYTES)
        return;
    throw new ConfigFileError(relativePath, undefined, `the file is ${formatMebibytes(size)} (${count(size)} bytes), larger than the ` +
        `${formatMebibytes(MAX_CONFIG_FILE_BYTES)} limit for a bundle configuration file`, 'Split it into smaller files listed under `include` in databricks.yml.');
}
function formatMebibytes(bytes) {
    const mebibytes = bytes / (1024 * 1024);
    return `${Number.isInteger(mebibytes) ? mebibytes : mebibytes.toFixed(1)} MiB`;
}
// Only the error code is used: the raw message repeats the absolute runner path.
const UNREADABLE_REASONS = {
    ENOENT: 'does not exist',
    ENOTDIR: 'does not exist (a parent is not a folder)',
    EACCES: 'cannot be read: permission denied',
    EPERM: 'cannot be read: permission denied',
    EISDIR: 'is a folder, not a file',
    ELOOP: 'cannot be read: too many symbolic links',
};
function unreadableFile(relativePath, error) {
    const code = errorCode(error);
    const reason = UNREADABLE_REASONS[code] ?? `cannot be read (${code})`;
    return new ConfigFileError(relativePath, undefined, `the file ${reason}`, 'Check that the file is in the checkout and readable by the runner.');
}
function errorCode(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : 'unknown error';
}
function decodeUtf8(relativePath, bytes) {
    // Checked on the bytes first: UTF-16 and binary files are full of NUL bytes, and "binary" is
    // the more useful explanation than "invalid UTF-8".
    const nul = bytes.indexOf(0);
    if (nul !== -1)
        throw nulCharacter(relativePath, bytes.subarray(0, nul).toString('latin1'));
    try {
        // `fatal` refuses invalid sequences instead of replacing them with U+FFFD; a leading BOM is
        // dropped, as YAML allows.
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        throw new ConfigFileError(relativePath, undefined, 'the file is not valid UTF-8 text', 'Save it as UTF-8.');
    }
}
function refuseNulCharacters(relativePath, text) {
    const index = text.indexOf('\0');
    if (index !== -1)
        throw nulCharacter(relativePath, text.slice(0, index));
}
/** `before` is the text up to the NUL character, to tell its line. */
function nulCharacter(relativePath, before) {
    return new ConfigFileError(relativePath, new LineTable(before).lineAt(before.length), 'the file contains a NUL character, so it is binary or not UTF-8 text (e.g. UTF-16)', 'Point the bundle configuration at a YAML file saved as UTF-8.');
}
// ---------------------------------------------------------------------------------------------
// Parsing and constructing with js-yaml
function parseYamlEvents(relativePath, text) {
    try {
        return parseEvents(text, { filename: relativePath, maxDepth: MAX_NESTING_DEPTH });
    }
    catch (error) {
        throw yamlError(relativePath, error);
    }
}
function constructValue(relativePath, text, events) {
    try {
        const documents = constructFromEvents(reorderMergeSequences(text, events), {
            source: text,
            filename: relativePath,
            schema: SCHEMA,
            maxAliases: MAX_ALIASES,
            maxTotalMergeKeys: MAX_MERGE_KEYS,
        });
        // No document at all (empty or comment-only file) is an empty document.
        return documents[0] ?? null;
    }
    catch (error) {
        throw yamlError(relativePath, error);
    }
}
// js-yaml reasons that are limits or inputs we name ourselves; anything else is a syntax error.
const KNOWN_REASONS = [
    [
        /maxDepth/,
        {
            problem: `the document is nested too deeply (the limit is ${MAX_NESTING_DEPTH} levels)`,
            fix: 'Flatten the structure; a bundle configuration needs only a few levels.',
        },
    ],
    [
        /maxAliases/,
        {
            problem: `the document uses more than ${count(MAX_ALIASES)} YAML aliases (*name)`,
            fix: 'Write the values out or split the file.',
        },
    ],
    [
        /maxTotalMergeKeys/,
        {
            problem: `YAML merge keys (<<) copy more than ${count(MAX_MERGE_KEYS)} keys`,
            fix: 'Use fewer merge keys or smaller anchored mappings.',
        },
    ],
    [
        /null byte/,
        {
            problem: 'the file contains a NUL character, so it is binary or not UTF-8 text',
            fix: 'Point the bundle configuration at a YAML file saved as UTF-8.',
        },
    ],
];
function yamlError(relativePath, error) {
    if (!(error instanceof YAMLException)) {
        // Not expected from js-yaml; still no raw exception for the user, but a hint for a report.
        const kind = error instanceof Error ? error.name : typeof error;
        return new ConfigFileError(relativePath, undefined, `the YAML parser failed on this file (${kind})`, 'Check that the file is valid YAML; if it is, report this problem.');
    }
    const line = error.mark === undefined ? undefined : error.mark.line + 1;
    const reason = oneSentence(error.reason);
    const explanation = knownExplanation(reason) ?? syntaxError(reason, line);
    return new ConfigFileError(relativePath, line, explanation.problem, explanation.fix);
}
function knownExplanation(reason) {
    return KNOWN_REASONS.find(([pattern]) => pattern.test(reason))?.[1];
}
function syntaxError(reason, line) {
    const where = line === undefined ? 'in this file' : 'at that line';
    return { problem: `YAML syntax error: ${reason}`, fix: `Fix the YAML ${where}.` };
}
/** A reason on one line, without a final period, to be placed inside our own sentence. */
function oneSentence(reason) {
    return reason.replace(/\s+/g, ' ').trim().replace(/\.$/, '') || 'unknown problem';
}
// ---------------------------------------------------------------------------------------------
// One document only
function refuseSecondDocument(relativePath, text, events) {
    const [first, second] = documentStarts(events);
    if (first === undefined || second === undefined)
        return;
    const offset = secondDocumentOffset(text, events, first, second);
    throw new ConfigFileError(relativePath, offset === undefined ? undefined : new LineTable(text).lineAt(offset), 'the file holds more than one YAML document (a second one starts here)', 'Remove the `---` separator or move the second document into a file of its own.');
}
/** The first two documents, which is all a check for "more than one" needs. */
function documentStarts(events) {
    const starts = [];
    for (let index = 0; index < events.length && starts.length < 2; index++) {
        const event = events[index];
        if (event?.type === EVENT_ID.DOCUMENT)
            starts.push({ index, event });
    }
    return starts;
}
/**
 * Document events carry no offset. A document with an explicit start owns a `---` marker at the
 * start of a line (YAML forbids one anywhere else at column 0), so the second document's marker
 * is the first or second one in the text; a bare document starts at its first node.
 */
function secondDocumentOffset(text, events, first, second) {
    if (second.event.explicitStart) {
        return nthDocumentMarker(text, first.event.explicitStart ? 1 : 0);
    }
    for (let index = second.index + 1; index < events.length; index++) {
        const event = events[index];
        const offset = event === undefined ? undefined : nodeOffset(event);
        if (offset !== undefined)
            return offset;
    }
    return undefined;
}
function nthDocumentMarker(text, n) {
    const marker = /^---(?=[ \t\r\n]|$)/gm;
    for (let seen = 0;; seen++) {
        const match = marker.exec(text);
        if (match === null)
            return undefined;
        if (seen === n)
            return match.index;
    }
}
const SCALAR_EXPANSION = { values: 1, depth: 0 };
const RECURSIVE = Symbol('recursive alias');
/**
 * Refuses a value too big or too deep for the checks that walk it. js-yaml shares one object
 * between an anchor and its aliases, so a "billion laughs" document is small in memory but
 * huge for anything that walks it.
 */
function refuseExpansionBeyondLimits(relativePath, events, value) {
    const hasAliases = events.some((event) => event.type === EVENT_ID.ALIAS);
    // Without aliases the value is a tree with at most one value per event, and the parser has
    // already bounded its depth: the common case needs no second walk.
    if (!hasAliases && events.length <= MAX_CONFIG_VALUES)
        return;
    const expansion = measureExpansion(value);
    if (expansion === RECURSIVE)
        throw recursiveAlias(relativePath);
    if (expansion.values > MAX_CONFIG_VALUES)
        throw tooManyValues(relativePath, hasAliases);
    if (expansion.depth >= MAX_NESTING_DEPTH)
        throw tooDeepThroughAliases(relativePath);
}
/**
 * Memoised by object identity, so each distinct node is visited once however often aliases
 * repeat it; iterative, because aliases can nest far deeper than the parser's depth limit.
 * Stops at the first node beyond a limit and returns that node's expansion.
 */
function measureExpansion(value) {
    if (!isCollection(value))
        return SCALAR_EXPANSION;
    // null marks a collection still being measured: meeting it again means it contains itself.
    const measured = new Map();
    const stack = [startMeasuring(value, measured)];
    for (let frame = stack.at(-1); frame !== undefined; frame = stack.at(-1)) {
        if (frame.next < frame.children.length) {
            const child = frame.children[frame.next++];
            const known = isCollection(child) ? measured.get(child) : SCALAR_EXPANSION;
            if (known === null)
                return RECURSIVE;
            if (known === undefined)
                stack.push(startMeasuring(child, measured));
            else
                addExpansion(frame, known);
            if (frame.values > MAX_CONFIG_VALUES)
                return frame;
            continue;
        }
        stack.pop();
        const expansion = { values: frame.values, depth: frame.depth + 1 };
        if (expansion.depth >= MAX_NESTING_DEPTH)
            return expansion;
        measured.set(frame.node, expansion);
        const parent = stack.at(-1);
        if (parent === undefined)
            return expansion;
        addExpansion(parent, expansion);
        if (parent.values > MAX_CONFIG_VALUES)
            return parent;
    }
    return SCALAR_EXPANSION; // not reached: the root's frame returns when it closes
}
/** A number with thousands separators, for messages. */
function count(value) {
    return value.toLocaleString('en-US');
}
function isCollection(value) {
    return typeof value === 'object' && value !== null;
}
function startMeasuring(node, measured) {
    measured.set(node, null);
    const children = Array.isArray(node) ? node : Object.values(node);
    return { node, children, next: 0, values: 1, depth: 0 };
}
function addExpansion(frame, child) {
    frame.values += child.values;
    frame.depth = Math.max(frame.depth, child.depth);
}
function tooManyValues(relativePath, hasAliases) {
    const limit = `more than ${count(MAX_CONFIG_VALUES)} values`;
    if (!hasAliases) {
        return new ConfigFileError(relativePath, undefined, `the document holds ${limit}, far more than a bundle needs`, 'Split it into smaller files listed under `include` in databricks.yml.');
    }
    return new ConfigFileError(relativePath, undefined, `the document holds ${limit} once its YAML aliases (*name) are expanded, far more than a ` +
        'bundle needs (nested aliases that multiply like this are an "alias bomb")', 'Write the values out or use fewer nested aliases.');
}
function tooDeepThroughAliases(relativePath) {
    return new ConfigFileError(relativePath, undefined, `the document is nested too deeply once YAML aliases (*name) are expanded ` +
        `(the limit is ${MAX_NESTING_DEPTH} levels)`, 'Flatten the structure or use fewer nested aliases.');
}
function recursiveAlias(relativePath) {
    return new ConfigFileError(relativePath, undefined, 'a YAML alias (*name) refers to a collection that contains it, which never ends', 'Remove the recursive alias.');
}
/**
 * Where each entry of the document starts. Entries get numeric ids, and each collection keeps
 * its children's ids by key or index, so nothing is keyed by a whole path: there is no path
 * encoding to get wrong, and memory stays linear in the size of the file however deep it nests.
 */
class PositionIndex {
    static ROOT = 0;
    // By id: the offset (-1 when the entry has no position, e.g. an empty value) and children.
    offsets = [];
    children = [];
    /** Records an entry and returns its id; the first one recorded is the root. */
    add(offset) {
        this.offsets.push(offset ?? -1);
        this.children.push(undefined);
        return this.offsets.length - 1;
    }
    /** Gives entry `id` its table of children, which the walk then fills. */
    setChildren(id, table) {
        this.children[id] = table;
        return table;
    }
    /** Offset of the path, else of its nearest ancestor that has one; undefined if none has. */
    offsetOf(path) {
        let id = PositionIndex.ROOT;
        let offset = this.knownOffset(id);
        for (const segment of path) {
            id = childId(this.children[id], segment);
            if (id === undefined)
                break;
            offset = this.knownOffset(id) ?? offset;
        }
        return offset;
    }
    knownOffset(id) {
        const offset = this.offsets[id];
        return offset === undefined || offset < 0 ? undefined : offset;
    }
}
/** Accepts "1" for a sequence index and 1 for a mapping key, as the value's own keys would. */
function childId(children, segment) {
    if (children === undefined)
        return undefined;
    if (children instanceof Map)
        return children.get(String(segment));
    const index = typeof segment === 'number' ? segment : sequenceIndex(segment);
    return children[index];
}
function sequenceIndex(segment) {
    return /^(?:0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : -1;
}
const KEY = Symbol('key');
/**
 * One walk over the events the value was constructed from. It runs after constructFromEvents,
 * so the events are known to be one well-formed document with scalar keys and no duplicates.
 */
function indexPositions(text, events) {
    const walk = new PositionWalk(text, events);
    for (const event of events)
        walk.visit(event);
    return walk.index;
}
class PositionWalk {
    index = new PositionIndex();
    keys;
    stack = [];
    // Collections still open inside a subtree that has no entries of its own (a merge source).
    skipDepth = 0;
    constructor(text, events) {
        this.keys = new KeyResolver(text, events);
    }
    visit(event) {
        this.keys.remember(event);
        if (event.type === EVENT_ID.DOCUMENT)
            return;
        const opensCollection = event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE;
        if (this.skipDepth > 0) {
            if (opensCollection)
                this.skipDepth++;
            else if (event.type === EVENT_ID.POP)
                this.skipDepth--;
            return;
        }
        if (event.type === EVENT_ID.POP) {
            this.stack.pop();
            return;
        }
        const entry = this.place(event);
        if (!opensCollection)
            return;
        // Merged keys land in the parent mapping only where not overridden, and merged values have
        // no place of their own: the ancestor's line is the honest answer for them.
        if (entry === undefined)
            this.skipDepth = 1;
        else if (event.type === EVENT_ID.MAPPING)
            this.enterMapping(entry);
        else
            this.enterSequence(entry);
    }
    /** Records the node as an entry and returns its id, or undefined for a key or merge source. */
    place(event) {
        const parent = this.stack.at(-1);
        if (parent === undefined)
            return this.index.add(nodeOffset(event));
        if (parent.kind === 'sequence') {
            const id = this.index.add(nodeOffset(event));
            parent.items.push(id);
            return id;
        }
        const awaiting = parent.awaiting;
        if (awaiting === KEY) {
            parent.awaiting = this.placeKey(parent.keys, event);
            return undefined;
        }
        parent.awaiting = KEY;
        return awaiting === MERGE ? undefined : awaiting;
    }
    placeKey(keys, event) {
        // A collection as key is refused by js-yaml before we get here; its value is skipped.
        const key = event.type === EVENT_ID.SCALAR || event.type === EVENT_ID.ALIAS
            ? this.keys.resolve(event)
            : undefined;
        if (key === undefined || key === MERGE)
            return MERGE;
        const id = this.index.add(nodeOffset(event));
        keys.set(key, id);
        return id;
    }
    enterMapping(id) {
        const keys = this.index.setChildren(id, new Map());
        this.stack.push({ kind: 'mapping', keys, awaiting: KEY });
    }
    enterSequence(id) {
        const items = this.index.setChildren(id, []);
        this.stack.push({ kind: 'sequence', items });
    }
}
/** Where a node starts: its tag or anchor if it has one before the content. */
function nodeOffset(event) {
    let offset = -1;
    switch (event.type) {
        case EVENT_ID.SCALAR:
            offset = earliest(event.valueStart, event.anchorStart, event.tagStart);
            break;
        case EVENT_ID.MAPPING:
        case EVENT_ID.SEQUENCE:
            offset = earliest(event.start, event.anchorStart, event.tagStart);
            break;
        case EVENT_ID.ALIAS:
            offset = event.anchorStart;
            break;
    }
    return offset < 0 ? undefined : offset;
}
/** The smallest of three offsets that is present (js-yaml uses -1 for "absent"). */
function earliest(content, anchor, tag) {
    let result = content;
    if (anchor >= 0 && (result < 0 || anchor < result))
        result = anchor;
    if (tag >= 0 && (result < 0 || tag < result))
        result = tag;
    return result;
}
const MERGE = Symbol('merge key');
/**
 * First characters with which the schema may resolve a plain scalar to something other than a
 * string (null, boolean, number, merge key), from the tags' own dispatch table; undefined when
 * some resolver accepts any first character.
 */
const NON_STRING_FIRST_CHARACTERS = implicitFirstCharacters(SCHEMA);
function implicitFirstCharacters(schema) {
    const characters = new Set();
    for (const tag of schema.tags) {
        if (tag.nodeKind !== 'scalar' || !tag.implicit)
            continue;
        if (tag.implicitFirstChars === null)
            return undefined;
        for (const character of tag.implicitFirstChars)
            characters.add(character);
    }
    return characters;
}
/** Untagged quoted and block scalars, and plain ones no implicit tag can match. */
function isStringAsWritten(key, tag, source) {
    if (tag !== '')
        return false;
    if (key.style !== SCALAR_STYLE.PLAIN)
        return true;
    return NON_STRING_FIRST_CHARACTERS?.has(source.charAt(0)) === false;
}
/**
 * The string a mapping key becomes in the constructed object. js-yaml resolves plain and tagged
 * scalars by the schema (`1`, `0x1`, `true`, `~`) and then turns the value into a string;
 * resolving each such key through constructFromEvents itself keeps both in agreement. Keys
 * repeat a lot (name, task_key), so results are cached by their source form.
 */
class KeyResolver {
    text;
    document;
    anchoredScalars = new Map();
    resolved = new Map();
    constructor(text, events) {
        this.text = text;
        const first = events.find((event) => event.type === EVENT_ID.DOCUMENT);
        this.document = first ?? {
            type: EVENT_ID.DOCUMENT,
            explicitStart: false,
            explicitEnd: false,
            directives: [],
        };
    }
    /** Keeps anchored scalars, which an alias may later use as a key (`*name : value`). */
    remember(event) {
        if (event.type !== EVENT_ID.SCALAR || event.anchorStart < 0)
            return;
        this.anchoredScalars.set(this.text.slice(event.anchorStart, event.anchorEnd), event);
    }
    resolve(key) {
        if (key.type === EVENT_ID.ALIAS) {
            const anchored = this.anchoredScalars.get(this.text.slice(key.anchorStart, key.anchorEnd));
            return anchored === undefined ? undefined : this.resolve(anchored);
        }
        const source = getScalarValue(this.text, key);
        const tag = key.tagStart < 0 ? '' : this.text.slice(key.tagStart, key.tagEnd);
        // Most keys are strings as written; asking js-yaml costs far more than the check.
        if (isStringAsWritten(key, tag, source))
            return source;
        const cacheKey = `${tag} ${source}`;
        let result = this.resolved.get(cacheKey);
        if (result === undefined) {
            result = this.construct(key, tag, source);
            this.resolved.set(cacheKey, result);
        }
        return result;
    }
    construct(key, tag, source) {
        if (MERGE_TAGS.has(tag) || (tag === '' && source === '<<'))
            return MERGE;
        const [value] = constructFromEvents([this.document, key, { type: EVENT_ID.POP }], {
            source: this.text,
            schema: SCHEMA,
        });
        return String(value);
    }
}
// ---------------------------------------------------------------------------------------------
// Lines
/** Offsets where lines start, for offset to line by binary search. Breaks as YAML counts them. */
class LineTable {
    starts = [0];
    constructor(text) {
        for (let index = 0; index < text.length; index++) {
            const code = text.charCodeAt(index);
            if (code === 0x0d && text.charCodeAt(index + 1) === 0x0a)
                index++;
            if (code === 0x0a || code === 0x0d)
                this.starts.push(index + 1);
        }
    }
    /** 1-based line of a 0-based offset. */
    lineAt(offset) {
        let low = 0;
        let high = this.starts.length - 1;
        while (low < high) {
            const middle = (low + high + 1) >> 1;
            if ((this.starts[middle] ?? 0) <= offset)
                low = middle;
            else
                high = middle - 1;
        }
        return low + 1;
    }
}

;// CONCATENATED MODULE: ./src/preflight/go-glob.ts


// A port of Go's path/filepath Match and Glob as built for Linux (the CLI's platform), so the
// preflight sees the same files the Databricks CLI will. Matching works on UTF-8 bytes like Go
// does: comparisons, '*' skipping and sort order all follow Go byte for byte.
/** Go's filepath.ErrBadPattern: the CLI fails on such a pattern, so callers must report it. */
class GlobPatternError extends Error {
    constructor(message = 'syntax error in pattern') {
        super(message);
        this.name = 'GlobPatternError';
    }
}
const SLASH = 0x2f;
const BACKSLASH = 0x5c;
const STAR = 0x2a;
const QUESTION = 0x3f;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const CARET = 0x5e;
const DASH = 0x2d;
const RUNE_ERROR = 0xfffd;
const NO_MATCH = -1;
const EMPTY = new Uint8Array(0);
// Go's globWithLimit refuses deeper recursion than this (CVE-2022-30632).
const PATH_SEPARATORS_LIMIT = 10000;
const encoder = new TextEncoder();
/** True when Go would treat the pattern as a glob (it contains *, ?, [ or a backslash). */
function hasGlobMeta(pattern) {
    return /[*?[\\]/.test(pattern);
}
/** Go's filepath.Match for one name (no separators in name are matched by * or ?). */
function matchSegment(pattern, name) {
    return matchBytes(patternBytes(pattern), utf8(name));
}
/**
 * Go's filepath.Glob of `pattern` taken relative to `root` (an absolute directory). Returns
 * matches as relative paths with forward slashes, in Go's order. `pattern` is relative, uses
 * '/', may contain '.' and '..' segments (clean it like Go's filepath.Join would before matching).
 * Like the CLI's Glob(Join(root, entry)), meta characters in `root` act as pattern too.
 */
function globRelative(root, pattern) {
    const cleanRoot = goClean(root);
    const joined = goJoin(root, pattern);
    return glob(joined, 0).map((match) => external_node_path_default().posix.relative(cleanRoot, match) || '.');
}
// ---- Match -------------------------------------------------------------------------------
// Callers match one pattern against many names, so the last pattern's bytes are kept.
let lastPattern = '';
let lastPatternBytes = EMPTY;
function patternBytes(pattern) {
    if (pattern !== lastPattern) {
        lastPatternBytes = utf8(pattern);
        lastPattern = pattern;
    }
    return lastPatternBytes;
}
// UTF-8 bytes; most names are ASCII, which a plain copy handles faster than TextEncoder.
function utf8(text) {
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code > 0x7f)
            return encoder.encode(text);
        bytes[i] = code;
    }
    return bytes;
}
// Go's Match loop: each chunk is a star-prefixed run of literals, '?' and classes.
function matchBytes(pattern, name) {
    let at = 0;
    let position = 0;
    while (at < pattern.length) {
        const chunk = scanChunk(pattern, at);
        at = chunk.end;
        const last = at === pattern.length;
        // A trailing '*' swallows the rest of the name, unless that holds a separator.
        if (chunk.star && chunk.start === chunk.end)
            return !name.includes(SLASH, position);
        const next = matchChunk(pattern, chunk, name, position);
        if (next !== NO_MATCH && (next === name.length || !last)) {
            position = next;
            continue;
        }
        const skipped = chunk.star ? matchAfterSkip(pattern, chunk, name, position, last) : NO_MATCH;
        if (skipped !== NO_MATCH) {
            position = skipped;
            continue;
        }
        // Go checks the rest of the pattern before it answers "no match".
        validateFrom(pattern, at);
        return false;
    }
    return position === name.length;
}
// Lets the star absorb 1, 2, ... bytes (never a '/') until the chunk matches.
function matchAfterSkip(pattern, chunk, name, position, last) {
    for (let i = position; i < name.length && name[i] !== SLASH; i++) {
        const next = matchChunk(pattern, chunk, name, i + 1);
        if (next === NO_MATCH)
            continue;
        // The last chunk must use up the name, or a longer skip may still do.
        if (last && next < name.length)
            continue;
        return next;
    }
    return NO_MATCH;
}
function validateFrom(pattern, at) {
    while (at < pattern.length) {
        const chunk = scanChunk(pattern, at);
        matchChunk(pattern, chunk, EMPTY, 0);
        at = chunk.end;
    }
}
// Go's scanChunk: leading stars, then up to the next '*' outside a class.
function scanChunk(pattern, at) {
    let star = false;
    while (at < pattern.length && pattern[at] === STAR) {
        at++;
        star = true;
    }
    let inRange = false;
    let i = at;
    for (; i < pattern.length; i++) {
        const byte = pattern[i];
        if (byte === BACKSLASH && i + 1 < pattern.length)
            i++;
        else if (byte === OPEN)
            inRange = true;
        else if (byte === CLOSE)
            inRange = false;
        else if (byte === STAR && !inRange)
            break;
    }
    return { star, start: at, end: i };
}
// Go's matchChunk: returns where the name continues, or NO_MATCH. Once failed it keeps
// parsing (without reading the name) so a malformed chunk always throws.
function matchChunk(pattern, chunk, name, position) {
    let failed = false;
    let at = chunk.start;
    while (at < chunk.end) {
        if (!failed && position >= name.length)
            failed = true;
        const byte = pattern[at];
        if (byte === OPEN) {
            let rune = 0;
            if (!failed) {
                const [decoded, size] = decodeRune(name, position, name.length);
                rune = decoded;
                position += size;
            }
            const cls = matchClass(pattern, at + 1, chunk.end, rune);
            at = cls.end;
            if (!cls.matched)
                failed = true;
            continue;
        }
        if (byte === QUESTION) {
            if (!failed) {
                if (name[position] === SLASH)
                    failed = true;
                position += decodeRune(name, position, name.length)[1];
            }
            at++;
            continue;
        }
        if (byte === BACKSLASH) {
            at++;
            if (at >= chunk.end)
                throw new GlobPatternError();
        }
        if (!failed) {
            if (pattern[at] !== name[position])
                failed = true;
            position++;
        }
        at++;
    }
    return failed ? NO_MATCH : position;
}
// A '[...]' class after its '['; `rune` is the name's next character (0 once failed).
function matchClass(pattern, at, end, rune) {
    let negated = false;
    if (at < end && pattern[at] === CARET) {
        negated = true;
        at++;
    }
    let matched = false;
    for (let ranges = 0;; ranges++) {
        if (at < end && pattern[at] === CLOSE && ranges > 0) {
            return { end: at + 1, matched: matched !== negated };
        }
        const [lo, afterLo] = classChar(pattern, at, end);
        let hi = lo;
        at = afterLo;
        if (pattern[at] === DASH)
            [hi, at] = classChar(pattern, at + 1, end);
        if (lo <= rune && rune <= hi)
            matched = true;
    }
}
// Go's getEsc: one (possibly escaped) class character, which must not end the chunk.
function classChar(pattern, at, end) {
    if (at >= end || pattern[at] === DASH || pattern[at] === CLOSE)
        throw new GlobPatternError();
    if (pattern[at] === BACKSLASH) {
        at++;
        if (at >= end)
            throw new GlobPatternError();
    }
    const [rune, size] = decodeRune(pattern, at, end);
    if (rune === RUNE_ERROR && size === 1)
        throw new GlobPatternError();
    if (at + size >= end)
        throw new GlobPatternError();
    return [rune, at + size];
}
// Go's utf8.DecodeRune: [rune, size], with [RUNE_ERROR, 1] for an invalid or cut sequence.
function decodeRune(bytes, at, end) {
    if (at >= end)
        return [RUNE_ERROR, 0];
    const b0 = bytes[at] ?? 0;
    if (b0 < 0x80)
        return [b0, 1];
    const [size, min, max] = leadByte(b0);
    if (size === 0 || at + size > end)
        return [RUNE_ERROR, 1];
    let rune = b0 & (0x7f >> size);
    for (let i = 1; i < size; i++) {
        const byte = bytes[at + i] ?? 0;
        const low = i === 1 ? min : 0x80;
        const high = i === 1 ? max : 0xbf;
        if (byte < low || byte > high)
            return [RUNE_ERROR, 1];
        rune = (rune << 6) | (byte & 0x3f);
    }
    return [rune, size];
}
// Sequence length and the allowed range of the second byte (Go's acceptRanges).
function leadByte(b0) {
    if (b0 >= 0xc2 && b0 <= 0xdf)
        return [2, 0x80, 0xbf];
    if (b0 === 0xe0)
        return [3, 0xa0, 0xbf];
    if (b0 === 0xed)
        return [3, 0x80, 0x9f];
    if (b0 >= 0xe1 && b0 <= 0xef)
        return [3, 0x80, 0xbf];
    if (b0 === 0xf0)
        return [4, 0x90, 0xbf];
    if (b0 >= 0xf1 && b0 <= 0xf3)
        return [4, 0x80, 0xbf];
    if (b0 === 0xf4)
        return [4, 0x80, 0x8f];
    return [0, 0, 0];
}
// ---- Glob --------------------------------------------------------------------------------
// Go's globWithLimit: glob the directory part first, then match names in each directory.
function glob(pattern, depth) {
    if (depth === PATH_SEPARATORS_LIMIT)
        throw new GlobPatternError();
    // Go validates the whole pattern first, so a bad pattern fails even if nothing exists.
    matchSegment(pattern, '');
    if (!hasGlobMeta(pattern))
        return exists(pattern) ? [pattern] : [];
    const cut = pattern.lastIndexOf('/') + 1;
    const dir = cleanGlobPath(pattern.slice(0, cut));
    const file = pattern.slice(cut);
    if (!hasGlobMeta(dir))
        return globDirectory(dir, file, []);
    if (dir === pattern)
        throw new GlobPatternError();
    const matches = [];
    for (const directory of glob(dir, depth + 1))
        globDirectory(directory, file, matches);
    return matches;
}
// Go's cleanGlobPath: the directory part of Split without its trailing separator.
function cleanGlobPath(dir) {
    if (dir === '')
        return '.';
    if (dir === '/')
        return dir;
    return dir.slice(0, -1);
}
// Go's glob: appends the sorted names in dir that match; I/O errors mean no matches.
function globDirectory(dir, pattern, matches) {
    if (!isDirectory(dir))
        return matches;
    let names;
    try {
        names = (0,external_node_fs_namespaceObject.readdirSync)(dir, { encoding: 'buffer' });
    }
    catch {
        return matches;
    }
    // Go sorts the names as byte strings.
    names.sort(Buffer.compare);
    const compiled = patternBytes(pattern);
    for (const name of names) {
        if (matchBytes(compiled, name))
            matches.push(joinName(dir, name.toString('utf8')));
    }
    return matches;
}
function isDirectory(dir) {
    try {
        return (0,external_node_fs_namespaceObject.statSync)(dir).isDirectory();
    }
    catch {
        return false;
    }
}
// Go uses Lstat here, so a dangling symlink still counts.
function exists(file) {
    try {
        return (0,external_node_fs_namespaceObject.lstatSync)(file, { throwIfNoEntry: false }) !== undefined;
    }
    catch {
        return false;
    }
}
// Go's Join(dir, name) for a clean dir and a plain directory entry.
function joinName(dir, name) {
    if (dir === '.')
        return name;
    if (dir.endsWith('/'))
        return dir + name;
    return `${dir}/${name}`;
}
// Go's filepath.Join: empty elements are dropped, then the result is cleaned.
function goJoin(...elements) {
    const present = elements.filter((element) => element !== '');
    return present.length === 0 ? '' : goClean(present.join('/'));
}
// Go's filepath.Clean: lexical, so '..' backs out of the previous segment even via symlinks.
function goClean(input) {
    if (input === '')
        return '.';
    const rooted = input.startsWith('/');
    const segments = [];
    for (const segment of input.split('/')) {
        if (segment === '' || segment === '.')
            continue;
        if (segment !== '..')
            segments.push(segment);
        else if (segments.length > 0 && segments[segments.length - 1] !== '..')
            segments.pop();
        else if (!rooted)
            segments.push('..');
    }
    const body = segments.join('/');
    if (rooted)
        return `/${body}`;
    return body === '' ? '.' : body;
}

;// CONCATENATED MODULE: ./src/preflight/bundle-files.ts






const INCLUDE_EXTENSIONS = ['.yml', '.yaml', '.json'];
// The CLI refuses these in the bundle root path, because Go's Glob would read them as patterns.
const ROOT_GLOB_CHARACTERS = ['*', '?', '[', ']', '^'];
/**
 * Loads the configuration the way the CLI does (bundle/config/loader): only the root file's
 * `include` counts, entries are Go globs relative to the bundle root, a plain entry must match,
 * matches must be YAML or JSON, and a file is loaded once. Problems become findings on the
 * file and line they come from; undefined means the root itself could not be read.
 */
function loadBundleFiles(folders, findings) {
    const root = readBundleFile(folders, folders.configFile, findings);
    if (root === undefined)
        return undefined;
    if (root.value !== null && !isMapping(root.value)) {
        findings.add('config-type', 'stop', 'The root configuration is not a mapping of sections.', {
            file: root.relativePath,
            line: 1,
        });
        return undefined;
    }
    const globCharacter = ROOT_GLOB_CHARACTERS.find((char) => folders.bundlePath.includes(char));
    if (globCharacter !== undefined) {
        findings.add('bundle-root-path', 'stop', `The bundle root path ${folders.bundlePath} contains the glob character ` +
            `"${globCharacter}", which the CLI refuses. Move the bundle to a folder without it.`);
        return { root, included: [] };
    }
    const included = includedFiles(folders, root, findings);
    return { root, included };
}
function includedFiles(folders, root, findings) {
    const entries = includeEntries(root, findings);
    const seen = new Set(BUNDLE_CONFIG_FILES);
    const included = [];
    entries.forEach((entry, index) => {
        const where = { file: root.relativePath, line: root.lineOf(['include', index]) };
        const matches = matchIncludeEntry(folders, entry, where, findings);
        const fresh = matches.filter((match) => !seen.has(match));
        fresh.forEach((match) => seen.add(match));
        for (const match of [...fresh].sort()) {
            if (!INCLUDE_EXTENSIONS.includes(external_node_path_default().extname(match))) {
                findings.add('include-not-yaml', 'stop', `include entry "${entry}" matches ${match}, which is not a YAML or JSON file. List ` +
                    "files to sync under 'sync.include' instead.", where);
                continue;
            }
            const file = readBundleFile(folders, match, findings);
            if (file !== undefined && acceptIncludedFile(file, findings))
                included.push(file);
        }
    });
    return included;
}
function includeEntries(root, findings) {
    const include = isMapping(root.value) ? root.value['include'] : undefined;
    if (include === undefined || include === null)
        return [];
    if (!Array.isArray(include)) {
        findings.add('config-type', 'stop', 'include must be a list of file paths or globs.', {
            file: root.relativePath,
            line: root.lineOf(['include']),
        });
        return [];
    }
    const entries = [];
    include.forEach((entry, index) => {
        if (typeof entry === 'string') {
            entries.push(entry);
            return;
        }
        findings.add('config-type', 'stop', `include[${index}] must be a string.`, {
            file: root.relativePath,
            line: root.lineOf(['include', index]),
        });
    });
    return entries;
}
function matchIncludeEntry(folders, entry, where, findings) {
    if (external_node_path_default().isAbsolute(entry)) {
        findings.add('include-absolute', 'stop', `${entry}: includes must be relative paths.`, where);
        return [];
    }
    if (hasGlobMeta(entry) && entry.includes('**')) {
        findings.add('include-globstar', 'advice', `include entry "${entry}" uses "**", which the CLI's Go glob reads as "*": it matches ` +
            'one folder level, not any depth. List each level (e.g. resources/*.yml, ' +
            'resources/*/*.yml).', where);
    }
    let matches;
    try {
        matches = globRelative(folders.bundlePath, entry);
    }
    catch (error) {
        if (!(error instanceof GlobPatternError))
            throw error;
        findings.add('include-pattern', 'stop', `include entry "${entry}" is not a valid glob.`, where);
        return [];
    }
    if (matches.length === 0 && !/[*?[]/.test(entry)) {
        findings.add('include-missing', 'stop', `${entry} defined in 'include' section does not match any files. Fix the path, or ` +
            'commit the file.', where);
    }
    return matches;
}
/** Reads one bundle file, refusing one whose real path leaves the checkout (a symlink out). */
function readBundleFile(folders, relativePath, findings) {
    const absolute = external_node_path_default().join(folders.bundlePath, relativePath);
    try {
        const real = (0,external_node_fs_namespaceObject.realpathSync)(absolute);
        if (!isInside(folders.checkoutPath, real)) {
            findings.add('outside-checkout', 'stop', `${relativePath} resolves to ${real}, outside the repository checkout; configuration ` +
                'is only read from the checkout. Replace the symlink with the file itself.', { file: relativePath });
            return undefined;
        }
        if (!(0,external_node_fs_namespaceObject.statSync)(real).isFile()) {
            findings.add('config-read', 'stop', `${relativePath} is not a regular file.`, {
                file: relativePath,
            });
            return undefined;
        }
        return readConfigFile(real, relativePath);
    }
    catch (error) {
        findings.add('config-read', 'stop', describeReadError(relativePath, error), {
            file: relativePath,
            line: error instanceof ConfigFileError ? error.line : undefined,
        });
        return undefined;
    }
}
function describeReadError(relativePath, error) {
    // The finding carries the file and line already; the message need not repeat them.
    if (error instanceof ConfigFileError) {
        const prefix = `${error.file}${error.line === undefined ? '' : `:${error.line}`}: `;
        return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    }
    const code = error.code ?? 'unknown error';
    return `${relativePath} cannot be read (${code}). Check that it exists and is readable.`;
}
function acceptIncludedFile(file, findings) {
    if (file.value === null)
        return true;
    if (!isMapping(file.value)) {
        findings.add('config-type', 'stop', `${file.relativePath} is not a mapping of sections.`, {
            file: file.relativePath,
            line: 1,
        });
        return false;
    }
    const include = file.value['include'];
    if (Array.isArray(include) ? include.length > 0 : include !== undefined && include !== null) {
        findings.add('include-outside-root', 'stop', 'Include section is defined outside root file. Move the include entries to the root ' +
            'configuration file.', { file: file.relativePath, line: file.lineOf(['include']) });
    }
    return true;
}

;// CONCATENATED MODULE: ./src/preflight/checkout-file.ts


/**
 * Reads a small text file (a manifest, a requirements file) only when its real path is inside
 * the checkout and it is a regular file of at most `maxBytes`: a FIFO would block the read for
 * ever, and a symlink could point anywhere on the runner.
 */
function readCheckoutText(absolutePath, checkoutPath, maxBytes) {
    let real;
    try {
        real = (0,external_node_fs_namespaceObject.realpathSync)(absolutePath);
    }
    catch {
        return { problem: 'missing' };
    }
    if (!isInside(checkoutPath, real))
        return { problem: 'outside' };
    try {
        const stats = (0,external_node_fs_namespaceObject.statSync)(real);
        if (!stats.isFile() || stats.size > maxBytes)
            return { problem: 'not-a-small-file' };
        return { text: (0,external_node_fs_namespaceObject.readFileSync)(real, 'utf8') };
    }
    catch {
        return { problem: 'unreadable' };
    }
}

;// CONCATENATED MODULE: ./src/preflight/checksum-manifest.ts


const MAX_MANIFEST_BYTES = 1024 * 1024;
const MANIFEST_PROBLEMS = {
    missing: 'it does not exist',
    outside: 'it resolves outside the checkout',
    'not-a-small-file': 'not a regular file of at most 1 MiB',
    unreadable: 'permission denied or a read error',
};
// sha256sum's output: 64 hex digits, a space, then a space (text mode) or "*" (binary mode).
const MANIFEST_LINE = /^([0-9a-fA-F]{64}) [ *](.+)$/;
/**
 * Compares the files the deployment uploads with a `sha256sum` manifest committed or built
 * beside them. Paths in the manifest are relative to the bundle folder (where `sha256sum` is
 * usually run). The match must be exact: a file missing on either side, or a different hash,
 * stops the step and names the file.
 */
function checkManifest(manifest, checkoutPath, bundlePrefix, artifacts, findings) {
    const where = (line) => ({ file: manifest.repositoryPath, line });
    const read = readCheckoutText(manifest.absolutePath, checkoutPath, MAX_MANIFEST_BYTES);
    if ('problem' in read) {
        findings.addAt('checksum-manifest', 'stop', `Input 'checksums': ${manifest.repositoryPath} cannot be read ` +
            `(${MANIFEST_PROBLEMS[read.problem]}). Name a sha256sum file inside the repository ` +
            'checkout.');
        return;
    }
    const entries = parseManifest(read.text, manifest.repositoryPath, bundlePrefix, findings);
    const byPath = new Map(artifacts.map((artifact) => [artifact.path, artifact]));
    const listed = new Set();
    for (const entry of entries) {
        listed.add(entry.path);
        const artifact = byPath.get(entry.path);
        if (artifact === undefined) {
            findings.addAt('checksum-missing-file', 'stop', `${entry.path} is listed in the checksum manifest but the bundle does not deploy it ` +
                '(or it is missing). Regenerate the manifest from the files the bundle deploys.', where(entry.line));
        }
        else if (artifact.sha256 !== entry.sha256.toLowerCase()) {
            findings.addAt('checksum-mismatch', 'stop', `${entry.path} has SHA-256 ${artifact.sha256}, but the checksum manifest says ` +
                `${entry.sha256.toLowerCase()}. The file is not the vetted build; do not deploy it.`, where(entry.line));
        }
    }
    for (const artifact of artifacts) {
        if (listed.has(artifact.path))
            continue;
        findings.addAt('checksum-extra-file', 'stop', `${artifact.path} would be deployed but is not in the checksum manifest ` +
            `${manifest.repositoryPath}. Add it to the manifest only if it is a vetted build.`, { file: artifact.path });
    }
}
function parseManifest(text, manifestPath, bundlePrefix, findings) {
    const entries = [];
    text.split(/\r?\n/).forEach((raw, index) => {
        if (raw.trim() === '')
            return;
        const match = MANIFEST_LINE.exec(raw);
        if (match === null) {
            findings.addAt('checksum-manifest', 'stop', `Line ${index + 1} of ${manifestPath} is not in sha256sum format ("<64 hex digits>  ` +
                '<file>"). Generate the manifest with sha256sum.', { file: manifestPath, line: index + 1 });
            return;
        }
        const relative = (match[2] ?? '').replace(/^\.\//, '');
        const joined = external_node_path_default().posix.normalize(external_node_path_default().posix.join(bundlePrefix, relative));
        entries.push({ sha256: match[1] ?? '', path: joined, line: index + 1 });
    });
    return entries;
}

;// CONCATENATED MODULE: ./src/preflight/targets.ts

// `environments` is the CLI's deprecated name for `targets`; both still work.
const TARGET_SECTIONS = ['targets', 'environments'];
/**
 * Picks the target the way the CLI does (bundle/config/mutator/select_target.go): an unknown
 * name is an error that lists the known ones, and a bundle without targets has only `default`.
 */
function selectTarget(files, name, findings) {
    const all = [files.root, ...files.included];
    const available = new Set();
    for (const file of all) {
        for (const section of TARGET_SECTIONS) {
            for (const targetName of Object.keys(targetBlocks(file, section, findings))) {
                available.add(targetName);
            }
        }
    }
    if (available.size === 0 ? name !== 'default' : !available.has(name)) {
        const known = available.size === 0 ? ['default'] : [...available].sort();
        findings.add('unknown-target', 'stop', `${name}: no such target. Available targets: ${known.join(', ')}. Set the target input ` +
            'to one of them.', { file: files.root.relativePath, line: files.root.lineOf(['targets']) });
        return undefined;
    }
    const topLevel = [];
    const targeted = [];
    for (const file of all) {
        if (isMapping(file.value)) {
            topLevel.push({ file, base: [], value: file.value, isTarget: false });
        }
        for (const section of TARGET_SECTIONS) {
            const block = targetBlocks(file, section)[name];
            if (isMapping(block))
                targeted.push({ file, base: [section, name], value: block, isTarget: true });
        }
    }
    return { name, fragments: [...topLevel, ...targeted] };
}
// The second pass over the same blocks passes no list, so nothing is reported twice.
function targetBlocks(file, section, findings) {
    const value = isMapping(file.value) ? file.value[section] : undefined;
    if (value === undefined || value === null)
        return {};
    if (!isMapping(value)) {
        findings?.add('config-type', 'stop', `${section} must be a mapping of target names.`, {
            file: file.relativePath,
            line: file.lineOf([section]),
        });
        return {};
    }
    return value;
}
/**
 * The effective value of a setting (e.g. ['bundle', 'engine']) for the selected target, with
 * where it was set. Null means "not set", as the CLI reads `host:` with no value.
 */
function effectiveSetting(target, keys) {
    let found;
    for (const fragment of target.fragments) {
        let value = fragment.value;
        for (const key of keys)
            value = isMapping(value) ? value[key] : undefined;
        if (value !== undefined && value !== null) {
            found = { value, fragment, path: [...fragment.base, ...keys] };
        }
    }
    return found;
}
/** The line of a setting in its file. */
function settingLine(setting) {
    return setting.fragment.file.lineOf(setting.path);
}
/**
 * The value of variable `name` for the selected target, with where it is written: the target's
 * own `variables.<name>` (a value, or a mapping with `default`), else the top-level default.
 */
function variableValue(target, name) {
    let found;
    for (const fragment of target.fragments) {
        const variables = fragment.value['variables'];
        const entry = isMapping(variables) ? variables[name] : undefined;
        if (entry === undefined || entry === null)
            continue;
        const base = [...fragment.base, 'variables', name];
        if (isMapping(entry) && 'default' in entry) {
            found = { value: entry['default'], fragment, path: [...base, 'default'] };
        }
        else if (fragment.isTarget) {
            found = { value: entry, fragment, path: base };
        }
    }
    return found;
}

;// CONCATENATED MODULE: ./src/preflight/image-rules.ts


/** Node's names for CPU architectures, in the OCI names that image configs use. */
const OCI_ARCHITECTURES = {
    x64: 'amd64',
    arm64: 'arm64',
    arm: 'arm',
    ia32: '386',
    ppc64: 'ppc64le',
    s390x: 's390x',
    riscv64: 'riscv64',
};
function runnerArchitecture(nodeArch = process.arch) {
    return OCI_ARCHITECTURES[nodeArch] ?? nodeArch;
}
/**
 * The image that will run must be the pinned one: a digest in the input must be one the local
 * store knows for this image (or its id), and a tag-only reference is reported as mutable with
 * the digest that actually ran. Its platform must be the runner's, since an emulated or
 * mismatched CLI either fails oddly or not at all.
 */
function checkImage(reference, image, runnerArch, findings) {
    if (reference.digest !== undefined) {
        const digest = reference.digest;
        const known = image.id === digest || image.repoDigests.some((entry) => entry.endsWith(`@${digest}`));
        if (!known) {
            findings.add('image-digest', 'stop', `Input 'image' pins ${digest}, but the local image ${reference.raw} resolves to ` +
                `${image.id} with registry digests ${image.repoDigests.join(', ') || '(none)'}. ` +
                'Load the approved image, or correct the digest.');
        }
    }
    else {
        // Only a digest of the same repository can replace the tag in the input.
        const digest = image.repoDigests.find((entry) => entry.startsWith(`${reference.repository}@`));
        const pin = digest ?? `${reference.repository}@<digest from your registry>`;
        findings.add('mutable-tag', 'advice', `Input 'image' names the tag ${reference.tag ?? ''}, which can be moved to another ` +
            `image. This run uses image ${image.id}; pin the input as ${pin} to make runs ` +
            'repeatable.');
    }
    if (image.os !== 'linux' || image.architecture !== runnerArch) {
        findings.add('image-platform', 'stop', `The image is built for ${image.platform || 'an unknown platform'}, but this runner is ` +
            `linux/${runnerArch}. Mirror the ${runnerArch} variant of the CLI image.`);
    }
}
const ENGINES = ['terraform', 'direct'];
// The CLI's default deployment engine for new deployments became "direct" in v1.3.0.
const DIRECT_DEFAULT_SINCE = '1.3.0';
/**
 * Which engine the CLI will deploy with, in the CLI's order: bundle.engine in the YAML, then
 * DATABRICKS_BUNDLE_ENGINE (from the `engine` input, else the image's own environment), then
 * the CLI version's default. Undefined engine means the version is needed and not yet known.
 */
function decideEngine(target, inputEngine, image, cliVersion, findings) {
    const setting = effectiveSetting(target, ['bundle', 'engine']);
    // The CLI reads an empty engine as "not set".
    if (setting !== undefined && setting.value !== '') {
        const where = `bundle.engine in ${setting.fragment.file.relativePath}:${settingLine(setting)}`;
        if (typeof setting.value === 'string' && ENGINES.includes(setting.value)) {
            return { engine: setting.value, source: where };
        }
        findings.add('config-type', 'stop', `bundle.engine must be "terraform" or "direct", not ${JSON.stringify(setting.value)}.`, { file: setting.fragment.file.relativePath, line: settingLine(setting) });
        return { engine: undefined, source: where };
    }
    if (inputEngine !== undefined)
        return { engine: inputEngine, source: "the 'engine' input" };
    const imageEngine = image.env['DATABRICKS_BUNDLE_ENGINE'];
    if (imageEngine !== undefined && ENGINES.includes(imageEngine)) {
        return { engine: imageEngine, source: "the image's DATABRICKS_BUNDLE_ENGINE" };
    }
    if (cliVersion === undefined)
        return { engine: undefined, source: 'the CLI version' };
    const engine = compareVersions(cliVersion, DIRECT_DEFAULT_SINCE) >= 0 ? 'direct' : 'terraform';
    return { engine, source: `the default of CLI ${cliVersion}` };
}
/** True when the image carries Terraform and the provider for offline use. */
function imageHasOfflineTerraform(image) {
    return ['DATABRICKS_TF_EXEC_PATH', 'DATABRICKS_TF_CLI_CONFIG_FILE'].every((name) => (image.env[name] ?? '') !== '');
}
/**
 * The Terraform engine downloads Terraform and the Databricks provider unless the image points
 * the CLI at baked-in copies. In a closed network that download cannot work.
 */
function checkTerraformOffline(decision, image, findings) {
    if (decision.engine !== 'terraform' || imageHasOfflineTerraform(image))
        return;
    findings.add('terraform-download', 'stop', `This bundle deploys with the Terraform engine (decided by ${decision.source}), but the ` +
        'image does not set DATABRICKS_TF_EXEC_PATH and DATABRICKS_TF_CLI_CONFIG_FILE, so the ' +
        'CLI would download Terraform and the Databricks provider, which cannot work in a ' +
        'closed network. Use an image with both baked in, or deploy with the direct engine ' +
        '(bundle.engine: direct, or the engine input).');
}

;// CONCATENATED MODULE: ./src/preflight/dependencies.ts
const INDEX_FLAGS = ['-i', '--index-url', '--extra-index-url', '-f', '--find-links'];
// The CLI's PEP 440 and package patterns, so that "is this a package name" is decided alike.
const PEP440 = String.raw `(\d+!)?(\d+(\.\d+)*)([-_.]?(a|b|rc)\d+)?([-_.]?post\d+)?([-_.]?dev\d+)?` +
    String.raw `(\+[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*)?`;
const PACKAGE = new RegExp(String.raw `^[a-zA-Z0-9\-_]+\s?(\[.*\])?\s?((==|!=|<=|>=|~=|==|>|<)\s?` + PEP440 + ',?)*$');
// The CLI's `(^|\s+)--?[a-zA-Z0-9-]+(([\s|=]+)|$)`, reduced to what decides a match (one
// separator character either side), which runs in linear time on long entries.
const PIP_FLAG = /(?:^|\s)--?[a-zA-Z0-9-]+(?:[\s|=]|$)/;
function classifyDependency(entry) {
    const text = entry.trim();
    if (text === '')
        return { kind: 'ignored' };
    const index = indexFlag(text);
    if (index !== undefined)
        return index;
    for (const [flag, kind] of [
        ['-r', 'requirements'],
        ['-e', 'editable'],
        ['--requirement', 'requirements'],
        ['--editable', 'editable'],
    ]) {
        const rest = cutFlag(text, flag);
        if (rest !== undefined)
            return { kind, path: rest, local: isLocalPath(rest) };
    }
    if (text.startsWith('.'))
        return { kind: 'local-file', path: text };
    if (PIP_FLAG.test(text))
        return { kind: 'ignored' };
    const direct = text.split(' @ ');
    if (direct.length === 2 && PACKAGE.test(direct[0] ?? '') && isRemoteScheme(direct[1] ?? '')) {
        return { kind: 'direct-url', name: (direct[0] ?? '').trim(), url: (direct[1] ?? '').trim() };
    }
    if (PACKAGE.test(text))
        return { kind: 'package', name: text };
    return isLocalPath(text)
        ? { kind: 'local-file', path: text }
        : { kind: 'remote-file', path: text };
}
function indexFlag(text) {
    for (const flag of INDEX_FLAGS) {
        if (text === flag)
            return { kind: 'index', flag, url: undefined };
        const rest = cutFlag(text, flag) ??
            (text.startsWith(`${flag}=`) ? text.slice(flag.length + 1) : undefined);
        if (rest !== undefined)
            return { kind: 'index', flag, url: rest.trim() };
    }
    return undefined;
}
/** The value after `flag` and whitespace (`-r reqs.txt`), or undefined for another entry. */
function cutFlag(text, flag) {
    if (!text.startsWith(flag) || !/\s/.test(text.charAt(flag.length)))
        return undefined;
    const rest = text.slice(flag.length).trim();
    return rest === '' ? undefined : rest;
}
/** The CLI's IsLocalPath: not absolute, not file://, no remote scheme like dbfs:/ or s3://. */
function isLocalPath(value) {
    const text = value.trim().replace(/^["']+|["']+$/g, '');
    if (text.startsWith('file://'))
        return false;
    if (isRemoteScheme(text))
        return false;
    return !text.startsWith('/');
}
/** The CLI's isRemoteStorageScheme: `scheme:/...` for any scheme but file. */
function isRemoteScheme(value) {
    const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(value);
    if (match === null)
        return false;
    const scheme = match[1] ?? '';
    return value.startsWith(`${scheme}:/`) && scheme.toLowerCase() !== 'file';
}
/** http(s) URLs: the only remote schemes that can leave the workspace's cloud storage. */
function isWebUrl(value) {
    return /^https?:\/\//i.test(value.trim());
}
const PIP_INDEX_OPTIONS = ['-i', '--index-url', '--extra-index-url', '-f', '--find-links'];
const PIP_NESTED_OPTIONS = ['-r', '--requirement', '-c', '--constraint'];
const PIP_EDITABLE_OPTIONS = ['-e', '--editable'];
// Options that take a value but fetch nothing themselves (the value must not be read as a
// requirement).
const PIP_VALUE_OPTIONS = [
    '--hash',
    '--trusted-host',
    '--global-option',
    '--install-option',
    '--config-settings',
    '-C',
    '--only-binary',
    '--no-binary',
    '--use-feature',
    '--progress-bar',
];
const VCS_OR_URL = /^(?:[a-z][a-z0-9.-]*\+)?[a-z][a-z0-9+.-]*:\/\//i;
/**
 * Reads a line the way pip reads a requirements file: options (with `=` or a separate value),
 * then one requirement, whose environment marker (`; ...`) and hashes are ignored. Unlike the
 * CLI's own local-path rules, this says what pip will fetch on the cluster.
 */
function pipItems(line) {
    const items = [];
    const tokens = splitPipLine(line);
    const requirement = [];
    for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index] ?? '';
        if (!token.startsWith('-')) {
            requirement.push(token);
            continue;
        }
        // An option ends the requirement before it (`requests --hash=sha256:...`).
        if (requirement.length > 0)
            items.push(requirementItem(requirement.splice(0).join(' ')));
        const option = readOption(token);
        if (option === undefined)
            continue;
        const { name } = option;
        const value = option.value ?? tokens[++index] ?? '';
        if (PIP_INDEX_OPTIONS.includes(name))
            items.push({ kind: 'index', flag: name, url: value });
        if (PIP_NESTED_OPTIONS.includes(name))
            items.push({ kind: 'nested', flag: name, path: value });
        if (PIP_EDITABLE_OPTIONS.includes(name))
            items.push(requirementItem(value));
    }
    if (requirement.length > 0)
        items.push(requirementItem(requirement.join(' ')));
    return items;
}
const PIP_OPTIONS_WITH_VALUES = [
    ...PIP_INDEX_OPTIONS,
    ...PIP_NESTED_OPTIONS,
    ...PIP_EDITABLE_OPTIONS,
    ...PIP_VALUE_OPTIONS,
];
const PIP_LONG_OPTIONS = PIP_OPTIONS_WITH_VALUES.filter((option) => option.startsWith('--'));
/**
 * An option that takes a value, by its full name, with the value when it is attached. pip's
 * option parser takes any unambiguous prefix of a long option (`--index` for `--index-url`)
 * and a short option's value written straight after it (`-ihttps://...`, `-rmore.txt`).
 */
function readOption(token) {
    if (token.startsWith('--')) {
        const equals = token.indexOf('=');
        const written = equals > 0 ? token.slice(0, equals) : token;
        const value = equals > 0 ? token.slice(equals + 1) : undefined;
        if (PIP_LONG_OPTIONS.includes(written))
            return { name: written, value };
        // pip also knows long options this list does not; a prefix of one of those is not ours.
        const candidates = [...PIP_LONG_OPTIONS, ...OTHER_PIP_LONG_OPTIONS].filter((option) => option.startsWith(written));
        const name = candidates.length === 1 ? candidates[0] : undefined;
        return name !== undefined && PIP_LONG_OPTIONS.includes(name) ? { name, value } : undefined;
    }
    const short = token.slice(0, 2);
    if (!PIP_OPTIONS_WITH_VALUES.includes(short))
        return undefined;
    const attached = token.slice(2).replace(/^=/, '');
    return { name: short, value: attached === '' ? undefined : attached };
}
// pip's other requirements-file long options, so that a prefix shared with one of them is
// ambiguous, as pip finds it (e.g. `--no` could be --no-binary or --no-index).
const OTHER_PIP_LONG_OPTIONS = ['--no-index', '--prefer-binary', '--require-hashes', '--pre'];
function requirementItem(text) {
    const spec = (text.split(';')[0] ?? '').trim();
    if (VCS_OR_URL.test(spec)) {
        return spec.toLowerCase().startsWith('file:')
            ? { kind: 'path', path: spec }
            : urlItem(spec, spec);
    }
    const at = spec.indexOf('@');
    if (at > 0) {
        const url = spec.slice(at + 1).trim();
        if (VCS_OR_URL.test(url) && !url.toLowerCase().startsWith('file:'))
            return urlItem(spec, url);
    }
    if (/^[.$/~]/.test(spec) || spec.includes('/') || /\.(whl|tar\.gz|zip|egg|jar)$/i.test(spec)) {
        return { kind: 'path', path: spec };
    }
    return { kind: 'package', name: spec };
}
function urlItem(text, url) {
    return { kind: 'url', text, url: url.replace(/^[a-z][a-z0-9.-]*\+(?=[a-z]+:\/\/)/i, '') };
}
/** Splits on whitespace, keeping quoted parts together and dropping the quotes, as pip does. */
function splitPipLine(line) {
    const tokens = [];
    let current = '';
    let quote;
    let inToken = false;
    for (const character of line) {
        if (quote !== undefined) {
            if (character === quote)
                quote = undefined;
            else
                current += character;
        }
        else if (character === '"' || character === "'") {
            quote = character;
            inToken = true;
        }
        else if (/\s/.test(character)) {
            if (inToken)
                tokens.push(current);
            current = '';
            inToken = false;
        }
        else {
            current += character;
            inToken = true;
        }
    }
    if (inToken)
        tokens.push(current);
    return tokens;
}

;// CONCATENATED MODULE: ./src/preflight/reach-context.ts


function at(fragment, configPath) {
    return { file: fragment.file.relativePath, line: fragment.file.lineOf(configPath) };
}
const INTERNAL_HINT = 'point it at a host inside the network and list that host in the internal-hosts input';
// Workspace files, volumes and DBFS are inside the workspace: nothing leaves the network.
const WORKSPACE_LOCATION = /^(?:\/|dbfs:\/|file:)/i;
/**
 * Flags a location outside the enclave. A value whose host cannot be read is flagged too: a
 * URL that this parser and pip's disagree on must not pass as internal.
 */
function checkLocation(value, rule, what, where, context) {
    const text = value.trim();
    if (WORKSPACE_LOCATION.test(text))
        return;
    if (isInterpolated(text)) {
        // `https://github.com/${var.org}/x.git` still names its host; `${var.url}` names none.
        const literal = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/@${}]*@)?([^/:${}]+)(?=[/:]|$)/i.exec(text);
        if (literal?.[1] === undefined)
            return;
        if (context.internal.includesHost(literal[1]))
            return;
        const place = `${literal[1]}, not an internal host`;
        context.findings.add(rule, 'policy', `${what} ${place}; ${INTERNAL_HINT}.`, where);
        return;
    }
    const host = hostOfUrl(text);
    if (host !== undefined && context.internal.includesHost(host))
        return;
    const place = host === undefined ? `${text}, whose host cannot be read` : `${host}, not an internal host`;
    context.findings.add(rule, 'policy', `${what} ${place}; ${INTERNAL_HINT}.`, where);
}

;// CONCATENATED MODULE: ./src/preflight/pip-requirements.ts






// Far above any real requirements file; a larger one (or a FIFO) is not read at all.
const MAX_REQUIREMENTS_BYTES = 1024 * 1024;
// pip follows -r inside -r; so does this check, to a depth no real project needs.
const MAX_NESTING = 5;
/** A job or pipeline environment's `dependencies`: each entry is one pip requirement line. */
function checkDependencyList(entries, fragment, listPath, context) {
    const lines = entries.flatMap((entry, index) => typeof entry === 'string' ? [{ text: entry, where: at(fragment, [...listPath, index]) }] : []);
    const folder = external_node_path_default().posix.dirname(fragment.file.relativePath);
    checkPipLines(lines, folder, 'environment dependency', context, new Set(), 0, false);
}
/**
 * A `requirements:` library (or an app's requirements.txt, which may be absent): the file is
 * read here when it is in the checkout.
 */
function checkRequirementsLibrary(value, fragment, configPath, context, optional = false) {
    const where = at(fragment, configPath);
    const folder = external_node_path_default().posix.dirname(fragment.file.relativePath);
    if (optional && !(0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().resolve(context.bundlePath, folder, value)))
        return;
    const item = { kind: 'nested', flag: 'requirements:', path: value };
    checkNested(item, folder, where, context, new Set(), 0, false);
}
/**
 * Lines of one pip input. Package names are fine when the same input sets an internal index
 * with -i/--index-url (pip then looks nowhere else); every other index is checked on its own.
 */
function checkPipLines(lines, folder, what, context, seen, depth, inheritedIndex) {
    const parsed = lines.map((line) => ({ where: line.where, items: pipItems(line.text) }));
    // pip's index options hold for the whole install, nested requirement files included.
    const internalIndex = inheritedIndex ||
        parsed.some(({ items }) => items.some((item) => item.kind === 'index' &&
            (item.flag === '-i' || item.flag === '--index-url') &&
            context.internal.includesUrl(item.url)));
    for (const { where, items } of parsed) {
        for (const item of items) {
            if (item.kind === 'index') {
                checkLocation(item.url, 'package-index', `The ${what} ${item.flag} fetches from`, where, context);
            }
            else if (item.kind === 'url') {
                checkLocation(item.url, 'direct-url', `The ${what} ${item.text} is fetched from`, where, context);
            }
            else if (item.kind === 'nested') {
                checkNested(item, folder, where, context, seen, depth, internalIndex);
            }
            else if (item.kind === 'package' && !internalIndex) {
                packageFinding(item.name, what, where, context);
            }
        }
    }
}
function packageFinding(name, what, where, context) {
    context.findings.add('package-name', 'policy', `The ${what} ${name} is a package name: the cluster installs it from the default pip ` +
        'index (PyPI unless a workspace admin set a default repository). Add "--index-url ' +
        '<internal mirror>" to the same list or file and name its host in internal-hosts, or ' +
        'ship a vetted wheel.', where);
}
function checkNested(item, folder, where, context, seen, depth, internalIndex) {
    const value = item.path.trim();
    if (isInterpolated(value))
        return;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !/^file:/i.test(value)) {
        checkLocation(value, 'direct-url', `The requirements file ${value} is fetched from`, where, context);
        return;
    }
    if (value.startsWith('/') || /^dbfs:/i.test(value)) {
        context.findings.add('remote-requirements', 'policy', `The requirements file ${value} is read on the cluster and cannot be checked here; its ` +
            'packages come from the default pip index unless it names an internal one. Ship it ' +
            'in the repository so the pre-flight can read it.', where);
        return;
    }
    const relative = external_node_path_default().posix.normalize(external_node_path_default().posix.join(folder, value));
    const text = readRequirements(relative, where, context, seen, depth);
    if (text === undefined)
        return;
    const lines = logicalLines(text).map(({ text: line, number }) => ({
        text: line,
        where: { file: relative, line: number },
    }));
    const nestedFolder = external_node_path_default().posix.dirname(relative);
    checkPipLines(lines, nestedFolder, `requirements file ${relative} line`, context, seen, depth + 1, internalIndex);
}
/** The file's text, or undefined when it is not one to read (reported where it matters). */
function readRequirements(relative, where, context, seen, depth) {
    if (seen.has(relative) || depth >= MAX_NESTING)
        return undefined; // pip would loop; we stop
    seen.add(relative);
    const absolute = external_node_path_default().resolve(context.bundlePath, relative);
    const read = readCheckoutText(absolute, context.checkoutPath, MAX_REQUIREMENTS_BYTES);
    if ('text' in read)
        return read.text;
    // Missing, outside or unreadable: the local-file check reports those.
    if (read.problem === 'not-a-small-file') {
        context.findings.add('requirements-unreadable', 'stop', `${relative} is not a regular file of at most 1 MiB, so it is not read. Commit the ` +
            'requirements file itself.', where);
    }
    return undefined;
}
/** Lines with comments removed and backslash continuations joined, numbered from 1. */
function logicalLines(text) {
    const result = [];
    let pending;
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.replace(/(^|\s)#.*$/, '');
        const joined = pending === undefined
            ? { text: line, number: index + 1 }
            : {
                text: pending.text + line,
                number: pending.number,
            };
        if (joined.text.endsWith('\\')) {
            pending = { text: joined.text.slice(0, -1), number: joined.number };
            return;
        }
        pending = undefined;
        if (joined.text.trim() !== '')
            result.push(joined);
    });
    if (pending !== undefined && pending.text.trim() !== '')
        result.push(pending);
    return result;
}

;// CONCATENATED MODULE: ./src/preflight/internet-reach.ts







/**
 * Flags everything that would fetch from outside the enclave: at deploy time (artifact builds,
 * Python and script hooks) or when the deployed jobs run (package indexes, Git, container
 * images, init scripts, Spark packages). Each finding names the file, line and reason.
 * `localLibrary` is the first local file a task uses, which makes the CLI build setup.py.
 */
function findInternetReach(fragments, sites, localLibrary, context) {
    for (const fragment of fragments) {
        checkArtifacts(fragment, context);
        checkHooks(fragment, context);
        checkAppRequirements(fragment, context);
    }
    checkImplicitWheelBuild(fragments, localLibrary, context);
    for (const site of sites)
        checkSite(site, context);
}
function checkArtifacts(fragment, { findings }) {
    const artifacts = fragment.value['artifacts'];
    if (!isMapping(artifacts))
        return;
    for (const [name, artifact] of Object.entries(artifacts)) {
        if (!isMapping(artifact))
            continue;
        const base = [...fragment.base, 'artifacts', name];
        const build = stringAt(artifact['build']);
        const files = artifact['files'];
        if (build !== undefined && build.trim() !== '') {
            findings.add('artifact-build', 'policy', `artifacts.${name}.build runs "${oneLine(build)}" at deploy time; build tools fetch ` +
                'from package indexes, and the CLI image has no compilers. Build the artifact in an ' +
                'earlier step and list the built files under files: without build:.', at(fragment, [...base, 'build']));
        }
        else if (artifact['type'] === 'whl' && !(Array.isArray(files) && files.length > 0)) {
            findings.add('artifact-build', 'policy', `artifacts.${name} is a whl artifact with neither build nor files, so the CLI runs ` +
                '"python setup.py bdist_wheel" at deploy time. List the built wheel under files:.', at(fragment, base));
        }
    }
}
function checkHooks(fragment, { findings }) {
    const experimental = fragment.value['experimental'];
    const python = fragment.value['python'];
    // venv_path alone does nothing: the CLI starts Python only for resources or mutators.
    if (isMapping(python) && (isSet(python['resources']) || isSet(python['mutators']))) {
        findings.add('python-hook', 'policy', 'python: runs Python code (databricks-bundles) inside the CLI while loading the bundle; ' +
            'it needs a Python environment with packages from an index. Generate the resources ' +
            'into YAML before the action runs.', at(fragment, [...fragment.base, 'python']));
    }
    if (!isMapping(experimental))
        return;
    for (const key of ['python', 'pydabs']) {
        if (isSet(experimental[key])) {
            findings.add('python-hook', 'policy', `experimental.${key} runs Python code inside the CLI while loading the bundle; it ` +
                'needs a Python environment with packages from an index.', at(fragment, [...fragment.base, 'experimental', key]));
        }
    }
    const scripts = experimental['scripts'];
    if (isMapping(scripts)) {
        for (const [hook, command] of Object.entries(scripts)) {
            if (!isSet(command))
                continue;
            findings.add('script-hook', 'policy', `experimental.scripts.${hook} runs a shell command during validate or deploy, which ` +
                'this pre-flight cannot prove stays inside the network. Run it as a reviewed ' +
                'workflow step instead.', at(fragment, [...fragment.base, 'experimental', 'scripts', hook]));
        }
    }
    if (isSet(experimental['python_wheel_wrapper'])) {
        findings.add('wheel-wrapper', 'policy', 'experimental.python_wheel_wrapper installs wheels with %pip on the cluster, which ' +
            "fetches the wheels' own dependencies from the default package index.", at(fragment, [...fragment.base, 'experimental', 'python_wheel_wrapper']));
    }
}
/** A Databricks app installs its requirements.txt with pip when it starts. */
function checkAppRequirements(fragment, context) {
    const resources = fragment.value['resources'];
    const apps = isMapping(resources) ? resources['apps'] : undefined;
    if (!isMapping(apps))
        return;
    for (const [name, app] of Object.entries(apps)) {
        const source = stringAt(isMapping(app) ? app['source_code_path'] : undefined);
        if (source === undefined || isInterpolated(source))
            continue;
        const configPath = [...fragment.base, 'resources', 'apps', name, 'source_code_path'];
        const requirements = external_node_path_default().posix.join(source, 'requirements.txt');
        checkRequirementsLibrary(requirements, fragment, configPath, context, true);
        checkAppManifests(source, fragment, configPath, context);
    }
}
// Files that make the app platform run a package manager when the app is deployed or starts.
const APP_INSTALLERS = {
    'package.json': 'npm install',
    'pyproject.toml': 'uv sync / pip install',
};
function checkAppManifests(source, fragment, configPath, context) {
    const folder = external_node_path_default().resolve(context.bundlePath, external_node_path_default().dirname(fragment.file.relativePath), source);
    for (const [manifest, installer] of Object.entries(APP_INSTALLERS)) {
        if (!(0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().join(folder, manifest)))
            continue;
        context.findings.add('app-install', 'policy', `The app in ${source} has a ${manifest}, so the app platform runs ${installer} for it, ` +
            'fetching from the public registries unless the workspace points them at internal ' +
            'mirrors. Vendor the dependencies, or review and set policy: warn.', at(fragment, configPath));
    }
}
/**
 * With no artifacts section, the CLI invents a `python setup.py bdist_wheel` build when a task
 * uses a local library or dependency and setup.py sits at the bundle root (InsertPythonArtifact).
 */
function checkImplicitWheelBuild(fragments, localLibrary, { findings, bundlePath }) {
    if (localLibrary === undefined)
        return;
    if (fragments.some((fragment) => isMapping(fragment.value['artifacts'])))
        return;
    if (!(0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().join(bundlePath, 'setup.py')))
        return;
    findings.add('artifact-build', 'policy', 'A task uses a local library and setup.py is at the bundle root, so the CLI builds a ' +
        'wheel with "python3 setup.py bdist_wheel" at deploy time. Build it in an earlier step ' +
        'and declare it under artifacts with files: and no build:.', at(localLibrary.fragment, localLibrary.path));
}
function checkSite(site, context) {
    const where = at(site.fragment, site.path);
    const value = site.value;
    switch (site.type) {
        case 'library':
            checkLibrary(site, context);
            break;
        case 'dependencies':
            checkDependencyList(value, site.fragment, site.path, context);
            break;
        case 'git-source':
        case 'git-repository': {
            const url = stringAt(isMapping(value) ? (value['git_url'] ?? value['url']) : value);
            const what = site.type === 'git-source' ? 'git_source' : 'git_repository';
            checkLocation(url ?? '(no URL)', 'git-source', `${what} clones from`, where, context);
            break;
        }
        case 'docker-image':
            for (const image of Array.isArray(value) ? value : [value]) {
                const url = stringAt(isMapping(image) ? image['url'] : image);
                if (url !== undefined)
                    checkDockerImage(url, where, context);
            }
            break;
        case 'init-scripts':
            context.findings.add('init-script', 'policy', 'init_scripts run on every cluster start, and this pre-flight cannot read what they ' +
                'fetch. Bake what they install into an approved cluster image, or review the ' +
                'scripts and set policy: warn.', where);
            break;
        case 'spark-conf':
            checkSparkConf(site, context);
            break;
        case 'spark-submit':
            checkSparkSubmit(value, site, context);
            break;
        case 'dbt-commands':
            checkDbtCommands(value, site, context);
            break;
        case 'java-dependencies':
            break;
        case 'unresolved':
            context.findings.add('unresolved-reference', 'policy', `${String(site.path[site.path.length - 1])} is set from ${String(value)}, which the ` +
                'pre-flight cannot resolve, so what it fetches cannot be checked. Write the value ' +
                'in the bundle, or use a complex variable with a default.', where);
            break;
    }
}
const PACKAGE_LIBRARIES = {
    pypi: { name: 'package', source: 'PyPI (the default pip index)' },
    maven: { name: 'coordinates', source: 'Maven Central and Spark Packages' },
    cran: { name: 'package', source: 'CRAN' },
};
function checkLibrary(site, context) {
    if (!isMapping(site.value))
        return;
    for (const [kind, { name, source }] of Object.entries(PACKAGE_LIBRARIES)) {
        const spec = site.value[kind];
        if (spec === undefined)
            continue;
        const where = at(site.fragment, [...site.path, kind]);
        const label = stringAt(isMapping(spec) ? spec[name] : undefined) ?? '(unnamed)';
        const repo = stringAt(isMapping(spec) ? spec['repo'] : undefined);
        // "pkg @ https://..." or a bare (VCS) URL ignores the repo: pip fetches that URL.
        const direct = /(?:^|@)\s*(?:[a-z][a-z0-9.-]*\+)?([a-z][a-z0-9+.-]*:\/\/\S+)/i.exec(label);
        if (direct?.[1] !== undefined) {
            checkLocation(direct[1], 'direct-url', `${kind} library ${label} is fetched from`, where, context);
            continue;
        }
        if (repo !== undefined && context.internal.includesUrl(repo))
            continue;
        const problem = repo === undefined
            ? `has no repo, so the cluster installs it from ${source}`
            : `comes from ${repo}, which is not an internal host`;
        context.findings.add(`${kind}-library`, 'policy', `${kind} library ${label} ${problem}. Set repo: to a mirror inside the network and ` +
            'list its host in the internal-hosts input, or ship the library as a vetted file.', where);
    }
    for (const key of ['whl', 'jar', 'egg']) {
        const value = stringAt(site.value[key]);
        if (value !== undefined && isWebUrl(value)) {
            const where = at(site.fragment, [...site.path, key]);
            checkLocation(value, 'remote-library', `${key} library ${value} is downloaded from`, where, context);
        }
    }
    const requirements = stringAt(site.value['requirements']);
    if (requirements !== undefined) {
        checkRequirementsLibrary(requirements, site.fragment, [...site.path, 'requirements'], context);
    }
}
function checkDockerImage(url, where, context) {
    const registry = registryOfImage(url);
    if (isInterpolated(registry))
        return; // `${var.registry}/x:1`: the host itself is unknown
    if (context.internal.includesHost(registry))
        return;
    context.findings.add('docker-image', 'policy', `The container image ${url} is pulled from ${registry} when the cluster starts; ` +
        `${INTERNAL_HINT}.`, where);
}
// Spark's package resolution always tries its default chain (Maven Central, spark-packages)
// besides any spark.jars.repositories; only an ivy settings file replaces that chain.
const SPARK_PACKAGES_HINT = 'Spark resolves packages through Maven Central and spark-packages even with extra ' +
    'repositories. Ship the JARs as vetted files, or set spark.jars.ivySettings to an ivy ' +
    'settings file that names only internal mirrors (and review it).';
const SPARK_URL_LISTS = ['spark.jars', 'spark.files', 'spark.submit.pyFiles', 'spark.archives'];
/** Spark resolves `spark.jars.packages` at start-up, and fetches the URL lists. */
function checkSparkConf(site, context) {
    if (!isMapping(site.value))
        return;
    const conf = site.value;
    const packages = stringAt(conf['spark.jars.packages']);
    if (packages !== undefined &&
        packages.trim() !== '' &&
        conf['spark.jars.ivySettings'] === undefined) {
        context.findings.add('spark-packages', 'policy', `spark.jars.packages (${packages}) makes Spark download packages when the cluster ` +
            `starts. ${SPARK_PACKAGES_HINT}`, at(site.fragment, [...site.path, 'spark.jars.packages']));
    }
    for (const key of SPARK_URL_LISTS) {
        const list = stringAt(conf[key]);
        if (list === undefined)
            continue;
        for (const entry of list.split(',').filter((part) => isFetchedUrl(part))) {
            const where = at(site.fragment, [...site.path, key]);
            checkLocation(entry, 'remote-library', `${key} downloads ${entry.trim()} from`, where, context);
        }
    }
}
const SPARK_SUBMIT_URL_OPTIONS = ['--jars', '--py-files', '--files', '--archives'];
/** `spark_submit_task.parameters`: --packages, URL lists, and --conf spark.jars.packages. */
function checkSparkSubmit(parameters, site, context) {
    parameters.forEach((parameter, index) => {
        if (typeof parameter !== 'string')
            return;
        const [option, attached] = parameter.split(/=(.*)/s);
        const next = parameters[index + 1];
        const value = attached ?? (typeof next === 'string' ? next : '');
        const where = at(site.fragment, [...site.path, index]);
        const confPackages = option === '--conf' && /^spark\.jars\.packages=/.test(value);
        if (option === '--packages' || confPackages) {
            context.findings.add('spark-packages', 'policy', `spark_submit_task ${parameter} makes spark-submit download packages. ` +
                SPARK_PACKAGES_HINT, where);
        }
        if (option !== undefined && SPARK_SUBMIT_URL_OPTIONS.includes(option)) {
            for (const entry of value.split(',').filter((part) => isFetchedUrl(part))) {
                checkLocation(entry, 'remote-library', `spark_submit_task ${option} downloads ${entry} from`, where, context);
            }
        }
    });
}
/** `dbt deps` installs the packages of packages.yml, from dbt Hub and Git by default. */
function checkDbtCommands(commands, site, context) {
    commands.forEach((command, index) => {
        if (typeof command !== 'string' || !/\bdbt\s+deps\b/.test(command))
            return;
        context.findings.add('dbt-deps', 'policy', `The dbt task runs "${oneLine(command)}", which installs dbt packages from dbt Hub and ` +
            'Git when the job runs. Vendor the packages into the project (dbt_packages) and drop ' +
            'the command, or point packages.yml at internal mirrors and set policy: warn.', at(site.fragment, [...site.path, index]));
    });
}
/** A URL that is fetched over the network: http(s) and ftp (not workspace or cloud storage). */
function isFetchedUrl(value) {
    return /^\s*(https?|ftp):\/\//i.test(value);
}
/** Whether a setting is on, as the CLI's lenient booleans and non-empty values count. */
function isSet(value) {
    if (value === undefined || value === null || value === false || value === '')
        return false;
    if (typeof value === 'string' && /^(false|no|off|n|0)$/i.test(value.trim()))
        return false;
    if (Array.isArray(value))
        return value.length > 0;
    if (isMapping(value))
        return Object.values(value).some(isSet);
    return true;
}
function oneLine(text) {
    const line = text.trim().split(/[\r\n]/)[0] ?? '';
    return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

;// CONCATENATED MODULE: ./src/preflight/local-files.ts






const LIBRARY_FILE_KEYS = ['whl', 'jar', 'egg', 'requirements'];
/** Every local path in libraries, environment dependencies and artifact files. */
function localReferences(fragments, sites) {
    const references = [];
    const add = (pattern, what, site) => {
        if (!isInterpolated(pattern))
            references.push({ pattern, what, ...site });
    };
    for (const site of sites) {
        if (site.type === 'library' && isMapping(site.value)) {
            for (const key of LIBRARY_FILE_KEYS) {
                const value = site.value[key];
                if (typeof value === 'string' && isLocalPath(value)) {
                    add(value, `${key} library`, { fragment: site.fragment, path: [...site.path, key] });
                }
            }
        }
        if (site.type === 'dependencies' || site.type === 'java-dependencies') {
            site.value.forEach((entry, index) => {
                if (typeof entry !== 'string')
                    return;
                const local = localDependencyPath(entry, site.type === 'java-dependencies');
                const where = { fragment: site.fragment, path: [...site.path, index] };
                if (local !== undefined)
                    add(local, 'environment dependency', where);
            });
        }
    }
    for (const fragment of fragments) {
        for (const { source, path: sourcePath } of artifactSources(fragment)) {
            add(source, 'artifact file', { fragment, path: sourcePath });
        }
    }
    return references;
}
function localDependencyPath(entry, isJava) {
    if (isJava)
        return isLocalPath(entry) ? entry.trim() : undefined;
    const dependency = classifyDependency(entry);
    if (dependency.kind === 'local-file')
        return dependency.path;
    if ((dependency.kind === 'requirements' || dependency.kind === 'editable') && dependency.local) {
        return dependency.path;
    }
    return undefined;
}
function artifactSources(fragment) {
    const artifacts = fragment.value['artifacts'];
    if (!isMapping(artifacts))
        return [];
    const sources = [];
    for (const [name, artifact] of Object.entries(artifacts)) {
        const files = isMapping(artifact) ? artifact['files'] : undefined;
        if (!Array.isArray(files))
            continue;
        files.forEach((file, index) => {
            const source = isMapping(file) ? file['source'] : undefined;
            if (typeof source === 'string') {
                sources.push({
                    source,
                    path: [...fragment.base, 'artifacts', name, 'files', index, 'source'],
                });
            }
        });
    }
    return sources;
}
/**
 * Resolves each reference the way the CLI does (relative to the folder of the file that
 * defines it, expanded with Go's Glob), refuses anything outside the checkout, and hashes
 * every matched file once.
 */
function resolveLocalFiles(references, folders, findings) {
    const artifacts = new Map();
    // Many tasks name the same glob (every job's ../dist/*.whl): expand each one once.
    const globs = new Map();
    for (const reference of references) {
        for (const { repositoryPath, real } of matchReference(reference, folders, findings, globs)) {
            // Keyed by the name the CLI uploads: two links to one file are two uploads.
            if (artifacts.has(repositoryPath))
                continue;
            const artifact = describeFile(real, repositoryPath);
            if (artifact === 'folder')
                continue; // `-e ./package` names a project folder
            if (typeof artifact === 'string') {
                const file = reference.fragment.file;
                const problem = UNUSABLE_FILE[artifact];
                findings.add('local-file-unreadable', 'stop', `${repositoryPath} (the ${reference.what} ${reference.pattern}) ${problem}`, { file: file.relativePath, line: file.lineOf(reference.path) });
                continue;
            }
            artifacts.set(repositoryPath, artifact);
        }
    }
    return [...artifacts.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
function matchReference(reference, folders, findings, globs) {
    const file = reference.fragment.file;
    const where = () => ({ file: file.relativePath, line: file.lineOf(reference.path) });
    const pattern = reference.pattern.trim().replace(/^["']+|["']+$/g, '');
    const fromRoot = external_node_path_default().posix.join(external_node_path_default().posix.dirname(file.relativePath), pattern);
    const result = globs.get(fromRoot) ?? expandGlob(folders, fromRoot);
    globs.set(fromRoot, result);
    if ('error' in result) {
        findings.add('local-file-pattern', 'stop', `${reference.pattern} is not a valid glob.`, where());
        return [];
    }
    if (result.outside) {
        findings.add('outside-checkout', 'stop', `The ${reference.what} ${reference.pattern} points outside the repository checkout. ` +
            'Deploy only files from the checkout: copy the file into it in an earlier step.', where());
        return [];
    }
    if (result.matches.length === 0) {
        findings.add('local-file-missing', 'stop', `The ${reference.what} ${reference.pattern} matches no file in the checkout. Build it ` +
            'in an earlier step (or download the vetted build) before this action runs.', where());
        return [];
    }
    const inside = [];
    for (const { name: match, real, inside: isIn, repositoryPath } of result.matches) {
        if (real === undefined) {
            findings.add('local-file-missing', 'stop', `The ${reference.what} ${match} is a broken link. Replace it with the file.`, where());
        }
        else if (isIn) {
            inside.push({ repositoryPath, real });
        }
        else {
            findings.add('outside-checkout', 'stop', `The ${reference.what} ${match} resolves to ${real}, outside the repository checkout ` +
                '(a symlink). Replace the link with the file.', where());
        }
    }
    return inside;
}
/** Expands one pattern once, however many tasks name it (every job's ../dist/*.whl). */
function expandGlob(folders, pattern) {
    if (!isInside(folders.checkoutPath, external_node_path_default().resolve(folders.bundlePath, pattern))) {
        return { outside: true, matches: [] };
    }
    try {
        const names = globRelative(folders.bundlePath, pattern);
        const matches = names.map((name) => {
            const real = realPath(external_node_path_default().join(folders.bundlePath, name));
            const lexical = external_node_path_default().resolve(folders.bundlePath, name);
            const repositoryPath = external_node_path_default().relative(folders.checkoutPath, lexical).split((external_node_path_default()).sep).join('/');
            const inside = real !== undefined && isInside(folders.checkoutPath, real);
            return { name, real, inside, repositoryPath };
        });
        return { outside: false, matches };
    }
    catch (error) {
        if (error instanceof GlobPatternError)
            return { error };
        throw error;
    }
}
function realPath(file) {
    try {
        return (0,external_node_fs_namespaceObject.realpathSync)(file);
    }
    catch {
        return undefined;
    }
}
const UNUSABLE_FILE = {
    'not a file': 'is not a regular file, so it is neither hashed nor deployed. Replace it with the file.',
    unreadable: "cannot be read by the runner's user, so it cannot be hashed or deployed. Fix its permissions.",
};
/** Size and hash of a regular file; FIFOs, devices and folders are not read. */
function describeFile(real, repositoryPath) {
    try {
        const stats = (0,external_node_fs_namespaceObject.statSync)(real);
        if (stats.isDirectory())
            return 'folder';
        if (!stats.isFile())
            return 'not a file';
        return { path: repositoryPath, bytes: stats.size, sha256: sha256File(real) };
    }
    catch {
        return 'unreadable';
    }
}
const CHUNK_BYTES = 1 << 20;
/** SHA-256 of a file, read in chunks so a large wheel or jar never sits in memory whole. */
function sha256File(file) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const descriptor = (0,external_node_fs_namespaceObject.openSync)(file, 'r');
    try {
        for (;;) {
            const read = (0,external_node_fs_namespaceObject.readSync)(descriptor, buffer, 0, CHUNK_BYTES, null);
            if (read === 0)
                break;
            hash.update(buffer.subarray(0, read));
        }
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(descriptor);
    }
    return hash.digest('hex');
}

;// CONCATENATED MODULE: ./src/preflight/resource-sites.ts

// A complex variable may hold a whole libraries list or cluster; one may name another.
const MAX_VARIABLE_DEPTH = 5;
// Keys whose whole value, when it is a reference the pre-flight cannot resolve, hides what the
// deployment fetches.
const STRUCTURAL_KEYS = [
    'libraries',
    'git_source',
    'git_repository',
    'docker_image',
    'init_scripts',
    'dependencies',
    'environments',
    'new_cluster',
    'spark_conf',
];
/**
 * Finds every site under `resources` by key name rather than by resource shape, so libraries
 * inside for_each tasks, job clusters and pipeline clusters are found the same way as those on
 * plain tasks. A value that is a whole `${var.name}` is replaced by the variable's value, so a
 * complex variable cannot hide a library list, a Git source or a cluster.
 */
function resourceSites(fragments, resolveVariable = () => undefined) {
    const sites = [];
    const walker = new SiteWalker(sites, resolveVariable);
    for (const fragment of fragments) {
        const resources = fragment.value['resources'];
        if (resources !== undefined) {
            walker.walk(resources, [...fragment.base, 'resources'], fragment, false, 0);
        }
    }
    return sites;
}
class SiteWalker {
    sites;
    resolveVariable;
    constructor(sites, resolveVariable) {
        this.sites = sites;
        this.resolveVariable = resolveVariable;
    }
    walk(value, path, fragment, inEnv, depth) {
        const resolved = this.resolve(value, depth);
        if (resolved !== undefined) {
            this.walk(resolved.value, resolved.path, resolved.fragment, inEnv, depth + 1);
            return;
        }
        if (Array.isArray(value)) {
            value.forEach((item, index) => this.walk(item, [...path, index], fragment, inEnv, depth));
            return;
        }
        if (!isMapping(value))
            return;
        for (const [key, raw] of Object.entries(value)) {
            const here = this.resolve(raw, depth) ?? {
                value: raw,
                path: [...path, key],
                fragment,
            };
            if (this.addSite(key, here, inEnv))
                continue;
            const environment = inEnv || key === 'environments' || key === 'environment';
            this.walk(here.value, here.path, here.fragment, environment, depth);
        }
    }
    /**
     * `${var.name}`, `${var.name.key[0]}` or `${variables.name.value...}` as a whole value: the
     * variable's value for the target, followed down the keys, with where it is written.
     */
    resolve(value, depth) {
        if (typeof value !== 'string' || depth >= MAX_VARIABLE_DEPTH)
            return undefined;
        const inner = /^\$\{([^${}]+)\}$/.exec(value.trim())?.[1];
        if (inner === undefined)
            return undefined;
        const parts = inner.split(/\.|\[(\d+)\]/).filter((part) => part !== undefined && part !== '');
        const [root, name, ...rest] = parts;
        if (name === undefined)
            return undefined;
        const keys = root === 'var'
            ? rest
            : root === 'variables' && rest[0] === 'value'
                ? rest.slice(1)
                : undefined;
        if (keys === undefined)
            return undefined;
        const found = this.resolveVariable(name);
        if (found === undefined)
            return undefined;
        let current = found.value;
        const path = [...found.path];
        for (const key of keys) {
            const index = /^\d+$/.test(key) && Array.isArray(current) ? Number(key) : key;
            current = Array.isArray(current)
                ? current[Number(index)]
                : isMapping(current)
                    ? current[String(index)]
                    : undefined;
            path.push(index);
        }
        return current === undefined ? undefined : { value: current, path, fragment: found.fragment };
    }
    /** Records `key: value` as a site when it is one; true when it was. */
    addSite(key, here, inEnv) {
        const { value, path, fragment } = here;
        if (STRUCTURAL_KEYS.includes(key) && typeof value === 'string' && value.includes('${')) {
            this.sites.push({ type: 'unresolved', value, path, fragment });
            return true;
        }
        if (key === 'libraries' && Array.isArray(value)) {
            value.forEach((item, index) => {
                const site = this.resolve(item, 0) ?? { value: item, path: [...path, index], fragment };
                this.sites.push({ type: 'library', ...site });
            });
            return true;
        }
        const type = siteType(key, value, inEnv);
        if (type === undefined)
            return false;
        if (type === 'dbt-commands') {
            const commands = isMapping(value) ? value['commands'] : undefined;
            if (Array.isArray(commands)) {
                this.sites.push({ type, value: commands, path: [...path, 'commands'], fragment });
            }
            return false;
        }
        if (type === 'spark-submit') {
            const parameters = isMapping(value) ? value['parameters'] : undefined;
            if (Array.isArray(parameters)) {
                this.sites.push({ type, value: parameters, path: [...path, 'parameters'], fragment });
            }
            return false; // keep walking: the task may hold libraries too
        }
        this.sites.push({ type, value, path, fragment });
        return type !== 'spark-conf';
    }
}
function siteType(key, value, inEnv) {
    if (key === 'dependencies' && inEnv && Array.isArray(value))
        return 'dependencies';
    if (key === 'java_dependencies' && inEnv && Array.isArray(value))
        return 'java-dependencies';
    if (key === 'git_source' && value !== null && value !== undefined)
        return 'git-source';
    if (key === 'git_repository' && isMapping(value))
        return 'git-repository';
    if (key === 'docker_image' && value !== null && value !== undefined)
        return 'docker-image';
    if (key === 'preloaded_docker_images' && Array.isArray(value))
        return 'docker-image';
    if (key === 'init_scripts' && Array.isArray(value) && value.length > 0)
        return 'init-scripts';
    if (key === 'spark_conf' && isMapping(value))
        return 'spark-conf';
    if (key === 'spark_submit_task' && isMapping(value))
        return 'spark-submit';
    if (key === 'dbt_task' && isMapping(value))
        return 'dbt-commands';
    return undefined;
}

;// CONCATENATED MODULE: ./src/preflight/workspace-rules.ts


/**
 * The CLI prefers `workspace.host` from the YAML over DATABRICKS_HOST, so a bundle that names
 * another workspace than the `host` input would receive this workspace's credentials. That
 * stops the step before any container sees them. The input's value is never repeated: it may
 * come from a secret.
 */
function checkWorkspaceHost(target, inputHost, findings) {
    const setting = effectiveSetting(target, ['workspace', 'host']);
    if (setting === undefined)
        return;
    const where = { file: setting.fragment.file.relativePath, line: settingLine(setting) };
    if (typeof setting.value !== 'string') {
        findings.add('config-type', 'stop', 'workspace.host must be a string.', where);
        return;
    }
    if (isInterpolated(setting.value))
        return; // the CLI warns about these and ignores them
    if (/^http:\/\//i.test(setting.value.trim())) {
        findings.add('host-mismatch', 'stop', `workspace.host for target ${target.name} is ${setting.value}, plain http: the CLI ` +
            'would send the credentials unencrypted. Use the https URL of the workspace.', where);
        return;
    }
    if (inputHost === undefined)
        return;
    const yamlHost = normalizeHost(setting.value);
    if (yamlHost !== undefined && yamlHost === normalizeHost(inputHost))
        return;
    findings.add('host-mismatch', 'stop', `workspace.host for target ${target.name} is ${setting.value}, which is not the ` +
        "workspace named by the host input. The CLI would use the YAML's host with the " +
        'credentials given for the input, so nothing runs. Make the two name the same ' +
        'workspace, or remove workspace.host from the YAML.', where);
}
/** Host and port, lower case, with https assumed when no scheme is given, as the CLI does. */
function normalizeHost(value) {
    const text = value.trim();
    try {
        const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
        const port = url.port === '' || url.port === '443' ? '' : `:${url.port}`;
        return `${url.hostname.toLowerCase()}${port}`;
    }
    catch {
        return undefined;
    }
}
/** A profile names a section of ~/.databrickscfg, which does not exist in the container. */
function checkWorkspaceProfile(target, findings) {
    const setting = effectiveSetting(target, ['workspace', 'profile']);
    if (setting === undefined)
        return;
    findings.add('workspace-profile', 'policy', `workspace.profile (${String(setting.value)}) names a profile in ~/.databrickscfg, which ` +
        'does not exist in the CLI container, so the CLI cannot load it. Remove it and let the ' +
        "action's host and credential inputs configure the workspace.", { file: setting.fragment.file.relativePath, line: settingLine(setting) });
}

;// CONCATENATED MODULE: ./src/preflight/preflight.ts












/**
 * The static half of the pre-flight: reads the bundle and its local files, with no engine and
 * no network. Findings go to `findings`; the selected target is undefined when the
 * configuration could not be read far enough to pick one.
 */
function checkBundle(location, options, findings) {
    const folders = {
        bundlePath: location.bundlePath,
        checkoutPath: location.checkoutPath,
        configFile: location.configFile,
    };
    const files = loadBundleFiles(folders, findings);
    const target = files && selectTarget(files, options.target, findings);
    if (target === undefined)
        return { target, artifacts: [] };
    checkWorkspaceHost(target, options.workspaceHost, findings);
    checkWorkspaceProfile(target, findings);
    const sites = resourceSites(target.fragments, (name) => variableValue(target, name));
    const references = localReferences(target.fragments, sites);
    const localLibrary = references.find((reference) => reference.what !== 'artifact file');
    findInternetReach(target.fragments, sites, localLibrary, {
        internal: options.internalHosts,
        findings,
        bundlePath: location.bundlePath,
        checkoutPath: location.checkoutPath,
    });
    const artifacts = resolveLocalFiles(references, folders, findings);
    if (options.checksums !== undefined) {
        const manifest = {
            absolutePath: external_node_path_default().join(location.checkoutPath, options.checksums),
            repositoryPath: options.checksums,
        };
        checkManifest(manifest, location.checkoutPath, location.relativePath, artifacts, findings);
    }
    return { target, artifacts };
}
/**
 * The whole pre-flight: the bundle, then the image. `readCliVersion` runs the image's
 * `databricks --version` (no network, no credentials); it is called only when the answer
 * matters: a databricks_cli_version constraint, or an engine that only the version decides.
 */
async function runPreflight(location, reference, image, options, readCliVersion) {
    const findings = new FindingList(location.relativePath);
    const { target, artifacts } = checkBundle(location, options, findings);
    checkImage(reference, image, runnerArchitecture(), findings);
    let cliVersion;
    let engine;
    let bundleName;
    if (target !== undefined) {
        const name = effectiveSetting(target, ['bundle', 'name'])?.value;
        bundleName = typeof name === 'string' ? name : undefined;
        const constraint = effectiveSetting(target, ['bundle', 'databricks_cli_version']);
        let decision = decideEngine(target, options.engine, image, undefined, findings);
        const engineNeedsVersion = decision.engine === undefined && !imageHasOfflineTerraform(image);
        const versionMatters = constraint !== undefined ||
            engineNeedsVersion ||
            options.failOnWarnings === true ||
            options.command === 'plan' ||
            authTypeSince(options) !== undefined;
        const runsCli = options.command !== undefined && options.command !== 'preflight';
        if (versionMatters || runsCli) {
            cliVersion = await readCliVersion();
            // Without a decision that needs it, an unreadable version only leaves the audit
            // record without one; the phases then show what the image really does.
            if (cliVersion === undefined && versionMatters) {
                findings.add('cli-version-unknown', 'stop', "The image's `databricks --version` output was not understood, so the bundle's " +
                    'CLI version constraint or deployment engine cannot be checked. Check that the ' +
                    "image's entrypoint is the Databricks CLI.");
            }
        }
        if (decision.engine === undefined && cliVersion !== undefined) {
            decision = decideEngine(target, options.engine, image, cliVersion, new FindingList('.'));
        }
        engine = decision;
        checkTerraformOffline(decision, image, findings);
        if (constraint !== undefined && cliVersion !== undefined) {
            checkConstraint(constraint, cliVersion, findings);
        }
        if (options.command === 'plan' && cliVersion !== undefined) {
            checkPlanSupported(cliVersion, findings);
        }
        if (cliVersion !== undefined)
            checkAuthTypeSupported(options, cliVersion, findings);
    }
    const reported = applyPolicy(findings.items, options.policy);
    return {
        policy: options.policy,
        findings: reported,
        artifacts,
        cliVersion,
        engine,
        bundleName,
        passed: !reported.some((finding) => finding.level === 'error'),
    };
}
/**
 * The first CLI release whose Go SDK has each newer auth type: github-oidc came with SDK
 * v0.65.0 (CLI 0.250.0), env-oidc with v0.68.0 (CLI 0.251.0); an older CLI fails with its
 * generic "cannot configure default credentials" instead.
 */
const AUTH_TYPE_SINCE = {
    'github-oidc': '0.250.0',
    'env-oidc': '0.251.0',
};
function authTypeSince(options) {
    const authType = options.credentials?.authType;
    return authType === undefined ? undefined : AUTH_TYPE_SINCE[authType];
}
function checkAuthTypeSupported(options, cliVersion, findings) {
    const since = authTypeSince(options);
    if (since === undefined || compareVersions(cliVersion, since) >= 0)
        return;
    findings.add('cli-without-auth-type', 'stop', `auth-type ${options.credentials?.authType} needs a Databricks CLI of ${since} or later; ` +
        `the image's CLI is ${cliVersion}. Use a newer approved image, or another auth-type.`);
}
function checkPlanSupported(cliVersion, findings) {
    if (compareVersions(cliVersion, PLAN_SINCE) >= 0)
        return;
    findings.add('cli-without-plan', 'stop', `command: plan needs \`bundle plan\`, which the Databricks CLI has since ${PLAN_SINCE}; ` +
        `the image's CLI is ${cliVersion}. Use a newer approved image, or command: validate.`);
}
function checkConstraint(setting, cliVersion, findings) {
    const where = { file: setting.fragment.file.relativePath, line: settingLine(setting) };
    const result = checkCliVersionConstraint(String(setting.value), cliVersion);
    if (result.outcome === 'satisfied')
        return;
    const kind = result.outcome === 'warning' ? 'advice' : 'stop';
    findings.add('cli-version', kind, `${result.message}. The image's CLI is ${cliVersion}; use an image whose CLI satisfies ` +
        'bundle.databricks_cli_version, or change the constraint.', where);
}

;// CONCATENATED MODULE: ./src/trust-store.ts








/**
 * The system trust files Go reads on Linux, in its order (crypto/x509/root_linux.go). The CLI
 * and Terraform both use the first that exists; the merged file is mounted over that one.
 */
const SYSTEM_TRUST_FILES = [
    '/etc/ssl/certs/ca-certificates.crt',
    '/etc/pki/tls/certs/ca-bundle.crt',
    '/etc/ssl/ca-bundle.pem',
    '/etc/pki/tls/cacert.pem',
    '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
    '/etc/ssl/cert.pem',
];
// A trust bundle is a few hundred kilobytes; anything far larger is the wrong file.
const MAX_BUNDLE_BYTES = 16 * 1024 * 1024;
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+?-----END CERTIFICATE-----/g;
/** The corporate roots: every certificate in the PEM file, each checked to parse. */
function readCaBundle(file) {
    let text;
    try {
        text = readRegularFile(file);
    }
    catch (error) {
        throw inputError('ca-bundle', `${file} could not be read: ${messageOf(error)}.`, "Give the path of a PEM file with your enclave's root certificates, readable by the " +
            'runner user (absolute, or relative to the repository checkout).');
    }
    // Lines are compared without trailing blanks, which openssl accepts and the pattern not.
    const normalized = text.replace(/[ \t]+(?=\r?\n)/g, '');
    const blocks = normalized.match(PEM_CERTIFICATE) ?? [];
    const markers = normalized.match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0;
    if (markers > blocks.length) {
        throw inputError('ca-bundle', `${file} has ${markers} BEGIN CERTIFICATE lines, but only ${blocks.length} complete ` +
            'certificate block(s); a root would be left out.', 'Check the file for a cut or garbled certificate, and export the roots again in PEM.');
    }
    if (blocks.length === 0) {
        throw inputError('ca-bundle', `${file} holds no PEM certificate (no -----BEGIN CERTIFICATE----- block).`, 'Convert the root certificates to PEM (openssl x509 -inform der -in root.cer -out ' +
            'root.pem) and concatenate them into one file.');
    }
    const subjects = blocks.map((block, index) => {
        try {
            return new external_node_crypto_namespaceObject.X509Certificate(block).subject.replaceAll('\n', ', ');
        }
        catch (error) {
            throw inputError('ca-bundle', `certificate ${index + 1} of ${file} is not a valid X.509 certificate ` +
                `(${messageOf(error)}).`, 'Export the roots again from your certificate authority, in PEM.');
        }
    });
    return { pem: `${blocks.join('\n')}\n`, subjects };
}
/**
 * Builds the file the container trusts: the image's own system roots followed by the corporate
 * ones, written under RUNNER_TEMP and mounted read-only over the image's system trust file. Go
 * reads that file for the CLI, and Terraform, which the CLI starts without SSL_CERT_FILE, reads
 * it too. Nothing here offers a way to skip verification.
 */
async function prepareTrustStore(caBundle, imageId, runtime, owner, guard, runnerTemp) {
    const corporate = readCaBundle(caBundle);
    const system = await readImageTrustFile(imageId, runtime, owner, guard);
    const target = system?.path ?? SYSTEM_TRUST_FILES[0];
    const imageRoots = system?.content.trimEnd() ?? '';
    const source = external_node_path_default().join(runnerTemp, `databricks-bundle-ca-${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}.pem`);
    (0,external_node_fs_namespaceObject.writeFileSync)(source, imageRoots === '' ? corporate.pem : `${imageRoots}\n${corporate.pem}`, {
        flag: 'wx',
        mode: 0o644,
    });
    info(`CA bundle: ${corporate.subjects.length} certificate(s) from ${caBundle} ` +
        `(${corporate.subjects.join('; ')}), added to ` +
        (system === undefined
            ? `an empty trust store (the image has none of Go's system trust files) at ${target}`
            : `the image's ${target}`) +
        '; mounted read-only there, and named by SSL_CERT_FILE');
    return { source, target };
}
/**
 * Reads a regular file of at most MAX_BUNDLE_BYTES. It is opened without blocking and checked
 * before anything is read, so a FIFO or a device given by mistake can neither hang the step
 * (where not even a cancellation could interrupt it) nor fill its memory.
 */
function readRegularFile(file) {
    const descriptor = (0,external_node_fs_namespaceObject.openSync)(file, external_node_fs_namespaceObject.constants.O_RDONLY | external_node_fs_namespaceObject.constants.O_NONBLOCK);
    try {
        const stats = (0,external_node_fs_namespaceObject.fstatSync)(descriptor);
        if (!stats.isFile())
            throw new Error('it is not a regular file');
        if (stats.size > MAX_BUNDLE_BYTES) {
            throw new Error(`${stats.size} bytes is more than a trust bundle holds`);
        }
        return (0,external_node_fs_namespaceObject.readFileSync)(descriptor, 'utf8');
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(descriptor);
    }
}
/**
 * Copies the image's system trust file out of a container that is created and never started,
 * so no code of the image runs and nothing needs a shell or `cat` in the image.
 */
async function readImageTrustFile(imageId, runtime, owner, guard) {
    const container = `databricks-bundle-trust-${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}`;
    // The container is never started; an entrypoint is named only because an image without
    // ENTRYPOINT and CMD cannot be created at all.
    const create = ['create', '--pull', 'never', '--name', container];
    create.push('--label', `${RUN_LABEL}=${owner.runId}`, '--entrypoint', '/none', imageId);
    guard.phaseStarted('CA bundle', container);
    try {
        const created = await runClient(runtime, create);
        if (created.exitCode !== 0) {
            throw new ActionError(`Input 'ca-bundle': a container of the image could not be created to read its trust ` +
                `store: ${printable(created.stderr.trim().slice(0, 300))}. Check that the image is ` +
                `in the ${runtime.program} store and that the engine answers.`);
        }
        for (const candidate of SYSTEM_TRUST_FILES) {
            const file = await copyOut(runtime, container, candidate);
            if (file !== undefined)
                return file;
        }
        return undefined;
    }
    finally {
        await runClient(runtime, ['rm', '--force', '--volumes', container]);
        guard.phaseEnded();
    }
}
// Distributions link their trust file into place (RHEL's ca-bundle.crt is a link); follow a few.
const MAX_LINKS = 5;
async function copyOut(runtime, container, file) {
    let current = file;
    for (let hop = 0; hop <= MAX_LINKS; hop++) {
        const result = await runClient(runtime, ['cp', `${container}:${current}`, '-']);
        if (result.exitCode !== 0)
            return undefined;
        // Trust files are ASCII PEM (comments at most UTF-8), and tar headers are ASCII, so the
        // stream survives its round trip through a string.
        const entry = firstTarEntry(Buffer.from(result.stdout, 'utf8'));
        if (entry === undefined)
            return undefined;
        if (entry.type === 'file')
            return { path: file, content: entry.content.toString('utf8') };
        if (entry.type !== 'symlink')
            return undefined;
        current = external_node_path_default().posix.resolve(external_node_path_default().posix.dirname(current), entry.linkName);
    }
    return undefined;
}
/** The first real entry of a tar stream, skipping pax and GNU long-name headers. */
function firstTarEntry(tar) {
    let offset = 0;
    while (offset + 512 <= tar.length) {
        const header = tar.subarray(offset, offset + 512);
        if (header.every((byte) => byte === 0))
            return undefined;
        const size = parseInt(cString(header.subarray(124, 136)).trim() || '0', 8);
        const type = String.fromCharCode(header[156] ?? 0);
        const body = tar.subarray(offset + 512, offset + 512 + size);
        if (type === '0' || type === '\0')
            return { type: 'file', content: Buffer.from(body) };
        if (type === '2')
            return { type: 'symlink', linkName: cString(header.subarray(157, 257)) };
        if (!['x', 'g', 'L', 'K'].includes(type))
            return { type: 'other' };
        offset += 512 + Math.ceil(size / 512) * 512;
    }
    return undefined;
}
function cString(bytes) {
    const end = bytes.indexOf(0);
    return bytes.subarray(0, end < 0 ? bytes.length : end).toString('utf8');
}

;// CONCATENATED MODULE: ./src/main.ts
























/** The action's entry point: pre-flight, then the command's CLI phases in the pinned image. */
async function run(env = process.env) {
    const startedAt = new Date();
    // The post step tells itself from this step by this state; it is saved before anything fails.
    saveState(STATE.started, startedAt.toISOString(), env);
    // Masking comes first, so that nothing below, not even an input error, can print a secret.
    maskSecretInputs(env);
    const facts = { phases: [] };
    const tempPaths = [];
    let failure;
    let guard;
    try {
        const inputs = parseInputs((name) => getInput(name, env), env);
        facts.inputs = inputs;
        const proxies = resolveProxies(inputs.proxyInputs, env);
        maskRunnerSecrets(inputs, proxies);
        const location = locateBundle(env['GITHUB_WORKSPACE'], inputs.workingDirectory);
        facts.location = location;
        assertLinuxRunner();
        const runtime = containerRuntime(inputs.runtime, env);
        const owner = containerOwner(runtime, env);
        const activeGuard = new CancellationGuard(runtime);
        guard = activeGuard;
        // A cancelled run is recorded too: what had run, and the phase that was stopped.
        activeGuard.onCancelled((message) => recordAudit(facts, startedAt, message, env));
        if (inputs.imageArchive !== undefined) {
            await provideImageFromArchive({
                path: external_node_path_default().resolve(location.checkoutPath, inputs.imageArchive.path),
                sha256: inputs.imageArchive.sha256,
            }, inputs.image, {
                runtime: runtime.program,
                clientEnv: runtime.env,
                toolCache: env['RUNNER_TOOL_CACHE'],
                arch: process.arch,
            });
        }
        const image = await inspectEngineAndImage(inputs.image, runtime);
        facts.image = image;
        logDecisions(inputs, location, image, runtime, proxies);
        const preflight = await group('Pre-flight', async () => {
            const report = await runPreflight(location, inputs.image, image, inputs, () => readImageCliVersion(image.id, runtime, owner, inputs.entrypoint, activeGuard));
            announceFindings(report);
            return report;
        });
        facts.preflight = preflight;
        const abilities = cliAbilities(inputs, preflight.cliVersion);
        if (preflight.passed && inputs.command !== 'preflight') {
            const runnerTemp = requireRunnerTemp(env['RUNNER_TEMP']);
            const homePath = createHomeFolder(runnerTemp);
            tempPaths.push(homePath);
            activeGuard.removeOnCancel(homePath);
            saveState(STATE.tempPaths, JSON.stringify(tempPaths), env);
            const trustStore = inputs.caBundle === undefined
                ? undefined
                : await prepareTrustStore(external_node_path_default().resolve(location.checkoutPath, inputs.caBundle), image.id, runtime, owner, activeGuard, runnerTemp);
            if (trustStore !== undefined) {
                tempPaths.push(trustStore.source);
                activeGuard.removeOnCancel(trustStore.source);
                saveState(STATE.tempPaths, JSON.stringify(tempPaths), env);
            }
            if (inputs.cleanLocalState)
                cleanLocalState(location.bundlePath, inputs.target);
            const runner = { inputs, location, image, runtime, owner, homePath, proxies, trustStore };
            await runPhases({ ...runner, guard: activeGuard }, abilities, facts);
            announceDiagnostics(facts.phases, location.relativePath);
        }
        else if (!preflight.passed) {
            facts.phases.push(...planPhases(inputs, abilities).map(skippedPhase));
        }
        const outcomes = readPhaseOutcomes(facts.phases, inputs.workspaceHost);
        facts.outcomes = outcomes;
        const report = {
            inputs,
            bundleRelativePath: location.relativePath,
            image,
            preflight,
            phases: facts.phases,
            ...outcomes,
        };
        writeStepSummary(report, env);
        writeOutputs(report, env);
        failure = runFailure(preflight, facts.phases, env);
        if (failure !== undefined)
            setFailed(failure);
    }
    catch (error) {
        failure = describeError(error);
        setFailed(failure);
        // Later steps branch on `result`; a run that stopped early has one too.
        writeResultOutput('failure', env);
    }
    finally {
        guard?.release();
        for (const file of tempPaths)
            removeTempPath(file);
    }
    recordAudit(facts, startedAt, failure, env);
}
function runFailure(preflight, phases, env) {
    if (!preflight.passed)
        return preflightFailureMessage(preflight);
    if (overallOutcome(phases) === 'failure')
        return failureMessage(phases, env);
    return undefined;
}
/** The `result` output alone, for a run that failed outside the phases; never fails itself. */
function writeResultOutput(result, env) {
    try {
        setOutput('result', result, env);
    }
    catch {
        // The step has failed already, with a message that says why.
    }
}
/** Who the containers of this run belong to; saved for the post step, which removes leftovers. */
function containerOwner(runtime, env) {
    const runId = (0,external_node_crypto_namespaceObject.randomBytes)(8).toString('hex');
    saveState(STATE.runId, runId, env);
    saveState(STATE.runtime, runtime.program, env);
    return {
        runtime: runtime.program,
        runId,
        uid: process.getuid?.() ?? 0,
        gid: process.getgid?.() ?? 0,
    };
}
/** Writes the audit record and names it in the outputs; failing to write it fails the step. */
function recordAudit(facts, startedAt, failure, env) {
    const runnerTemp = env['RUNNER_TEMP'];
    if (runnerTemp === undefined || runnerTemp === '') {
        setFailed('RUNNER_TEMP is not set, so the audit record could not be written. Run this action as a ' +
            'step of a GitHub Actions job.');
        writeResultOutput('failure', env);
        return;
    }
    const record = auditRecord({
        startedAt,
        finishedAt: new Date(),
        inputs: facts.inputs,
        location: facts.location,
        image: facts.image,
        preflight: facts.preflight,
        phases: facts.phases,
        cancelledPhase: facts.running,
        resources: facts.outcomes?.resources,
        plan: facts.outcomes?.plan,
        result: failure === undefined ? 'success' : 'failure',
        error: failure?.split('\n')[0],
    }, env, auditSecrets(facts.inputs, env));
    try {
        const written = writeAuditRecord(record, runnerTemp);
        setOutput('audit-record', written.path, env);
        setOutput('audit-record-sha256', written.sha256, env);
        info(`Audit record: ${written.path} (sha256 ${written.sha256})`);
    }
    catch (error) {
        const ran = facts.phases.map((phase) => `${phase.name} ${phase.outcome}`).join(', ');
        setFailed(`The audit record could not be written under RUNNER_TEMP (${messageOf(error)}), so ` +
            `this run fails although its phases ran: ${ran || 'none'}. Check the runner's work ` +
            'folder and its free space.');
        writeResultOutput('failure', env);
    }
}
function removeTempPath(file) {
    try {
        (0,external_node_fs_namespaceObject.rmSync)(file, { recursive: true, force: true });
    }
    catch (error) {
        warning(`${file} could not be removed ` + `(${messageOf(error)}); remove it by hand.`);
    }
}
function maskSecretInputs(env) {
    for (const name of SECRET_INPUTS) {
        setSecret(getInput(name, env));
    }
}
function assertLinuxRunner() {
    if (process.platform !== 'linux') {
        throw new ActionError('This action runs Linux containers and needs a Linux runner; ' +
            `this one is ${process.platform}.`);
    }
}
function logDecisions(inputs, location, image, runtime, proxies) {
    info(`Bundle: ${location.relativePath}/${location.configFile}, target ${inputs.target}`);
    info(`Image: ${inputs.image.raw} (${image.id}, ${image.platform}), run by ${runtime.program}`);
    if (image.repoDigest !== undefined)
        info(`Registry digest: ${image.repoDigest}`);
    if (inputs.entrypoint !== undefined)
        info(`Entrypoint: ${inputs.entrypoint}`);
    info(`Authentication: ${inputs.credentials.authType}`);
    for (const line of describeProxies(proxies))
        info(line);
}
/** Every secret value the run knows, for the audit record to redact wherever it appears. */
function auditSecrets(inputs, env) {
    const secrets = SECRET_INPUTS.map((name) => getInput(name, env));
    if (inputs === undefined)
        return secrets;
    secrets.push(...proxySecrets(resolveProxies(inputs.proxyInputs, env)));
    if (inputs.credentials.authType === 'github-oidc') {
        secrets.push(inputs.credentials.requestToken);
    }
    return secrets;
}
/** Secrets that come from the runner rather than an input: they are masked all the same. */
function maskRunnerSecrets(inputs, proxies) {
    for (const secret of proxySecrets(proxies))
        setSecret(secret);
    if (inputs.credentials.authType === 'github-oidc') {
        setSecret(inputs.credentials.requestToken);
    }
}
/** RUNNER_TEMP, where everything the action writes lives: never the bundle, which is uploaded. */
function requireRunnerTemp(runnerTemp) {
    if (runnerTemp === undefined || runnerTemp === '') {
        throw new ActionError("RUNNER_TEMP is not set, so there is no place for the CLI's home folder. Run this action " +
            'as a step of a GitHub Actions job.');
    }
    assertMountablePath(runnerTemp, 'RUNNER_TEMP', 'Use a runner temp folder without them.');
    return runnerTemp;
}
/** The CLI's HOME: a fresh folder under RUNNER_TEMP, owned by the runner's user, removed after. */
function createHomeFolder(runnerTemp) {
    try {
        return (0,external_node_fs_namespaceObject.mkdtempSync)(external_node_path_default().join(runnerTemp, 'databricks-bundle-home-'));
    }
    catch (error) {
        throw new ActionError(`RUNNER_TEMP (${runnerTemp}) is not a folder this step can write to, so there is no place ` +
            `for the CLI's home folder: ${messageOf(error)}. ` +
            'Check the runner work folder and its permissions.');
    }
}
function describeError(error) {
    if (error instanceof ActionError)
        return error.message;
    if (error instanceof Error)
        return `Unexpected error: ${error.message}`;
    return `Unexpected error: ${String(error)}`;
}

;// CONCATENATED MODULE: ./src/index.ts



// The runner starts this file for the main step and again for `post:`. The main step saves
// STATE.started before anything else, so only the post step finds it. Neither ever rejects:
// each reports its own failures.
void (getState(STATE.started) === '' ? run() : post());

