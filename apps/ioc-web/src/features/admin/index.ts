// What the app shell may use of the admin screens: the page, loaded on first visit.
export const loadAdminPage = () => import('./AdminPage');
