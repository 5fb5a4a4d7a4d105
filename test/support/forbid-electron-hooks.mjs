// Module resolution hook: any attempt to load Electron fails loudly. Used to prove that the
// engines and adapters run under plain Node.
const FORBIDDEN = new Set(['electron', 'electron-store', 'electron-updater']);
export async function resolve(specifier, context, next) {
  if (FORBIDDEN.has(specifier) || specifier.startsWith('electron/')) {
    throw new Error(`FORBIDDEN_ELECTRON_IMPORT: "${specifier}" imported from ${context.parentURL}`);
  }
  return next(specifier, context);
}
