'use client';

import { useEffect, useId, useState } from 'react';
import { encodeHandIn, handInFile } from '@/lib/workshop/handInCodec';
import { collectHandIn } from './collectHandIn';
import { QrCode } from './QrCode';
import { CopyButton } from './CopyButton';
import { setLearnerName, type Joined } from './workshopStore';

/**
 * The learner's hand-in: a short code (text and QR) or a JSON file, made in this browser from its
 * own storage. Nothing is sent anywhere; the learner passes it on.
 */
export function HandIn({ joined }: { joined: Joined }) {
  const nameId = useId();
  const [name, setName] = useState(joined.name ?? '');
  const [code, setCode] = useState<string | null>(null);
  const [file, setFile] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fileUrl, setFileUrl] = useState<string | null>(null);

  useEffect(() => {
    if (!file) return;
    const url = URL.createObjectURL(new Blob([file], { type: 'application/json' }));
    setFileUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const make = async () => {
    setError(null);
    setLearnerName(name);
    const handIn = collectHandIn(joined, name);
    try {
      setCode(await encodeHandIn(handIn));
      setFile(handInFile(handIn));
      const solved = Object.values(handIn.challenges).filter((c) => c.status === 'solved').length;
      const minutes = Math.round(Object.values(handIn.seconds).reduce((a, b) => a + b, 0) / 60);
      setSummary(
        `${solved} challenge${solved === 1 ? '' : 's'} solved, ${Object.keys(handIn.predictions).length} prediction(s), ${minutes} min on lessons.`,
      );
    } catch (err) {
      setError(
        `This browser could not make the code (${err instanceof Error ? err.message : String(err)}). The file below still works.`,
      );
      setFile(handInFile(handIn));
    }
  };

  return (
    <section className="workshop-card" id="hand-in" aria-labelledby={`${nameId}-h`}>
      <h2 id={`${nameId}-h`}>Hand in your progress</h2>
      <p>
        Your challenges, predictions and time per lesson become a short code for the facilitator. It
        is made in your browser from what this browser remembers; nothing is sent anywhere unless
        you pass the code or the file on.
      </p>
      <div className="workshop-field">
        <label htmlFor={`${nameId}-name`}>Your name in the room (optional)</label>
        <input
          id={`${nameId}-name`}
          data-testid="hand-in-name"
          value={name}
          maxLength={40}
          autoComplete="nickname"
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="workshop-actions">
        <button type="button" className="button" onClick={make} data-testid="hand-in-make">
          {code ? 'Make it again' : 'Make my hand-in code'}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {summary && <p data-testid="hand-in-summary">{summary}</p>}
        {error && <p className="workshop-alert">{error}</p>}
      </div>
      {code && (
        <>
          <p className="workshop-code" data-testid="hand-in-code">
            {code}
          </p>
          <p className="workshop-muted">{code.length} characters.</p>
          <div className="workshop-actions">
            <CopyButton text={code} label="Copy the code" />
            {fileUrl && (
              <a
                className="button button-secondary"
                href={fileUrl}
                download={`hand-in-${(name.trim() || 'learner').replace(/[^\w-]+/g, '-')}.json`}
                data-testid="hand-in-download"
              >
                Download as a file
              </a>
            )}
          </div>
          <QrCode text={code} label="QR code of your hand-in code" testId="hand-in-qr" />
        </>
      )}
    </section>
  );
}
