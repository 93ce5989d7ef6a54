import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { canActOnTask, canSeeTask, type AuthUser } from '@oneseal/auth';
import { ChannelListener } from '@oneseal/database';
import { Observable } from 'rxjs';
import { ADMINISTRATIVE_LEVELS, type AdministrativeLevel } from '@oneseal/contracts';
import { locationOf, type LocatedTask } from './tasks-in-scope';

export const INBOX_CHANGES_DATABASE_URL = Symbol('INBOX_CHANGES_DATABASE_URL');

/** What the trigger of migration AnnounceInboxChanges announces of a task whose open state changed. */
export interface InboxChange {
  taskId: string;
  caseId: string;
  stepName: string;
  status: string;
  location: LocatedTask;
}

/**
 * What a person's stream is told: a task their view covers changed, everyone should look again (announcements may
 * have been missed), or the replica is shutting down (the browser reconnects, to another replica if need be).
 */
export type InboxSignal =
  | { kind: 'task'; change: InboxChange }
  | { kind: 'look-again' }
  | { kind: 'closing' };

/** Where a stream hears the signals from (InboxChanges; a stand-in in unit tests). */
export interface InboxSignals {
  /** Calls `watcher` with every signal until the returned function is called. */
  watch(watcher: (signal: InboxSignal) => void): () => void;
}

const text = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** The announcement as the trigger builds it, or undefined when it is not one (logged, never passed on). */
export function parseInboxChange(payload: string): InboxChange | undefined {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(payload) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const { taskId, caseId, county, town, level, unitCode, stepName, status } = raw;
  if (![taskId, caseId, county, town, unitCode, stepName, status].every(text)) return undefined;
  if (!(ADMINISTRATIVE_LEVELS as readonly unknown[]).includes(level)) return undefined;
  return {
    taskId: taskId as string,
    caseId: caseId as string,
    stepName: stepName as string,
    status: status as string,
    location: locationOf({
      county: county as string,
      town: town as string,
      level: level as AdministrativeLevel,
      unitCode: unitCode as string,
      stepName: stepName as string,
    }),
  };
}

/**
 * Whether a change belongs in what the person watches: 'mine' — a task their role and unit may take (as 我的待办
 * lists them); 'unit' — any task their scope shows. The inbox read the browser makes next applies the scope in full.
 */
export function concerns(user: AuthUser, view: 'mine' | 'unit', change: InboxChange): boolean {
  return view === 'mine' ? canActOnTask(user, change.location) : canSeeTask(user, change.location);
}

/**
 * The changes to open tasks, as PostgreSQL announces them to this replica (every replica hears every change, so a
 * person's stream may be served by any of them). One connection listens for all the streams of the replica.
 */
@Injectable()
export class InboxChanges implements InboxSignals, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(InboxChanges.name);
  private readonly watchers = new Set<(signal: InboxSignal) => void>();
  private readonly listener: ChannelListener;
  private closing = false;

  constructor(@Inject(INBOX_CHANGES_DATABASE_URL) databaseUrl: string) {
    this.listener = new ChannelListener({
      databaseUrl,
      channel: 'approval_inbox',
      onNotification: (payload) => {
        const change = parseInboxChange(payload);
        if (change) this.tell({ kind: 'task', change });
        else
          this.logger.warn(
            `an approval_inbox announcement that is not a task change: ${payload.slice(0, 200)}`,
          );
      },
      onListeningAgain: () => this.tell({ kind: 'look-again' }),
      logger: this.logger,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.listener.start();
  }

  /**
   * Before the HTTP server closes (Nest calls this first): every open stream ends, or the server would wait for
   * streams that last ten minutes, and they would go on looking alive with nobody listening for them.
   */
  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    this.tell({ kind: 'closing' });
    await this.listener.stop();
  }

  watch(watcher: (signal: InboxSignal) => void): () => void {
    // A stream opened while the replica shuts down ends at once: the browser goes to another replica, or waits.
    if (this.closing) {
      watcher({ kind: 'closing' });
      return () => undefined;
    }
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  private tell(signal: InboxSignal): void {
    for (const watcher of this.watchers) watcher(signal);
  }
}

/** How often an idle stream says it is alive, so proxies between the browser and the service keep it open. */
export const HEARTBEAT_MS = 20_000;
/** The longest a stream lasts; the browser then opens a new one, and the guard checks the person again. */
export const STREAM_LIFETIME_MS = 10 * 60_000;

/** One event of a person's stream (Nest writes it as a server-sent event). */
export interface InboxStreamEvent {
  type: 'ready' | 'task' | 'look-again' | 'ping';
  data: Record<string, string>;
}

/** The login behind a stream, as the guard admitted it: when its token expires, and whether its session still holds. */
export interface StreamLogin {
  user: AuthUser;
  /** Milliseconds since the epoch (the token's exp). */
  expiresAt: number;
  /** Whether the person was not stopped, re-roled or reset since (checked at each heartbeat). */
  stillCurrent(): Promise<boolean>;
}

/**
 * A person's stream of inbox changes: `ready` once listening (look at the inbox now: anything before it is not
 * announced), `task` for each change of a task they would see, `look-again` after announcements may have been
 * missed, `ping` to keep it open. It names the task and its step only: what the task holds comes from the inbox read.
 * It ends when the token expires, when a heartbeat finds the session ended (or cannot ask), after
 * STREAM_LIFETIME_MS, and when the replica shuts down — a person stopped or re-roled hears nothing more within a
 * heartbeat, as the guard refuses their requests within seconds.
 */
export function inboxStream(
  signals: InboxSignals,
  login: StreamLogin,
  view: 'mine' | 'unit',
): Observable<InboxStreamEvent> {
  return new Observable<InboxStreamEvent>((subscriber) => {
    const stop = signals.watch((signal) => {
      if (signal.kind === 'closing') subscriber.complete();
      else if (signal.kind === 'look-again') subscriber.next({ type: 'look-again', data: {} });
      else if (concerns(login.user, view, signal.change)) {
        const { taskId, caseId, stepName, status } = signal.change;
        subscriber.next({ type: 'task', data: { taskId, caseId, stepName, status } });
      }
    });
    subscriber.next({ type: 'ready', data: {} });
    const heartbeat = setInterval(() => {
      login.stillCurrent().then(
        (current) => (current ? subscriber.next({ type: 'ping', data: {} }) : subscriber.complete()),
        () => subscriber.complete(),
      );
    }, HEARTBEAT_MS);
    const end = setTimeout(
      () => subscriber.complete(),
      Math.max(0, Math.min(STREAM_LIFETIME_MS, login.expiresAt - Date.now())),
    );
    return () => {
      stop();
      clearInterval(heartbeat);
      clearTimeout(end);
    };
  });
}
