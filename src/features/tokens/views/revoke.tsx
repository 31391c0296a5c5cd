import { ConfirmRevoke } from "../../../ui/components/secrets.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { ActiveToken } from "../queries.js";

export function RevokeToken({ ctx, token }: { ctx: PageContext; token: ActiveToken }) {
  return (
    <ConfirmRevoke
      csrfToken={ctx.csrfToken}
      title={<>Revoke the token “{token.name}”?</>}
      action={`/me/tokens/${token.id}/revoke`}
      button="Revoke token"
      keepHref="/me/tokens"
      keepLabel="Keep the token"
    >
      Anything that uses this token (<code>{token.prefix}…</code>) will stop working at once: the API will
      answer it with “401 Unauthorized”. You cannot undo this. If you need access again, create a new token.
    </ConfirmRevoke>
  );
}
