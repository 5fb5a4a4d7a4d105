// Auto-update (IT-1): packaged builds check the channel IT chose in the managed configuration.
import electronUpdater from 'electron-updater';
import type { Log } from '../app/ports.js';

export function checkForUpdates(channel: 'stable' | 'beta', log: Log): void {
  const { autoUpdater } = electronUpdater;
  autoUpdater.channel = channel === 'beta' ? 'beta' : 'latest';
  autoUpdater.allowDowngrade = false;
  autoUpdater.checkForUpdatesAndNotify().catch((e: unknown) => log.warn('updates.check_failed', { error: e instanceof Error ? e.message : String(e) }));
}
