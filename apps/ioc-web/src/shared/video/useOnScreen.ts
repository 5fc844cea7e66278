import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether the element is in the viewport (any part of it). A tile off screen — scrolled away on
 * the tablet, on another page of a grid — must not hold a decoder. Without IntersectionObserver
 * (old browsers, tests) the element counts as visible.
 */
export function useOnScreen(ref: RefObject<Element | null>): boolean {
  const [visible, setVisible] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return undefined;
    const io = new IntersectionObserver((entries) => {
      for (const e of entries) setVisible(e.isIntersecting);
    });
    io.observe(el);
    return () => {
      io.disconnect();
    };
  }, [ref]);
  return visible;
}
