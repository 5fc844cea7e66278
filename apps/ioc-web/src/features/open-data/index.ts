// What the app shell may use of the open-data page (/du-lieu-mo): the page, loaded on first visit.
export const loadOpenDataPage = () => import('./OpenDataPage');
