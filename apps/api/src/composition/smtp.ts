import { createTransport, type Transporter } from 'nodemailer';
import type { ApiConfig } from '@ioc/config';

/**
 * The one SMTP transport (nodemailer, SMTP_URL) of a process: reporting reminders and alert
 * e-mail share its connection settings instead of each building its own. Null without SMTP_URL.
 */
export function smtpTransport(config: Pick<ApiConfig, 'SMTP_URL'>): Transporter | null {
  return config.SMTP_URL === undefined ? null : createTransport(config.SMTP_URL);
}
