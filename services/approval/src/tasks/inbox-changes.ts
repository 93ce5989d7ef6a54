import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { canActOnTask, canSeeTask, type AuthUser } from '@oneseal/auth';
import { ChannelListener } from '@oneseal/database';
import { Observable } from 'rxjs';
import { ADMINISTRATIVE_LEVELS, type AdministrativeLevel } from '@oneseal/contracts';
import { villageOfStation } from '@oneseal/domain';
import type { LocatedTask } from './tasks-in-scope';

export const INBOX_CHANGES_DATABASE_URL = Symbol('INBOX_CHANGES_DATABASE_URL');

/** What the trigger of migration AnnounceInboxChanges announces of a task whose open state changed. */
export interface InboxChange {
  taskId: string;
  caseId: string;
  stepName: string;
  status: string;
  location: LocatedTask;
}

/** What a person's stream is told: a task their view covers changed, or everyone should look again. */
export type InboxSignal = { kind: 'task'; change: InboxChange } | { kind: 'look-again' };

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
  const unit = unitCode as string;
  return {
    taskId: taskId as string,
    caseId: caseId as string,
    stepName: stepName as string,
    status: status as string,
    location: {
      county: county as string,
      town: town as string,
      level: level as AdministrativeLevel,
      unitCode: unit,
      villageCode: level === 'village' ? (villageOfStation(unit) ?? null) : null,
      stepName: stepName as string,
    },
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
export class InboxChanges implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(InboxChanges.name);
  private readonly watchers = new Set<(signal: InboxSignal) => void>();
  private readonly listener: ChannelListener;

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

  async onModuleDestroy(): Promise<void> {
    await this.listener.stop();
  }

  /** Calls `watcher` with every signal until the returned function is called. */
  watch(watcher: (signal: InboxSignal) => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  private tell(signal: InboxSignal): void {
    for (const watcher of this.watchers) watcher(signal);
  }
}

/** How often an idle stream says it is alive, so proxies between the browser and the service keep it open. */
export const HEARTBEAT_MS = 20_000;
/**
 * A stream ends after this long and the browser opens a new one: each opening checks the person's token again, so a
 * person stopped or given other roles stops hearing of tasks within this time.
 */
export const STREAM_LIFETIME_MS = 10 * 60_000;

/** One event of a person's stream (Nest writes it as a server-sent event). */
export interface InboxStreamEvent {
  type: 'ready' | 'task' | 'look-again' | 'ping';
  data: Record<string, string>;
}

/**
 * A person's stream of inbox changes: `ready` once listening (look at the inbox now: anything before it is not
 * announced), `task` for each change of a task they would see, `look-again` after announcements may have been
 * missed, `ping` to keep it open. It names the task and its step only: what the task holds comes from the inbox read.
 */
export function inboxStream(
  changes: InboxChanges,
  user: AuthUser,
  view: 'mine' | 'unit',
): Observable<InboxStreamEvent> {
  return new Observable<InboxStreamEvent>((subscriber) => {
    const stop = changes.watch((signal) => {
      if (signal.kind === 'look-again') subscriber.next({ type: 'look-again', data: {} });
      else if (concerns(user, view, signal.change)) {
        const { taskId, caseId, stepName, status } = signal.change;
        subscriber.next({ type: 'task', data: { taskId, caseId, stepName, status } });
      }
    });
    subscriber.next({ type: 'ready', data: {} });
    const heartbeat = setInterval(() => subscriber.next({ type: 'ping', data: {} }), HEARTBEAT_MS);
    const end = setTimeout(() => subscriber.complete(), STREAM_LIFETIME_MS);
    return () => {
      stop();
      clearInterval(heartbeat);
      clearTimeout(end);
    };
  });
}
