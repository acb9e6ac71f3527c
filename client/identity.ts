import { createContext, useContext } from 'react';

/**
 * Who is editing: a display name (asked on first visit, kept in localStorage;
 * `?name=Alice` sets it, for tests and shared links) and a random caret colour.
 */
export interface Identity {
  name: string;
  /** Always #RRGGBB: the caret extension makes other forms transparent. */
  color: string;
}

const NAME_KEY = 'entente:name';
const COLOR_KEY = 'entente:color';

/** Colours dark enough for white initials and labels. */
export const PALETTE = ['#1f6feb', '#8250df', '#bf3989', '#cf222e', '#bc4c00', '#7d6b00', '#1a7f37', '#0a7c86', '#5a32a3', '#9a6700'] as const;

const isColor = (value: string | null): value is string => value !== null && /^#[0-9a-fA-F]{6}$/.test(value);

export const MAX_NAME_LENGTH = 60;

export function cleanName(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage disabled: the value lasts for this page only.
  }
}

function randomColor(): string {
  const index = Math.floor(Math.random() * PALETTE.length);
  return PALETTE[index] ?? PALETTE[0];
}

/** The stored identity; the name is '' until the user gives one. */
export function loadIdentity(search: string): Identity {
  const fromQuery = cleanName(new URLSearchParams(search).get('name') ?? '');
  if (fromQuery) write(NAME_KEY, fromQuery);
  const name = fromQuery || cleanName(read(NAME_KEY) ?? '');
  let color = read(COLOR_KEY);
  if (!isColor(color)) {
    color = randomColor();
    write(COLOR_KEY, color);
  }
  return { name, color };
}

export function saveName(name: string): void {
  write(NAME_KEY, name);
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [name.trim()];
  return letters
    .map((w) => (w ? Array.from(w)[0] ?? '' : ''))
    .join('')
    .slice(0, 2)
    .toUpperCase() || '?';
}

export interface IdentityState extends Identity {
  setName: (name: string) => void;
}

export const IdentityContext = createContext<IdentityState>({ name: '', color: PALETTE[0], setName: () => undefined });

export const useIdentity = (): IdentityState => useContext(IdentityContext);
