import { lazy, useState, type ComponentType } from 'react';

/**
 * A page loaded on demand like `React.lazy`, which can also be loaded before the first render
 * and then renders at once. A lazy component always suspends on its first render, even when its
 * module is already there, and React keeps a Suspense fallback on screen for 300 ms once shown:
 * on /tablet that fallback delayed the page itself (Lighthouse's largest contentful paint).
 */
export function lazyPage(load: () => Promise<{ default: ComponentType }>): {
  Page: ComponentType;
  preload: () => Promise<void>;
} {
  let loaded: ComponentType | null = null;
  const Lazy = lazy(load);
  function Page() {
    // Chosen once per mount: switching to the loaded component later would remount the page.
    const [Component] = useState<ComponentType>(() => loaded ?? Lazy);
    return <Component />;
  }
  const preload = async (): Promise<void> => {
    loaded = (await load()).default;
  };
  return { Page, preload };
}
