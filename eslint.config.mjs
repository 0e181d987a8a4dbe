import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // One query layer for SQLite and PostgreSQL (docs/architecture.md, "Two dialects").
    // (e2e is left out: Playwright's locator.all() is not a query.)
    files: ['db/**/*.ts', 'lib/**/*.ts', 'app/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts'],
    // The driver layer itself, and tools that work on the SQLite file with better-sqlite3 on purpose.
    ignores: ['db/client.ts', 'db/transaction.ts', 'db/backup*.ts', 'db/test-db.ts', 'scripts/db-copy*.ts', 'bench/sqlite-durability.bench.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[arguments.length=0] > MemberExpression.callee[property.name=/^(all|get|run)$/]",
          message: 'better-sqlite3 only: await the query builder instead (rows = await db.select()…; first = (await …)[0]).',
        },
        {
          selector: "CallExpression > MemberExpression.callee[property.name='transaction'][object.name=/^(db|tx|getDb)$/]",
          message: 'Use transaction(db, async (tx) => …) from @/db/transaction: atomic on both dialects.',
        },
        {
          selector: 'TemplateElement[value.raw=/rowid/i]',
          message: 'rowid is SQLite-only; order by created_at (monotonic per process) and id.',
        },
      ],
    },
  },
  {
    // Queries are async on both dialects: an un-awaited one runs outside its transaction or after
    // the response, and its error is lost. Type-aware, so only where database code lives.
    files: ['db/**/*.ts', 'lib/**/*.ts', 'app/**/*.ts', 'app/**/*.tsx', 'scripts/**/*.ts', 'test/**/*.ts', 'instrumentation.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
    },
  },
  { ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'test-fixtures/**'] },
];

export default config;
