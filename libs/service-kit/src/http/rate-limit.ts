import {
  Module,
  SetMetadata,
  type CallHandler,
  type CanActivate,
  type DynamicModule,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, Reflector } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { CodedError } from '@oneseal/errors';
import type { Request } from 'express';
import { catchError, from, map, mergeMap, of, throwError, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import { RequestError, RequestErrorCode } from './request-errors';

/**
 * At most `max` requests from one address within `windowSeconds` on one public route (`name`). With `counts:
 * 'refusals'` only requests the route refused count (a wrong 查询码, an unknown verification code): someone checking
 * their own case as often as they like is never held up, someone guessing codes soon is.
 */
export interface RateLimitRule {
  name: string;
  max: number;
  windowSeconds: number;
  counts?: 'all' | 'refusals';
  /** An answer that is a refusal in all but status (a verification of a code nobody issued): counted too. */
  refusedAnswer?: (answer: unknown) => boolean;
}

const RATE_LIMIT = 'oneseal:rate-limit';

/** Marks a public route as rate-limited per address; counted in the service's database, shared by every instance. */
export const RateLimit = (rule: RateLimitRule): MethodDecorator => SetMetadata(RATE_LIMIT, rule);

/** Expired counts are cleared now and then by the requests themselves (about one in a hundred). */
const CLEAN_UP_EVERY = 100;

class RateLimitCounter {
  private calls = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  ruleOf(reflector: Reflector, context: ExecutionContext): RateLimitRule | undefined {
    if (context.getType() !== 'http') return undefined;
    return reflector.get<RateLimitRule | undefined>(RATE_LIMIT, context.getHandler());
  }

  keyOf(rule: RateLimitRule, context: ExecutionContext): string {
    return `${rule.name}:${context.switchToHttp().getRequest<Request>().ip ?? 'unknown'}`;
  }

  /** Adds one to the key's window (a new window when the last one ended); the hits so far and the time left. */
  async hit(key: string, windowSeconds: number): Promise<{ hits: number; secondsLeft: number }> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO "${this.schema}".rate_limits AS r (key, hits, window_ends)
       VALUES ($1, 1, now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.window_ends <= now() THEN 1 ELSE r.hits + 1 END,
         window_ends = CASE WHEN r.window_ends <= now() THEN now() + make_interval(secs => $2) ELSE r.window_ends END
       RETURNING hits, extract(epoch FROM r.window_ends - now())::float AS "secondsLeft"`,
      [key, windowSeconds],
    )) as { hits: number; secondsLeft: number }[];
    if ((this.calls = (this.calls + 1) % CLEAN_UP_EVERY) === 0) {
      await this.dataSource.query(
        `DELETE FROM "${this.schema}".rate_limits WHERE window_ends < now() - interval '1 hour'`,
      );
    }
    return row;
  }

  /** The key's count in its current window, without adding to it. */
  async current(key: string): Promise<{ hits: number; secondsLeft: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT hits, extract(epoch FROM window_ends - now())::float AS "secondsLeft"
         FROM "${this.schema}".rate_limits WHERE key = $1 AND window_ends > now()`,
      [key],
    )) as { hits: number; secondsLeft: number }[];
    return row ?? { hits: 0, secondsLeft: 0 };
  }
}

function limited(rule: RateLimitRule, secondsLeft: number): RequestError {
  const refused = new RequestError(RequestErrorCode.RATE_LIMITED, {
    limit: rule.max,
    windowSeconds: rule.windowSeconds,
  });
  refused.retryAfterSeconds = Math.max(1, secondsLeft);
  return refused;
}

/** Before the handler: a counted request is counted; an address over its limit is refused (429, Retry-After). */
class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly counter: RateLimitCounter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.counter.ruleOf(this.reflector, context);
    if (!rule) return true;
    const key = this.counter.keyOf(rule, context);
    const { hits, secondsLeft } =
      rule.counts === 'refusals'
        ? await this.counter.current(key)
        : await this.counter.hit(key, rule.windowSeconds);
    const over = rule.counts === 'refusals' ? hits >= rule.max : hits > rule.max;
    if (over) throw limited(rule, secondsLeft);
    return true;
  }
}

/** After the handler: a refusal (a 4xx answer) of a route that counts refusals is counted. */
class RefusalCounter implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly counter: RateLimitCounter,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rule = this.counter.ruleOf(this.reflector, context);
    if (rule?.counts !== 'refusals') return next.handle();
    const key = this.counter.keyOf(rule, context);
    return next.handle().pipe(
      mergeMap((answer: unknown) =>
        rule.refusedAnswer?.(answer)
          ? from(this.counter.hit(key, rule.windowSeconds)).pipe(map(() => answer))
          : of(answer),
      ),
      catchError((error: unknown) => {
        const refusal = error instanceof CodedError && error.httpStatus >= 400 && error.httpStatus < 500;
        if (!refusal) return throwError(() => error);
        return from(this.counter.hit(key, rule.windowSeconds)).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }
}

/** Installs the rate limits of a service's @RateLimit routes, counting in its own schema. */
@Module({})
export class RateLimitModule {
  static forSchema(schema: string): DynamicModule {
    const counter = {
      provide: RateLimitCounter,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => new RateLimitCounter(dataSource, schema),
    };
    return {
      module: RateLimitModule,
      providers: [
        counter,
        {
          provide: APP_GUARD,
          inject: [Reflector, RateLimitCounter],
          useFactory: (reflector: Reflector, limits: RateLimitCounter) =>
            new RateLimitGuard(reflector, limits),
        },
        {
          provide: APP_INTERCEPTOR,
          inject: [Reflector, RateLimitCounter],
          useFactory: (reflector: Reflector, limits: RateLimitCounter) =>
            new RefusalCounter(reflector, limits),
        },
      ],
    };
  }
}
