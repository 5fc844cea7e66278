import { describe, expect, it } from 'vitest';
import { indexIndicators, loadCatalogue, parseCatalogue } from './load';
import { convertUpstreamCatalogue } from './upstream';

describe('seed catalogue', () => {
  const c = loadCatalogue();

  it('carries every source, indicator and target of the research catalogue', () => {
    expect(c.sources).toHaveLength(4);
    expect(c.indicators).toHaveLength(153);
    expect(c.targets).toHaveLength(408);
    expect(c.targets.every((t) => t.ref.length > 0 && t.source.length > 0)).toBe(true);
  });

  it('keeps conflicting targets instead of merging them (5G Đà Nẵng 2030: 100 % and 99 %)', () => {
    const rows = c.targets.filter(
      (t) => t.indicator === 'infra.5g_coverage' && t.unitCode === '48' && t.year === 2030,
    );
    expect(rows.map((t) => ('value' in t ? t.value : null)).sort()).toEqual([100, 100, 99, 99]);
    expect(new Set(rows.map((t) => t.key)).size).toBe(4);
  });

  it('indexes indicators by code', () => {
    const ind = indexIndicators(c).get('inno.pii_rank');
    expect(ind?.direction).toBe('lower_is_better');
    expect(ind?.unit).toBe('rank');
  });

  it('rejects a target pointing at an unknown indicator', () => {
    const broken = { ...c, targets: [{ ...c.targets[0], indicator: 'dx.nope' }] };
    expect(() => parseCatalogue(broken)).toThrow(/unknown indicator dx.nope/);
  });
});

describe('convertUpstreamCatalogue', () => {
  it('renames fields, keeps facts and numbers the keys of a group', () => {
    const upstream = {
      version: 1,
      generatedFrom: 'test',
      sources: [
        {
          id: 'S',
          title_vi: 'KH',
          title_en: 'Plan',
          issuer_vi: 'UBND',
          areaCode: '48',
          issuedOn: null,
          seedFile: 'x.txt',
        },
      ],
      indicators: [
        {
          code: 'dx.vneid_accounts',
          name_vi: 'VNeID',
          name_en: 'VNeID',
          domain: 'digital_transformation',
          unit: 'percent',
          direction: 'higher_is_better',
          rollup: 'ratio',
          numerator_vi: 'Số người',
          denominator_vi: 'Dân số',
          measuredAt: ['province', 'commune'],
          leadAgency_vi: 'Công an',
        },
      ],
      targets: [
        {
          indicator: 'dx.vneid_accounts',
          areaCode: '48',
          year: 2030,
          op: '>=',
          value: 80,
          source: 'S',
          ref: 'L1',
        },
        {
          indicator: 'dx.vneid_accounts',
          areaCode: '48',
          year: 2030,
          op: '=',
          value: 100,
          source: 'S',
          ref: 'L2',
        },
        {
          indicator: 'dx.vneid_accounts',
          areaCode: '48',
          year: 2035,
          op: 'between',
          min: 90,
          max: 95,
          source: 'S',
          ref: 'L3',
        },
      ],
    };
    const c = convertUpstreamCatalogue(upstream, 'up.json');
    expect(c.indicators[0]).toMatchObject({
      nameVi: 'VNeID',
      numeratorVi: 'Số người',
      notes: null,
      leadAgencyVi: 'Công an',
    });
    expect(c.targets.map((t) => t.key)).toEqual([
      'S/dx.vneid_accounts/48/2030/1',
      'S/dx.vneid_accounts/48/2030/2',
      'S/dx.vneid_accounts/48/2035/1',
    ]);
    expect(c.targets[2]).toMatchObject({
      op: 'between',
      min: 90,
      max: 95,
      unitCode: '48',
      ref: 'L3',
    });
  });
});
