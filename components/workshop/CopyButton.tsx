'use client';

import { useState } from 'react';

/** Copies text to the clipboard; says so, or says to copy by hand where the browser refuses. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'done' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('done');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" className="button button-secondary" onClick={copy}>
        {label}
      </button>
      <span role="status" className="workshop-muted">
        {state === 'done' ? 'Copied.' : state === 'failed' ? 'Select the text and copy it.' : ''}
      </span>
    </>
  );
}
