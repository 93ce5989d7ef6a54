import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { IntakeError, httpStatusOf } from './applications.errors';

@Catch(IntakeError)
export class IntakeErrorFilter implements ExceptionFilter {
  catch(error: IntakeError, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(httpStatusOf(error.code))
      .json({ code: error.code, message: error.message });
  }
}
