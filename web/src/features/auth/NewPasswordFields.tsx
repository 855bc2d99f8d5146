import { TextField } from '../../components/ui/Field.tsx';
import { PASSWORD_HINT } from './copy.ts';

/** "New password" and "Confirm new password", as every form that sets a password asks them. */
export function NewPasswordFields(props: {
  /** The form field (and error path) of the new password: `password` or `newPassword`. */
  name: string;
  password: string;
  confirm: string;
  onPassword: (v: string) => void;
  onConfirm: (v: string) => void;
  error: (path: string) => string | undefined;
}) {
  return (
    <>
      <TextField
        label="New password"
        name={props.name}
        type="password"
        value={props.password}
        onInput={props.onPassword}
        error={props.error(props.name)}
        hint={PASSWORD_HINT}
        autocomplete="new-password"
        required
      />
      <TextField
        label="Confirm new password"
        name="confirmPassword"
        type="password"
        value={props.confirm}
        onInput={props.onConfirm}
        error={props.error('confirmPassword')}
        autocomplete="new-password"
        required
      />
    </>
  );
}
