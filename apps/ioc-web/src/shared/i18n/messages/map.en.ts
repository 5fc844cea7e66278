import type { mapVi } from './map.vi';

/** English strings of the scene map: exactly the keys of `mapVi`. */
export const mapEn: Record<keyof typeof mapVi, string> = {
  'mapLegend.title': 'Legend',
  'mapLegend.titleMetric': 'Mean {metric} per ward/commune',
  'mapLegend.titleMetricUom': 'Mean {metric} per ward/commune ({uom})',
  'mapLegend.titleIndicator': 'Resolution 57 indicator per ward/commune',
  'mapLegend.titleNone': 'Wards and communes',
  'mapLegend.onTrack': 'On track',
  'mapLegend.atRisk': 'At risk',
  'mapLegend.offTrack': 'Off track',
  'mapLegend.noTarget': 'No target set',
  'mapLegend.noData': 'No data',
  'mapLegend.deviceOther': 'Other sensor',
  'mapLegend.deviceOffline': 'Sensor offline',
  'mapLegend.vessel': 'Fishing vessel and track',
  'mapLegend.alarmLevels': 'Station at alarm level I, II, III',
  'mapLegend.alert': 'Open alert',
  'mapLegend.heatmap': 'Heat map of readings',
  'mapLegend.hexagon': 'Mean per hexagon (1.5 km)',
  'mapScene.offshoreUnit': '{name} (Viet Nam)',
  'mapScene.labels': 'Administrative unit names on the map',
};
