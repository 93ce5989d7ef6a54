import type { INestApplication } from '@nestjs/common';
import compression from 'compression';
import type { Request, Response } from 'express';

/**
 * The console's answers compressed (brotli or gzip) for browsers that accept them: a village agent or an applicant on
 * a phone loads the console's scripts (400 KB → 150 KB), PDF.js (1.7 MB → 0.37 MB) and lists of cases a third as
 * large or less.
 * An event stream (待办变动) is left as it is: compressing would hold its messages back until a buffer fills. (Nest
 * marks the ones it sends `no-transform`, which the middleware honours too; this holds for any other.)
 */
export function compressResponses(app: INestApplication): void {
  app.use(
    compression({
      filter: (request: Request, response: Response) =>
        !String(response.getHeader('content-type') ?? '').startsWith('text/event-stream') &&
        compression.filter(request, response),
    }),
  );
}
