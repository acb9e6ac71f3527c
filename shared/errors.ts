/**
 * Every `error` code the server sends in `{error, message}` (REST). The code
 * is stable and meant for programs: a client shows its own words for it, in
 * the reader's language; `message` is English detail for API clients and logs.
 * The server's HttpError only takes these, so a new code must be added here.
 */
export const ERROR_CODES = [
  // 400
  'invalid_request', // a field, parameter or request the schema refuses
  'invalid_json', // the body is not JSON
  'aborted', // the connection ended while the body was read
  // 401
  'unauthenticated', // no session or token for this agreement
  'not_signed_in', // no person session in this browser (server/auth/persons.ts)
  // 403
  'forbidden', // not a participant, or the policy refuses this action
  // 404
  'not_found', // no such agreement, participant, party, thread, comment or route
  // 409: the agreement's status does not allow it (the code is the status)
  'draft',
  'locked',
  'signed',
  // 409
  'not_ready', // lock refused: the failing checks are in the message
  'suggestions_open', // lock refused: suggestions are still open (accept or reject them first); their ids are in the message
  'not_locked', // a copy for review exists only while a version awaits signatures
  'not_signed', // the signed copy does not exist yet
  'already_signed', // this signer already signed, or someone did (unlock refused)
  'version_mismatch', // the version reviewed is not the one locked
  'signers_fixed', // who signs was fixed at lock
  'min_parties', // the template needs this many parties
  'party_has_participants', // the party still has participants: move or revoke them first
  'party_has_signed', // the party approved sections or signed a version
  'no_party', // the approver's party is no longer in the agreement
  'section_not_included', // an optional section (annex) the agreement leaves out cannot be approved
  'revoked', // the participant was revoked
  'deleted', // the comment was deleted
  'document_unreadable', // the stored document cannot be read
  'notice_given', // notice of termination was already given
  'ended', // the agreement has ended (its term ran out, or a notice took effect)
  'not_ended', // the record of the partnership is written once it has ended
  'renewal_decided', // the owner already chose to renew or let it expire
  'on_original', // notice, records and review meetings of an amended agreement are the original's
  'mail_not_configured', // e-mail is off (SMTP_URL, MAIL_FROM, PUBLIC_URL): copy a sign-in link instead
  // 410
  'sign_in_link_invalid', // a sign-in link that is unknown, used already or expired
  // 413
  'too_large', // the body is over the route's limit
  'docx_too_large', // a Word file over 10 MiB
  // 415
  'docx_invalid', // the upload is not a Word .docx file (another format, a damaged archive)
  // 422
  'docx_encrypted', // a password-protected Word file
  'docx_bomb', // an archive that unpacks to far more than a document
  // 429
  'rate_limited', // too many sign-in requests: try again later
  // 500
  'internal',
  // 503
  'unavailable', // the server cannot reach its database (PostgreSQL down): nothing was changed; try again shortly
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
