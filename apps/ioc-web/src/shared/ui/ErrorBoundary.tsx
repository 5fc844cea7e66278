import { Component, type ErrorInfo, type ReactNode } from 'react';
import { getLang } from '../i18n/langStore';
import { translate } from '../i18n/translate';

const RELOAD_AFTER_S = 30;

interface State {
  failed: boolean;
}

/**
 * Last line of defence for unattended screens: rather than a blank wall until someone notices,
 * show a message and reload the page after a short pause.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };
  private timer: ReturnType<typeof setTimeout> | undefined;

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Render failed', error, info.componentStack);
    this.timer = setTimeout(() => {
      window.location.reload();
    }, RELOAD_AFTER_S * 1000);
  }

  override componentWillUnmount(): void {
    clearTimeout(this.timer);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="page-message" role="alert">
        <p>{translate(getLang(), 'error.crashed', { seconds: RELOAD_AFTER_S })}</p>
      </main>
    );
  }
}
