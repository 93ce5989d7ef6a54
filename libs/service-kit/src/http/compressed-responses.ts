import type { INestApplication } from '@nestjs/common';
import compression from 'compression';
import type { Request, Response } from 'express';

/**
 * The console's answers gzip-compressed for browsers that accept it: a village agent or an applicant on a phone loads
 * the console's scripts (400 KB → 150 KB) and PDF.js (1.7 MB → 0.5 MB) a third as large, and lists of cases likewise.
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
