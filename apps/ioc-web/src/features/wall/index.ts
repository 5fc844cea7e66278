// What the app shell may use of the wall. The page is loaded on first visit: MapLibre and deck.gl
// are most of the bundle and only the wall needs them.
export const loadWallPage = () => import('./WallPage');
