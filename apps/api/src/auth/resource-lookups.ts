/**
 * Where the access gate finds the unit of a resource a request names (`?device=`, an alert in
 * the path). A port of the edge: composition plugs the device directory and the alert service.
 * `undefined` means no such resource; `null` a resource that belongs to no unit. A device taken
 * out of service still answers its last unit: its history belongs there.
 */
export interface ResourceLookups {
  deviceUnit(id: string): Promise<string | null | undefined>;
  alertUnit(id: string): Promise<string | null | undefined>;
  /** The lead unit of a plan task (its scope: who reads and works it). */
  taskUnit(id: string): Promise<string | null | undefined>;
  /** The unit an office belongs to. */
  officeUnit(id: string): Promise<string | null | undefined>;
  /** The unit of a reporting period (its schedule's unit). */
  periodUnit(id: string): Promise<string | null | undefined>;
  /** The unit of a reporting schedule. */
  reportScheduleUnit(id: string): Promise<string | null | undefined>;
  /** The unit a citizen report is with now (a transfer moves it). */
  citizenReportUnit(id: string): Promise<string | null | undefined>;
  /** The unit a camera belongs to (who may list it and watch it). */
  cameraUnit(id: string): Promise<string | null | undefined>;
  /** The unit of a camera event (its camera's unit when it was stored). */
  cameraEventUnit(id: string): Promise<string | null | undefined>;
}
