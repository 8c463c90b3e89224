import { describe, expect, test } from '@jest/globals';

import { type CredentialInputs, resolveCredentials } from '../src/credentials.js';

const none: CredentialInputs = { authType: '', token: '', clientId: '', clientSecret: '' };

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
  ])('%s', (_, given, expected) => {
    expect(resolveCredentials({ ...none, ...given })).toEqual(expected);
  });

  test.each<[string, Partial<CredentialInputs>, RegExp]>([
    ['no credentials at all', {}, /Input 'token': no credentials are set/],
    [
      'two kinds at once',
      { token: 't', clientId: 'i', clientSecret: 's' },
      /two kinds of credential/,
    ],
    ['token with a lone client id', { token: 't', clientId: 'i' }, /two kinds of credential/],
    ['client id without secret', { clientId: 'i' }, /Input 'client-secret': is empty/],
    ['client secret without id', { clientSecret: 's' }, /Input 'client-id': is empty/],
    ['pat without token', { authType: 'pat' }, /Input 'token': is empty, but auth-type is "pat"/],
    [
      'pat with client credentials',
      { authType: 'pat', clientId: 'i', clientSecret: 's' },
      /Input 'auth-type': is "pat", but client-id or client-secret is set/,
    ],
    [
      'oauth-m2m with a token',
      { authType: 'oauth-m2m', token: 't' },
      /Input 'auth-type': is "oauth-m2m", but token is set/,
    ],
    ['an unknown auth type', { authType: 'basic', token: 't' }, /"basic" is not supported/],
    ['a later auth type', { authType: 'github-oidc' }, /Use one of: pat, oauth-m2m/],
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
