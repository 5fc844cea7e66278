// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLang } from '../../../shared/i18n/langStore';
import { IndicatorPicker } from './IndicatorPicker';

const INDICATORS = [
  {
    code: 'infra.household_gigabit_access',
    nameVi: 'Tỷ lệ hộ gia đình có khả năng truy cập Internet cáp quang',
    nameEn: 'Households able to get fixed fibre',
  },
  {
    code: 'infra.iot_connections_per_person',
    nameVi: 'Số kết nối Internet vạn vật (IoT) bình quân trên mỗi người dân',
    nameEn: 'IoT connections per inhabitant',
  },
  { code: 'gov.online_dossiers', nameVi: 'Tỷ lệ hồ sơ trực tuyến', nameEn: 'Online dossiers' },
];

function Harness({ multiple }: { multiple: boolean }) {
  const [chosen, setChosen] = useState<string[]>([]);
  return (
    <>
      <IndicatorPicker
        indicators={INDICATORS}
        chosen={chosen}
        multiple={multiple}
        onChange={setChosen}
      />
      <output data-testid="chosen">{chosen.join(',')}</output>
    </>
  );
}

const listed = () =>
  [...document.querySelectorAll('.admin-picker-list input')].map(
    (i) => (i as HTMLInputElement).value,
  );

describe('IndicatorPicker', () => {
  beforeEach(() => {
    setLang('vi');
  });
  afterEach(cleanup);

  it('finds indicators by words of a name without diacritics, or by code', () => {
    render(<Harness multiple />);
    const search = screen.getByRole('searchbox');
    fireEvent.change(search, { target: { value: 'ty le ho' } });
    expect(listed()).toEqual(['infra.household_gigabit_access', 'gov.online_dossiers']);
    fireEvent.change(search, { target: { value: 'online_dossiers' } });
    expect(listed()).toEqual(['gov.online_dossiers']);
    fireEvent.change(search, { target: { value: 'inhabitant' } });
    expect(listed()).toEqual(['infra.iot_connections_per_person']);
  });

  it('keeps chosen indicators listed first whatever the search', () => {
    render(<Harness multiple />);
    fireEvent.click(screen.getByRole('checkbox', { name: /Số kết nối Internet vạn vật/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /hồ sơ trực tuyến/ }));
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'nothing matches' } });
    expect(listed()).toEqual(['infra.iot_connections_per_person', 'gov.online_dossiers']);
    expect(screen.getByTestId('chosen').textContent).toBe(
      'infra.iot_connections_per_person,gov.online_dossiers',
    );
    expect(screen.getByText('Đã chọn 2 · tìm thấy 0')).toBeTruthy();
  });

  it('picks exactly one in single mode', () => {
    render(<Harness multiple={false} />);
    fireEvent.click(screen.getByRole('radio', { name: /hồ sơ trực tuyến/ }));
    fireEvent.click(screen.getByRole('radio', { name: /Tỷ lệ hộ gia đình/ }));
    expect(screen.getByTestId('chosen').textContent).toBe('infra.household_gigabit_access');
  });
});
