import { inputError } from './errors.js';

/** The ways this action can authenticate the CLI against the workspace. */
export const AUTH_TYPES = [
  'pat',
  'oauth-m2m',
  'github-oidc',
  'azure-client-secret',
  'env-oidc',
] as const;
export type AuthType = (typeof AUTH_TYPES)[number];

export type Credentials =
  | { readonly authType: 'pat'; readonly token: string }
  | { readonly authType: 'oauth-m2m'; readonly clientId: string; readonly clientSecret: string }
  | {
      readonly authType: 'github-oidc';
      readonly clientId: string;
      /** The runner's ID-token request URL and bearer token, as the runner set them. */
      readonly requestUrl: string;
      readonly requestToken: string;
    }
  | {
      readonly authType: 'azure-client-secret';
      readonly clientId: string;
      readonly clientSecret: string;
      readonly tenantId: string;
    }
  | { readonly authType: 'env-oidc'; readonly clientId: string; readonly idToken: string };

export interface CredentialInputs {
  readonly authType: string;
  readonly token: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly azureTenantId: string;
  readonly oidcToken: string;
  /** ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN from the runner; empty when the job lacks them. */
  readonly idTokenRequestUrl: string;
  readonly idTokenRequestToken: string;
}

/** The credential inputs each auth type reads; any other one set with it is a mistake. */
const USED_INPUTS: Record<AuthType, readonly CredentialInput[]> = {
  pat: ['token'],
  'oauth-m2m': ['client-id', 'client-secret'],
  'github-oidc': ['client-id'],
  'azure-client-secret': ['client-id', 'client-secret', 'azure-tenant-id'],
  'env-oidc': ['client-id', 'oidc-token'],
};

type CredentialInput = 'token' | 'client-id' | 'client-secret' | 'azure-tenant-id' | 'oidc-token';

/**
 * Decides which credentials go to the CLI. When `auth-type` is empty it is inferred for the two
 * kinds that cannot be mistaken (a token, or a client id with a secret); the others must be
 * named. Credentials of another kind set alongside are refused rather than ignored: the CLI's
 * own order would silently pick one, and the other secret would reach the container for nothing.
 */
export function resolveCredentials(given: CredentialInputs): Credentials {
  const set = setInputs(given);
  const authType = given.authType === '' ? inferAuthType(set) : parseAuthType(given.authType);
  const unused = set.filter((input) => !USED_INPUTS[authType].includes(input));
  if (unused.length > 0) {
    throw inputError(
      unused[0]!,
      `is set, but auth-type ${authType} does not use it` +
        (unused.length > 1 ? ` (nor ${unused.slice(1).join(', ')}).` : '.'),
      `Remove it, or choose the auth-type it belongs to. ${authType} reads ` +
        `${USED_INPUTS[authType].join(', ')}.`,
    );
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

const TOKEN_FIX =
  'Pass the personal access token from a secret, e.g. token: ${{ secrets.DATABRICKS_TOKEN }}.';
const CLIENT_FIX =
  "Pass both from your secrets: the service principal's application id and an OAuth secret " +
  'generated for it.';
const AZURE_FIX =
  "Pass the Microsoft Entra ID application's client id, a client secret of it, and its " +
  'tenant id, from your secrets.';
const OIDC_FIX =
  "Pass the service principal's application id as client-id, and the ID token (a JWT your " +
  'identity provider issued for its federation policy) as oidc-token, from a secret or an ' +
  'earlier step.';

function setInputs(given: CredentialInputs): CredentialInput[] {
  const values: Record<CredentialInput, string> = {
    token: given.token,
    'client-id': given.clientId,
    'client-secret': given.clientSecret,
    'azure-tenant-id': given.azureTenantId,
    'oidc-token': given.oidcToken,
  };
  return (Object.keys(values) as CredentialInput[]).filter((input) => values[input] !== '');
}

function parseAuthType(value: string): AuthType {
  const authType = AUTH_TYPES.find((known) => known === value);
  if (authType === undefined) {
    throw inputError(
      'auth-type',
      `"${value}" is not supported.`,
      `Use one of: ${AUTH_TYPES.join(', ')}, or leave it empty to infer pat or oauth-m2m from ` +
        'the credentials that are set.',
    );
  }
  return authType;
}

function inferAuthType(set: readonly CredentialInput[]): AuthType {
  if (set.includes('token')) return 'pat';
  if (set.includes('client-secret') && !set.includes('azure-tenant-id')) return 'oauth-m2m';
  if (set.length === 0) {
    throw inputError(
      'auth-type',
      'is empty and no credentials are set.',
      'Set client-id and client-secret for a service principal, auth-type: github-oidc with ' +
        'client-id for workload identity federation (no stored secret), or token for a ' +
        'personal access token.',
    );
  }
  throw inputError(
    'auth-type',
    `is empty, and ${set.join(', ')} alone do not say which kind of authentication to use.`,
    'Name it: github-oidc (client-id), azure-client-secret (client-id, client-secret, ' +
      'azure-tenant-id) or env-oidc (client-id, oidc-token).',
  );
}

function required(value: string, input: CredentialInput, authType: AuthType, fix: string): string {
  if (value === '') throw inputError(input, `is empty, but auth-type ${authType} needs it.`, fix);
  return value;
}

/**
 * The runner hands a job the means to request an ID token only when the workflow grants
 * `id-token: write`; without them the CLI would fail deep inside, so the action says so first.
 */
function githubOidcCredentials(given: CredentialInputs): Credentials {
  const clientId = required(
    given.clientId,
    'client-id',
    'github-oidc',
    'Pass the application id of the service principal whose federation policy trusts this ' +
      "repository's workflow tokens.",
  );
  if (given.idTokenRequestUrl === '' || given.idTokenRequestToken === '') {
    throw inputError(
      'auth-type',
      'is github-oidc, but the runner gave this job no ID-token request ' +
        '(ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set).',
      'Grant the job `permissions: id-token: write` (in the calling workflow too, for a ' +
        'reusable one); GitHub gives ID tokens only to jobs that ask for them.',
    );
  }
  return {
    authType: 'github-oidc',
    clientId,
    requestUrl: given.idTokenRequestUrl,
    requestToken: given.idTokenRequestToken,
  };
}
