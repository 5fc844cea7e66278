import { describe, expect, it } from 'vitest';
import { DomainError } from '@ioc/contracts';
import { checkDescription, checkName, checkPhone, cleanText } from './resident-text';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not a DomainError';
  }
  return undefined;
};

describe('resident text', () => {
  it('removes control and bidi characters but keeps Vietnamese and line breaks', () => {
    expect(cleanText('  Đèn\u0000 hỏng\u202E\n trước nhà\u0007 ')).toBe('Đèn hỏng\n trước nhà');
  });

  it('measures the description after cleaning', () => {
    expect(codeOf(() => checkDescription('   ngắn\u0000\u0001   '))).toBe('DESCRIPTION_LENGTH');
    expect(checkDescription('  Cây đổ chắn đường  ')).toBe('Cây đổ chắn đường');
    expect(codeOf(() => checkDescription('a'.repeat(2001)))).toBe('DESCRIPTION_LENGTH');
    expect(checkDescription('ậ'.repeat(2000))).toHaveLength(2000);
  });

  it('reads Vietnamese phone numbers written with spaces or dots', () => {
    expect(checkPhone('0905 123 456')).toBe('0905123456');
    expect(checkPhone('+84.905.123.456')).toBe('+84905123456');
    expect(checkPhone('  ')).toBeNull();
    expect(checkPhone(undefined)).toBeNull();
    expect(codeOf(() => checkPhone('12345'))).toBe('PHONE_INVALID');
    expect(codeOf(() => checkPhone('0905abc456'))).toBe('PHONE_INVALID');
  });

  it('bounds the name to 100 characters', () => {
    expect(checkName(' Nguyễn Văn A ')).toBe('Nguyễn Văn A');
    expect(checkName('')).toBeNull();
    expect(codeOf(() => checkName('x'.repeat(101)))).toBe('NAME_TOO_LONG');
  });
});
