import type { Transporter } from 'nodemailer';
import type { ApiConfig } from '@ioc/config';
import type { OfficeView } from '@ioc/contracts';
import type { AlertMailboxes, AlertMailer } from '@ioc/live';

/** A person an alert can be handed to (`user:<username>`), as the users service tells. */
export interface AlertPeople {
  contactOf(username: string): Promise<{
    userId: string;
    displayName: string;
    email: string | null;
    phone: string | null;
  } | null>;
}

/**
 * Who hears of an alert handed to an assignee, and the SMTP transport (nodemailer) that mails
 * them: an office's shared mailbox from the office directory, a person's own address from the
 * users. The mailer is null without SMTP_URL: then no e-mail is queued (push still goes).
 */
export function alertMail(
  config: Pick<ApiConfig, 'SMTP_FROM' | 'PUBLIC_URL'>,
  /** The process's SMTP transport (composition/smtp.ts); null without SMTP_URL. */
  transport: Transporter | null,
  offices: { get(id: string): Promise<OfficeView> },
  people: AlertPeople,
): { mailer: AlertMailer | null; mailboxes: AlertMailboxes; publicUrl?: string } {
  const mailer: AlertMailer | null = transport && {
    async send(to, mail) {
      try {
        await transport.sendMail({ from: config.SMTP_FROM, to, ...mail });
        return { ok: true, error: null };
      } catch (err) {
        return { ok: false, error: (err as Error).message.slice(0, 500) };
      }
    },
  };
  const mailboxes: AlertMailboxes = {
    async recipientsFor(assignee) {
      if (assignee.kind === 'user') {
        // An unknown or disabled account is told nothing (the assignment itself still holds).
        const person = await people.contactOf(assignee.id);
        if (!person) return { name: assignee.id, emails: [] };
        return {
          name: person.displayName,
          emails: person.email ? [person.email] : [],
          userId: person.userId,
          phone: person.phone,
        };
      }
      // An assignee that is not an office of the directory (a free-form code) has no mailbox.
      const office = await offices.get(assignee.id).catch(() => null);
      if (!office || office.retiredAt !== null || !office.email)
        return { name: office?.nameVi ?? assignee.id, emails: [] };
      return { name: office.nameVi, emails: [office.email] };
    },
  };
  return {
    mailer,
    mailboxes,
    ...(config.PUBLIC_URL !== undefined ? { publicUrl: config.PUBLIC_URL } : {}),
  };
}
