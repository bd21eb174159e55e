'use client';

/**
 * Monaco, bundled from node_modules (never a CDN). Only reached through dynamic import() from
 * MonacoEditor.tsx, so none of it lands in a lesson's first-load JavaScript.
 *
 * We import the bare editor API plus the handful of features a lab needs, not `monaco-editor`
 * itself: the full package pulls in the TypeScript language service worker (6.7 MB, stack-facts
 * "Monaco locally", option B). Syntax colouring comes from Monarch tokenizers, which run on the
 * main thread and need no worker.
 */
import * as monaco from 'monaco-editor/editor/editor.api.js';
import 'monaco-editor/features/codicon/register.js';
import 'monaco-editor/features/find/register.js';
import 'monaco-editor/features/comment/register.js';
import 'monaco-editor/features/bracketMatching/register.js';
import 'monaco-editor/features/suggest/register.js';
import 'monaco-editor/features/wordOperations/register.js';
import 'monaco-editor/features/multicursor/register.js';
import 'monaco-editor/features/linesOperations/register.js';
import 'monaco-editor/features/clipboard/register.js';
import 'monaco-editor/features/toggleTabFocusMode/register.js';
import 'monaco-editor/languages/definitions/pgsql/register.js';
import 'monaco-editor/languages/definitions/javascript/register.js';
import 'monaco-editor/languages/definitions/typescript/register.js';
import { loader } from '@monaco-editor/react';

type MonacoGlobal = typeof globalThis & {
  MonacoEnvironment?: { getWorker: (workerId: string, label: string) => Worker };
};

// The generic editor worker (word-based suggestions, link detection, diffing). A module worker
// from our own origin: allowed by worker-src 'self' in components/site/csp.ts.
(globalThis as MonacoGlobal).MonacoEnvironment = {
  getWorker: () =>
    new Worker(new URL('monaco-editor/editor/editor.worker.js', import.meta.url), {
      type: 'module',
    }),
};

// Without this, @monaco-editor/react's loader injects a <script> from a public CDN (jsDelivr).
loader.config({ monaco });

const LIGHT_TOKEN_RULES = [
  { token: 'comment', foreground: '3f6f2a' },
  { token: 'number', foreground: '0b6e4f' },
  { token: 'type', foreground: '1d6378' },
  { token: 'type.identifier', foreground: '1d6378' },
  { token: 'operator.sql', foreground: '4d5866' },
  { token: 'predefined.sql', foreground: '8a1d8a' },
  { token: 'regexp', foreground: '8a1d3f' },
];

/**
 * Resolves a colour custom property of the page to #rrggbb. The variables are written with
 * light-dark() (app/globals.css), so their raw value is not a colour: a probe element lets the
 * browser resolve it for the current color-scheme. Falls back when the result is not opaque RGB.
 */
function cssColor(name: string, fallback: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${name})`;
  probe.style.display = 'none';
  document.documentElement.appendChild(probe);
  const resolved = getComputedStyle(probe).color;
  probe.remove();
  const rgb = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(resolved);
  if (!rgb) return fallback;
  return `#${rgb
    .slice(1, 4)
    .map((c) => Number(c).toString(16).padStart(2, '0'))
    .join('')}`;
}

/** True when the page shows its dark theme (explicit toggle or system preference). */
export function pageIsDark(): boolean {
  const explicit = document.documentElement.dataset.theme;
  if (explicit === 'dark' || explicit === 'light') return explicit === 'dark';
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}

/**
 * Defines the two site themes from the page's CSS variables (app/globals.css) so the editor sits on
 * the same background as the code blocks around it, and returns the name to use now.
 */
export function defineSiteTheme(): 'sw-light' | 'sw-dark' {
  const dark = pageIsDark();
  const name = dark ? 'sw-dark' : 'sw-light';
  monaco.editor.defineTheme(name, {
    base: dark ? 'vs-dark' : 'vs',
    inherit: true,
    // The 'vs' palette was made for white; on our warmer code background a few of its token
    // colours fall under WCAG's 4.5:1 (axe color-contrast). These keep every token ≥ 4.5:1.
    rules: dark ? [] : LIGHT_TOKEN_RULES,
    colors: {
      'editor.background': cssColor('--bg-sunken', dark ? '#101216' : '#f1efe9'),
      'editor.foreground': cssColor('--fg', dark ? '#e8e6e1' : '#1c1d21'),
      'editorLineNumber.foreground': cssColor('--fg-muted', dark ? '#a7abb5' : '#555a64'),
    },
  });
  return name;
}

export { monaco };
