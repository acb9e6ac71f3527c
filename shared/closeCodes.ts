/**
 * Websocket close codes the sync server uses, and what they mean. Codes in
 * 4400–4499 tell the y-websocket client to stop reconnecting (the refusal is
 * final until something changes); others make it reconnect with backoff.
 * What each one tells the reader is `close.<code>` in the catalogue (shared/i18n).
 */
export const CloseCode = {
  /** Your role changed: reconnect to continue with the new rights. */
  RightsChanged: 4001,
  /** A frame that is not a valid y-websocket message, or an update Yjs rejects. */
  BadMessage: 4400,
  /** No valid session (issue: access). */
  Unauthenticated: 4401,
  /** Valid session, but not allowed on this agreement. */
  Forbidden: 4403,
  /** The owner revoked your access. */
  Revoked: 4410,
  /** No agreement with this id. */
  UnknownAgreement: 4404,
  /** An update that writes outside the document's schema (an unknown top-level name, the party list); nothing of it is stored. */
  OutsideSchema: 4406,
  /** An update that brings items under a Yjs client id bound to another participant (server/sync/authorship.ts); nothing of it is stored. */
  ClientIdTaken: 4409,
  /** One frame larger than `LIMITS.maxFrameBytes`. */
  FrameTooLarge: 4413,
  /** The document would grow past `LIMITS.maxDocumentBytes`. */
  DocumentTooLarge: 4414,
  /** The stored document could not be read; it is left untouched for an operator. */
  DocumentUnreadable: 4422,
  /** Messages faster than `LIMITS.maxMessagesPerSecond` once a burst of `LIMITS.messageBurst` is spent, or too much sent before the document loaded. */
  RateLimited: 4429,
  /**
   * The server could not store or read what it needed (the database is unreachable, or refused the
   * write), or failed opening the connection: nothing unstored was sent to anyone. Clients reconnect
   * and send their changes again.
   */
  ServerError: 1011,
  /** The server is shutting down; clients reconnect. */
  ServerRestart: 1012,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Limits the sync server enforces on every connection. */
export const LIMITS = {
  maxFrameBytes: 1024 * 1024,
  maxDocumentBytes: 8 * 1024 * 1024,
  /**
   * Messages per connection are metered by a token bucket (server/sync/rateLimit.ts):
   * `messageBurst` may arrive at once, then the bucket refills at `maxMessagesPerSecond`;
   * a message that finds it empty closes the socket with 4429. Fast typing sends about
   * 20 messages a second (an update and a caret awareness per key), key repeat about 60.
   */
  maxMessagesPerSecond: 200,
  /**
   * A socket that stayed open through a network outage sends every keystroke as it is
   * typed, and TCP delivers them all at once when the link is back. y-websocket drops a
   * socket that heard nothing for 30 s (checked every 3 s), so that is at most ~33 s of
   * key repeat: 33 × 60 ≈ 2000 messages. Some room above that. Any sender whose messages
   * are at most 60/s when made and delayed at most 33 s on the way is never refused: in any
   * span t it delivers at most 60 × (t + 33) ≤ messageBurst + maxMessagesPerSecond × t.
   */
  messageBurst: 2400,
  /**
   * A sync step 1 or an awareness query costs this many messages more: either is a
   * few bytes to send and makes the server encode the whole document or presence.
   * An honest client sends one per connection.
   */
  fullStateCost: 100,
  /** Bytes a connection may send before its document has loaded. */
  maxPendingBytes: 256 * 1024,
} as const;
