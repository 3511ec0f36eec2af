// @ts-check
// ESLint for zmqd: typescript-eslint's strict, type-aware rules over every TypeScript file, with the
// few rules below turned off or relaxed where, in this code base, they report what is not a defect.
// Formatting is Prettier's job (.prettierrc.json); no rule here is about layout.
// `npm run lint` runs this and `prettier --check`; `npm run lint:fix` applies the fixes both can make.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// Node's globals for the few plain-JavaScript files (the bin shim, CommonJS helpers of the tests):
// the TypeScript files get them from @types/node through the type checker.
const nodeGlobals = { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly' };

export default defineConfig(
  {
    // build output, installed packages, generated or kept-as-written inputs, throwaway scripts
    ignores: ['dist/', 'node_modules/', 'out/', '.vitest-tmp/', 'bench/data/', 'fixtures/', 'templates/', '.scratch/'],
  },
  // a disable comment that no longer silences anything is an error, so none outlives its reason
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: {
        // tsconfig.test.json covers src (but the page UI), scripts, bench, test and vitest.config.ts;
        // tsconfig.page.json the page UI, which is type-checked with the DOM library instead of Node's.
        project: ['./tsconfig.test.json', './tsconfig.page.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // tsconfig has noUncheckedIndexedAccess off, so TypeScript types xs[i], map lookups and a regex's
      // optional groups (m[3]) as always present. The code marks "known present" with `!` (about 1,100
      // times) and guards the rest with `?? ''` / `if (!x)`. Under that setting the three rules below
      // call the marks forbidden or unnecessary and the guards dead code — and removing a guard on an
      // optional regex group would be a bug. They would be worth turning on together with
      // noUncheckedIndexedAccess, not before.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Numbers in messages and file names are the norm (row numbers, counts); what stays reported is
      // a possibly undefined/null value, a boolean or an object in a template — text a user would see
      // as "undefined" or "[object Object]".
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowAny: false, allowBoolean: false, allowNever: false, allowNullish: false, allowNumber: true, allowRegExp: false },
      ],
      // `xs.forEach((x) => put(x))` and `(res) => resolve(res)` return a void call from an arrow's
      // shorthand body; that is a style choice, not a defect. Void in other expressions stays reported.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Spreading a string ([...s]) splits it into code points, which is what the code means where it
      // does it (the characters of a USCC or permit number, display widths); the rule warns that it
      // does not split into grapheme clusters, which no check here is about.
      '@typescript-eslint/no-misused-spread': 'off',
      // `const { fetched: _f, ...kept } = x` drops a field by naming it; `_`-prefixed parameters are
      // there for a signature's sake. Everything else unused stays reported.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Objects used as records keyed by a name (environment variables, senders, files of a zip)
      // lose an entry with `delete o[k]`; a Map is the rule's preference, not a fix of a defect.
      '@typescript-eslint/no-dynamic-delete': 'off',
      // The tool reads what people typed into cells: matching control characters is its job.
      'no-control-regex': 'off',
      // The ideographic space (U+3000) is part of Chinese text and messages; it stays reported in code.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true }],
      // tsc's noFallthroughCasesInSwitch checks this with types: it knows a case ending in fail(),
      // which returns `never`, does not fall through; this rule, without types, does not.
      'no-fallthrough': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read the CLI's JSON output (JSON.parse gives `any`) and probe the shapes of what
      // exceljs and other libraries return; a wrong property there fails the test itself, which is
      // where it would show. The no-unsafe rules and no-explicit-any stay on for the tool's code.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // String(cell.value) on an exceljs cell whose expected value is text: an object there would
      // fail the assertion that follows, with the object in the message.
      '@typescript-eslint/no-base-to-string': 'off',
      // In a test's messages and selectors an `any` from JSON or a null exit code (a signal) is
      // printed as it is; a wrong value there fails the test. Booleans and objects stay reported.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowAny: true, allowBoolean: false, allowNever: false, allowNullish: true, allowNumber: true, allowRegExp: false },
      ],
      '@typescript-eslint/restrict-plus-operands': ['error', { allowAny: true, allowBoolean: false, allowNullish: false, allowNumberAndString: false, allowRegExp: false }],
      // Helpers that parse the CLI's JSON take the expected shape as a type parameter (json<T>()),
      // the typed-parse idiom this rule counts as an unnecessary type parameter.
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
    },
  },
);
