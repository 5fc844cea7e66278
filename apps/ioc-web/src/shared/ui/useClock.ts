import { useEffect, useState } from 'react';

/** Current time (epoch ms), re-rendering every `periodMs`, aligned to whole periods. */
export function useClock(periodMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = (): void => {
      const t = Date.now();
      setNow(t);
      // Align to the period boundary so the seconds digit flips on the second, not mid-way.
      timer = setTimeout(tick, periodMs - (t % periodMs));
    };
    timer = setTimeout(tick, periodMs - (Date.now() % periodMs));
    return () => {
      clearTimeout(timer);
    };
  }, [periodMs]);
  return now;
}
