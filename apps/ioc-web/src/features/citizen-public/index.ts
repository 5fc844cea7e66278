// What the app shell may use of the residents' pages (/phan-anh): the page, loaded on first visit.
export const loadCitizenPublicPage = () => import('./CitizenPublicPage');
