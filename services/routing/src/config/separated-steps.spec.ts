import { loadRoutingEnv } from './routing.env';
import { parseSeparatedSteps } from './separated-steps';

describe('SEPARATED_STEPS: the pairs of steps a county keeps apart', () => {
  it('reads pairs of steps, and nothing from an empty setting', () => {
    expect(parseSeparatedSteps('受理:审核, 审核:复核')).toEqual([
      ['受理', '审核'],
      ['审核', '复核'],
    ]);
    expect(parseSeparatedSteps(undefined)).toEqual([]);
    expect(parseSeparatedSteps(' ')).toEqual([]);
  });

  it('names a pair it cannot read, and routing refuses to start with it', () => {
    expect(() => parseSeparatedSteps('受理:盖章')).toThrow('"受理:盖章" is not two different steps');
    expect(() => parseSeparatedSteps('审核:审核')).toThrow('"审核:审核"');
    expect(() => parseSeparatedSteps('用印:决定')).toThrow('"用印:决定"');
    expect(() =>
      loadRoutingEnv({
        DATABASE_URL: 'postgres://u@127.0.0.1:5432/d',
        KAFKA_BROKERS: '127.0.0.1:9092',
        HTTP_PORT: '3102',
        AUTH_PUBLIC_KEY_FILE: __filename,
        AUTH_SESSION_URL: 'http://127.0.0.1:3107',
        INTAKE_URL: 'http://127.0.0.1:3101',
        SEAL_URL: 'http://127.0.0.1:3104',
        APPLICANT_LOOKUP_KEY: 'ab'.repeat(32),
        SEPARATED_STEPS: '受理-审核',
      }),
    ).toThrow(/SEPARATED_STEPS must list pairs of steps/);
  });
});
