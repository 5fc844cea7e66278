/** VN_AQI per Quyết định 1459/QĐ-TCMT (2019): pure calculators, no I/O. */
export { VN_AQI_SOURCE } from './source';
export {
  AQI_BREAKPOINTS,
  AQI_LEVELS,
  AQI_POLLUTANTS,
  columnPollutant,
  type AqiColumn,
  type AqiPollutant,
} from './breakpoints';
export {
  AQI_CATEGORIES,
  aqiCategory,
  aqiCategoryByCode,
  type AqiCategory,
  type AqiCategoryCode,
} from './categories';
export { roundAqi } from './rounding';
export { subIndex, type SubIndex } from './sub-index';
export {
  nowcast,
  nowcastDetail,
  lastHours,
  type NowcastOptions,
  type NowcastResult,
} from './nowcast';
export {
  dailyStatistics,
  type DailyStatistics,
  type DailyStatisticsOptions,
} from './daily-statistics';
export {
  hourlyAqi,
  dailyAqi,
  type AqiResult,
  type HourlyAqiInput,
  type DailyAqiInput,
} from './aqi';
