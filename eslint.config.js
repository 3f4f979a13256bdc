// @ts-check
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      'data/**',
      'packages/server/drizzle/**',
      'custom-elements.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Packages talk through their public entry points only (STYLE.md, DESIGN.md).
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@switchboard/*/src', '@switchboard/*/src/**'],
              message: 'Import the package entry point, not its src/.',
            },
            {
              group: ['**/packages/*/src/**', '**/packages/*/dist/**'],
              message: 'Import @switchboard/<package>, not a path into it.',
            },
          ],
        },
      ],
    },
  },
  {
    // better-sqlite3 is synchronous; its store still implements the async Store contract.
    files: ['packages/server/src/db/sqlite/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    files: ['packages/widget/src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    // Lit calls template event listeners with `this` bound to the host element.
    files: ['packages/widget/src/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // `interface Conversation extends z.infer<typeof Conversation> {}`: unlike a type alias of
    // z.infer, an interface keeps its name in editors, error messages and the API reference.
    files: ['packages/protocol/src/schemas/**/*.ts'],
    rules: {
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    // `expect(mock.method).toHaveBeenCalled()` reads a method without calling it, by design.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // The widget's Chromium component tests assert with chai, whose property assertions
    // (`expect(x).to.be.true`) are expressions by design; chai throws on a misspelt one.
    files: ['**/*.wtr.test.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // Config files and plain scripts are not part of any tsconfig; lint them without types.
    files: ['**/*.{js,mjs,cjs}', '**/*.config.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
);
