import { describe, expect, it } from 'vitest';
import { guessOfficeKind, officeFromLead, slugify } from './office';

describe('office from a plan lead cell (seed mapping)', () => {
  it('makes one office of a single agency, id <unit>.<slug>, kind from the name', () => {
    expect(officeFromLead('48', 'Sở Khoa học và Công nghệ')).toEqual({
      id: '48.so-khoa-hoc-va-cong-nghe',
      unitCode: '48',
      nameVi: 'Sở Khoa học và Công nghệ',
      kind: 'department',
      isCompiler: false,
    });
    // Case of the printed name does not make a second office.
    expect(officeFromLead('48', 'Sở Khoa học và công nghệ')?.id).toBe(
      '48.so-khoa-hoc-va-cong-nghe',
    );
  });

  it('makes the ward culture-and-society office the compiler', () => {
    expect(officeFromLead('20275', 'Phòng Văn hóa - Xã hội')).toMatchObject({
      id: '20275.phong-van-hoa-xa-hoi',
      kind: 'culture_society',
      isCompiler: true,
    });
  });

  it('keeps a comma inside one office name, drops a trailing parenthesis', () => {
    expect(officeFromLead('20275', 'Phòng Kinh tế, Hạ tầng và Đô thị')).toMatchObject({
      id: '20275.phong-kinh-te-ha-tang-va-do-thi',
      kind: 'economic',
    });
    expect(
      officeFromLead('48', 'Sở Tài chính (Viện Nghiên cứu phát triển kinh tế - xã hội thành phố)'),
    ).toMatchObject({ id: '48.so-tai-chinh', nameVi: 'Sở Tài chính' });
  });

  it('makes no office of several agencies, a group, or nothing', () => {
    for (const lead of [
      'Sở Khoa học và Công nghệ; Sở Tài chính',
      'Các sở, ban, ngành, UBND các quận, huyện',
      'các cơ quan, đơn vị',
      'UBND các quận, huyện',
      '',
      null,
    ]) {
      expect(officeFromLead('48', lead), String(lead)).toBeNull();
    }
  });

  it('guesses kinds the plans print', () => {
    expect(guessOfficeKind('Văn phòng UBND thành phố')).toBe('people_committee_office');
    expect(guessOfficeKind('Văn phòng Sở')).toBe('other');
    expect(guessOfficeKind('Công an phường An Hải')).toBe('police');
    expect(guessOfficeKind('Trung tâm Phục vụ hành chính công phường')).toBe(
      'public_service_center',
    );
    expect(guessOfficeKind('Ban Quản lý Khu công nghệ cao và các khu công nghiệp')).toBe(
      'department',
    );
    expect(guessOfficeKind('Trung tâm Báo chí - Truyền hình')).toBe('other');
  });

  it('slugs without diacritics, đ as d, bounded length', () => {
    expect(slugify('Đại học Đà Nẵng')).toBe('dai-hoc-da-nang');
    expect(slugify('x'.repeat(100)).length).toBeLessThanOrEqual(60);
  });
});
