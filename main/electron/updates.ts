// Auto-update (IT-1): packaged builds check the channel IT chose in the managed configuration.
import electronUpdater from 'electron-updater';
import type { Log } from '../app/ports.js';

export function checkForUpdates(opts: { channel: 'stable' | 'beta'; url?: string | undefined; enabled: boolean }, log: Log): void {
  if (!opts.enabled) return log.info('updates.disabled_by_it');
  const { autoUpdater } = electronUpdater;
  // IT's own feed replaces the one baked into the package (electron-builder.yml `publish`).
  if (opts.url) autoUpdater.setFeedURL({ provider: 'generic', url: opts.url });
  autoUpdater.channel = opts.channel === 'beta' ? 'beta' : 'latest';
  autoUpdater.allowDowngrade = false;
  autoUpdater.checkForUpdatesAndNotify().catch((e: unknown) => log.warn('updates.check_failed', { error: e instanceof Error ? e.message : String(e) }));
}
