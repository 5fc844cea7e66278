/** Why a single report row was refused. Codes are part of the feed API contract (v1). */
export type RejectionCode =
  | 'malformed_row'
  | 'unknown_indicator'
  | 'unknown_unit'
  | 'indicator_not_allowed'
  | 'unit_not_allowed'
  | 'level_not_measured'
  | 'period_malformed'
  | 'period_in_future'
  | 'duplicate_row'
  | 'invalid_number'
  | 'missing_value'
  | 'negative_value'
  | 'missing_denominator'
  | 'zero_denominator'
  | 'numerator_over_denominator'
  | 'percent_over_100'
  | 'invalid_flag';

/** Why a whole file was refused before any row was looked at. */
export type FileErrorCode =
  | 'empty_file'
  | 'not_utf8'
  | 'malformed_csv'
  | 'malformed_json'
  | 'missing_columns'
  | 'too_many_rows'
  | 'unsupported_format';

export interface Message {
  messageVi: string;
  messageEn: string;
}

type Params = Readonly<Record<string, string | number>>;

const ROW_MESSAGES: Record<RejectionCode, (p: Params) => [string, string]> = {
  malformed_row: () => ['Dòng không phải là một bản ghi hợp lệ', 'Row is not a record'],
  unknown_indicator: (p) => [
    `Mã chỉ tiêu "${p.indicator}" không có trong danh mục`,
    `Indicator code "${p.indicator}" is not in the catalogue`,
  ],
  unknown_unit: (p) => [
    `Mã đơn vị hành chính "${p.unit}" không tồn tại`,
    `Administrative unit code "${p.unit}" does not exist`,
  ],
  indicator_not_allowed: (p) => [
    `Luồng dữ liệu "${p.feed}" không được phép báo cáo chỉ tiêu "${p.indicator}"`,
    `Feed "${p.feed}" may not report indicator "${p.indicator}"`,
  ],
  unit_not_allowed: (p) => [
    `Luồng dữ liệu "${p.feed}" không được phép báo cáo cho đơn vị "${p.unit}"`,
    `Feed "${p.feed}" may not report for unit "${p.unit}"`,
  ],
  level_not_measured: (p) => [
    `Chỉ tiêu "${p.indicator}" không đo ở cấp ${p.levelVi}`,
    `Indicator "${p.indicator}" is not measured at ${p.levelEn} level`,
  ],
  period_malformed: (p) => [
    `Kỳ báo cáo "${p.period}" không hợp lệ (dùng dạng 2026-03, 2026-Q1 hoặc 2026)`,
    `Period "${p.period}" is malformed (use 2026-03, 2026-Q1 or 2026)`,
  ],
  period_in_future: (p) => [
    `Kỳ báo cáo ${p.period} chưa bắt đầu`,
    `Period ${p.period} has not started yet`,
  ],
  duplicate_row: (p) => [
    `Trùng chỉ tiêu, đơn vị và kỳ với dòng ${p.first}`,
    `Same indicator, unit and period as row ${p.first}`,
  ],
  invalid_number: (p) => [
    `${p.fieldVi} "${p.text}" không phải là số`,
    `${p.fieldEn} "${p.text}" is not a number`,
  ],
  missing_value: () => [
    'Thiếu giá trị (cần Giá trị hoặc Tử số và Mẫu số)',
    'Missing value (give a value, or a numerator and a denominator)',
  ],
  negative_value: (p) => [`${p.fieldVi} không được âm`, `${p.fieldEn} cannot be negative`],
  missing_denominator: (p) => [
    `Chỉ tiêu tỷ lệ "${p.indicator}" cần Mẫu số để tổng hợp đúng lên cấp tỉnh`,
    `Ratio indicator "${p.indicator}" needs a denominator so it can be rolled up correctly`,
  ],
  zero_denominator: () => ['Mẫu số bằng 0', 'Denominator is zero'],
  numerator_over_denominator: (p) => [
    `Tử số (${p.numerator}) lớn hơn Mẫu số (${p.denominator})`,
    `Numerator (${p.numerator}) exceeds denominator (${p.denominator})`,
  ],
  percent_over_100: (p) => [
    `Tỷ lệ ${p.value}% vượt quá 100%`,
    `Percentage ${p.value}% exceeds 100%`,
  ],
  invalid_flag: (p) => [
    `Chỉ tiêu "${p.indicator}" ở cấp này là Đạt/Chưa đạt: nhập 1 (Đạt) hoặc 0 (Chưa đạt)`,
    `Indicator "${p.indicator}" is a yes/no milestone at this level: enter 1 (reached) or 0 (not reached)`,
  ],
};

export function rowMessage(code: RejectionCode, params: Params = {}): Message {
  const [messageVi, messageEn] = ROW_MESSAGES[code](params);
  return { messageVi, messageEn };
}

const FILE_MESSAGES: Record<FileErrorCode, (p: Params) => [string, string]> = {
  empty_file: () => ['Tệp không có dòng dữ liệu nào', 'The file has no data rows'],
  not_utf8: () => [
    'Tệp không ở mã UTF-8. Trong Excel, chọn Lưu thành "CSV UTF-8 (Comma delimited)"',
    'The file is not UTF-8. In Excel, save it as "CSV UTF-8 (Comma delimited)"',
  ],
  malformed_csv: (p) => [`Tệp CSV lỗi định dạng: ${p.detail}`, `Malformed CSV: ${p.detail}`],
  malformed_json: (p) => [`JSON không hợp lệ: ${p.detail}`, `Malformed JSON: ${p.detail}`],
  missing_columns: (p) => [
    `Thiếu cột bắt buộc: ${p.columnsVi}`,
    `Missing required columns: ${p.columnsEn}`,
  ],
  too_many_rows: (p) => [
    `Tệp có quá nhiều dòng (tối đa ${p.max})`,
    `Too many rows (at most ${p.max})`,
  ],
  unsupported_format: () => ['Chỉ nhận tệp CSV hoặc JSON', 'Only CSV or JSON reports are accepted'],
};

export function fileMessage(code: FileErrorCode, params: Params = {}): Message {
  const [messageVi, messageEn] = FILE_MESSAGES[code](params);
  return { messageVi, messageEn };
}
