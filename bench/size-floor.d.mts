/** One row of `pnpm size:floor`'s table: gzip bytes, and the target in bytes where there is one. */
export interface FloorRow {
  what: string;
  bytes: number;
  target?: number;
}
export function measureFloors(): Promise<FloorRow[]>;
