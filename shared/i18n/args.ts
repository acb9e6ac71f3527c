import type { en } from './en';

/**
 * The arguments of an ICU message, read from its English text by the type
 * checker: `{name}` is a string or number, `{n, plural, …}` (and `number`,
 * `selectordinal`) a number. So `t('signing.signaturesCount', { signed, total })`
 * checks the names, and a message without arguments takes none.
 */
type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;

/** `{` opens an argument when an identifier follows (not `{# ans}` in a plural, not text). */
type Argument<Inner extends string> = Inner extends `${infer Name},${infer Kind}`
  ? IsName<Trim<Name>> extends true
    ? { [K in Trim<Name>]: Trim<Kind> extends `plural${string}` | `selectordinal${string}` | `number${string}` ? number : string | number }
    : unknown
  : IsName<Trim<Inner>> extends true
    ? { [K in Trim<Inner>]: string | number }
    : unknown;

type IsName<S extends string> = S extends '' ? false : S extends `${string}${' ' | '#' | '{' | '}' | '.' | '’'}${string}` ? false : true;

/** Walks every `{`, including those nested in plural branches. */
type Scan<S extends string, Acc = unknown> = S extends `${string}{${infer After}`
  ? After extends `${infer Inner}}${string}`
    ? Scan<After, Acc & Argument<Inner extends `${infer Head}{${string}` ? Head : Inner>>
    : Acc
  : Acc;

type Flatten<T> = { [K in keyof T]: T[K] };

export type MessageValues<K extends keyof typeof en> = Flatten<Scan<(typeof en)[K]>>;

/** No second argument for a message without placeholders; exactly its placeholders otherwise. */
export type ValuesArg<K extends keyof typeof en> = keyof MessageValues<K> extends never ? [] : [values: MessageValues<K>];
