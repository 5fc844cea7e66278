import type { DossierWarningMessage } from '../ports';
import type { StoredDossier } from '../repo/dossier.repository';
import type { Recipient } from '../repo/warning.repository';

/** dd/mm/yyyy hh:mm in Việt Nam time (UTC+7, no daylight saving). */
export function vnTime(iso: string): string {
  const t = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 16)}`;
}

/** The early warning, Vietnamese first with an English line (as the reporting reminders). */
export function warningMessage(
  d: StoredDossier,
  recipient: Recipient,
  to: { name: string; email: string | null },
  now: Date,
): DossierWarningMessage {
  const hoursLeft = Math.max(0, Math.round((Date.parse(d.dueAt) - now.getTime()) / 3_600_000));
  const due = vnTime(d.dueAt);
  const who = recipient === 'officer' ? 'cán bộ xử lý' : 'lãnh đạo đơn vị';
  return {
    subject: `[IOC] Hồ sơ ${d.code} sắp đến hạn (${due}) · Dossier due soon`,
    text: [
      `Kính gửi ${to.name} (${who}),`,
      '',
      `Hồ sơ ${d.code} (thủ tục ${d.procedureCode}, lĩnh vực ${d.fieldCode}) tại đơn vị ${d.unitCode} đến hạn lúc ${due}, còn khoảng ${String(hoursLeft)} giờ.`,
      `Trạng thái hiện tại: ${d.status}.`,
      '',
      `Dossier ${d.code} (procedure ${d.procedureCode}) of unit ${d.unitCode} is due at ${due} (UTC+7), in about ${String(hoursLeft)} hours.`,
    ].join('\n'),
    payload: {
      event: 'dossier.due_soon',
      recipient,
      to: { name: to.name, email: to.email },
      dossier: {
        code: d.code,
        procedureCode: d.procedureCode,
        fieldCode: d.fieldCode,
        unitCode: d.unitCode,
        receivedAt: d.receivedAt,
        dueAt: d.dueAt,
        status: d.status,
      },
      hoursLeft,
    },
  };
}
