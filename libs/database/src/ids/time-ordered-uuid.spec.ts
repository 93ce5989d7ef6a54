import { isUUID } from 'class-validator';
import { timeOrderedUuid } from './time-ordered-uuid';

describe('timeOrderedUuid', () => {
  it('is a version 7 UUID every edge accepts, carrying the millisecond it was made', () => {
    const made = Date.UTC(2026, 11, 6, 8, 30, 0, 123);
    const id = timeOrderedUuid(made);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isUUID(id)).toBe(true);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(made);
  });

  it('sorts by the time it was made, as text and as PostgreSQL compares uuids (bytewise)', () => {
    const times = [
      Date.UTC(2026, 0, 1),
      Date.UTC(2026, 0, 1) + 1,
      Date.UTC(2026, 5, 1),
      Date.UTC(2027, 0, 1),
    ];
    const ids = times.map((time) => timeOrderedUuid(time));
    expect([...ids].sort()).toEqual(ids);
  });

  it('never repeats, even within one millisecond', () => {
    const now = Date.now();
    const ids = new Set(Array.from({ length: 10_000 }, () => timeOrderedUuid(now)));
    expect(ids.size).toBe(10_000);
  });
});
