// The reference for the token benchmark (scripts/bench-reference.sh): panva's oidc-provider,
// the engine Logto runs on, issuing ES256 JWT access tokens by client_credentials with its
// in-memory adapter: no database at all. One Node.js process, as Logto runs it.
import Provider from 'oidc-provider';
import { exportJWK, generateKeyPair } from 'jose';

const port = Number(process.env.PORT ?? 3998);
const audience = 'urn:logto:organization:reference';
const { privateKey } = await generateKeyPair('ES256', { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), alg: 'ES256', use: 'sig', kid: 'reference' };

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: 'reference',
      client_secret: 'reference-secret-0123456789abcdef',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'ES256',
    },
  ],
  jwks: { keys: [jwk] },
  ttl: { ClientCredentials: 3600 },
  features: {
    clientCredentials: { enabled: true },
    devInteractions: { enabled: false },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => audience,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: 'read:docs write:docs',
        audience,
        accessTokenTTL: 3600,
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: 'ES256' } },
      }),
    },
  },
});

provider.listen(port, '127.0.0.1', () => {
  console.log(`oidc-provider ready on ${port}`);
});
