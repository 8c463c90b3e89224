/**
 * Known causes of a failed CLI phase, recognised in the CLI's stderr by the texts the CLI, the
 * Go SDK, Terraform and Go's own libraries print for them. Each cause has a short explanation
 * that names the input or file to change, and a section in docs/TROUBLESHOOTING.md whose
 * anchor is the cause's id. Nothing here quotes the CLI's output back: the explanations are
 * fixed sentences, so no secret that reached stderr can travel through them.
 */

export interface FailureContext {
  /** 'validate' | 'deploy' | 'plan' | 'destroy' | 'summary' */
  readonly phase: string;
  /** The bundle config file, relative to the repository root. */
  readonly configFile: string;
  /** Whether the action's `host` input was given. */
  readonly hostInputSet: boolean;
}

export interface RecognizedFailure {
  /** Stable; also the anchor of its section in docs/TROUBLESHOOTING.md. */
  readonly id: string;
  /** One or two sentences: what happened, and which input or file to change. */
  readonly explanation: string;
}

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
] as const;

/**
 * docker's own exit codes, and 2 (the Go runtime's, for a CLI stopped by a signal it does not
 * handle); report.ts explains them from the exit code alone.
 */
export const EXPLAINED_EXIT_CODES: readonly number[] = [2, 125, 126, 127, 137, 143];
const EXIT_CODE_IDS = EXPLAINED_EXIT_CODES.map((code) => `exit-code-${code}`);

/** Causes the action knows without reading the CLI's output. */
const ACTION_IDS = ['phase-timeout'] as const;

/** Every anchor of docs/TROUBLESHOOTING.md that the action links to. */
export const TROUBLESHOOTING_IDS: readonly string[] = [
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
export function recognizeFailure(
  stderr: string,
  context: FailureContext,
): RecognizedFailure | undefined {
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
    if (BUILD_FAILED.test(block)) return undefined;
    const signature = SIGNATURES.find((candidate) =>
      candidate.texts.some((pattern) => pattern.test(block)),
    );
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
export function troubleshootingLink(id: string, env: NodeJS.ProcessEnv): string {
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

function withoutTerminalCodes(text: string): string {
  return text.replace(TERMINAL_CODES, '');
}

const ERROR_HEADING = /^Error: /;
// databricks/cli:bundle/artifacts/build.go@v0.298.0 ("build failed %s, error: %v, output: %s")
const BUILD_FAILED = /^Error: build failed /;
const OTHER_HEADING = /^(?:Warning|Warn|Info|Debug|Trace|Recommendation): /;

/** Each `Error:` line with the lines after it, up to the next heading of any kind. */
function errorBlocks(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    if (ERROR_HEADING.test(line)) {
      if (current !== undefined) blocks.push(current.join('\n'));
      current = [line];
    } else if (OTHER_HEADING.test(line)) {
      if (current !== undefined) blocks.push(current.join('\n'));
      current = undefined;
    } else if (current !== undefined) {
      current.push(line);
    }
  }
  if (current !== undefined) blocks.push(current.join('\n'));
  return blocks;
}

interface Signature {
  readonly id: (typeof SIGNATURE_IDS)[number];
  /** Any one of these identifies the cause. */
  readonly texts: readonly RegExp[];
  readonly explain: (context: FailureContext) => string;
}

/** Where the workspace host comes from: a host in the bundle wins over the input in the CLI. */
function hostSource(context: FailureContext): string {
  const file = printable(context.configFile);
  return context.hostInputSet
    ? `the host input (or workspace.host in ${file}, which wins when set)`
    : `workspace.host in ${file}`;
}

// Most specific first: see recognizeFailure.
const SIGNATURES: readonly Signature[] = [
  {
    id: 'warnings-in-strict-mode',
    texts: [
      // databricks/cli:cmd/bundle/validate.go (--strict): "1 warning was found. Warnings are
      // not allowed in strict mode", or "N warnings were found. …"
      /Warnings are not allowed in strict mode/,
    ],
    explain: (context) =>
      'bundle validate reported warnings, and the fail-on-warnings input is true, so the ' +
      "CLI's --strict turned them into errors and nothing was deployed. Fix the warnings " +
      `shown above (in ${printable(context.configFile)} or the files it includes), or set ` +
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
    explain: (context) =>
      `The CLI found no bundle configuration in the container although the pre-flight read ` +
      `${printable(context.configFile)} on the runner, so the docker daemon mounted a folder ` +
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
    explain: (context) =>
      `Another ${context.phase === 'destroy' ? 'run' : 'deployment'} of this bundle and ` +
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
    explain: () =>
      'The deployment would delete or recreate resources that can hold data (schemas, ' +
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
    explain: () =>
      'Destroying the bundle deletes every resource it deployed, which the CLI does only with ' +
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
    explain: () =>
      'The deployment state of this target was written by a newer Databricks CLI than the ' +
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
    explain: () =>
      "The Terraform state of this target was written by a newer Terraform than the image's " +
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
    explain: (context) =>
      'This target has deployment state from both engines, Terraform and direct, that do not ' +
      'continue each other, so the CLI cannot tell which one is current. Deploy it with one ' +
      `engine only (the engine input, or bundle.engine in ${printable(context.configFile)}, ` +
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
    explain: (context) =>
      'The CLI tried to download Terraform from releases.hashicorp.com, because the image ' +
      'has no Terraform set in DATABRICKS_TF_EXEC_PATH. Use an image with Terraform 1.5.5 and ' +
      `its provider baked in, or the direct engine (the engine input, or bundle.engine in ` +
      `${printable(context.configFile)}) for a target not yet deployed with Terraform.`,
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
    explain: () =>
      "Terraform could not install the Databricks provider in terraform init: the image's " +
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
    explain: () =>
      "The image's Terraform, named by DATABRICKS_TF_EXEC_PATH, is missing or not the version " +
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
    explain: (context) =>
      'The workspace rejected the access token: check that the token input holds a valid, ' +
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
    explain: (context) =>
      "The workspace's OAuth token endpoint refused the service principal: check the " +
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
    explain: () =>
      'The CLI found no credentials it could use: set the token input, or client-id and ' +
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
    explain: (context) =>
      'The workspace answered 401 Unauthorized: the credentials (the token input, or ' +
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
    explain: (context) =>
      "The workspace refused to let the deploying identity write the bundle's workspace " +
      'folder: list that user or service principal (or one of its groups) with CAN_MANAGE ' +
      `under permissions in ${printable(context.configFile)}, or have an owner of the folder ` +
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
    explain: (context) =>
      `The workspace answered 403 Forbidden during bundle ${context.phase}: the identity of ` +
      'the credentials lacks a permission the bundle needs. Grant it in the workspace (the ' +
      'lines below name the API call), or use credentials of an identity that has it.',
  },
  {
    id: 'tls-certificate-untrusted',
    texts: [
      // golang/go:src/crypto/x509/verify.go (UnknownAuthorityError)
      /x509: certificate signed by unknown authority/,
    ],
    explain: () =>
      "The CLI did not trust the workspace's TLS certificate: it is signed by a certificate " +
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
    explain: (context) =>
      "The workspace's TLS certificate does not name the host the CLI connected to: check " +
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
    explain: () =>
      "The CLI could not verify the workspace's TLS certificate (the x509 error below says " +
      "why): check the certificate, the docker host's clock, and the ca-bundle input or the " +
      "image's trust store.",
  },
  {
    id: 'workspace-unreachable',
    texts: [
      // golang/go:src/net/http/transport.go (dialConn wraps proxy errors as `proxyconnect`)
      /\bproxyconnect tcp: /,
    ],
    explain: () =>
      'The CLI went through an HTTP proxy and could not connect to the proxy: check the ' +
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
    explain: (context) =>
      'The container could not resolve the workspace host name (DNS). Check ' +
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
    explain: (context) =>
      "The workspace refused the connection, or the container's network has no route to it. " +
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
    explain: (context) =>
      'The connection to the workspace timed out: a firewall most likely drops traffic from ' +
      `the container's network to the workspace named by ${hostSource(context)}. Open that ` +
      'path, or join a network that reaches it with the docker-network input.',
  },
];

// The config file path comes from the repository; control characters would break the message.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

function printable(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '?');
}
