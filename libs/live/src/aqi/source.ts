/**
 * Source of every table and rule in this folder:
 *
 *   Quyết định 1459/QĐ-TCMT ngày 12/11/2019 của Tổng cục Môi trường (Vietnam Environment
 *   Administration) ban hành "Hướng dẫn kỹ thuật tính toán và công bố chỉ số chất lượng không khí
 *   Việt Nam (VN_AQI)"; it replaced Quyết định 878/QĐ-TCMT (2011).
 *   Official PDF: https://vea.mae.gov.vn/Data/files/QD%201459%20TCMT%20ngay%2012_11_2019%20AQI(1).pdf
 *   Text used: a hand-checked transcription of that PDF (github.com/qnguyenle075/hcmc-air-quality,
 *   data/processed/qd_1459_vn_aqi.md), cross-checked against the Bảng 1 colours published by
 *   cem.gov.vn (Trung tâm Quan trắc môi trường miền Bắc) and thuvienphapluat.vn.
 *
 * Sections used: 1.4 Bảng 1 (categories, colours), 2.1.b (PM10 or PM2.5 mandatory),
 * 2.2.1 (hourly AQI, Nowcast, Bảng 2 breakpoints), 2.2.2 (daily AQI), 2.3 (worked examples),
 * 3 Bảng 4 (health effects).
 */
export const VN_AQI_SOURCE = {
  decision: '1459/QĐ-TCMT',
  issuedBy: 'Tổng cục Môi trường',
  issuedOn: '2019-11-12',
  url: 'https://vea.mae.gov.vn/Data/files/QD%201459%20TCMT%20ngay%2012_11_2019%20AQI(1).pdf',
} as const;
