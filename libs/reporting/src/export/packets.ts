import { UNIT_DISAGGREGATION, type ReportExportJson } from '@ioc/contracts';
import type { ExportData } from './export-data';

/**
 * The machine export after the QCVN 125:2021/BTTTT packets (see EXPORT.md): the indicator
 * catalogue, the disaggregation catalogue (administrative units) and the KPI data, each value
 * disaggregated by the unit it belongs to.
 */
export function reportPackets(data: ExportData): ReportExportJson {
  const catalogue = new Map<string, ReportExportJson['indicatorCatalogue']['items'][number]>();
  for (const { item } of data.indicators) {
    if (catalogue.has(item.indicatorCode)) continue;
    catalogue.set(item.indicatorCode, {
      code: item.indicatorCode,
      nameVi: item.nameVi,
      nameEn: item.nameEn,
      measureUnit: item.measureUnit,
      direction: item.direction,
      disaggregations: [UNIT_DISAGGREGATION],
    });
  }
  return {
    standard: 'QCVN 125:2021/BTTTT',
    generatedAt: data.generatedAt.toISOString(),
    sender: { unitCode: data.sender.code, nameVi: data.sender.name },
    period: {
      code: data.period.code,
      type: data.period.kind,
      start: data.period.start,
      end: data.period.end,
    },
    indicatorCatalogue: {
      packetType: 'DANH_MUC_CHI_TIEU',
      version: '1.0',
      items: [...catalogue.values()],
    },
    disaggregationCatalogue: {
      packetType: 'DANH_MUC_PHAN_TO',
      version: '1.0',
      dimensions: [
        {
          code: UNIT_DISAGGREGATION,
          nameVi: 'Đơn vị hành chính',
          values: data.units.map((u) => ({
            code: u.code,
            nameVi: u.name,
            parentCode: u.parentCode,
            level: u.level,
          })),
        },
      ],
    },
    kpiData: {
      packetType: 'DU_LIEU_CHI_SO',
      version: '1.0',
      items: data.indicators.map(({ unit, item }) => ({
        indicatorCode: item.indicatorCode,
        period: data.period.code,
        periodType: data.period.kind,
        value: item.value,
        target: item.target,
        status: item.status,
        source: item.source,
        disaggregation: [{ dimension: UNIT_DISAGGREGATION, code: unit.code }],
      })),
    },
  };
}
