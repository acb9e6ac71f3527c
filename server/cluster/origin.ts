/**
 * The origin of document and awareness changes that another instance made
 * and stored: applied here only to reach this instance's clients. Never
 * stored again, never published again, and never bound to anyone by this
 * instance's authorship record (the instance that stored it did that).
 */
export const REMOTE_ORIGIN = Symbol('remote instance');
