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

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
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

;// CONCATENATED MODULE: ./src/cancellation.ts



const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
// `docker rm --force` kills the container at once; the limit is for an engine that hangs.
const REMOVE_TIMEOUT_MS = 30_000;
/**
 * What a cancelled job must not leave behind. The runner cancels a step with SIGINT, then
 * SIGTERM; the docker client this process started would keep its container running after this
 * process ends, so the container is removed here by its name, and the CLI's home folder with it.
 */
class CancellationGuard {
    clientEnv;
    running;
    folders = new Set();
    handler = (signal) => this.cancel(signal);
    constructor(clientEnv) {
        this.clientEnv = clientEnv;
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
    phaseStarted(phase, container) {
        this.running = { phase, container };
    }
    phaseEnded() {
        this.running = undefined;
    }
    cancel(signal) {
        const running = this.running;
        const removed = running === undefined || this.removeContainer(running.container);
        // A container that is still running still uses the home folder; it is left in place then.
        if (removed) {
            for (const folder of this.folders)
                (0,external_node_fs_namespaceObject.rmSync)(folder, { recursive: true, force: true });
        }
        // The CLI's output may have paused command processing; the error must still be an error.
        resumeStoppedCommands();
        setFailed(cancellationMessage(signal, running, removed));
        process.exit(1);
    }
    removeContainer(container) {
        const result = (0,external_node_child_process_namespaceObject.spawnSync)('docker', ['rm', '--force', container], {
            env: this.clientEnv,
            stdio: 'ignore',
            timeout: REMOVE_TIMEOUT_MS,
        });
        return result.error === undefined && result.status === 0;
    }
}
function cancellationMessage(signal, running, removed) {
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
        `\`docker rm --force ${running.container}\`.${incomplete}`);
}

;// CONCATENATED MODULE: ./src/container-command.ts
/** Where the checkout and the per-run home folder appear inside the container. */
const CONTAINER_CHECKOUT = '/github/workspace';
const CONTAINER_HOME = '/home/deployer';
/**
 * The proxy variables that a docker client injects into every container from the `proxies`
 * section of its config.json. Naming them with `--env` without a value in the client's
 * environment stops that injection and leaves them unset, so a runner's proxy settings, and any
 * credentials in them, reach the container only when the action passes them on purpose.
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
/** The CLI steps a command runs, in order. Validate always comes first. */
function planPhases(inputs) {
    const validate = {
        name: 'validate',
        cliArgs: ['bundle', 'validate', '-t', inputs.target],
    };
    const phases = {
        validate: [validate],
        deploy: [validate, { name: 'deploy', cliArgs: deployArgs(inputs.target, inputs.deployFlags) }],
    };
    return phases[inputs.command];
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
/**
 * The environment the container receives, as name → value. This is the whole allow-list:
 * nothing else from the runner's environment reaches the container. The values travel in the
 * docker client's own environment and only the names appear on its command line.
 */
function containerEnvironment(inputs) {
    const env = {
        HOME: CONTAINER_HOME,
        // Colour codes would only garble the log and the error lines the action quotes.
        NO_COLOR: '1',
        // Terraform's update check would try to reach the internet on every command.
        CHECKPOINT_DISABLE: '1',
    };
    if (inputs.workspaceHost !== undefined)
        env['DATABRICKS_HOST'] = inputs.workspaceHost;
    Object.assign(env, credentialEnvironment(inputs.credentials));
    for (const variable of inputs.bundleVariables) {
        env[`BUNDLE_VAR_${variable.name}`] = variable.value;
    }
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
    }
}
/** The names for `--env`: the container's variables, then the proxy variables left unset. */
function containerEnvNames(containerEnv) {
    const names = Object.keys(containerEnv);
    return [...names, ...PROXY_VARIABLES.filter((name) => !names.includes(name))];
}
/**
 * The `docker run` argument list for one phase. Every value in it is public: environment
 * variables appear by name only, so the list can be logged as it is.
 */
function dockerRunArgs(phase, context, inputs, envNames) {
    const workdir = context.bundleRelativePath === '.'
        ? CONTAINER_CHECKOUT
        : `${CONTAINER_CHECKOUT}/${context.bundleRelativePath}`;
    const args = [
        'run',
        '--rm',
        '--pull',
        'never',
        '--name',
        context.containerName,
        '--user',
        `${context.uid}:${context.gid}`,
        // The CLI needs no privileges: it reads the bundle and talks HTTPS to the workspace.
        '--cap-drop',
        'ALL',
        '--security-opt',
        'no-new-privileges',
        '--mount',
        `type=bind,source=${context.checkoutPath},target=${CONTAINER_CHECKOUT}`,
        '--mount',
        `type=bind,source=${context.homePath},target=${CONTAINER_HOME}`,
        '--workdir',
        workdir,
    ];
    if (inputs.dockerNetwork !== undefined)
        args.push('--network', inputs.dockerNetwork);
    for (const name of envNames)
        args.push('--env', name);
    args.push(context.imageId, ...phase.cliArgs);
    return args;
}

;// CONCATENATED MODULE: ./src/docker-client.ts
/**
 * The runner variables the docker client itself needs to find and talk to the engine. Only these
 * are copied from the runner's environment; see containerEnvironment for what the container gets.
 */
const CLIENT_VARIABLES = [
    'PATH',
    'DOCKER_HOST',
    'DOCKER_CONTEXT',
    'DOCKER_CERT_PATH',
    'DOCKER_TLS_VERIFY',
    'DOCKER_API_VERSION',
    // A rootless engine's default socket lives under XDG_RUNTIME_DIR.
    'XDG_RUNTIME_DIR',
];
/** The docker client's environment, built from scratch rather than inherited. */
function dockerClientEnvironment(runnerEnv) {
    const env = {};
    for (const name of CLIENT_VARIABLES) {
        const value = runnerEnv[name];
        if (value !== undefined && value !== '')
            env[name] = value;
    }
    // HOME is handed to the container by name, so the client's own HOME is the container's. The
    // client would otherwise look for its configuration under HOME, so name that folder directly.
    const home = runnerEnv['HOME'];
    const configDir = runnerEnv['DOCKER_CONFIG'] || (home ? `${home}/.docker` : undefined);
    if (configDir !== undefined)
        env['DOCKER_CONFIG'] = configDir;
    return env;
}

;// CONCATENATED MODULE: ./src/program.ts


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
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        const stdout = [];
        const stderr = [];
        child.stdout.on('data', (chunk) => {
            stdout.push(chunk);
            options.onStdout?.(chunk);
        });
        child.stderr.on('data', (chunk) => {
            stderr.push(chunk);
            options.onStderr?.(chunk);
        });
        child.on('error', (error) => reject(new Error(`${file} could not be started: ${error.message}`)));
        child.on('close', (code, signal) => resolve({
            // A child killed by a signal has no exit code; report it the way a shell would.
            exitCode: code ?? 128 + signalNumber(signal),
            stdout: Buffer.concat(stdout).toString('utf8'),
            stderr: Buffer.concat(stderr).toString('utf8'),
        }));
    });
}
function signalNumber(signal) {
    return signal === null ? 0 : (external_node_os_namespaceObject.constants.signals[signal] ?? 0);
}

;// CONCATENATED MODULE: ./src/engine.ts


/**
 * Checks that the engine answers and that the image is already in its local store. Nothing is
 * ever pulled: an air-gapped runner has nowhere to pull from, and a pull would bypass the
 * mirror's approval. An inspection that succeeds proves the engine answers, so `docker version`
 * runs only to explain a failed inspection; that saves a client start on every run.
 */
async function inspectEngineAndImage(image, env) {
    const inspection = await runDocker(['image', 'inspect', '--format', '{{json .}}', image.raw], env);
    if (inspection.exitCode === 0) {
        return describeImage(image, inspection.stdout);
    }
    const version = await runDocker(['version', '--format', '{{.Server.Version}}'], env);
    if (version.exitCode !== 0) {
        throw engineUnreachable(env, version.stderr);
    }
    throw imageMissing(image, inspection.stderr);
}
async function runDocker(args, env) {
    try {
        return await runProgram('docker', args, { env });
    }
    catch (error) {
        // runProgram rejects, rather than returning an exit code, only when docker cannot be
        // started at all, which in practice means there is no docker executable on PATH.
        throw new ActionError('The docker command was not found on this runner (PATH has no docker). Install the Docker ' +
            'client on the self-hosted runner, or make it available on PATH for the runner service. ' +
            `(${messageOf(error)})`);
    }
}
function engineUnreachable(env, stderr) {
    const where = env['DOCKER_HOST'] === undefined
        ? 'the default socket (DOCKER_HOST is not set)'
        : `DOCKER_HOST=${env['DOCKER_HOST']}`;
    return new ActionError(`No Docker engine answered at ${where}. This action runs the Databricks CLI in a container, ` +
        'so the runner needs a Docker engine it can reach: start the engine, add the runner user ' +
        'to the docker group, or set DOCKER_HOST for the runner. Docker said: ' +
        lastLines(stderr, 3));
}
function imageMissing(image, stderr) {
    const vHint = image.tag !== undefined && /^v\d/.test(image.tag)
        ? ` Note that upstream CLI image tags carry no "v" (e.g. 0.298.0, not ${image.tag}).`
        : '';
    return new ActionError(`Input 'image': ${image.raw} is not in this runner's local image store, and this action ` +
        'never pulls. Mirror the approved image into your internal registry and pull it onto the ' +
        'runner in a separate, reviewed step (docker pull <mirror>/...), or bring it in as a file ' +
        `with docker load -i <archive>.tar.${vHint} Docker said: ${lastLines(stderr, 2)}`);
}
function describeImage(image, json) {
    const inspected = JSON.parse(json);
    if (typeof inspected.Id !== 'string' || !inspected.Id.startsWith('sha256:')) {
        throw new ActionError(`docker image inspect returned no image id for ${image.raw}; the engine's answer was not ` +
            'understood. Check the Docker engine version on the runner.');
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
    return { id: inspected.Id, repoDigest, platform };
}
/** The last non-empty lines of a command's output, joined for a one-line message. */
function lastLines(text, count) {
    const lines = text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
    return lines.slice(-count).join(' ') || '(no output)';
}

;// CONCATENATED MODULE: ./src/credentials.ts

/** The ways this action can authenticate the CLI against the workspace. */
const AUTH_TYPES = ['pat', 'oauth-m2m'];
/**
 * Decides which credentials go to the CLI. When `auth-type` is empty it is inferred from which
 * credentials are set. Two kinds at once is refused rather than resolved by a precedence rule:
 * the CLI's own order would silently pick one, and the other secret would still reach the
 * container for nothing.
 */
function resolveCredentials(given) {
    const hasToken = given.token !== '';
    const hasClient = given.clientId !== '' || given.clientSecret !== '';
    if (hasToken && hasClient) {
        throw inputError('token', 'is set together with client-id/client-secret; these are two kinds of credential.', 'Set only token (auth-type: pat) or only client-id and client-secret ' +
            '(auth-type: oauth-m2m).');
    }
    const authType = given.authType === '' ? inferAuthType(hasToken, hasClient) : given.authType;
    switch (authType) {
        case 'pat':
            return patCredentials(given, hasClient);
        case 'oauth-m2m':
            return servicePrincipalCredentials(given, hasToken);
        default:
            throw inputError('auth-type', `"${given.authType}" is not supported.`, `Use one of: ${AUTH_TYPES.join(', ')}, or leave it empty to infer it from the ` +
                'credentials that are set.');
    }
}
function inferAuthType(hasToken, hasClient) {
    if (hasToken)
        return 'pat';
    if (hasClient)
        return 'oauth-m2m';
    throw inputError('token', 'no credentials are set.', 'Set client-id and client-secret for a service principal (recommended), or token for a ' +
        'personal access token, from your repository or organisation secrets.');
}
function patCredentials(given, hasClient) {
    if (hasClient) {
        throw inputError('auth-type', 'is "pat", but client-id or client-secret is set.', 'Remove client-id and client-secret, or use auth-type: oauth-m2m without token.');
    }
    if (given.token === '') {
        throw inputError('token', 'is empty, but auth-type is "pat".', 'Pass the personal access token from a secret, e.g. token: ${{ secrets.DATABRICKS_TOKEN }}.');
    }
    return { authType: 'pat', token: given.token };
}
function servicePrincipalCredentials(given, hasToken) {
    if (hasToken) {
        throw inputError('auth-type', 'is "oauth-m2m", but token is set.', 'Remove token, or use auth-type: pat without client-id and client-secret.');
    }
    if (given.clientId === '' || given.clientSecret === '') {
        const missing = given.clientId === '' ? 'client-id' : 'client-secret';
        throw inputError(missing, 'is empty, but OAuth machine-to-machine authentication needs both client-id and ' +
            'client-secret.', "Pass both from your secrets: the service principal's application id and an OAuth " +
            'secret generated for it.');
    }
    return { authType: 'oauth-m2m', clientId: given.clientId, clientSecret: given.clientSecret };
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

;// CONCATENATED MODULE: ./src/inputs.ts



const COMMANDS = ['deploy', 'validate'];
/** The inputs whose values are secrets: they are masked before anything else happens. */
const SECRET_INPUTS = ['token', 'client-secret'];
/**
 * Parses and checks every input. It has no side effects, so a bad input stops the action before
 * any engine is asked anything or any container starts.
 */
function parseInputs(read) {
    const text = (name) => read(name).trim();
    return {
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
        }),
        bundleVariables: parseBundleVariables(read('vars')),
        deployFlags: {
            forceLock: parseBoolean('force-lock', text('force-lock')),
            autoApprove: parseBoolean('auto-approve', text('auto-approve')),
            failOnActiveRuns: parseBoolean('fail-on-active-runs', text('fail-on-active-runs')),
        },
        dockerNetwork: parseDockerNetwork(text('docker-network')),
    };
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
        throw inputError('command', `"${value}" is not supported.`, 'Use "deploy" (validate, then deploy) or "validate" (validate only, e.g. on pull requests).');
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

;// CONCATENATED MODULE: ./src/phase-runner.ts


// Enough to show the CLI's last diagnostic with its location and detail lines.
const TAIL_LINES = 20;
/**
 * Runs one `docker run` in a collapsible log group, streaming the CLI's output through live.
 * Success is decided by the exit code alone: the CLI writes progress to stderr on success too.
 */
async function runPhase(phase, args, env) {
    return group(`databricks ${phase.cliArgs.join(' ')}`, async () => {
        debug(`docker ${args.join(' ')}`);
        const stderrTail = new LineTail(TAIL_LINES);
        const started = Date.now();
        // The CLI echoes names and paths from the bundle; a line of it that looks like a workflow
        // command must be printed, not obeyed.
        const { exitCode } = await withCommandsStopped(() => runProgram('docker', args, {
            env,
            onStdout: (data) => process.stdout.write(data),
            onStderr: (data) => {
                process.stdout.write(data);
                stderrTail.push(data.toString('utf8'));
            },
        }));
        const durationMs = Date.now() - started;
        const outcome = exitCode === 0 ? 'success' : 'failure';
        info(`${phase.name}: ${outcome} (exit code ${exitCode}, ${formatDuration(durationMs)})`);
        return { name: phase.name, outcome, exitCode, durationMs, errorTail: stderrTail.lines() };
    });
}
/** A phase that never started because an earlier one failed. */
function skippedPhase(phase) {
    return {
        name: phase.name,
        outcome: 'skipped',
        exitCode: undefined,
        durationMs: 0,
        errorTail: [],
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

;// CONCATENATED MODULE: ./src/report.ts



function overallOutcome(phases) {
    return phases.every((phase) => phase.outcome === 'success') ? 'success' : 'failure';
}
function setOutputs(report, env = process.env) {
    setOutput('result', overallOutcome(report.phases), env);
    setOutput('image-id', report.image.id, env);
    setOutput('image-digest', report.image.repoDigest ?? '', env);
    for (const phase of report.phases) {
        setOutput(`${phase.name}-result`, phase.outcome, env);
    }
    setOutput('phases', JSON.stringify(report.phases.map(phaseRecord)), env);
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
        const outcomes = report.phases.map((phase) => `${phase.name} ${phase.outcome}`).join(', ');
        setFailed(`The step outputs could not be written to GITHUB_OUTPUT ` +
            `(${messageOf(error)}); the phases ran ` +
            `regardless: ${outcomes}. Check the runner's work folder.`);
    }
}
/** The error for a failed run: the phase, what its exit code means, the CLI's last lines. */
function failureMessage(phases) {
    const failed = phases.find((phase) => phase.outcome === 'failure');
    if (failed === undefined)
        return 'A phase failed.';
    const lines = failed.errorTail.filter((line) => line.trim() !== '').slice(-10);
    const consequence = failed.name === 'validate'
        ? 'Nothing was deployed.'
        : 'The deployment may be incomplete; fix the cause and run the workflow again.';
    return (`The ${failed.name} phase failed: ${exitExplanation(failed.exitCode)} ` +
        `${consequence}\nLast lines of the container's error output:\n${lines.join('\n') || '(none)'}`);
}
/**
 * The CLI itself exits with 0 or 1 only; 125 to 127 are docker's own codes for a container that
 * could not be started, so blaming the CLI for them would send people the wrong way.
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
        default:
            return `the Databricks CLI exited with code ${exitCode}.`;
    }
}
const OUTCOME_MARK = { success: '✅', failure: '❌', skipped: '⏭️' };
/** The step summary as Markdown: what ran, from which image, and how each phase went. */
function stepSummary(report) {
    const outcome = overallOutcome(report.phases);
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
        '',
        '| Phase | Outcome | Exit code | Duration |',
        '| --- | --- | --- | --- |',
        ...report.phases.map((phase) => `| ${phase.name} | ${OUTCOME_MARK[phase.outcome]} ${phase.outcome} | ` +
            `${phase.exitCode ?? ''} | ` +
            `${phase.outcome === 'skipped' ? '' : formatDuration(phase.durationMs)} |`),
        '',
    ];
    return rows.join('\n') + '\n';
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
    return escapeMarkdown(text);
}
function code(text) {
    return `<code>${escapeMarkdown(text)}</code>`;
}
/**
 * Escapes text for a table cell: HTML, the table's pipes, and the characters that would make
 * Markdown links, emphasis or code spans, as numeric entities, which GitHub renders as text.
 */
function escapeMarkdown(text) {
    return text
        .replaceAll('&', '&amp;')
        .replaceAll('\n', ' ')
        .replace(/[<>|[\]()*_`~\\!]/g, (character) => `&#${character.charCodeAt(0)};`);
}

;// CONCATENATED MODULE: ./src/main.ts













/** The action's entry point: validate, then deploy, the bundle in the pinned CLI image. */
async function run(env = process.env) {
    // Masking comes first, so that nothing below, not even an input error, can print a secret.
    maskSecretInputs(env);
    let homePath;
    let guard;
    try {
        const inputs = parseInputs((name) => getInput(name, env));
        const location = locateBundle(env['GITHUB_WORKSPACE'], inputs.workingDirectory);
        assertLinuxRunner();
        const clientEnv = dockerClientEnvironment(env);
        guard = new CancellationGuard(clientEnv);
        const image = await inspectEngineAndImage(inputs.image, clientEnv);
        logDecisions(inputs, location, image);
        homePath = createHomeFolder(env['RUNNER_TEMP']);
        guard.removeOnCancel(homePath);
        const phases = await runPhases(inputs, location, image, homePath, clientEnv, guard);
        const report = { inputs, bundleRelativePath: location.relativePath, image, phases };
        writeStepSummary(report, env);
        writeOutputs(report, env);
        if (overallOutcome(phases) === 'failure') {
            setFailed(failureMessage(phases));
        }
    }
    catch (error) {
        setFailed(describeError(error));
    }
    finally {
        guard?.release();
        if (homePath !== undefined)
            removeHomeFolder(homePath);
    }
}
function removeHomeFolder(homePath) {
    try {
        (0,external_node_fs_namespaceObject.rmSync)(homePath, { recursive: true, force: true });
    }
    catch (error) {
        warning(`The CLI's home folder ${homePath} could not be removed ` +
            `(${messageOf(error)}); remove it by hand.`);
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
function logDecisions(inputs, location, image) {
    info(`Bundle: ${location.relativePath}/${location.configFile}, target ${inputs.target}`);
    info(`Image: ${inputs.image.raw} (${image.id}, ${image.platform})`);
    if (image.repoDigest !== undefined)
        info(`Registry digest: ${image.repoDigest}`);
    info(`Authentication: ${inputs.credentials.authType}`);
}
/** The CLI's HOME: a fresh folder under RUNNER_TEMP, owned by the runner's user, removed after. */
function createHomeFolder(runnerTemp) {
    if (runnerTemp === undefined || runnerTemp === '') {
        throw new ActionError("RUNNER_TEMP is not set, so there is no place for the CLI's home folder. Run this action " +
            'as a step of a GitHub Actions job.');
    }
    assertMountablePath(runnerTemp, 'RUNNER_TEMP', 'Use a runner temp folder without them.');
    try {
        return (0,external_node_fs_namespaceObject.mkdtempSync)(external_node_path_default().join(runnerTemp, 'databricks-bundle-home-'));
    }
    catch (error) {
        throw new ActionError(`RUNNER_TEMP (${runnerTemp}) is not a folder this step can write to, so there is no place ` +
            `for the CLI's home folder: ${messageOf(error)}. ` +
            'Check the runner work folder and its permissions.');
    }
}
async function runPhases(inputs, location, image, homePath, clientEnv, guard) {
    const containerEnv = containerEnvironment(inputs);
    const envNames = containerEnvNames(containerEnv);
    const processEnv = { ...clientEnv, ...containerEnv };
    const results = [];
    for (const phase of planPhases(inputs)) {
        if (results.some((result) => result.outcome !== 'success')) {
            results.push(skippedPhase(phase));
            continue;
        }
        const context = runContext(phase, image, location, homePath);
        const args = dockerRunArgs(phase, context, inputs, envNames);
        guard.phaseStarted(phase.name, context.containerName);
        results.push(await runPhase(phase, args, processEnv));
        guard.phaseEnded();
    }
    return results;
}
function runContext(phase, image, location, homePath) {
    return {
        imageId: image.id,
        containerName: `databricks-bundle-${phase.name}-${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}`,
        uid: process.getuid?.() ?? 0,
        gid: process.getgid?.() ?? 0,
        checkoutPath: location.checkoutPath,
        bundleRelativePath: location.relativePath,
        homePath,
    };
}
function describeError(error) {
    if (error instanceof ActionError)
        return error.message;
    if (error instanceof Error)
        return `Unexpected error: ${error.message}`;
    return `Unexpected error: ${String(error)}`;
}

;// CONCATENATED MODULE: ./src/index.ts

// run() reports every failure as a failed step itself (workflow.setFailed) and never rejects.
void run();

