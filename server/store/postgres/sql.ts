/**
 * A store's statement as PostgreSQL takes it. Stores write portable SQL with
 * SQLite's parameters; what differs is rewritten here, outside string literals:
 *   - `?` and `@name` parameters become `$1, $2…` (`names` says which value of
 *     a named statement's object goes where);
 *   - `json_each(?)` (a JSON array of ids) becomes `jsonb_array_elements_text(?::jsonb)`,
 *     whose column is also called `value`.
 */
export interface PgStatement {
  text: string;
  /** For `@name` parameters: the object's keys in `$n` order. */
  names: string[] | null;
}

export function toPostgres(sql: string): PgStatement {
  const source = sql.replace(/json_each\(\?\)/g, 'jsonb_array_elements_text(?::jsonb)');
  let text = '';
  let n = 0;
  const names: string[] = [];
  const numbered = new Map<string, number>();
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] ?? '';
    if (ch === "'" || ch === '"') {
      const end = closing(source, i, ch);
      text += source.slice(i, end + 1);
      i = end;
    } else if (ch === '?') {
      text += `$${++n}`;
    } else if (ch === '@' && /[A-Za-z_]/.test(source[i + 1] ?? '')) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i + 1))?.[0] ?? '';
      let index = numbered.get(name);
      if (index === undefined) {
        names.push(name);
        numbered.set(name, (index = names.length));
      }
      text += `$${index}`;
      i += name.length;
    } else if (ch === '-' && source[i + 1] === '-') {
      const end = source.indexOf('\n', i);
      i = end === -1 ? source.length : end - 1;
    } else {
      text += ch;
    }
  }
  if (n > 0 && names.length > 0) throw new Error('a statement mixes ? and @name parameters');
  return { text, names: names.length > 0 ? names : null };
}

/** The index of the quote that closes the literal opened at `start` (a doubled quote is an escaped one). */
function closing(sql: string, start: number, quote: string): number {
  for (let i = start + 1; i < sql.length; i++) {
    if (sql[i] !== quote) continue;
    if (sql[i + 1] === quote) i++;
    else return i;
  }
  throw new Error(`unterminated ${quote} in SQL: ${sql}`);
}
