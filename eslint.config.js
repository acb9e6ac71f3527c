// ESLint (flat config), run by `npm run lint`.
//
// ESLint and its plugins are installed in tools/lint/ (by the root postinstall), not in the root
// node_modules: typescript-eslint needs TypeScript's JavaScript API, which TypeScript 7 (the
// project's compiler) no longer has, so tools/lint/ carries TypeScript 6 for it alone. Hence the
// require rooted there rather than bare imports.
import { createRequire } from 'node:module';

const require = createRequire(new URL('./tools/lint/package.json', import.meta.url));
const { defineConfig } = require('eslint/config');
const js = require('@eslint/js');
const globals = require('globals');
const reactHooks = require('eslint-plugin-react-hooks');
const tseslint = require('typescript-eslint');

export default defineConfig(
  {
    ignores: ['dist/**', 'data/**', 'docs/**', 'node_modules/**', 'tools/lint/node_modules/**', 'bench/results*', 'test-results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // French text puts a no-break space before « : ; ! ? » on purpose; only code outside text is checked.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true, skipRegExps: true }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        // Type information for the few rules below that need it (one program for the whole tsconfig).
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // A promise nobody awaits or catches loses its rejection: say `void` when that is meant.
      '@typescript-eslint/no-floating-promises': 'error',
      // tsc reports unused locals and parameters (noUnusedLocals, noUnusedParameters).
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  {
    files: ['client/**/*.ts', 'client/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: globals.node },
  },
);
