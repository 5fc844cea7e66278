import { DomainError } from '@ioc/contracts';

// Control characters other than tab and newline (C0, DEL, C1), and the bidi overrides that can
// make a text read differently from what it is.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Length in code points (what a person counts: "ậ" is one, whatever its encoding). */
const lengthOf = (s: string) => Array.from(s).length;

/** A resident's text: NFC, control characters removed, trimmed. Stored and shown as text. */
export function cleanText(input: string): string {
  return input.normalize('NFC').replace(CONTROL, '').trim();
}

/** The description: 10–2000 characters once cleaned. */
export function checkDescription(input: string): string {
  const text = cleanText(input);
  const length = lengthOf(text);
  if (length < 10 || length > 2000) {
    throw new DomainError(
      'invalid',
      'DESCRIPTION_LENGTH',
      'Nội dung phản ánh cần từ 10 đến 2000 ký tự · The description needs 10 to 2000 characters',
      { issues: [{ path: 'description', message: '10–2000 characters' }] },
    );
  }
  return text;
}

/** An optional name: ≤ 100 characters once cleaned; empty means none. */
export function checkName(input: string | undefined): string | null {
  if (input === undefined) return null;
  const text = cleanText(input);
  if (text === '') return null;
  if (lengthOf(text) > 100) {
    throw new DomainError(
      'invalid',
      'NAME_TOO_LONG',
      'Họ tên tối đa 100 ký tự · Name: 100 characters at most',
      {
        issues: [{ path: 'name', message: '≤ 100 characters' }],
      },
    );
  }
  return text;
}

const VN_PHONE = /^(\+84|0)\d{9,10}$/;

/** An optional Vietnamese phone number, spaces, dots and dashes removed; empty means none. */
export function checkPhone(input: string | undefined): string | null {
  if (input === undefined) return null;
  const phone = input.replace(/[\s.-]/g, '');
  if (phone === '') return null;
  if (!VN_PHONE.test(phone)) {
    throw new DomainError(
      'invalid',
      'PHONE_INVALID',
      'Số điện thoại không hợp lệ (ví dụ 0905 123 456 hoặc +84 905 123 456) · Not a Vietnamese phone number',
      { issues: [{ path: 'phone', message: '^(\\+84|0)\\d{9,10}$' }] },
    );
  }
  return phone;
}
