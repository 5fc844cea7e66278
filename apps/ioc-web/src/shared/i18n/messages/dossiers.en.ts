import type { dossiersVi } from './dossiers.vi';

/** English strings of public-service dossiers on the tablet (see ../messages.en.ts). */
export const dossiersEn: Record<keyof typeof dossiersVi, string> = {
  'tablet.dossiers.title': 'Public-service dossiers due soon or overdue',
  'tablet.dossiers.empty': 'No dossier is overdue or due in the next 24 hours.',
  'tablet.dossiers.failed': 'Could not load the dossiers.',
  'tablet.dossiers.retry': 'Retry',
  'tablet.dossiers.overdue': 'Overdue',
  'tablet.dossiers.dueSoon': 'Due soon',
  'tablet.dossiers.overdueBy': 'Overdue by {time}',
  'tablet.dossiers.dueIn': '{time} left',
  'tablet.dossiers.due': 'Due {time}',
  'tablet.dossiers.hours': '{n} h',
  'tablet.dossiers.minutes': '{n} min',
  'tablet.dossiers.days': '{n} days',
  'tablet.dossiers.procedure': 'Procedure {code}',
  'tablet.dossiers.officer': 'Officer: {name}',
  'tablet.dossiers.noOfficer': 'No officer assigned',
  'tablet.dossiers.online': 'Fully online',
  'tablet.dossiers.count': '{overdue} overdue · {soon} due soon',
};
