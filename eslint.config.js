// Process boundaries of ARCHITECTURE.md, enforced: shared is pure, the renderer never reaches node or electron,
// only src/core/db touches better-sqlite3, core never imports electron.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Bare builtin names are matched exactly (as `paths`), so a sibling file such as './events' is not mistaken for one.
const BUILTIN_NAMES = ['fs', 'path', 'os', 'child_process', 'crypto', 'net', 'http', 'https', 'url', 'util', 'stream',
  'events', 'worker_threads', 'zlib', 'timers', 'process', 'buffer', 'dns', 'tls', 'module'];
const nodeBuiltins = ['node:*'];
const nativeAndServer = ['better-sqlite3', 'pg', '@electric-sql/pglite', 'fastify', '@fastify/*', 'ws', 'pino',
  'nodemailer', 'date-holidays-parser'];

const restrict = (patterns, message, { builtins = false } = {}) => ({
  'no-restricted-imports': ['error', {
    paths: builtins ? BUILTIN_NAMES.map((name) => ({ name, message })) : [],
    patterns: [{ group: patterns, message }],
  }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: globals.node } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: restrict([...nodeBuiltins, 'electron', 'react', 'react-dom', ...nativeAndServer, '**/core/**',
      '**/main/**', '**/renderer/**', '**/server/**', '**/shell/**', '**/preload/**'],
      'src/shared is pure: no node, electron, DOM or process-specific imports.', { builtins: true }),
  },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer',
        'require', '__dirname'],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: restrict([...nodeBuiltins, 'electron', ...nativeAndServer, '**/core/**', '**/main/**', '**/server/**',
      '**/shell/**', '**/preload/**'], 'The renderer talks to the core only through the API contract.', { builtins: true }),
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/db/**'],
    rules: restrict(['electron', 'better-sqlite3', '**/main/**', '**/renderer/**', '**/server/**', '**/preload/**'],
      'core never imports electron; only src/core/db imports better-sqlite3.'),
  },
  {
    files: ['src/core/db/**/*.ts'],
    rules: restrict(['electron', '**/main/**', '**/renderer/**', '**/server/**', '**/preload/**'],
      'core never imports electron.'),
  },
  {
    files: ['src/server/**/*.ts'],
    rules: restrict(['electron', 'better-sqlite3', '**/core/**', '**/main/**', '**/renderer/**', '**/preload/**',
      '**/shell/**'], 'The server shares only src/shared with the desktop.'),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict([...nodeBuiltins, ...nativeAndServer, '**/core/**', '**/main/**', '**/renderer/**',
      '**/server/**', '**/shell/**'], 'The preload imports electron and shared only.', { builtins: true }),
  },
  {
    files: ['src/main/**/*.ts'],
    rules: restrict(['better-sqlite3', '**/renderer/**', '**/server/**', '**/preload/**', '**/shell/**'],
      'main reaches the database only through core.'),
  },
);
