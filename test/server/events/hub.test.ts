import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/events';
import { EventHub, type Subscriber } from '../../../server/events/hub';

/** A subscriber that records what it was sent. */
function recorder(participantId: string): Subscriber & { got: [EventName, unknown][]; closed: boolean } {
  const sub = {
    participantId,
    got: [] as [EventName, unknown][],
    closed: false,
    send: (event: EventName, data: unknown) => void sub.got.push([event, data]),
    close: () => void (sub.closed = true),
  };
  return sub;
}

describe('event hub', () => {
  it('publishes one payload to every stream of the agreement, and none of another', () => {
    const hub = new EventHub();
    const [a, b, other] = [recorder('p1'), recorder('p2'), recorder('p3')];
    hub.subscribe('A', a);
    hub.subscribe('A', b);
    hub.subscribe('B', other);
    hub.publish('A', 'status', {});
    expect(a.got).toEqual([['status', {}]]);
    expect(b.got).toEqual([['status', {}]]);
    expect(other.got).toEqual([]);
  });

  it('asks a function payload per subscriber, and sends nothing to one it answers undefined for', () => {
    const hub = new EventHub();
    const [a, b] = [recorder('p1'), recorder('p2')];
    hub.subscribe('A', a);
    hub.subscribe('A', b);
    const asked: string[] = [];
    hub.publish('A', 'participants', (sub) => {
      asked.push(sub.participantId);
      return sub.participantId === 'p1' ? {} : undefined;
    });
    expect(asked).toEqual(['p1', 'p2']);
    expect(a.got).toEqual([['participants', {}]]);
    expect(b.got).toEqual([]);
  });

  it('stops sending after unsubscribe, and closes only the named participant’s streams', () => {
    const hub = new EventHub();
    const [a, b] = [recorder('p1'), recorder('p2')];
    const unsubscribe = hub.subscribe('A', a);
    hub.subscribe('A', b);
    unsubscribe();
    hub.publish('A', 'status', {});
    expect(a.got).toEqual([]);
    hub.closeFor('A', 'p2');
    expect([a.closed, b.closed]).toEqual([false, true]);
  });
});
