// What the app shell may use of sign-in: the page, loaded on first visit.
export const loadLoginPage = () => import('./LoginPage');
