import type { FieldErrors } from "../../../platform/http/form.js";
import { TextField } from "../../../ui/components/form.js";

/** A new password typed twice; its rules are `newPassword` in ../inputs.ts. Never pre-filled. */
export function NewPasswordFields({
  errors,
  label,
}: {
  errors?: FieldErrors;
  label: "Password" | "New password";
}) {
  return (
    <>
      <TextField
        name="password"
        label={label}
        type="password"
        autocomplete="new-password"
        hint="At least 10 characters. A short sentence is easy to remember."
        errors={errors}
      />
      <TextField
        name="confirm"
        label={`Confirm ${label.toLowerCase()}`}
        type="password"
        autocomplete="new-password"
        errors={errors}
      />
    </>
  );
}
