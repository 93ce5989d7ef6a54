import { hashPassword, verifyPassword } from './password-hash';

describe('password hashing (scrypt with a salt per password)', () => {
  it('accepts the password and nothing else', async () => {
    const stored = await hashPassword('oneseal-demo');
    expect(stored).toMatch(/^scrypt:32768:8:1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('oneseal-demo');
    await expect(verifyPassword('oneseal-demo', stored)).resolves.toBe(true);
    await expect(verifyPassword('oneseal-Demo', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  it('salts: the same password never hashes the same twice', async () => {
    expect(await hashPassword('密码123')).not.toBe(await hashPassword('密码123'));
  });

  it('says false for a stored value it cannot read', async () => {
    for (const stored of ['', 'plain-text', 'bcrypt:$2b$10$abc', 'scrypt:x:8:1:c2FsdA==:aGFzaA==']) {
      await expect(verifyPassword('oneseal-demo', stored)).resolves.toBe(false);
    }
  });
});
