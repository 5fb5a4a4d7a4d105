// The tray icon shows the agent's status (a coloured dot and the name); its menu sets a status,
// shows the window, or quits.
import { Menu, nativeImage, Tray, type NativeImage } from 'electron';
import type { AppState } from '../../common/ipc/index.js';

const COLOURS: Record<string, [number, number, number]> = { available: [46, 160, 67], unavailable: [200, 55, 45], system: [230, 150, 20], unknown: [140, 140, 140] };

/** A 16x16 dot in the status colour (BGRA bitmap: no image files to ship). */
function dot(kind: string): NativeImage {
  const [r, g, b] = COLOURS[kind] ?? COLOURS.unknown ?? [140, 140, 140];
  const size = 16;
  const buf = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - 7.5, y - 7.5);
      const i = (y * size + x) * 4;
      const alpha = d <= 6 ? 255 : d <= 7 ? Math.round(255 * (7 - d)) : 0;
      buf[i] = b;
      buf[i + 1] = g;
      buf[i + 2] = r;
      buf[i + 3] = alpha;
    }
  }
  return nativeImage.createFromBitmap(buf, { width: size, height: size });
}

export interface TrayActions {
  setStatus(statusId: string): void;
  show(): void;
  quit(): void;
}

export class StatusTray {
  private readonly tray: Tray;
  private key = '';

  constructor(private readonly actions: TrayActions) {
    this.tray = new Tray(dot('unknown'));
    this.tray.setToolTip('AgentDesk');
    this.tray.on('click', () => actions.show());
  }

  update(s: AppState): void {
    const current = s.statuses.find((x) => x.id === s.status.statusId);
    const key = JSON.stringify([s.status.statusId, s.status.source, s.statuses.map((x) => x.id), s.locale, s.connection.contactCenter]);
    if (key === this.key) return;
    this.key = key;
    const ko = s.locale === 'ko';
    const label = s.connection.contactCenter !== 'connected' ? (ko ? '연결 끊김' : 'Disconnected') : (current?.name ?? (ko ? '알 수 없음' : 'Unknown'));
    this.tray.setImage(dot(s.connection.contactCenter === 'connected' ? (current?.kind ?? 'unknown') : 'unknown'));
    this.tray.setToolTip(`AgentDesk: ${label}`);
    const selectable = s.statuses.filter((x) => x.kind !== 'system');
    this.tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: `${ko ? '상태' : 'Status'}: ${label}`, enabled: false },
        { type: 'separator' },
        ...selectable.map((x) => ({ label: x.name, type: 'radio' as const, checked: x.id === s.status.statusId, click: () => this.actions.setStatus(x.id) })),
        { type: 'separator' },
        { label: ko ? 'AgentDesk 열기' : 'Show AgentDesk', click: () => this.actions.show() },
        { label: ko ? '종료' : 'Quit', click: () => this.actions.quit() },
      ]),
    );
  }

  destroy(): void {
    this.tray.destroy();
  }
}
