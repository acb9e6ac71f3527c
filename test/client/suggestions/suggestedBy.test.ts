import { describe, expect, it } from 'vitest';
import { AuthorIndex } from '../../../client/editor/authors/authorIndex';
import { suggestedBy, type SuggestionLook } from '../../../client/editor/suggestions/suggestionLook';

const index = new AuthorIndex([
  { clientId: 1, participant: { id: 'paul', name: 'Paul', partyId: 'b' }, spans: [{ clock: 0, at: '2026-12-02T03:00:00.000Z' }] },
  { clientId: 2, participant: { id: 'paul', name: 'Paul', partyId: 'b' }, spans: [{ clock: 0, at: '2026-12-02T03:05:00.000Z' }] },
  { clientId: 3, participant: { id: 'odile', name: 'Odile', partyId: 'a' }, spans: [{ clock: 0, at: '2026-12-02T03:10:00.000Z' }] },
]);
const look: SuggestionLook = { index, self: { clientId: 9, participantId: 'odile', name: 'Odile', partyId: 'a' }, partyClass: () => '', describe: () => '' };

describe('who suggested it, in the browser', () => {
  it('is the participant bound to the client id of the opening mark, with the time of its span', () => {
    expect(suggestedBy({ clientId: 1, clock: 4, writers: [1] }, look)).toEqual({
      participantId: 'paul',
      name: 'Paul',
      partyId: 'b',
      at: '2026-12-02T03:00:00.000Z',
    });
  });
  it('stays theirs when they extend it from another tab', () => {
    expect(suggestedBy({ clientId: 1, clock: 4, writers: [1, 2] }, look)?.participantId).toBe('paul');
  });
  it('is nobody when another participant wrote marks under the same id', () => {
    expect(suggestedBy({ clientId: 1, clock: 4, writers: [1, 3] }, look)).toBeNull();
  });
  it('is this browser’s person for a mark the server has not recorded yet', () => {
    expect(suggestedBy({ clientId: 9, clock: 0, writers: [9] }, look)).toEqual({ participantId: 'odile', name: 'Odile', partyId: 'a', at: null });
    expect(suggestedBy({ clientId: 9, clock: 0, writers: [9, 3] }, look)?.participantId).toBe('odile');
    expect(suggestedBy({ clientId: 7, clock: 0, writers: [7] }, look)).toBeNull();
  });
});
