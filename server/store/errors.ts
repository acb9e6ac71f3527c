/**
 * The database could not be reached (PostgreSQL down, the connection lost,
 * no answer in time): nothing of the statement was stored. The sync server
 * closes with 1011 (clients keep their changes and resend them), REST answers
 * 503 `unavailable`; both are worth trying again shortly.
 */
export class StorageUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageUnavailableError';
  }
}
