import { InvalidEnvironmentError } from '@oneseal/service-kit';
import { loadConsoleEnv, parseUpstreams, UPSTREAM_SERVICES } from './console.env';

const all = UPSTREAM_SERVICES.map((name, i) => `${name}=http://127.0.0.1:${3101 + i}`).join(',');

describe('console environment', () => {
  it('reads the upstream of every service, trailing slashes dropped, and a service’s replicas', () => {
    const env = loadConsoleEnv({ HTTP_PORT: '3100', CONSOLE_UPSTREAMS: `${all},` });
    expect(env.CONSOLE_UPSTREAMS.intake).toEqual(['http://127.0.0.1:3101']);
    expect(env.CONSOLE_UPSTREAMS.identity).toEqual(['http://127.0.0.1:3107']);
    expect(parseUpstreams('audit=http://a:1/')).toEqual({ audit: ['http://a:1'] });
    const replicated = loadConsoleEnv({
      HTTP_PORT: '3100',
      CONSOLE_UPSTREAMS: all.replace(
        'intake=http://127.0.0.1:3101',
        'intake=http://127.0.0.1:3101|http://127.0.0.1:4101/',
      ),
    });
    expect(replicated.CONSOLE_UPSTREAMS.intake).toEqual(['http://127.0.0.1:3101', 'http://127.0.0.1:4101']);
  });

  it('refuses a missing service, an unknown one or a malformed URL, naming the variable', () => {
    for (const bad of [
      all.replace(/,identity=[^,]+/, ''),
      `${all},payroll=http://127.0.0.1:9`,
      all.replace('http://127.0.0.1:3101', 'ftp://x'),
      all.replace('http://127.0.0.1:3101', 'http://127.0.0.1:3101|ftp://x'),
      'intake',
    ]) {
      expect(() => loadConsoleEnv({ HTTP_PORT: '3100', CONSOLE_UPSTREAMS: bad })).toThrow(
        expect.objectContaining({
          constructor: InvalidEnvironmentError,
          message: expect.stringContaining(
            'CONSOLE_UPSTREAMS: CONSOLE_UPSTREAMS must name the base URL of each of',
          ),
        }),
      );
    }
  });
});
