// Code-quality lint for every world. Import boundaries (who may import whom, DESIGN.md) are
// checked by dependency-cruiser (.dependency-cruiser.cjs), which resolves real module paths.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Math.min(...values) passes each value as an argument: past ~120k (a 200k-note selection) it
// throws RangeError. src/std/extremes.ts has minOf/maxOf, by a loop.
const noSpreadExtremes = {
  selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(min|max)$/] > SpreadElement",
  message: 'Math.min(...values) / Math.max(...values) throw RangeError on large arrays: use minOf / maxOf from src/std/extremes.ts.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'bench-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/**/*.ts', 'renderer/**/*.{ts,tsx}', 'electron/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', noSpreadExtremes] },
  },
  {
    // Same input, same samples in every host: code that can reach a sample takes its transcendental
    // functions from src/std/det-math.ts, whose bits do not depend on the JavaScript engine (V8's
    // Math.exp, sin, pow … differ in the last bit between Node and Chromium).
    files: ['src/std/**/*.ts', 'src/dsp/**/*.ts', 'src/devices/**/*.ts', 'src/engine/**/*.ts'],
    ignores: ['src/std/det-math.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'pow', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'cbrt', 'hypot'].map((property) => ({
          object: 'Math',
          property,
          message: `Math.${property} differs between JavaScript engines in the last bit: use src/std/det-math.ts (the same bits in the worklet and in Node).`,
        })),
      ],
      'no-restricted-syntax': [
        'error',
        noSpreadExtremes,
        {
          selector: "BinaryExpression[operator='**'][right.type!='Literal'], AssignmentExpression[operator='**=']",
          message: 'x ** y is Math.pow, which differs between JavaScript engines in the last bit: use exp2 or pow from src/std/det-math.ts.',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
);
