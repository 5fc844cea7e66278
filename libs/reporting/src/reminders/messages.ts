import type { ReportPeriodDetail } from '@ioc/contracts';

export type ReminderKind = 'reminder' | 'late';

/** What a reminder says, the same on every channel. */
export interface ReminderMessage {
  kind: ReminderKind;
  subject: string;
  text: string;
  /** The JSON a webhook receives. */
  payload: {
    type: 'report_reminder' | 'report_late';
    periodId: string;
    unitCode: string;
    unitName: string | null;
    officeId: string | null;
    officeName: string | null;
    period: string;
    periodLabel: string;
    dueDate: string;
    daysLeft: number;
    state: string;
    subject: string;
    text: string;
  };
}

/** `tháng 11/2026`, `quý 4/2026`, `năm 2026`. */
export function periodLabelVi(period: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `tháng ${Number(month[2])}/${month[1]}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `quý ${quarter[2]}/${quarter[1]}`;
  return `năm ${period}`;
}

/** `15/12/2026` from `2026-12-15`. */
export function dayVi(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** The reminder (before the due date) or the late notice (after it) for one period. */
export function reminderMessage(
  kind: ReminderKind,
  p: ReportPeriodDetail,
  daysLeft: number,
): ReminderMessage {
  const who = [p.unitName ?? p.unitCode, p.officeName].filter((s) => s !== null).join(' – ');
  const label = periodLabelVi(p.period);
  const due = dayVi(p.dueDate);
  const subject =
    kind === 'reminder'
      ? `[IOC] Nhắc báo cáo ${label} — ${who}: hạn ${due}, còn ${daysLeft} ngày`
      : `[IOC] Quá hạn báo cáo ${label} — ${who}: hạn ${due} đã qua`;
  const missingIndicators = p.indicators.filter((i) => !i.reported);
  const staleTasks = p.tasks.filter((t) => !t.updated);
  const lines = [
    `Kính gửi ${who},`,
    '',
    kind === 'reminder'
      ? `Báo cáo ${label} cần được gửi trước hết ngày ${due} (còn ${daysLeft} ngày).`
      : `Báo cáo ${label} đã quá hạn (hạn ${due}) và chưa được gửi.`,
    `Chỉ tiêu đã báo cáo: ${p.owed.indicatorsReported}/${p.owed.indicators}; nhiệm vụ đã cập nhật tiến độ: ${p.owed.tasksUpdated}/${p.owed.tasks}.`,
    ...(missingIndicators.length > 0
      ? [
          '',
          'Chỉ tiêu chưa có số liệu:',
          ...missingIndicators.map((i) => `- ${i.indicatorCode}: ${i.nameVi}`),
        ]
      : []),
    ...(staleTasks.length > 0
      ? [
          '',
          'Nhiệm vụ chưa cập nhật tiến độ trong kỳ:',
          ...staleTasks.map((t) => `- ${t.code}: ${t.titleVi}`),
        ]
      : []),
    ...(p.returnedReason === null ? [] : ['', `Báo cáo đã bị trả lại: ${p.returnedReason}`]),
    '',
    'Trung tâm Điều hành thông minh (IOC)',
  ];
  const text = lines.join('\n');
  return {
    kind,
    subject,
    text,
    payload: {
      type: kind === 'reminder' ? 'report_reminder' : 'report_late',
      periodId: p.id,
      unitCode: p.unitCode,
      unitName: p.unitName,
      officeId: p.officeId,
      officeName: p.officeName,
      period: p.period,
      periodLabel: label,
      dueDate: p.dueDate,
      daysLeft,
      state: p.state,
      subject,
      text,
    },
  };
}
