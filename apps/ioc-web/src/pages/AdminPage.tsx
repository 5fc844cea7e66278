import { PlaceholderPage } from './PlaceholderPage';

/** /admin — being built (issue 7). */
export default function AdminPage() {
  return <PlaceholderPage titleKey="admin.title" />;
}
