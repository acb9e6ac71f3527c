import type { EventHub } from '../events/hub';
import type { Clock } from '../lifecycle/clock';
import type { DueEvent } from '../lifecycle/dueEvents';
import type { SignedState } from '../lifecycle/service';
import type { Notice } from '../lifecycle/store';
import { BounceListener } from '../mail/bounces';
import { OutboxWorker } from '../mail/outbox';
import { OutboxStore } from '../mail/outboxStore';
import { smtpSender, type SendMail } from '../mail/transport';
import { can } from '../auth/policy';
import type { AgreementStore } from '../store/agreements';
import type { Db } from '../store/db';
import type { Participant, ParticipantStore } from '../store/participants';
import type { VersionStore } from '../store/versions';
import { NotifyService, type NotifyDeps } from './service';
import { NotificationStore } from './store';

/** SMTP settings (`SMTP_URL`, `MAIL_FROM`); e-mail is on only with `PUBLIC_URL` too (links must reach people). */
export interface MailOptions {
  smtpUrl: string;
  from: string;
  /** Tests may hand the outbox their own sender; the real one is nodemailer on `smtpUrl`. */
  send?: SendMail;
  /** `BOUNCE_ADDRESS`: each message's envelope sender becomes its own address under it (VERP, server/mail/verp.ts). */
  bounceAddress?: string;
  /** `BOUNCE_SMTP_PORT` (and `BOUNCE_SMTP_HOST`): where bounces to those addresses are received (server/mail/bounces.ts). */
  bounceSmtp?: { port: number; host: string };
}

export interface NotifyWiring {
  db: Db;
  participants: ParticipantStore;
  agreements: AgreementStore;
  versions: VersionStore;
  hub: EventHub;
  clock: Clock;
  mail?: MailOptions;
  publicUrl?: string;
  log: (message: string) => void;
  /** See NotifyDeps.samePerson. */
  samePerson?: NotifyDeps['samePerson'];
}

/** The notifications, the outbox and its worker, and what each step of an agreement tells whom. */
export function createNotifications(d: NotifyWiring) {
  const outboxStore = new OutboxStore(d.db);
  const mailOn = d.mail && d.publicUrl ? { ...d.mail, publicUrl: d.publicUrl } : null;
  const sender = mailOn ? (mailOn.send ? { send: mailOn.send, close: () => undefined } : smtpSender(mailOn.smtpUrl, mailOn.from)) : null;
  const worker = sender
    ? new OutboxWorker({ store: outboxStore, versions: d.versions, send: sender.send, clock: d.clock, log: d.log, bounceAddress: mailOn?.bounceAddress })
    : null;
  const bounceAddress = sender ? mailOn?.bounceAddress : undefined;
  const bounces =
    bounceAddress && mailOn?.bounceSmtp
      ? new BounceListener({
          bounceAddress,
          known: (id) => outboxStore.has(id),
          bounced: (id, error) => {
            if (outboxStore.markBounced(id, error, new Date(d.clock.now()).toISOString())) d.log(`outbox: message ${id} bounced: ${error}`);
          },
          log: d.log,
        })
      : null;
  let bouncePort: number | undefined;
  const service = new NotifyService({
    store: new NotificationStore(d.db),
    outbox: outboxStore,
    participants: d.participants,
    agreements: d.agreements,
    hub: d.hub,
    clock: d.clock,
    mail: mailOn ? { publicUrl: mailOn.publicUrl } : null,
    queued: () => worker?.kick(),
    samePerson: d.samePerson,
  });
  const everyone = (agreementId: string): Participant[] => d.participants.list(agreementId).filter((p) => p.revokedAt === null);
  const reminderKinds = { review_meeting: 'review_meeting', renewal_review: 'renewal_review', notice_effective: 'notice_effective' } as const;
  return {
    service,
    outbox: outboxStore,
    worker,
    start: async () => {
      worker?.start();
      if (bounces && mailOn?.bounceSmtp) bouncePort = await bounces.listen(mailOn.bounceSmtp.port, mailOn.bounceSmtp.host);
    },
    /** The port the bounce listener took (`BOUNCE_SMTP_PORT=0`: any free one), once started. */
    get bouncePort() {
      return bouncePort;
    },
    stop: async () => {
      await bounces?.close();
      await worker?.stop();
      sender?.close();
    },
    /** The personal link goes to the invited person only. */
    invited: (p: Participant, link: string) => service.notify(p.agreementId, [p], 'invited', {}, { linkFor: () => link }),
    mentioned: (author: Participant, mentionIds: readonly string[]) =>
      service.notify(
        author.agreementId,
        mentionIds.filter((id) => id !== author.id).flatMap((id) => d.participants.get(id) ?? []),
        'mentioned',
        { by: author.name },
      ),
    /** A party approved a section: the other parties' approvers are nudged, once until they read it. */
    approved: (by: Participant, section: string) =>
      service.notify(
        by.agreementId,
        everyone(by.agreementId).filter((p) => p.partyId !== by.partyId && can(p, 'approve') && !service.hasUnread(p.id, 'approval_needed')),
        'approval_needed',
        { by: by.name, section },
      ),
    locked: (agreementId: string, signerIds: readonly string[]) =>
      service.notify(
        agreementId,
        signerIds.flatMap((id) => d.participants.get(id) ?? []),
        'ready_to_sign',
        {},
      ),
    /** Every party keeps a copy: the signed PDF goes to everyone. */
    signed: (versionId: string) => {
      const v = d.versions.get(versionId);
      if (v) service.notify(v.agreementId, everyone(v.agreementId), 'signed', {}, { attachVersionId: v.id });
    },
    notice: (agreementId: string, notice: Notice) => {
      const by = d.participants.get(notice.participantId);
      service.notify(
        agreementId,
        everyone(agreementId).filter((p) => p.id !== notice.participantId),
        'notice_given',
        { by: by?.name ?? '', reason: notice.reason, on: notice.effectiveOn },
      );
    },
    due: (event: DueEvent, state: SignedState) => {
      const id = state.version.agreementId;
      if (event.kind === 'ended') service.notify(id, everyone(id), 'ended', { on: event.on });
      else service.notify(id, everyone(id), 'reminder', { reminder: reminderKinds[event.kind], on: event.on });
    },
  };
}

export type Notifications = ReturnType<typeof createNotifications>;
