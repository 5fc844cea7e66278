/**
 * The decision rounds published indices to integers ("được làm tròn thành số nguyên"), half up.
 * The linear interpolation is done in binary floating point, so a value the decision's own
 * arithmetic puts exactly on .5 (e.g. 100 + 50/30 × 5.7 = 109.5) can come out as 109.49999…;
 * trimming to 9 decimals first makes such values round the way a hand computation does.
 */
export function roundAqi(value: number): number {
  return Math.round(Number(value.toFixed(9)));
}
