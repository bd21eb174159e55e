'use client';

import { useEffect, useId, useRef, useState, type ComponentType } from 'react';
import type { MonacoEditorProps } from './MonacoEditor';
import { useNearViewport } from './useNearViewport';
import './editor.css';

export type CodeEditorProps = MonacoEditorProps & {
  /** Short visible caption above the editor, e.g. "Before: one query per user". */
  label: string;
  /** Show the keyboard hint under this editor (once per lab is enough). */
  hint?: boolean;
};

type Loaded =
  | { kind: 'placeholder' }
  | { kind: 'monaco'; Editor: ComponentType<MonacoEditorProps> }
  | { kind: 'fallback' };

/**
 * A code editor that costs nothing until it is needed: the server renders the code as a <pre>
 * (readable with JavaScript off), and Monaco is fetched with dynamic import() only when the editor
 * nears the viewport. If Monaco cannot load, a plain <textarea> keeps the lab usable.
 */
export function CodeEditor(props: CodeEditorProps) {
  const { label, value, onChange, heightPx, ariaLabel, readOnly, hint = true, ...rest } = props;
  const ref = useRef<HTMLDivElement>(null);
  const near = useNearViewport(ref);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'placeholder' });
  const labelId = useId();

  useEffect(() => {
    if (!near) return;
    let live = true;
    import('./MonacoEditor')
      .then((mod) => live && setLoaded({ kind: 'monaco', Editor: mod.default }))
      .catch(() => live && setLoaded({ kind: 'fallback' }));
    return () => {
      live = false;
    };
  }, [near]);

  return (
    <div className="code-editor" data-testid="code-editor" data-editor-state={loaded.kind}>
      <p className="code-editor-label" id={labelId}>
        {label}
      </p>
      <div
        ref={ref}
        className="code-editor-frame"
        style={loaded.kind === 'monaco' ? { minHeight: heightPx } : { height: heightPx }}
      >
        {loaded.kind === 'monaco' ? (
          <loaded.Editor {...rest} {...{ value, onChange, heightPx, ariaLabel, readOnly }} />
        ) : loaded.kind === 'fallback' ? (
          <textarea
            className="code-editor-textarea"
            aria-label={ariaLabel}
            value={value}
            readOnly={readOnly}
            spellCheck={false}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <pre className="code-editor-placeholder" aria-labelledby={labelId}>
            <code>{value}</code>
          </pre>
        )}
      </div>
      {loaded.kind === 'monaco' && !readOnly && hint && (
        <p className="code-editor-hint">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> (<kbd>⌘</kbd>+<kbd>Enter</kbd> on a Mac) runs. In the
          editor <kbd>Tab</kbd> indents; press <kbd>Ctrl</kbd>+<kbd>M</kbd> (<kbd>Ctrl</kbd>+
          <kbd>Shift</kbd>+<kbd>M</kbd> on a Mac) first to move focus with <kbd>Tab</kbd> instead.
        </p>
      )}
    </div>
  );
}
