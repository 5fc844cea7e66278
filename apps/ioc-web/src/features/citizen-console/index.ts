// What the app shell may use of the citizen reports console: the page, loaded on first visit.
export const loadCitizenConsolePage = () => import('./CitizenConsolePage');
