import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The pure core (simulations/, lib/) runs in Node, a Web Worker and tests: it must never pull in
// UI frameworks, d3 or browser-page globals (randomness comes from the engine's seeded streams).
const pureCoreImports = {
  patterns: [
    {
      group: ['react', 'react/*', 'react-dom', 'react-dom/*'],
      message: 'simulations/ and lib/ stay pure: no React.',
    },
    {
      group: ['next', 'next/*', '@next/*'],
      message: 'simulations/ and lib/ stay pure: no Next.js.',
    },
    {
      group: ['d3', 'd3-*'],
      message: "simulations/ and lib/ stay pure: no d3 (use the engine's seeded xoshiro streams).",
    },
    {
      group: ['@/components/*', '@/app/*', '../components/*', '../app/*'],
      message: 'The pure core never imports UI code.',
    },
  ],
};
const domGlobals = [
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'navigator',
  'HTMLElement',
  'requestAnimationFrame',
].map((name) => ({ name, message: 'simulations/ and lib/ must not touch the DOM.' }));

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      'out/**',
      // npm test keeps the sub-path export here; scratch files too.
      '.cache/**',
      'node_modules/**',
      'public/**',
      'next-env.d.ts',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['simulations/**/*.ts', 'lib/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', pureCoreImports],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    // Simulated time and seeded randomness only (DESIGN.md §1); the CLI and the worker driver may
    // read wall time to report wallMs.
    files: ['simulations/**/*.ts'],
    ignores: ['simulations/cli.ts', 'simulations/worker.ts', 'simulations/cli/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Use the seeded RNG (simulations/engine/rng).',
        },
        { object: 'Date', property: 'now', message: 'The engine owns simulated time.' },
      ],
      'no-restricted-globals': [
        'error',
        ...domGlobals,
        { name: 'setTimeout', message: 'No timers in the engine.' },
        { name: 'setInterval', message: 'No timers in the engine.' },
      ],
    },
  },
);
