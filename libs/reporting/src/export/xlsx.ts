import ExcelJS from 'exceljs';
import type { IndicatorStatus } from '@ioc/contracts';
import type { ExportData } from './export-data';

/** Sheet names and headers as a Vietnamese reporting office expects them. */
export const INDICATOR_SHEET = 'Chỉ tiêu';
export const TASK_SHEET = 'Nhiệm vụ';
export const INDICATOR_HEADERS = [
  'Đơn vị',
  'Mã chỉ tiêu',
  'Tên chỉ tiêu',
  'Kỳ',
  'Giá trị',
  'Mục tiêu',
  'Trạng thái',
  'Nguồn',
] as const;
export const TASK_HEADERS = [
  'Mã',
  'Nhiệm vụ',
  'Đơn vị chủ trì',
  'Hạn',
  'Trạng thái',
  'Tiến độ (%)',
  'Ghi chú',
] as const;

export const INDICATOR_STATUS_VI: Record<IndicatorStatus, string> = {
  on_track: 'Đạt tiến độ',
  at_risk: 'Có nguy cơ không đạt',
  off_track: 'Chậm tiến độ',
  no_data: 'Chưa có số liệu',
  no_target: 'Chưa có mục tiêu',
};

export const TASK_STATUS_VI: Record<string, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Hoàn thành',
  overdue: 'Quá hạn',
  cancelled: 'Đã hủy',
};

type Cell = string | number | null;

/** The rows of the indicator sheet (without the header), as written. */
export function indicatorRows(data: ExportData): Cell[][] {
  return data.indicators.map(({ unit, item }) => [
    unit.name,
    item.indicatorCode,
    item.nameVi,
    data.period.code,
    item.value,
    item.target,
    INDICATOR_STATUS_VI[item.status],
    item.source,
  ]);
}

/** The rows of the task sheet (without the header), as written. */
export function taskRows(data: ExportData): Cell[][] {
  return data.tasks.map(({ unit, task }) => [
    task.code,
    task.titleVi,
    task.leadVi ?? unit.name,
    task.dueDate,
    TASK_STATUS_VI[task.status] ?? task.status,
    task.progress,
    task.note,
  ]);
}

function addSheet(
  book: ExcelJS.Workbook,
  name: string,
  headers: readonly string[],
  rows: Cell[][],
) {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...headers]).font = { bold: true };
  // null stays an empty cell: "no value" must not read as 0.
  for (const row of rows) sheet.addRow(row.map((c) => c ?? undefined));
  headers.forEach((h, i) => {
    const width = Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length));
    sheet.getColumn(i + 1).width = Math.min(60, width + 2);
  });
}

/** The month's report as an .xlsx workbook: "Chỉ tiêu" and "Nhiệm vụ". */
export async function reportWorkbook(data: ExportData): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'IOC';
  book.created = data.generatedAt;
  book.title = `Báo cáo kỳ ${data.period.code} — ${data.sender.name}`;
  addSheet(book, INDICATOR_SHEET, INDICATOR_HEADERS, indicatorRows(data));
  addSheet(book, TASK_SHEET, TASK_HEADERS, taskRows(data));
  return Buffer.from(await book.xlsx.writeBuffer());
}
