import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { asNumber, useYMapValue } from '../yhooks';
import { useCanEdit } from '../../session';

interface BoundNumberProps {
  map: Y.Map<unknown>;
  field: string;
  label: string;
  min: number;
  max: number;
}

/**
 * A whole-number field bound to a Y.Map key. Only valid numbers reach the
 * doc; leaving the field restores the agreed value if the text is invalid.
 */
export function BoundNumber({ map, field, label, min, max }: BoundNumberProps) {
  const ref = useRef<HTMLInputElement>(null);
  const value = asNumber(useYMapValue(map, field));
  const canEdit = useCanEdit();

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const shown = el.value === '' ? null : Number(el.value);
    if (shown !== value) el.value = value === null ? '' : String(value);
  }, [value]);

  const parse = (text: string): number | null => {
    if (!/^\d+$/.test(text.trim())) return null;
    const n = Number(text);
    return n >= min && n <= max ? n : null;
  };

  return (
    <label className="field number-field">
      <span>{label}</span>
      <input
        ref={ref}
        type="number"
        inputMode="numeric"
        name={field}
        data-field={field}
        min={min}
        max={max}
        step={1}
        readOnly={!canEdit}
        onInput={(e) => {
          const n = parse(e.currentTarget.value);
          if (n !== null && n !== asNumber(map.get(field))) map.set(field, n);
        }}
        onBlur={(e) => {
          if (parse(e.currentTarget.value) === null) {
            const current = asNumber(map.get(field));
            e.currentTarget.value = current === null ? '' : String(current);
          }
        }}
      />
    </label>
  );
}
