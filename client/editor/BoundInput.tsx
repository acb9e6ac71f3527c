import { useEffect, useRef, type InputHTMLAttributes } from 'react';
import type * as Y from 'yjs';
import { asString } from './yhooks';
import { mapCaret } from './textMerge';
import { useCanEdit } from '../session';

type FieldElement = HTMLInputElement | HTMLTextAreaElement;

interface BoundInputProps {
  map: Y.Map<unknown>;
  field: string;
  label: string;
  multiline?: boolean;
  placeholder?: string;
  maxLength?: number;
  className?: string;
  type?: InputHTMLAttributes<HTMLInputElement>['type'];
  /** Hide the visible label (still announced). */
  hideLabel?: boolean;
}

/** Writes the field's text into the element, keeping the local caret where it belongs. */
function applyRemote(el: FieldElement, value: string): void {
  if (el.value === value) return;
  if (document.activeElement !== el) {
    el.value = value;
    return;
  }
  const before = el.value;
  const start = el.selectionStart ?? before.length;
  const end = el.selectionEnd ?? start;
  const direction = el.selectionDirection ?? 'none';
  el.value = value;
  el.setSelectionRange(mapCaret(start, before, value), mapCaret(end, before, value), direction);
}

/**
 * A text field bound to one string key of a Y.Map. Uncontrolled on purpose:
 * remote changes are written into the element directly so the local caret
 * and selection survive; local input is written straight to the map.
 */
export function BoundInput({ map, field, label, multiline, placeholder, maxLength, className, type = 'text', hideLabel }: BoundInputProps) {
  const ref = useRef<FieldElement | null>(null);
  const composing = useRef(false);
  const readOnly = !useCanEdit();

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const sync = (): void => {
      if (!composing.current) applyRemote(el, asString(map.get(field)));
    };
    sync();
    const handler = (event: Y.YMapEvent<unknown>): void => {
      if (event.keysChanged.has(field)) sync();
    };
    map.observe(handler);
    const endComposition = (): void => {
      composing.current = false;
      if (el.value !== asString(map.get(field))) map.set(field, el.value);
    };
    const startComposition = (): void => {
      composing.current = true;
    };
    el.addEventListener('compositionstart', startComposition);
    el.addEventListener('compositionend', endComposition);
    return () => {
      map.unobserve(handler);
      el.removeEventListener('compositionstart', startComposition);
      el.removeEventListener('compositionend', endComposition);
    };
  }, [map, field]);

  const onInput = (event: { currentTarget: FieldElement }): void => {
    if (composing.current) return;
    const value = event.currentTarget.value;
    if (value !== asString(map.get(field))) map.set(field, value);
  };

  const common = {
    name: field,
    placeholder,
    maxLength,
    onInput,
    readOnly,
    'data-field': field,
    'aria-label': hideLabel ? label : undefined,
  };
  const control = multiline ? (
    <textarea ref={(el) => void (ref.current = el)} rows={2} {...common} />
  ) : (
    <input ref={(el) => void (ref.current = el)} type={type} autoComplete="off" {...common} />
  );
  if (hideLabel) return <span className={`field ${className ?? ''}`}>{control}</span>;
  return (
    <label className={`field ${className ?? ''}`}>
      <span>{label}</span>
      {control}
    </label>
  );
}
