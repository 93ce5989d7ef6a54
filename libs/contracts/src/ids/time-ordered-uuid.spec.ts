import { isUUID } from 'class-validator';
import { timeOrderedUuidOf } from './time-ordered-uuid';

describe('timeOrderedUuidOf', () => {
  const random = '3b241101-e2bb-4255-8caf-4136c566a962';

  it('is a version 7 UUID every edge accepts, carrying the time it was made', () => {
    const made = Date.UTC(2026, 11, 6, 8, 30, 0, 123);
    const id = timeOrderedUuidOf(made, random);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isUUID(id)).toBe(true);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(made);
  });

  it('is the same for the same time and random bits (a replayed history makes the same ids)', () => {
    expect(timeOrderedUuidOf(1_796_000_000_000, random)).toBe(timeOrderedUuidOf(1_796_000_000_000, random));
    expect(timeOrderedUuidOf(1_796_000_000_000, random)).not.toBe(
      timeOrderedUuidOf(1_796_000_000_000, '9f1c0c4e-0b7a-4d6e-a3f1-2c5d8e9b7a61'),
    );
  });

  it('sorts by the time it was made', () => {
    const times = [Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1) + 1, Date.UTC(2027, 0, 1)];
    const ids = times.map((time) => timeOrderedUuidOf(time, random));
    expect([...ids].sort()).toEqual(ids);
  });
});
