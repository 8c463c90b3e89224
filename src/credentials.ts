import { inputError } from './errors.js';

/** The ways this action can authenticate the CLI against the workspace. */
export const AUTH_TYPES = ['pat', 'oauth-m2m'] as const;
export type AuthType = (typeof AUTH_TYPES)[number];

export type Credentials =
  | { readonly authType: 'pat'; readonly token: string }
  | { readonly authType: 'oauth-m2m'; readonly clientId: string; readonly clientSecret: string };

export interface CredentialInputs {
  readonly authType: string;
  readonly token: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/**
 * Decides which credentials go to the CLI. When `auth-type` is empty it is inferred from which
 * credentials are set. Two kinds at once is refused rather than resolved by a precedence rule:
 * the CLI's own order would silently pick one, and the other secret would still reach the
 * container for nothing.
 */
export function resolveCredentials(given: CredentialInputs): Credentials {
  const hasToken = given.token !== '';
  const hasClient = given.clientId !== '' || given.clientSecret !== '';

  if (hasToken && hasClient) {
    throw inputError(
      'token',
      'is set together with client-id/client-secret; these are two kinds of credential.',
      'Set only token (auth-type: pat) or only client-id and client-secret ' +
        '(auth-type: oauth-m2m).',
    );
  }

  const authType = given.authType === '' ? inferAuthType(hasToken, hasClient) : given.authType;
  switch (authType) {
    case 'pat':
      return patCredentials(given, hasClient);
    case 'oauth-m2m':
      return servicePrincipalCredentials(given, hasToken);
    default:
      throw inputError(
        'auth-type',
        `"${given.authType}" is not supported.`,
        `Use one of: ${AUTH_TYPES.join(', ')}, or leave it empty to infer it from the ` +
          'credentials that are set.',
      );
  }
}

function inferAuthType(hasToken: boolean, hasClient: boolean): AuthType {
  if (hasToken) return 'pat';
  if (hasClient) return 'oauth-m2m';
  throw inputError(
    'token',
    'no credentials are set.',
    'Set client-id and client-secret for a service principal (recommended), or token for a ' +
      'personal access token, from your repository or organisation secrets.',
  );
}

function patCredentials(given: CredentialInputs, hasClient: boolean): Credentials {
  if (hasClient) {
    throw inputError(
      'auth-type',
      'is "pat", but client-id or client-secret is set.',
      'Remove client-id and client-secret, or use auth-type: oauth-m2m without token.',
    );
  }
  if (given.token === '') {
    throw inputError(
      'token',
      'is empty, but auth-type is "pat".',
      'Pass the personal access token from a secret, e.g. token: ${{ secrets.DATABRICKS_TOKEN }}.',
    );
  }
  return { authType: 'pat', token: given.token };
}

function servicePrincipalCredentials(given: CredentialInputs, hasToken: boolean): Credentials {
  if (hasToken) {
    throw inputError(
      'auth-type',
      'is "oauth-m2m", but token is set.',
      'Remove token, or use auth-type: pat without client-id and client-secret.',
    );
  }
  if (given.clientId === '' || given.clientSecret === '') {
    const missing = given.clientId === '' ? 'client-id' : 'client-secret';
    throw inputError(
      missing,
      'is empty, but OAuth machine-to-machine authentication needs both client-id and ' +
        'client-secret.',
      "Pass both from your secrets: the service principal's application id and an OAuth " +
        'secret generated for it.',
    );
  }
  return { authType: 'oauth-m2m', clientId: given.clientId, clientSecret: given.clientSecret };
}
