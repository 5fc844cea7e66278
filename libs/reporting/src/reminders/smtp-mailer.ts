import type { Delivery } from './reminder-scheduler';
import type { ReminderMessage } from './messages';

/** The part of a nodemailer transport the mailer uses (the process shares one, see composition). */
export interface MailTransport {
  sendMail(mail: {
    from: string;
    to: string;
    subject: string;
    text: string;
    headers?: Record<string, string>;
  }): Promise<unknown>;
  close(): void;
}

/**
 * Reminder e-mail over SMTP: the process's one nodemailer transport (SMTP_URL), shared with
 * the alert e-mail; `from` is SMTP_FROM. A failure is reported, never thrown: the reminder row
 * records it and the other channels still go.
 */
export class SmtpMailer {
  constructor(
    private readonly transport: MailTransport,
    private readonly from: string,
  ) {}

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
