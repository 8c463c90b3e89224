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
// change its meaning; control characters could also forge log lines. Refusing them is clearer
// than quoting.
// eslint-disable-next-line no-control-regex
const UNSAFE_PATH_CHARACTERS = /[,"\u0000-\u001f\u007f]/;
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



const SIGNALS = ['SIGINT', 'SIGTERM'];
// Removing a container stops it first; Docker gives a process 10 s to stop by default.
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
        if (running !== undefined) {
            (0,external_node_child_process_namespaceObject.spawnSync)('docker', ['rm', '--force', running.container], {
                env: this.clientEnv,
                stdio: 'ignore',
                timeout: REMOVE_TIMEOUT_MS,
            });
        }
        for (const folder of this.folders)
            (0,external_node_fs_namespaceObject.rmSync)(folder, { recursive: true, force: true });
        // The CLI's output may have paused command processing; the error must still be an error.
        resumeStoppedCommands();
        setFailed(running === undefined
            ? `The step was cancelled (${signal}) before any container started.`
            : `The step was cancelled (${signal}) during the ${running.phase} phase; its container ` +
                `${running.container} was removed.` +
                (running.phase === 'deploy' ? ' The deployment may be incomplete.' : ''));
        process.exit(1);
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

;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
;// CONCATENATED MODULE: external "events"
const external_events_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: external "assert"
const external_assert_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_namespaceObject.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_namespaceObject.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return __awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_namespaceObject.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_namespaceObject.dirname(filePath);
                        const upperName = external_path_namespaceObject.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_namespaceObject.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_namespaceObject.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_namespaceObject.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_namespaceObject.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_namespaceObject.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_namespaceObject.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_namespaceObject.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_namespaceObject.EOL.length);
                n = s.indexOf(external_os_namespaceObject.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_namespaceObject.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_namespaceObject.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_namespaceObject.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const stderrDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
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
/** Runs a short docker command quietly and returns its output; never throws on exit codes. */
async function dockerQuery(args, env) {
    const result = await getExecOutput('docker', [...args], {
        env,
        silent: true,
        ignoreReturnCode: true,
    });
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
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
        return await dockerQuery(args, env);
    }
    catch (error) {
        // exec rejects, rather than returning an exit code, when it cannot start the program at all,
        // which in practice means no docker executable on PATH.
        throw new ActionError('The docker command was not found on this runner (PATH has no docker). Install the Docker ' +
            'client on the self-hosted runner, or make it available on PATH for the runner service. ' +
            `(${error instanceof Error ? error.message : String(error)})`);
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
        throw inputError('host', `uses ${url.protocol.slice(0, -1)}, not https.`, fix);
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
        const exitCode = await withWorkflowCommandsPaused(() => exec('docker', [...args], {
            env,
            silent: true,
            ignoreReturnCode: true,
            listeners: {
                stdout: (data) => process.stdout.write(data),
                stderr: (data) => {
                    process.stdout.write(data);
                    stderrTail.push(data.toString('utf8'));
                },
            },
        }));
        const durationMs = Date.now() - started;
        const outcome = exitCode === 0 ? 'success' : 'failure';
        info(`${phase.name}: ${outcome} (exit code ${exitCode}, ${formatDuration(durationMs)})`);
        return { name: phase.name, outcome, exitCode, durationMs, errorTail: stderrTail.lines() };
    });
}
/**
 * The CLI echoes names and paths from the bundle. A line of it that happened to look like a
 * workflow command (`::add-mask::`, `::error::`, ...) must not be obeyed by the runner, so
 * command processing is paused while the CLI's output streams through.
 */
async function withWorkflowCommandsPaused(work) {
    const resumeToken = (0,external_node_crypto_namespaceObject.randomBytes)(16).toString('hex');
    stopCommands(resumeToken);
    try {
        return await work();
    }
    finally {
        resumeCommands(resumeToken);
    }
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
        const reason = error instanceof Error ? error.message : String(error);
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
function escapeMarkdown(text) {
    return text
        .replaceAll('&', '&amp;')
        .replaceAll('<', '&lt;')
        .replaceAll('>', '&gt;')
        .replaceAll('|', '&#124;')
        .replaceAll('\n', ' ');
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
/** Outputs that cannot be written fail the step, saying what the phases did regardless. */
function writeOutputs(report, env) {
    try {
        setOutputs(report, env);
    }
    catch (error) {
        const outcomes = report.phases.map((phase) => `${phase.name} ${phase.outcome}`).join(', ');
        setFailed(`The step outputs could not be written to GITHUB_OUTPUT ` +
            `(${error instanceof Error ? error.message : String(error)}); the phases ran ` +
            `regardless: ${outcomes}. Check the runner's work folder.`);
    }
}
function removeHomeFolder(homePath) {
    try {
        (0,external_node_fs_namespaceObject.rmSync)(homePath, { recursive: true, force: true });
    }
    catch (error) {
        warning(`The CLI's home folder ${homePath} could not be removed ` +
            `(${error instanceof Error ? error.message : String(error)}); remove it by hand.`);
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
            `for the CLI's home folder: ${error instanceof Error ? error.message : String(error)}. ` +
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
function failureMessage(phases) {
    const failed = phases.find((phase) => phase.outcome === 'failure');
    if (failed === undefined)
        return 'A phase failed.';
    const lines = failed.errorTail.filter((line) => line.trim() !== '').slice(-10);
    const consequence = failed.name === 'validate'
        ? 'Nothing was deployed.'
        : 'The deployment may be incomplete; fix the cause and run the workflow again.';
    return (`The ${failed.name} phase failed: ${exitExplanation(failed.exitCode)} ` +
        `${consequence}\nLast error lines from the CLI:\n${lines.join('\n') || '(none)'}`);
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

