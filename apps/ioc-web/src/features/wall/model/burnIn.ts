/** Largest shift of the static chrome, CSS px at 1920×1080 (scaled with the UI). */
export const BURN_IN_RADIUS_PX = 6;
/** The chrome moves to the next point of its orbit this often. */
export const BURN_IN_STEP_MS = 2 * 60_000;
const STEPS_PER_ORBIT = 8;

/**
 * Offset of the static chrome (header, panels) at `now`: eight points on a circle, one step
 * every two minutes, so a LCD/OLED panel never holds the same edge on the same pixels for
 * hours. From the epoch clock, so the screens of one wall move together and seams stay aligned.
 */
export function burnInOffset(now: number, radiusPx = BURN_IN_RADIUS_PX): { x: number; y: number } {
  const step = Math.floor(now / BURN_IN_STEP_MS) % STEPS_PER_ORBIT;
  const angle = (2 * Math.PI * step) / STEPS_PER_ORBIT;
  // Rounded to whole px so text stays crisp; Math.round(-0) is -0, hence the `+ 0`.
  return {
    x: Math.round(radiusPx * Math.cos(angle)) + 0,
    y: Math.round(radiusPx * Math.sin(angle)) + 0,
  };
}
