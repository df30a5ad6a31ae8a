import tseslint from 'typescript-eslint';

const bannedNondeterminism = [
  { object: 'Math', property: 'random', message: 'Use an Rng from core/ (seeded) instead of Math.random.' },
  { object: 'Date', property: 'now', message: 'Pass a Clock from core/ instead of reading Date.now.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/dist/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // Library code: randomness and time are passed in. The adapters (cli, server, mcp) may read the clock.
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/server/**', 'src/mcp/**', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error', ...bannedNondeterminism],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass a Clock from core/ instead of new Date().' }],
      'no-console': 'error',
    },
  },
  {
    files: ['src/cli/**/*.ts', 'src/server/**/*.ts', 'src/mcp/**/*.ts'],
    rules: { 'no-restricted-properties': ['error', bannedNondeterminism[0]] },
  },
);
