import type { ConfigPath } from './config-file.js';
import type { FindingList } from './findings.js';
import { hostOfUrl, type InternalHosts } from './internal-hosts.js';
import type { Fragment } from './targets.js';
import { isInterpolated } from './values.js';

/** What the internet-reach rules share: the internal hosts, the findings, the folders. */
export interface ReachContext {
  readonly internal: InternalHosts;
  readonly findings: FindingList;
  readonly bundlePath: string;
  readonly checkoutPath: string;
}

export interface Where {
  /** Relative to the bundle root. */
  readonly file: string;
  readonly line: number;
}

export function at(fragment: Fragment, configPath: ConfigPath): Where {
  return { file: fragment.file.relativePath, line: fragment.file.lineOf(configPath) };
}

export const INTERNAL_HINT =
  'point it at a host inside the network and list that host in the internal-hosts input';

// Workspace files, volumes and DBFS are inside the workspace: nothing leaves the network.
const WORKSPACE_LOCATION = /^(?:\/|dbfs:\/|file:)/i;

/**
 * Flags a location outside the enclave. A value whose host cannot be read is flagged too: a
 * URL that this parser and pip's disagree on must not pass as internal.
 */
export function checkLocation(
  value: string,
  rule: string,
  what: string,
  where: Where,
  context: ReachContext,
): void {
  const text = value.trim();
  if (WORKSPACE_LOCATION.test(text)) return;
  if (isInterpolated(text)) {
    // `https://github.com/${var.org}/x.git` still names its host; `${var.url}` names none.
    const literal = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/@${}]*@)?([^/:${}]+)(?=[/:]|$)/i.exec(text);
    if (literal?.[1] === undefined) return;
    if (context.internal.includesHost(literal[1])) return;
    const place = `${literal[1]}, not an internal host`;
    context.findings.add(rule, 'policy', `${what} ${place}; ${INTERNAL_HINT}.`, where);
    return;
  }
  const host = hostOfUrl(text);
  if (host !== undefined && context.internal.includesHost(host)) return;
  const place =
    host === undefined ? `${text}, whose host cannot be read` : `${host}, not an internal host`;
  context.findings.add(rule, 'policy', `${what} ${place}; ${INTERNAL_HINT}.`, where);
}
