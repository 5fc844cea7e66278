import { describe, expect, it } from 'vitest';
import { RecordMapper } from './mapper';

const mapping = (expression: string, unitCodes: Record<string, string> = {}) => ({
  target: 'dossier' as const,
  expression,
  unitCodes,
});

describe('RecordMapper (JSONata declared in the connector)', () => {
  it('maps a source record to the target record, resolving unit codes', async () => {
    const m = new RecordMapper(
      mapping(
        `{ "code": MaHoSo, "unitCode": MaDonVi, "onlineFullProcess": KenhNop = "TRUC_TUYEN" }`,
        {
          '20194': '20275',
        },
      ),
    );
    expect(await m.map({ MaHoSo: 'H1', MaDonVi: '20194', KenhNop: 'TRUC_TUYEN' })).toEqual({
      ok: true,
      records: [{ code: 'H1', unitCode: '20275', onlineFullProcess: true }],
    });
    // A code that lost its leading zero in a number column is padded back.
    expect(await m.map({ MaHoSo: 'H2', MaDonVi: 4 })).toMatchObject({
      ok: true,
      records: [{ unitCode: '04' }],
    });
    expect(await m.map({ MaHoSo: 'H3', MaDonVi: 1234 })).toMatchObject({
      records: [{ unitCode: '01234' }],
    });
  });

  it('lets one record become several (an array), and reports an empty or failing mapping', async () => {
    const many = new RecordMapper(mapping(`[{"code": a}, {"code": b}]`));
    expect(await many.map({ a: 1, b: 2 })).toEqual({
      ok: true,
      records: [{ code: 1 }, { code: 2 }],
    });
    const empty = new RecordMapper(mapping(`missing`));
    expect(await empty.map({ a: 1 })).toMatchObject({ ok: false, reason: 'mapping_empty' });
    const failing = new RecordMapper(mapping(`$number(a)`));
    expect(await failing.map({ a: 'not a number' })).toMatchObject({
      ok: false,
      reason: 'mapping_failed',
    });
  });

  it('reports a syntax error when the connector is saved', () => {
    expect(RecordMapper.check('{ "a": }')).toMatch(/./);
    expect(RecordMapper.check('{ "a": b }')).toBeNull();
  });
});
