import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/** A labelled input with its problems below it (client checks and the API's). */
export function Field({
  label,
  errors,
  hint,
  children,
}: {
  label: string;
  errors?: readonly string[] | undefined;
  hint?: string;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  const errId = `${id}-err`;
  const has = errors !== undefined && errors.length > 0;
  return (
    <div className={has ? 'admin-field admin-field-invalid' : 'admin-field'}>
      <label htmlFor={id}>{label}</label>
      {children(id, has ? errId : undefined)}
      {hint !== undefined && <small className="admin-hint">{hint}</small>}
      <FieldErrorList errors={errors} id={errId} />
    </div>
  );
}

/** A field's (or a group of fields') messages under it; nothing when there are none. */
export function FieldErrorList({
  errors,
  id,
}: {
  errors: readonly string[] | undefined;
  id?: string;
}) {
  if (errors === undefined || errors.length === 0) return null;
  return (
    <ul className="admin-field-errors" id={id} data-testid="field-error">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

export function FormErrors({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul className="admin-form-errors" role="alert" data-testid="form-error">
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'value' | 'onChange' | 'aria-describedby' | 'aria-invalid'
>;

/**
 * The common case of `Field`: one text input bound to a string. It always ties the input to its
 * problems (aria-describedby, aria-invalid) so no form can forget to.
 */
export function TextField({
  label,
  errors,
  hint,
  value,
  onValue,
  ...input
}: {
  label: string;
  errors?: readonly string[] | undefined;
  hint?: string;
  value: string;
  onValue: (value: string) => void;
} & InputProps) {
  return (
    <Field label={label} errors={errors} {...(hint === undefined ? {} : { hint })}>
      {(id, describedBy) => (
        <input
          id={id}
          value={value}
          aria-describedby={describedBy}
          aria-invalid={describedBy !== undefined}
          {...input}
          onChange={(e) => {
            onValue(e.target.value);
          }}
        />
      )}
    </Field>
  );
}

/** A `Field` choosing one of a fixed list (cadence, role, severity…), each with its label. */
export function SelectField<T extends string>({
  label,
  errors,
  value,
  options,
  optionLabel,
  onValue,
  disabled,
}: {
  label: string;
  errors?: readonly string[] | undefined;
  value: T;
  options: readonly T[];
  optionLabel: (option: T) => string;
  onValue: (value: T) => void;
  disabled?: boolean;
}) {
  return (
    <Field label={label} errors={errors}>
      {(id) => (
        <select
          id={id}
          value={value}
          disabled={disabled}
          onChange={(e) => {
            // The options are exactly `options`, so the value is one of them.
            onValue(e.target.value as T);
          }}
        >
          {options.map((o) => (
            <option key={o} value={o}>
              {optionLabel(o)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A checkbox with its label after it. */
export function Check({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="admin-check">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => {
          onChange(e.target.checked);
        }}
      />{' '}
      {label}
    </label>
  );
}
