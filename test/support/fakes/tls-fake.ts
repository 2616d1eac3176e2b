import https from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * A throwaway self-signed certificate for `api.example.test` (test-only key, valid for
 * a century), so TLS can be exercised on loopback: which SNI name arrives, and that an
 * untrusted certificate is refused.
 */
export const TEST_TLS_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgg+SbVlxKC+EoaPEE
WwiGX17OwlUh2BLj/BG/VylThtWhRANCAAQTjq/gh/+/T6rRhBjc+etiThGcARc8
yhisWR8rfgo/OA3+GOpyCHyk+CWzfFqMvrZy+Hx5pEH21MEqvlUNTtpB
-----END PRIVATE KEY-----
`;

export const TEST_TLS_CERT = `-----BEGIN CERTIFICATE-----
MIIBqjCCAVCgAwIBAgIUHiFH9DOVSyMpB6KQSBe4sV5NeTAwCgYIKoZIzj0EAwIw
GzEZMBcGA1UEAwwQYXBpLmV4YW1wbGUudGVzdDAgFw0yNjExMjMwOTI3MTRaGA8y
MTI2MTAzMDA5MjcxNFowGzEZMBcGA1UEAwwQYXBpLmV4YW1wbGUudGVzdDBZMBMG
ByqGSM49AgEGCCqGSM49AwEHA0IABBOOr+CH/79PqtGEGNz562JOEZwBFzzKGKxZ
Hyt+Cj84Df4Y6nIIfKT4JbN8Woy+tnL4fHmkQfbUwSq+VQ1O2kGjcDBuMB0GA1Ud
DgQWBBQyRsNilGpHm81Km77tGaURHQohmTAfBgNVHSMEGDAWgBQyRsNilGpHm81K
m77tGaURHQohmTAPBgNVHRMBAf8EBTADAQH/MBsGA1UdEQQUMBKCEGFwaS5leGFt
cGxlLnRlc3QwCgYIKoZIzj0EAwIDSAAwRQIgRL/bxpjzWufSnDxQzcFiJvuU5qh/
WqizsaUkZhyx4HQCIQCPU/tPll4ijYPTluPH0j9VmBLzMYiIN8q7bM8LEfYaPg==
-----END CERTIFICATE-----
`;

export interface TlsFake {
  url: string;
  port: number;
  /** The SNI server names clients asked for. */
  serverNames: string[];
  close(): Promise<void>;
}

export async function startTlsFake(): Promise<TlsFake> {
  const serverNames: string[] = [];
  const server = https.createServer(
    {
      key: TEST_TLS_KEY,
      cert: TEST_TLS_CERT,
      SNICallback: (name, callback) => {
        serverNames.push(name);
        callback(null);
      },
    },
    (_req, res) => res.end('secure'),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    serverNames,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
