import { register } from 'node:module';
register('./forbid-electron-hooks.mjs', import.meta.url);
