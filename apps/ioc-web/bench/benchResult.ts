/**
 * What the bench page leaves on `window` for tools/bench/wall.bench.ts, which drives it from
 * Node: the one type both sides of the page boundary read.
 */
export interface BenchResult {
  mode: string;
  frames: number[];
  updated: number;
}

declare global {
  interface Window {
    __bench?: BenchResult;
    __benchReady?: boolean;
  }
}
