import { createTransport } from 'nodemailer';
import type { Delivery } from './reminder-scheduler';
import type { ReminderMessage } from './messages';

/**
 * Reminder e-mail over SMTP (nodemailer). `url` is SMTP_URL (`smtp://user:pass@host:587`,
 * `smtps://host:465`); `from` is SMTP_FROM. A failure is reported, never thrown: the reminder
 * row records it and the other channels still go.
 */
export class SmtpMailer {
  private readonly transport: ReturnType<typeof createTransport>;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = createTransport(url);
  }

  async send(to: string, message: ReminderMessage): Promise<Delivery> {
    try {
      await this.transport.sendMail({
        from: this.from,
        to,
        subject: message.subject,
        text: message.text,
        headers: { 'X-IOC-Report-Period': message.payload.periodId },
      });
      return { ok: true, error: null };
    } catch (err) {
      return { ok: false, error: (err as Error).message.slice(0, 500) };
    }
  }

  close(): void {
    this.transport.close();
  }
}
