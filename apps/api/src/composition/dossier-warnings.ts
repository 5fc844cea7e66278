import type { Transporter } from 'nodemailer';
import type { UsersService } from '@ioc/auth';
import type { DossierContacts, DossierWarningMessage, WarningChannels } from '@ioc/dossiers';

/** E-mail and webhook for dossier warnings over the process's one SMTP transport. */
export function warningChannels(smtp: Transporter | null, from: string): WarningChannels {
  const failure = (err: unknown) => ({ ok: false, error: (err as Error).message.slice(0, 500) });
  return {
    email:
      smtp === null
        ? null
        : {
            send: async (to: string, m: DossierWarningMessage) => {
              try {
                await smtp.sendMail({ from, to, subject: m.subject, text: m.text });
                return { ok: true, error: null };
              } catch (err) {
                return failure(err);
              }
            },
          },
    webhook: {
      post: async (url: string, m: DossierWarningMessage) => {
        try {
          const res = await fetch(url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'user-agent': 'ioc-platform/1 (+dossiers)',
            },
            body: JSON.stringify(m.payload),
            redirect: 'manual',
            signal: AbortSignal.timeout(10_000),
          });
          await res.arrayBuffer().catch(() => undefined);
          return res.ok
            ? { ok: true, error: null }
            : { ok: false, error: `HTTP ${String(res.status)}` };
        } catch (err) {
          return failure(err);
        }
      },
    },
  };
}

/** The officer by platform username; the unit leader = its first enabled ward_leader with e-mail. */
export function dossierContacts(users: Pick<UsersService, 'contactOf' | 'list'>): DossierContacts {
  return {
    officer: async (name) => {
      const c = await users.contactOf(name);
      return c === null ? null : { name: c.displayName, email: c.email };
    },
    leaderOf: async (unitCode) => {
      const leader = (await users.list())
        .filter(
          (u) =>
            u.role === 'ward_leader' &&
            !u.disabled &&
            u.email !== null &&
            u.units.includes(unitCode),
        )
        .sort((a, b) => a.username.localeCompare(b.username))[0];
      return leader === undefined ? null : { name: leader.displayName, email: leader.email };
    },
  };
}
