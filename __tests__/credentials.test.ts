import { describe, expect, test } from '@jest/globals';

import { type CredentialInputs, resolveCredentials } from '../src/credentials.js';

const none: CredentialInputs = {
  authType: '',
  token: '',
  clientId: '',
  clientSecret: '',
  azureTenantId: '',
  oidcToken: '',
  idTokenRequestUrl: '',
  idTokenRequestToken: '',
};

const runnerGrantsIdTokens = {
  idTokenRequestUrl: 'https://actions.bank.internal/token?x=1',
  idTokenRequestToken: 'request-bearer',
};

describe('resolveCredentials', () => {
  test.each<[string, Partial<CredentialInputs>, unknown]>([
    ['a token means pat', { token: 't0k' }, { authType: 'pat', token: 't0k' }],
    [
      'client id and secret mean oauth-m2m',
      { clientId: 'id', clientSecret: 's3c' },
      { authType: 'oauth-m2m', clientId: 'id', clientSecret: 's3c' },
    ],
    ['explicit pat', { authType: 'pat', token: 't0k' }, { authType: 'pat', token: 't0k' }],
    [
      'explicit oauth-m2m',
      { authType: 'oauth-m2m', clientId: 'id', clientSecret: 's3c' },
      { authType: 'oauth-m2m', clientId: 'id', clientSecret: 's3c' },
    ],
    [
      'github-oidc: a client id and the runner’s ID-token request',
      { authType: 'github-oidc', clientId: 'app', ...runnerGrantsIdTokens },
      {
        authType: 'github-oidc',
        clientId: 'app',
        requestUrl: runnerGrantsIdTokens.idTokenRequestUrl,
        requestToken: 'request-bearer',
      },
    ],
    [
      'azure-client-secret',
      { authType: 'azure-client-secret', clientId: 'app', clientSecret: 's', azureTenantId: 't' },
      { authType: 'azure-client-secret', clientId: 'app', clientSecret: 's', tenantId: 't' },
    ],
    [
      'env-oidc',
      { authType: 'env-oidc', clientId: 'app', oidcToken: 'eyJ.x.y' },
      { authType: 'env-oidc', clientId: 'app', idToken: 'eyJ.x.y' },
    ],
    [
      'github-oidc ignores the runner request when another type is chosen',
      { token: 't', ...runnerGrantsIdTokens },
      { authType: 'pat', token: 't' },
    ],
  ])('%s', (_, given, expected) => {
    expect(resolveCredentials({ ...none, ...given })).toEqual(expected);
  });

  test.each<[string, Partial<CredentialInputs>, RegExp]>([
    ['no credentials at all', {}, /Input 'auth-type': is empty and no credentials are set/],
    [
      'two kinds at once',
      { token: 't', clientId: 'i', clientSecret: 's' },
      /Input 'client-id': is set, but auth-type pat does not use it \(nor client-secret\)/,
    ],
    ['token with a lone client id', { token: 't', clientId: 'i' }, /auth-type pat does not use/],
    ['client id alone', { clientId: 'i' }, /client-id alone do not say which kind/],
    ['client secret without id', { clientSecret: 's' }, /Input 'client-id': is empty/],
    ['pat without token', { authType: 'pat' }, /Input 'token': is empty, but auth-type pat/],
    [
      'pat with client credentials',
      { authType: 'pat', clientId: 'i', clientSecret: 's' },
      /Input 'client-id': is set, but auth-type pat does not use it/,
    ],
    [
      'oauth-m2m with a token',
      { authType: 'oauth-m2m', token: 't' },
      /Input 'token': is set, but auth-type oauth-m2m does not use it/,
    ],
    ['an unknown auth type', { authType: 'basic', token: 't' }, /"basic" is not supported/],
    [
      'github-oidc without id-token permission',
      { authType: 'github-oidc', clientId: 'app' },
      /Grant the job `permissions: id-token: write`/,
    ],
    [
      'github-oidc without a client id',
      { authType: 'github-oidc', ...runnerGrantsIdTokens },
      /Input 'client-id': is empty, but auth-type github-oidc needs it/,
    ],
    [
      'github-oidc with a stored secret',
      { authType: 'github-oidc', clientId: 'a', clientSecret: 's', ...runnerGrantsIdTokens },
      /Input 'client-secret': is set, but auth-type github-oidc does not use it/,
    ],
    [
      'azure-client-secret without a tenant',
      { authType: 'azure-client-secret', clientId: 'a', clientSecret: 's' },
      /Input 'azure-tenant-id': is empty, but auth-type azure-client-secret needs it/,
    ],
    [
      'a tenant with oauth-m2m',
      { authType: 'oauth-m2m', clientId: 'a', clientSecret: 's', azureTenantId: 't' },
      /Input 'azure-tenant-id': is set, but auth-type oauth-m2m does not use it/,
    ],
    [
      'a tenant without an auth type',
      { clientId: 'a', clientSecret: 's', azureTenantId: 't' },
      /Input 'auth-type': is empty, and client-id, client-secret, azure-tenant-id alone/,
    ],
    [
      'env-oidc without a token',
      { authType: 'env-oidc', clientId: 'a' },
      /Input 'oidc-token': is empty, but auth-type env-oidc needs it/,
    ],
    [
      'an ID token with pat',
      { token: 't', oidcToken: 'jwt' },
      /Input 'oidc-token': is set, but auth-type pat does not use it/,
    ],
  ])('refuses %s', (_, given, message) => {
    expect(() => resolveCredentials({ ...none, ...given })).toThrow(message);
  });

  test('no error message carries a secret value', () => {
    const secret = 'dapi-very-secret-value';
    const cases: Partial<CredentialInputs>[] = [
      { token: secret, clientSecret: secret },
      { authType: 'oauth-m2m', token: secret },
      { authType: 'pat', clientSecret: secret },
      { authType: 'nope', token: secret },
      { clientSecret: secret },
      { authType: 'github-oidc', clientId: 'a', oidcToken: secret },
      { authType: 'env-oidc', clientId: 'a', idTokenRequestToken: secret },
    ];
    for (const given of cases) {
      expect(() => resolveCredentials({ ...none, ...given })).toThrow();
      try {
        resolveCredentials({ ...none, ...given });
      } catch (error) {
        expect(String(error)).not.toContain(secret);
      }
    }
  });
});
