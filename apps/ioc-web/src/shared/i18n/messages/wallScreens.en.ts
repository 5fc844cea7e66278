import type { wallScreensVi } from './wallScreens.vi';

/** English strings of wall management: exactly the keys of `wallScreensVi`. */
export const wallScreensEn: Record<keyof typeof wallScreensVi, string> = {
  'wallScreens.title': 'Screens',
  'wallScreens.hint':
    'Every screen opened with an access token reports its tile and scene every 30 seconds. Silent for over 2 minutes is offline.',
  'wallScreens.kioskHint':
    'Add &kiosk=1 to a screen’s address to make it read-only: no buttons, no cursor, no map dragging.',
  'wallScreens.empty': 'No screen has reported in yet.',
  'wallScreens.col.name': 'Screen',
  'wallScreens.col.unit': 'Unit',
  'wallScreens.col.tile': 'Tile',
  'wallScreens.col.scene': 'Scene on screen',
  'wallScreens.col.resolution': 'Resolution',
  'wallScreens.col.lastSeen': 'Last report',
  'wallScreens.col.status': 'Status',
  'wallScreens.tile': '{n}/{total}',
  'wallScreens.kiosk': 'kiosk',
  'wallScreens.online': 'Online',
  'wallScreens.offline': 'Offline',
  'wallScreens.noScene': 'No scene yet',
  'wallScreens.ago.now': 'just now',
  'wallScreens.ago.minutes': '{n} min ago',
  'wallScreens.ago.hours': '{n} h ago',
  'wallScreens.ago.days': '{n} days ago',
  'wallScreens.preview': 'Preview',
  'wallScreens.previewClose': 'Close preview',
  'wallScreens.previewUnsaved': 'Save this scene before previewing it',
  'wallScreens.previewTitle': 'Preview of scene {scene}',
  'wallScreens.previewHint': 'The wall scaled down (1920×1080), with the saved configuration.',
};
