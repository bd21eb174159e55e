'use client';

import Editor from '@monaco-editor/react';
import { useEffect, useRef, useState } from 'react';
import { defineSiteTheme, monaco } from './monacoSetup';

export interface MonacoEditorProps {
  value: string;
  onChange: (value: string) => void;
  language: 'pgsql' | 'javascript' | 'typescript';
  ariaLabel: string;
  /** Starting height; the editor then grows with its content (wrapped lines too), up to a cap. */
  heightPx: number;
  readOnly?: boolean;
  /** Ctrl/Cmd+Enter inside the editor. */
  onRun?: () => void;
}

const MAX_HEIGHT_PX = 420;

/** Follows the page theme (toggle or system preference) while the editor is mounted. */
function useSiteTheme(): string {
  const [theme, setTheme] = useState(defineSiteTheme);
  useEffect(() => {
    const update = () => setTheme(defineSiteTheme());
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme'],
    });
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', update);
    return () => {
      observer.disconnect();
      media.removeEventListener('change', update);
    };
  }, []);
  return theme;
}

/** The real editor. Loaded only through dynamic import() by CodeEditor (see monacoSetup.ts). */
export default function MonacoEditor(props: MonacoEditorProps) {
  const { value, onChange, language, ariaLabel, heightPx, readOnly, onRun } = props;
  const theme = useSiteTheme();
  const [height, setHeight] = useState(heightPx);
  // The command is registered once at mount; the ref keeps it calling the latest handler.
  const runRef = useRef(onRun);
  useEffect(() => {
    runRef.current = onRun;
  }, [onRun]);
  return (
    <Editor
      value={value}
      language={language}
      theme={theme}
      height={height}
      onChange={(v) => onChange(v ?? '')}
      loading={null}
      onMount={(editor) => {
        editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => runRef.current?.());
        // Show the whole snippet without an inner scrollbar: follow the content height (which
        // includes wrapped lines on a phone) between the starting height and MAX_HEIGHT_PX.
        const fit = () =>
          setHeight(
            Math.min(MAX_HEIGHT_PX, Math.max(heightPx, Math.ceil(editor.getContentHeight()))),
          );
        editor.onDidContentSizeChange(fit);
        fit();
      }}
      options={{
        ariaLabel,
        readOnly,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        fontSize: 14,
        lineNumbersMinChars: 3,
        tabSize: 2,
        automaticLayout: true,
        wordWrap: 'on',
        renderLineHighlight: 'none',
        // Its rainbow bracket colours miss 4.5:1 contrast on light backgrounds.
        bracketPairColorization: { enabled: false },
        overviewRulerLanes: 0,
        scrollbar: { alwaysConsumeMouseWheel: false },
        fixedOverflowWidgets: true,
        padding: { top: 10, bottom: 10 },
      }}
    />
  );
}
