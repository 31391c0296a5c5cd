import { Button, CsrfField } from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { ActiveToken } from "../queries.js";

/** Revoking cannot be undone, so it is a page that says what will happen, not a bare button. */
export function RevokeToken({ ctx, token }: { ctx: PageContext; token: ActiveToken }) {
  return (
    <div class="form">
      <h1>Revoke the token “{token.name}”?</h1>
      <p class="lead">
        Anything that uses this token (<code>{token.prefix}…</code>) will stop working at once: the API will
        answer it with “401 Unauthorized”. You cannot undo this. If you need access again, create a new token.
      </p>
      <form method="post" action={`/me/tokens/${token.id}/revoke`}>
        <CsrfField token={ctx.csrfToken} />
        <div class="form-actions">
          <Button variant="danger">Revoke token</Button>
          <a href="/me/tokens">Keep the token</a>
        </div>
      </form>
    </div>
  );
}
