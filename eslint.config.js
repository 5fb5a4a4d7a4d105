// Lint enforces the layers (see docs/architecture.md):
// - common/, main/engine/, main/adapters/ and emulators/ run under plain Node: no electron.
// - renderer/ and preload/ never reach into main/ or emulators/.
// - raw ipcMain/ipcRenderer only inside the typed IPC wrappers.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const electronBan = {
  paths: [
    { name: 'electron', message: 'This layer must run under plain Node: take Electron APIs through a port (main/engine/ports.ts).' },
    { name: 'electron-store', message: 'electron-store needs Electron; use the settings port instead.' },
    { name: 'electron-updater', message: 'electron-updater needs Electron.' },
  ],
  patterns: [{ group: ['electron/*'], message: 'No Electron in this layer.' }],
};

const rendererReach = { group: ['**/main/**', '../main/*', '**/emulators/**'], message: 'The renderer and preloads reach the main process only through the IPC contract in common/.' };

const rawIpcBan = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Use the typed IPC wrapper (main/electron/ipc.ts, preload/app-bridge.ts): raw ipcMain/ipcRenderer skip the sender and schema checks.',
};
const rawIpcProperties = ['ipcMain', 'ipcRenderer'].map((property) => ({ object: 'electron', property, message: rawIpcBan.message }));

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'release/**', 'test-results/**', 'playwright-report/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['common/**/*.ts', 'main/engine/**/*.ts', 'main/adapters/**/*.ts', 'main/headless.ts', 'main/app/**/*.ts', 'main/browser-host/**/*.ts', 'emulators/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', electronBan] },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        ...electronBan,
        patterns: [...electronBan.patterns, { group: ['node:*'], message: 'common/ is shared with the renderer: no Node built-ins.' }],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'preload/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [rendererReach],
      }],
    },
  },
  // Raw ipcMain / ipcRenderer only inside the typed IPC wrappers: main/electron/ipc.ts (sender and
  // schema checks) and the two preloads, each the wrapper of its trust level.
  {
    files: ['main/electron/**/*.ts'],
    ignores: ['main/electron/ipc.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [rawIpcBan] }],
      'no-restricted-properties': ['error', ...rawIpcProperties],
    },
  },
  {
    files: ['preload/**/*.ts'],
    ignores: ['preload/app-bridge.ts', 'preload/kustomer-webview.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [rawIpcBan], patterns: [rendererReach] }],
      'no-restricted-properties': ['error', ...rawIpcProperties],
    },
  },
);
