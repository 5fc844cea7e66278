// What the app shell may use of the reporting screens: the page, loaded on first visit.
export const loadReportsPage = () => import('./ReportsPage');
