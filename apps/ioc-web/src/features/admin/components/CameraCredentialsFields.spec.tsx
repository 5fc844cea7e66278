// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLang } from '../../../shared/i18n/langStore';
import { cameraInput, type CameraInput } from '../model/cameras';
import { CameraCredentialsFields } from './CameraCredentialsFields';

function Harness({ editing, stored }: { editing: boolean; stored: boolean }) {
  const [v, setV] = useState<CameraInput>(cameraInput());
  return (
    <>
      <CameraCredentialsFields
        value={v}
        editing={editing}
        hasCredentials={stored}
        errors={undefined}
        onChange={(patch) => {
          setV((old) => ({ ...old, ...patch }));
        }}
      />
      <output data-testid="state">{JSON.stringify(v)}</output>
    </>
  );
}

const state = () => JSON.parse(screen.getByTestId('state').textContent) as CameraInput;

describe('CameraCredentialsFields', () => {
  beforeEach(() => {
    setLang('en');
  });
  afterEach(() => {
    cleanup();
  });

  it('shows no field until "set" is chosen, and forgets what was typed when left', async () => {
    render(<Harness editing stored />);
    expect(screen.getByTestId('camera-credentials-state').textContent).toBe(
      'Credentials stored (never shown again).',
    );
    expect(screen.queryByLabelText('Password')).toBeNull();
    await userEvent.click(screen.getByRole('radio', { name: 'Replace with new ones' }));
    const password = screen.getByLabelText('Password');
    expect(password).toHaveProperty('type', 'password');
    await userEvent.type(password, 'typed-secret');
    expect(state().password).toBe('typed-secret');
    await userEvent.click(screen.getByRole('radio', { name: 'Remove the stored ones' }));
    expect(state()).toMatchObject({ credentials: 'remove', password: '', username: '' });
    expect(screen.queryByLabelText('Password')).toBeNull();
  });

  it('offers no "remove" when nothing is stored', () => {
    render(<Harness editing={false} stored={false} />);
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual([
      'keep',
      'set',
    ]);
  });
});
