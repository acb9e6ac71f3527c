import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';

type RedisClient = ReturnType<typeof createClient>;

/** Redis is retried with this backoff, for as long as it takes (each instance keeps serving its own clients meanwhile). */
const backoffMs = (retries: number): number => Math.min(50 * 2 ** retries, 2_000);
/** How long the start waits for Redis before going on without it (it connects in the background then). */
const CONNECT_WAIT_MS = 5_000;

export type MessageHandler = (message: Buffer) => void;

/**
 * The instances' link over Redis pub/sub: one client publishes, one
 * subscribes (a subscribed connection can do nothing else). Delivery is at
 * most once (hocuspocus#800): a message published while either side is
 * disconnected is gone, so whoever uses the bus must recover from the store
 * when told `recovered`. Messages are Buffers, so updates travel as bytes.
 */
export class Bus {
  /** Tells this instance's own messages apart from the others' (they come back on every channel it subscribes to). */
  readonly instanceId = randomBytes(8).toString('hex');
  private readonly handlers = new Map<string, MessageHandler>();
  private readonly recoveredListeners = new Set<() => void>();
  private readonly publisher: RedisClient;
  private readonly subscriber: RedisClient;
  private closed = false;

  private constructor(
    url: string,
    private readonly log: (message: string) => void,
  ) {
    // No offline queue for publishing: a message that cannot go now would arrive stale, and the queue would grow through an outage.
    this.publisher = createClient({ url, disableOfflineQueue: true, socket: { reconnectStrategy: backoffMs } });
    this.subscriber = createClient({ url, socket: { reconnectStrategy: backoffMs } });
    this.watch(this.publisher, 'publisher');
    this.watch(this.subscriber, 'subscriber');
  }

  /** Connects both clients (waiting at most a few seconds: without Redis the instance still serves its own clients). */
  static async connect(url: string, log: (message: string) => void): Promise<Bus> {
    const bus = new Bus(url, log);
    const connecting = Promise.all([bus.publisher.connect(), bus.subscriber.connect()]).then(() => true);
    connecting.catch((error: unknown) => log(`redis: could not connect: ${String(error)}`));
    const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), CONNECT_WAIT_MS).unref());
    if (!(await Promise.race([connecting, timeout]))) log('redis: not reachable yet, carrying on without it and retrying');
    return bus;
  }

  /** Whether a publish can go out now. */
  get ready(): boolean {
    return this.publisher.isReady && this.subscriber.isReady;
  }

  /** Sends `message` to every instance subscribed to `channel`; lost (and logged once per outage) if Redis is away. */
  publish(channel: string, message: Buffer): void {
    if (this.closed) return;
    if (!this.publisher.isReady) return; // at most once: the receivers recover from the store
    this.publisher.publish(channel, message).catch((error: unknown) => this.log(`redis: publish on ${channel} failed: ${String(error)}`));
  }

  /** Delivers `channel`'s messages to `handler` (one per channel); resolves once Redis confirmed, or rejects if it is away (it is subscribed again when it is back). */
  subscribe(channel: string, handler: MessageHandler): Promise<void> {
    this.handlers.set(channel, handler);
    return this.subscriber.subscribe(channel, this.dispatch, true);
  }

  unsubscribe(channel: string): void {
    if (!this.handlers.delete(channel)) return;
    // Queued while Redis is away (node-redis would otherwise subscribe it again when it is back).
    this.subscriber.unsubscribe(channel, this.dispatch, true).catch((error: unknown) => this.log(`redis: unsubscribe ${channel} failed: ${String(error)}`));
  }

  /** Whether `channel` is wanted (subscribed, or to be subscribed when Redis is back). */
  has(channel: string): boolean {
    return this.handlers.has(channel);
  }

  /**
   * `listener` runs each time both clients are ready again after either lost Redis, once the
   * subscriptions are in place again: whatever was published meanwhile is lost,
   * so catch up from the store then. Returns its removal.
   */
  onRecovered(listener: () => void): () => void {
    this.recoveredListeners.add(listener);
    return () => void this.recoveredListeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.handlers.clear();
    await Promise.all([this.publisher, this.subscriber].map((c) => (c.isOpen ? c.close().catch(() => c.destroy()) : undefined)));
  }

  private readonly dispatch = (message: Buffer, channel: Buffer | string): void => {
    const handler = this.handlers.get(channel.toString());
    if (!handler) return;
    try {
      handler(message);
    } catch (error) {
      // Runs from the socket's data event: a throw would reach the redis client, not us.
      this.log(`redis: handling a message on ${channel.toString()} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };

  /** Logs the first error of an outage (not every retry), and tells the listeners when the client is back. */
  private watch(client: RedisClient, name: string): void {
    let lost = false;
    let started = false;
    client.on('error', (error: unknown) => {
      if (!lost) this.log(`redis ${name}: ${String(error)}; retrying`);
      lost = true;
    });
    client.on('ready', () => {
      const recovering = lost || started;
      lost = false;
      started = true;
      if (!recovering || this.closed) return;
      this.log(`redis ${name}: connected again`);
      // Once both are back (they usually drop together): one recovery per outage.
      if (!this.publisher.isReady || !this.subscriber.isReady) return;
      void this.resubscribe().then(() => {
        for (const listener of this.recoveredListeners) {
          try {
            listener();
          } catch (error) {
            this.log(`redis: recovering failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          }
        }
      });
    });
  }

  /** Subscribes again what a failed subscription left out (node-redis restores only the confirmed ones). */
  private async resubscribe(): Promise<void> {
    await Promise.all(
      [...this.handlers.keys()].map((channel) =>
        this.subscriber.subscribe(channel, this.dispatch, true).catch((error: unknown) => this.log(`redis: subscribing ${channel} failed: ${String(error)}`)),
      ),
    );
  }
}
