'use client';

import { useEffect, useState, type RefObject } from 'react';

/**
 * Width of an element in CSS pixels, following resizes. Charts draw at their real width (instead of
 * scaling a fixed viewBox) so 12 px labels stay 12 px on a 360 px phone.
 */
export function useWidth(ref: RefObject<Element | null>, fallback = 640): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
