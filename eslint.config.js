import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/results.json', '.demo/**', '.soak/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly', console: 'readonly', globalThis: 'readonly', setTimeout: 'readonly',
        clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly',
        Buffer: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', Response: 'readonly',
        Request: 'readonly', Headers: 'readonly', fetch: 'readonly', TextEncoder: 'readonly',
        TextDecoder: 'readonly', structuredClone: 'readonly', queueMicrotask: 'readonly',
        performance: 'readonly', WebSocket: 'readonly', document: 'readonly', window: 'readonly',
        navigator: 'readonly', crypto: 'readonly', DOMException: 'readonly', ReadableStream: 'readonly',
        Blob: 'readonly', FormData: 'readonly', URLSearchParams: 'readonly', EventTarget: 'readonly',
        Event: 'readonly', setImmediate: 'readonly', clearImmediate: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-namespace': 'off',
    },
  },
  {
    files: ['test/**', 'bench/**', 'scripts/**', 'examples/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
