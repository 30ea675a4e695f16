// Lint rules of the web app. Beyond the recommended sets: no `any`, no HTML injection, and the
// feature folders (widget, dashboard) never import each other; shared/ imports neither.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noHtmlInjection = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: 'Render text as text: never inject HTML.',
};

function forbidImports(...folders) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: folders.map((folder) => ({
          group: [`**/${folder}/*`, `**/${folder}`],
          message: `Feature folders do not import each other; move shared code to src/shared.`,
        })),
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'e2e/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': ['error', noHtmlInjection],
    },
  },
  { files: ['src/widget/**'], rules: forbidImports('dashboard', 'demo') },
  { files: ['src/dashboard/**'], rules: forbidImports('widget', 'demo') },
  { files: ['src/shared/**'], rules: forbidImports('widget', 'dashboard', 'demo') },
  {
    files: ['scripts/**', 'e2e/**', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  // Callbacks passed to page.evaluate run in the browser.
  { files: ['e2e/**'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
);
