import { useEffect, useRef, useState } from 'react';

/**
 * Follows `value` at most once per `intervalMs` (leading and trailing edge). The map redraws
 * every frame, but DOM panels re-rendering at 60 Hz under a delta storm would cost more than the
 * map itself — a few updates per second still reads as live.
 */
export function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [throttled, setThrottled] = useState(value);
  const lastRun = useRef(0);
  useEffect(() => {
    const wait = lastRun.current + intervalMs - Date.now();
    if (wait <= 0) {
      lastRun.current = Date.now();
      setThrottled(value);
      return undefined;
    }
    const timer = setTimeout(() => {
      lastRun.current = Date.now();
      setThrottled(value);
    }, wait);
    return () => {
      clearTimeout(timer);
    };
  }, [value, intervalMs]);
  return throttled;
}
