import type { Queryable } from '@ioc/db';
import type { Contact, DossierContacts, WarningChannels } from '../ports';
import { DossierRepository, type StoredDossier } from '../repo/dossier.repository';
import { WarningRepository, type Recipient } from '../repo/warning.repository';
import { warningMessage } from './messages';

export interface WarningTick {
  sent: number;
  failed: number;
}

export interface DossierWarningsDeps {
  contacts: DossierContacts;
  channels: WarningChannels;
  /** DOSSIER_WEBHOOK_URL: one POST per recipient; null: e-mail only. */
  webhookUrl: string | null;
  /** DOSSIER_WARNING_HOURS (default 24). */
  hours: number;
  clock?: () => Date;
}

/**
 * Early warnings: an open dossier falling due within the window is told to its officer and the
 * unit's leader, by e-mail and webhook each, exactly once — the dossier_warning row (UNIQUE per
 * dossier, recipient, channel) is claimed before anything is sent, so later ticks and other API
 * processes never send it again. A failed delivery is recorded, not retried.
 */
export class DossierWarnings {
  private readonly dossiers: DossierRepository;
  private readonly warnings: WarningRepository;
  private readonly clock: () => Date;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<WarningTick> | null = null;

  constructor(
    db: Queryable,
    private readonly deps: DossierWarningsDeps,
  ) {
    this.dossiers = new DossierRepository(db);
    this.warnings = new WarningRepository(db);
    this.clock = deps.clock ?? (() => new Date());
  }

  /** One pass; concurrent calls share the pass in progress. */
  tick(): Promise<WarningTick> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  start(intervalMs: number, onError: (err: unknown) => void): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => {
      this.tick().catch(onError);
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  private async pass(): Promise<WarningTick> {
    const now = this.clock();
    const result = { sent: 0, failed: 0 };
    for (const d of await this.dossiers.dueWithin(now, this.deps.hours)) {
      const officer = await this.officerOf(d);
      if (officer !== null) await this.tell(d, 'officer', officer, now, result);
      const leader = await this.deps.contacts.leaderOf(d.unitCode);
      if (leader !== null) await this.tell(d, 'leader', leader, now, result);
    }
    return result;
  }

  private async officerOf(d: StoredDossier): Promise<Contact | null> {
    const known = d.officer === null ? null : await this.deps.contacts.officer(d.officer);
    if (known !== null)
      return known.email === null && d.officerEmail !== null
        ? { ...known, email: d.officerEmail }
        : known;
    if (d.officerEmail !== null)
      return { name: d.officer ?? d.officerEmail, email: d.officerEmail };
    return d.officer === null ? null : { name: d.officer, email: null };
  }

  private async tell(
    d: StoredDossier,
    recipient: Recipient,
    to: Contact,
    now: Date,
    result: WarningTick,
  ): Promise<void> {
    const { email, webhook } = this.deps.channels;
    const message = warningMessage(d, recipient, to, now);
    const sends: {
      channel: 'email' | 'webhook';
      target: string;
      go: () => ReturnType<NonNullable<WarningChannels['webhook']>['post']>;
    }[] = [];
    if (email !== null && to.email !== null) {
      const address = to.email;
      sends.push({ channel: 'email', target: address, go: () => email.send(address, message) });
    }
    if (webhook !== null && this.deps.webhookUrl !== null) {
      const url = this.deps.webhookUrl;
      sends.push({ channel: 'webhook', target: url, go: () => webhook.post(url, message) });
    }
    for (const s of sends) {
      const id = await this.warnings.claim(d.code, recipient, s.channel, s.target, now);
      if (id === null) continue;
      const delivery = await s.go();
      await this.warnings.settle(id, delivery.ok ? null : (delivery.error ?? 'failed'));
      if (delivery.ok) result.sent++;
      else result.failed++;
    }
  }
}
