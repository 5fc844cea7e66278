/** One publication switch: a checkbox announced as a switch, named after what it publishes. */
export function PublicSwitch({
  label,
  checked,
  onChange,
  testId,
}: {
  /** The accessible name, e.g. "Công khai: Bụi mịn PM2.5". */
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
}) {
  return (
    <input
      type="checkbox"
      role="switch"
      className="admin-switch"
      aria-label={label}
      checked={checked}
      data-testid={testId}
      onChange={(e) => {
        onChange(e.target.checked);
      }}
    />
  );
}
