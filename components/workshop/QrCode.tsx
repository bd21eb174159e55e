'use client';

import { create } from 'qrcode';
import { useMemo } from 'react';

/** Quiet zone around the symbol, in modules: 4 is the minimum ISO/IEC 18004 asks for. */
const QUIET = 4;

/**
 * A QR code drawn as one SVG path from the `qrcode` library's module matrix (no canvas, no network,
 * no injected markup). Error correction M (~15% damage tolerated) keeps a hand-in code small
 * enough to scan off a laptop screen.
 */
export function QrCode({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const qr = useMemo(() => {
    try {
      const { modules } = create(text, { errorCorrectionLevel: 'M' });
      let d = '';
      for (let r = 0; r < modules.size; r++) {
        for (let c = 0; c < modules.size; c++) {
          if (modules.get(r, c)) d += `M${c + QUIET} ${r + QUIET}h1v1h-1z`;
        }
      }
      return { size: modules.size + 2 * QUIET, d };
    } catch {
      return null; // longer than a QR code holds: the text code still works
    }
  }, [text]);
  if (!qr) return <p>This code is too long for a QR code; pass on the text or the file.</p>;
  return (
    <svg
      className="workshop-qr"
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      role="img"
      aria-label={label}
      data-testid={testId}
      shapeRendering="crispEdges"
    >
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qr.d} fill="#000" />
    </svg>
  );
}
