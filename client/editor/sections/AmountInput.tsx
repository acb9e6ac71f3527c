import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { useCanEdit } from '../../session';
import { asNumber, useYMapValue } from '../yhooks';

/** "1 234,50" or "1234.50" → 123450 cents; null if it is not an amount. */
export function parseAmount(text: string): number | null {
  const clean = text.replace(/[\s\u00a0$]/g, '').replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(clean)) return null;
  return Math.round(Number(clean) * 100);
}

/** A budget amount in dollars, stored as whole cents in `amountCents`; an invalid entry is restored on leaving. */
export function AmountInput({ line, label }: { line: Y.Map<unknown>; label: string }) {
  const ref = useRef<HTMLInputElement>(null);
  const cents = asNumber(useYMapValue(line, 'amountCents'));
  const canEdit = useCanEdit();
  const shown = (c: number | null): string => (c === null || c === 0 ? '' : (c / 100).toFixed(2));
  useEffect(() => {
    const el = ref.current;
    if (el && parseAmount(el.value) !== cents) el.value = shown(cents);
  }, [cents]);
  return (
    <input
      ref={ref}
      className="amount-input"
      inputMode="decimal"
      aria-label={label}
      readOnly={!canEdit}
      data-field="amount"
      onInput={(e) => {
        const c = parseAmount(e.currentTarget.value);
        if (c !== null && c !== asNumber(line.get('amountCents'))) line.set('amountCents', c);
      }}
      onBlur={(e) => {
        if (parseAmount(e.currentTarget.value) === null) e.currentTarget.value = shown(asNumber(line.get('amountCents')));
      }}
    />
  );
}
