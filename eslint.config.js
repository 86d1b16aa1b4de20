// One lint config. Besides the usual rules it keeps the design's boundaries (DESIGN.md):
// src/cluster is pure and deterministic, src/ui talks to the cluster only through the worker.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const clusterForbiddenCalls = ['Date.now', 'Math.random', 'setTimeout', 'setInterval', 'performance.now'].map(
  (name) => {
    const [object, property] = name.split('.');
    return property
      ? {
          selector: `CallExpression[callee.object.name='${object}'][callee.property.name='${property}']`,
          message: `src/cluster is deterministic: use sim/clock or sim/rng instead of ${name}.`,
        }
      : {
          selector: `CallExpression[callee.name='${object}']`,
          message: `src/cluster runs on virtual time: schedule on sim/clock instead of ${name}.`,
        };
  },
);

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'e2e/screenshots', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/cluster/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-syntax': ['error', ...clusterForbiddenCalls, { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/cluster is deterministic: read the time from sim/clock.' }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'requestAnimationFrame'],
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'comlink', '@xyflow/react', 'zustand'],
          patterns: [{ group: ['**/ui/**', '**/worker/**', '**/server/**', 'node:*'], message: 'src/cluster is pure: no UI, worker, server or Node imports.' }],
        },
      ],
    },
  },
  {
    // Tests of the pure library may read fixtures from disk; the library itself may not.
    files: ['src/cluster/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['react', 'react-dom', 'comlink', '@xyflow/react', 'zustand'] }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/cluster/**'], allowTypeImports: true, message: 'src/ui imports only types from src/cluster; commands go through the worker.' }] },
      ],
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    languageOptions: { globals: { ...globals.worker } },
  },
);
