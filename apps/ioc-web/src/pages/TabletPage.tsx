import { PlaceholderPage } from './PlaceholderPage';

/** /tablet — being built (issue 7). */
export default function TabletPage() {
  return <PlaceholderPage titleKey="tablet.title" />;
}
