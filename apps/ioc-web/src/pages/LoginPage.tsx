import { PlaceholderPage } from './PlaceholderPage';

/** /login — being built (issue 7). */
export default function LoginPage() {
  return <PlaceholderPage titleKey="login.title" />;
}
