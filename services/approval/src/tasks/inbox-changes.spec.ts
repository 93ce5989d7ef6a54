import type { AuthUser } from '@oneseal/auth';
import {
  concerns,
  InboxChanges,
  HEARTBEAT_MS,
  inboxStream,
  parseInboxChange,
  STREAM_LIFETIME_MS,
  type InboxChange,
  type InboxSignal,
  type InboxSignals,
  type InboxStreamEvent,
} from './inbox-changes';

const NANCUN = { county: '140525', town: '140525100' };
const window: AuthUser = { id: 'w', name: '窗口', roles: ['town-window'], ...NANCUN };
const reviewer: AuthUser = { id: 'r', name: '审核员', roles: ['town-reviewer'], ...NANCUN };
const agent: AuthUser = {
  id: 'a',
  name: '代办员',
  roles: ['village-agent'],
  ...NANCUN,
  village: '140525100201',
};
const civilAffairs: AuthUser = {
  id: 'mz',
  name: '民政局',
  roles: ['county-officer'],
  county: '140525',
  unitCode: '140525-mz',
};

const announced = (fields: Record<string, string>) =>
  parseInboxChange(
    JSON.stringify({
      taskId: 't-1',
      caseId: 'c-1',
      county: '140525',
      town: '140525100',
      level: 'town',
      unitCode: '140525100-window',
      stepName: '受理',
      status: 'open',
      ...fields,
    }),
  ) as InboxChange;

describe('which announced changes concern a person', () => {
  it('reads the trigger’s announcement, and refuses what is not one', () => {
    expect(announced({}).location).toMatchObject({ town: '140525100', level: 'town', villageCode: null });
    expect(announced({ level: 'village', unitCode: '140525100201-station' }).location.villageCode).toBe(
      '140525100201',
    );
    expect(parseInboxChange('not json')).toBeUndefined();
    expect(parseInboxChange(JSON.stringify({ taskId: 't' }))).toBeUndefined();
    expect(parseInboxChange(JSON.stringify({ ...announced({}), level: 'province' }))).toBeUndefined();
  });

  it('tells each person of the tasks their role and unit take, and a town’s view of the whole town', () => {
    const acceptance = announced({});
    const review = announced({ stepName: '审核', unitCode: '140525100-review' });
    const station = announced({ level: 'village', unitCode: '140525100201-station', stepName: '代办' });
    const otherStation = announced({ level: 'village', unitCode: '140525100202-station', stepName: '代办' });
    const bureau = announced({ level: 'county', unitCode: '140525-mz', stepName: '决定' });
    expect(concerns(window, 'mine', acceptance)).toBe(true);
    expect(concerns(window, 'mine', review)).toBe(false);
    expect(concerns(window, 'unit', review)).toBe(true);
    expect(concerns(reviewer, 'mine', review)).toBe(true);
    expect(concerns(agent, 'mine', station)).toBe(true);
    expect(concerns(agent, 'mine', otherStation)).toBe(false);
    expect(concerns(civilAffairs, 'mine', bureau)).toBe(true);
    expect(concerns(civilAffairs, 'mine', acceptance)).toBe(false);
  });
});

describe('the replica’s changes while it shuts down', () => {
  it('ends every open stream, and one opened after at once', async () => {
    // Never started: no database needed to shut it down.
    const changes = new InboxChanges('postgres://nobody@127.0.0.1:1/none');
    const ended: string[] = [];
    const login = { user: window, expiresAt: Date.now() + 60_000, stillCurrent: async () => true };
    inboxStream(changes, login, 'mine').subscribe({ complete: () => ended.push('open before') });
    await changes.onModuleDestroy();
    inboxStream(changes, login, 'mine').subscribe({ complete: () => ended.push('opened after') });
    expect(ended).toEqual(['open before', 'opened after']);
  });
});

describe('a person’s stream', () => {
  class Signals implements InboxSignals {
    readonly watchers = new Set<(signal: InboxSignal) => void>();
    watch(watcher: (signal: InboxSignal) => void) {
      this.watchers.add(watcher);
      return () => this.watchers.delete(watcher);
    }
    tell(signal: InboxSignal) {
      for (const watcher of this.watchers) watcher(signal);
    }
  }

  let signals: Signals;
  let events: InboxStreamEvent[];
  let completed: boolean;
  let current: boolean | 'cannot-ask';

  const open = (expiresInMs = 3_600_000) =>
    inboxStream(
      signals,
      {
        user: window,
        expiresAt: Date.now() + expiresInMs,
        stillCurrent: () =>
          current === 'cannot-ask' ? Promise.reject(new Error('identity down')) : Promise.resolve(current),
      },
      'mine',
    ).subscribe({ next: (event) => events.push(event), complete: () => (completed = true) });

  beforeEach(() => {
    jest.useFakeTimers();
    signals = new Signals();
    events = [];
    completed = false;
    current = true;
  });

  afterEach(() => jest.useRealTimers());

  it('says ready, passes on what concerns the person, asks everyone to look again, and keeps alive', async () => {
    const subscription = open();
    signals.tell({ kind: 'task', change: announced({}) });
    signals.tell({ kind: 'task', change: announced({ stepName: '审核', unitCode: '140525100-review' }) });
    signals.tell({ kind: 'look-again' });
    await jest.advanceTimersByTimeAsync(HEARTBEAT_MS);
    expect(events.map((event) => event.type)).toEqual(['ready', 'task', 'look-again', 'ping']);
    expect(events[1].data).toEqual({ taskId: 't-1', caseId: 'c-1', stepName: '受理', status: 'open' });
    subscription.unsubscribe();
    expect(signals.watchers.size).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('ends when a heartbeat finds the session ended, or cannot ask', async () => {
    open();
    current = false;
    await jest.advanceTimersByTimeAsync(HEARTBEAT_MS);
    expect(completed).toBe(true);
    expect(events.map((event) => event.type)).toEqual(['ready']);
    expect(signals.watchers.size).toBe(0);

    completed = false;
    current = 'cannot-ask';
    open();
    await jest.advanceTimersByTimeAsync(HEARTBEAT_MS);
    expect(completed).toBe(true);
  });

  it('ends when the token expires, at the latest after its lifetime, and when the replica shuts down', async () => {
    open(90_000);
    await jest.advanceTimersByTimeAsync(89_000);
    expect(completed).toBe(false);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(completed).toBe(true);

    completed = false;
    open();
    await jest.advanceTimersByTimeAsync(STREAM_LIFETIME_MS);
    expect(completed).toBe(true);

    completed = false;
    open();
    signals.tell({ kind: 'closing' });
    expect(completed).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });
});
