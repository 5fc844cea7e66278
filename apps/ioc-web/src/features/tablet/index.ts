// What the app shell may use of the tablet: its page and its service-worker registration, each
// loaded on demand so the other routes carry neither.
export const loadTabletPage = () => import('./TabletPage');
export const loadTabletPwa = () => import('./model/pwa');
