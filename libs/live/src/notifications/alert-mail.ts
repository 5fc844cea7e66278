import type { Assignee } from '../alerts/alert';
import type { AlertView } from '../alerts/alert-view';
import { tabletAlertPath } from './push';
import type { DeliveryResult } from './webhook';

/** An e-mail as the notifier hands it to the transport. */
export interface MailContent {
  subject: string;
  text: string;
}

/** Sends one e-mail (the composition plugs SMTP in); a failure is returned, never thrown. */
export interface AlertMailer {
  send(to: string, mail: MailContent): Promise<DeliveryResult>;
}

/**
 * Who hears of an alert handed to an assignee: the assignee's name as the mail says it and its
 * mailboxes (an office's shared address, a person's own); none for an assignee without one.
 * A person also has a `userId`, under which their preferences and push subscriptions are kept.
 */
export interface AlertMailboxes {
  recipientsFor(
    assignee: Assignee,
  ): Promise<{ name: string; emails: string[]; userId?: string; phone?: string | null }>;
}

const SEVERITY_VI: Record<AlertView['severity'], string> = {
  info: 'Thông tin',
  warning: 'Cảnh báo',
  critical: 'Nghiêm trọng',
  emergency: 'Khẩn cấp',
};

const timeVi = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  dateStyle: 'short',
  timeStyle: 'short',
});

/**
 * The e-mail an office receives when an alert is handed to it: what, where, the value, since
 * when, and where to work it — Vietnamese first, English after, plain text (every mail client
 * and gateway reads it).
 */
export function assignmentMail(
  alert: AlertView,
  assigneeLabel: string,
  /** Where the alert opens on the tablet (absolute when the platform knows its public URL). */
  link = tabletAlertPath(alert),
): MailContent {
  const what = alert.message || alert.ruleName || alert.id;
  const vi = [
    `Cảnh báo đã được giao cho ${assigneeLabel} xử lý.`,
    '',
    `Nội dung: ${what}`,
    `Mức độ: ${SEVERITY_VI[alert.severity]}`,
    ...(alert.unitCode ? [`Địa bàn (mã đơn vị): ${alert.unitCode}`] : []),
    ...(alert.deviceId ? [`Thiết bị: ${alert.deviceId}`] : []),
    ...(alert.value !== null ? [`Giá trị đo: ${String(alert.value)}`] : []),
    `Mở lúc: ${timeVi.format(new Date(alert.openedAt))}`,
    `Mã cảnh báo: ${alert.id}`,
    '',
    'Tiếp nhận và xử lý trên ứng dụng máy tính bảng hoặc bảng điều hành:',
    link,
  ];
  const en = [
    `An alert was handed to ${assigneeLabel}: ${what} (${alert.severity}), opened ${alert.openedAt}.`,
    `Acknowledge and work it on the tablet app (${link}) or the operator console.`,
  ];
  return {
    subject: `[IOC] ${SEVERITY_VI[alert.severity]}: ${what}`,
    text: [...vi, '', '—', ...en, ''].join('\n'),
  };
}
