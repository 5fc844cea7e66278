/** What the evaluator needs to know about the device a reading came from. */
export interface DeviceContext {
  id: string;
  /** As the messages name the device ("Đo mực nước Hải Châu (dn-wl-1)"). */
  name?: string | null;
  kind: string;
  unitCode: string | null;
  /** The province of `unitCode`, so a rule scoped to a province matches its wards' devices. */
  provinceCode?: string | null;
  /**
   * The station's own alarm levels (e.g. báo động I, II, III water levels in m), for `levels`
   * rules that do not carry steps themselves. In order of increasing alarm.
   */
  levels?: readonly number[] | null;
  /** Expected reporting interval (s), as in `device.expected_interval_s`. */
  expectedIntervalS?: number;
}
