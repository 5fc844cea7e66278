// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { navigate, useLocationSearch, usePathname } from './usePathname';

function Where() {
  return (
    <p>
      <span data-testid="path">{usePathname()}</span>
      <span data-testid="search">{useLocationSearch()}</span>
    </p>
  );
}

describe('usePathname / useLocationSearch', () => {
  afterEach(() => {
    cleanup();
    window.history.replaceState(null, '', '/');
  });

  it('follows a Back/Forward move of the query (a wall re-pinning its scene)', () => {
    window.history.replaceState(null, '', '/wall?scene=air');
    render(<Where />);
    expect(screen.getByTestId('search').textContent).toBe('?scene=air');
    act(() => {
      window.history.pushState(null, '', '/wall?scene=water');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(screen.getByTestId('search').textContent).toBe('?scene=water');
    expect(screen.getByTestId('path').textContent).toBe('/wall');
  });

  it('keeps the query when the app navigates to another path', () => {
    window.history.replaceState(null, '', '/wall?token=t&lang=en');
    render(<Where />);
    act(() => {
      navigate('/tablet');
    });
    expect(screen.getByTestId('path').textContent).toBe('/tablet');
    expect(screen.getByTestId('search').textContent).toBe('?token=t&lang=en');
  });
});
