import type { MouseEvent, ReactNode } from 'react';
import { navigate } from '../../../shared/ui/usePathname';

/** A real link (opens in a new tab, can be copied) that navigates in place when simply tapped. */
export function AppLink({
  href,
  className,
  children,
  current = false,
}: {
  href: string;
  className?: string;
  children: ReactNode;
  current?: boolean;
}) {
  const go = (e: MouseEvent<HTMLAnchorElement>): void => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
      return;
    e.preventDefault();
    navigate(href);
    window.scrollTo(0, 0);
  };
  return (
    <a href={href} className={className} onClick={go} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}
