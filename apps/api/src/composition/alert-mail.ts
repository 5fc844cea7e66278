import { createTransport } from 'nodemailer';
import type { ApiConfig } from '@ioc/config';
import type { OfficeView } from '@ioc/contracts';
import type { AlertMailboxes, AlertMailer } from '@ioc/live';

/**
 * E-mail about alerts handed to an office: SMTP through nodemailer, to the office's shared
 * mailbox from the office directory. Undefined without SMTP_URL: then nothing is queued.
 */
export function alertMail(
  config: Pick<ApiConfig, 'SMTP_URL' | 'SMTP_FROM'>,
  offices: { get(id: string): Promise<OfficeView> },
): { mailer: AlertMailer; mailboxes: AlertMailboxes } | undefined {
  if (config.SMTP_URL === undefined) return undefined;
  const transport = createTransport(config.SMTP_URL);
  const mailer: AlertMailer = {
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
      if (assignee.kind !== 'department') return { name: assignee.id, emails: [] };
      // An assignee that is not an office of the directory (a free-form code) has no mailbox.
      const office = await offices.get(assignee.id).catch(() => null);
      if (!office || office.retiredAt !== null || !office.email)
        return { name: office?.nameVi ?? assignee.id, emails: [] };
      return { name: office.nameVi, emails: [office.email] };
    },
  };
  return { mailer, mailboxes };
}
