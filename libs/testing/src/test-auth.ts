import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueToken, publicKeyPem, verifyToken, type AuthUser } from '@oneseal/auth';

/** A signing key of the test process's own, as the identity service would have, and tokens signed with it. */
export interface TestAuth {
  publicKey: KeyObject;
  /** For a service's AUTH_PUBLIC_KEY_FILE. */
  publicKeyFile: string;
  /** The Authorization header value for the person. */
  bearer(user: AuthUser): string;
  /**
   * For a service's AUTH_SESSION_URL: answers `GET /auth/session` as identity does for these tokens (204 while
   * the person's session has not been ended with `endSession`, 401 after), on a port of its own.
   */
  sessionUrl(): Promise<string>;
  endSession(userId: string): void;
}

let auth: TestAuth | undefined;

export function testAuth(): TestAuth {
  if (auth) return auth;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicKeyFile = join(mkdtempSync(join(tmpdir(), 'oneseal-test-auth-')), 'token-public.pem');
  writeFileSync(publicKeyFile, publicKeyPem(privateKey));
  const ended = new Set<string>();
  let listening: Promise<string> | undefined;
  auth = {
    publicKey,
    publicKeyFile,
    bearer: (user) => `Bearer ${issueToken(user, privateKey).token}`,
    endSession: (userId) => void ended.add(userId),
    sessionUrl: () =>
      (listening ??= new Promise<string>((resolve) => {
        const server = createServer((request, response) => {
          const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
          let current = false;
          try {
            current =
              !!token && request.url === '/auth/session' && !ended.has(verifyToken(token, publicKey).id);
          } catch {
            current = false;
          }
          // Closed after each answer: a kept-alive connection would hold a test worker open after its suite.
          response.writeHead(current ? 204 : 401, { connection: 'close' }).end();
        });
        // Never keeps a test process alive on its own.
        server.unref();
        server.listen(0, '127.0.0.1', () => {
          const address = server.address() as { port: number };
          resolve(`http://127.0.0.1:${address.port}`);
        });
      })),
  };
  return auth;
}

/** People of 泽州县南村镇 (140525100), the town the tests file in, and of its neighbour 140525101. */
export const TEST_PEOPLE: Record<'nancunWindow' | 'neighbourWindow' | 'zezhouSupervisor', AuthUser> = {
  nancunWindow: {
    id: '00000000-0000-4000-8000-000000000101',
    name: '南村镇受理窗口（测试）',
    roles: ['town-window'],
    county: '140525',
    town: '140525100',
  },
  neighbourWindow: {
    id: '00000000-0000-4000-8000-000000000102',
    name: '邻镇受理窗口（测试）',
    roles: ['town-window'],
    county: '140525',
    town: '140525101',
  },
  zezhouSupervisor: {
    id: '00000000-0000-4000-8000-000000000103',
    name: '泽州县电子监察（测试）',
    roles: ['supervisor'],
    county: '140525',
  },
};
