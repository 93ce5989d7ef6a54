import { availableParallelism } from 'node:os';
import { quotaCores, usableCores } from './cpu-limit';

describe('the cores the audit service may use', () => {
  it('reads a container’s CPU quota as cores, and no quota as none', () => {
    expect(quotaCores('100000 100000\n')).toBe(1);
    expect(quotaCores('150000 100000')).toBe(1.5);
    expect(quotaCores('max 100000')).toBeUndefined();
    expect(quotaCores(undefined)).toBeUndefined();
    expect(quotaCores('')).toBeUndefined();
  });

  it('takes the quota when it is below the machine’s cores, rounded up, and never less than one', () => {
    expect(usableCores(() => '100000 100000')).toBe(1);
    expect(usableCores(() => '50000 100000')).toBe(1);
    expect(usableCores(() => `${availableParallelism() * 200000} 100000`)).toBe(availableParallelism());
    expect(usableCores(() => 'max 100000')).toBe(availableParallelism());
  });
});
