// @vitest-environment jsdom
import { defaultWallDisplay, type WallDisplay } from '@ioc/contracts';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLang } from '../../../shared/i18n/langStore';
import { WallDisplayFields } from './WallDisplayFields';

function Harness({ start }: { start: WallDisplay }) {
  const [d, setD] = useState(start);
  return (
    <>
      <WallDisplayFields value={d} onChange={setD} />
      <output data-testid="value">{JSON.stringify(d)}</output>
    </>
  );
}

const value = () => JSON.parse(screen.getByTestId('value').textContent) as WallDisplay;
const set = (id: string, v: string) => {
  fireEvent.change(screen.getByTestId(id), { target: { value: v } });
};

describe('WallDisplayFields', () => {
  beforeEach(() => {
    setLang('vi');
  });
  afterEach(() => {
    cleanup();
  });

  it('says what the default wall means for the back row', () => {
    render(<Harness start={defaultWallDisplay()} />);
    const readout = screen.getByTestId('wall-display-readout').textContent;
    expect(readout).toContain('Tường 2,44 × 1,37 m');
    expect(readout).toContain('cao 26 mm');
    expect(readout).toContain('18,2′ nhìn từ 5 m');
    expect(screen.queryByTestId('wall-display-capped')).toBeNull();
  });

  it('warns when the seats are too far for the layout to follow', () => {
    render(<Harness start={defaultWallDisplay()} />);
    set('display-viewingDistanceM', '9');
    expect(value().viewingDistanceM).toBe(9);
    expect(screen.getByTestId('wall-display-capped').textContent).toContain('cao 47 mm');
  });

  it('lists a bad measure by its field and hides the read-out', () => {
    render(<Harness start={defaultWallDisplay()} />);
    set('display-panelCols', '0');
    expect(screen.getAllByTestId('field-error')).toHaveLength(1);
    expect(screen.queryByTestId('wall-display-readout')).toBeNull();
  });

  it('offers text sizes from the legible minimum up', () => {
    render(<Harness start={defaultWallDisplay()} />);
    set('display-textScale', '1.3');
    expect(value().textScale).toBe(1.3);
    const options = [...screen.getByTestId('display-textScale').querySelectorAll('option')];
    expect(options.map((o) => o.textContent)).toContain('100% — tối thiểu đọc được');
  });
});
