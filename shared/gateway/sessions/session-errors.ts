import { AppError, NotFoundError } from '../../errors';

/** Another request holds the opening lease for longer than it should. */
export class SessionBusyError extends AppError {
  constructor() {
    super(
      503,
      'session_busy',
      'A model session for this API key is still being opened; retry shortly',
      true,
      {
        openaiType: 'api_error',
        headers: { 'Retry-After': '1' },
      },
    );
  }
}

export const noActiveSession = () =>
  new NotFoundError('No active session found for API key', 'session_not_found', {
    openaiType: 'session_not_found',
  });
