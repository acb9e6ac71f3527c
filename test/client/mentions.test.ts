import { describe, expect, it } from 'vitest';
import type { ParticipantView } from '../../shared/api';
import { mentionAt, mentionsIn, suggest } from '../../client/comments/mentions';

const person = (id: string, name: string): ParticipantView => ({
  id,
  name,
  email: `${id}@example.org`,
  partyId: 'p1',
  role: 'editor',
  signatory: false,
  createdAt: '2026-12-01T00:00:00.000Z',
  revokedAt: null,
});
const people = [person('a', 'Hélène Tremblay'), person('b', 'Paul Martin'), person('c', 'Émile Paulin')];

describe('mentions in a comment', () => {
  it('finds the @word just before the caret, only at a word start', () => {
    expect(mentionAt('Merci @hél', 10)).toEqual({ start: 6, query: 'hél' });
    expect(mentionAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionAt('mail@example', 12)).toBeNull();
    expect(mentionAt('@Paul done', 10)).toBeNull();
  });

  it('suggests by the start of any word of the name, ignoring case and accents', () => {
    expect(suggest(people, 'hel').map((p) => p.id)).toEqual(['a']);
    expect(suggest(people, 'emi').map((p) => p.id)).toEqual(['c']);
    expect(suggest(people, 'paul').map((p) => p.id)).toEqual(['b', 'c']);
    expect(suggest(people, 'tin')).toEqual([]);
    expect(suggest(people, '', 2)).toHaveLength(2);
  });

  it('mentions only the people still named in the text', () => {
    const picked = new Map([
      ['a', 'Hélène Tremblay'],
      ['b', 'Paul Martin'],
    ]);
    expect(mentionsIn('@Hélène Tremblay, can you check?', picked)).toEqual(['a']);
    expect(mentionsIn('nobody now', picked)).toEqual([]);
  });
});
