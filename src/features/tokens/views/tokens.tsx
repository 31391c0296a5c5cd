import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import { EmptyState, PageHeader } from "../../../ui/components/common.js";
import { Button, CsrfField, ErrorSummary, TextField } from "../../../ui/components/form.js";
import { RevocableTable, ShownOnce } from "../../../ui/components/secrets.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { TokenListItem } from "../queries.js";

export interface CreatedToken {
  name: string;
  secret: string;
}

const labels = { name: "Token name" };

/** The list of a person's tokens with the form to make one; just after making one, its secret on top. */
export function TokensPage({
  ctx,
  tokens,
  values,
  errors,
  created,
  apiBase,
}: {
  ctx: PageContext;
  tokens: TokenListItem[];
  values?: FormValues;
  errors?: FieldErrors;
  created?: CreatedToken;
  apiBase: string;
}) {
  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      <PageHeader
        title="API tokens"
        lead={
          <>
            A personal API token lets a script or another tool use the <a href="/api/docs">Convene API</a> as
            you, with your permissions. Keep tokens as secret as your password.
          </>
        }
      />
      {created && <NewToken token={created} apiBase={apiBase} />}
      <div class="stack">
        <section class="panel" aria-labelledby="tokens-heading">
          <h2 id="tokens-heading">Your tokens</h2>
          {tokens.length === 0 ? (
            <EmptyState title="You have no API tokens">
              <p>Create one below when a script or tool needs to use Convene for you.</p>
            </EmptyState>
          ) : (
            <TokenTable tokens={tokens} />
          )}
        </section>
        <section class="panel" aria-labelledby="create-heading">
          <h2 id="create-heading">Create a token</h2>
          <form method="post" action="/me/tokens" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextField
              name="name"
              label={labels.name}
              hint="Say what will use it, so you know which to revoke later. For example: Monthly membership report."
              values={values}
              errors={errors}
              maxLength={60}
            />
            <div class="form-actions">
              <Button>Create token</Button>
            </div>
          </form>
        </section>
      </div>
    </>
  );
}

function NewToken({ token, apiBase }: { token: CreatedToken; apiBase: string }) {
  return (
    <ShownOnce
      headingId="new-token-heading"
      heading={<>Your new token “{token.name}”</>}
      warning="Copy it now: this is the only time it is shown."
      explanation="We keep only a fingerprint of it, so if you lose it, revoke it and create another."
      inputId="new-token"
      label="Token"
      value={token.secret}
      inputStyle="font-family: var(--mono)"
    >
      <p>Send it in the Authorization header of each request, for example:</p>
      <div class="prose">
        {/* Wrapped rather than scrolled, so the whole command shows on a phone. */}
        <pre style="white-space: pre-wrap; overflow-wrap: anywhere">
          <code>{`curl -H "Authorization: Bearer ${token.secret}" ${apiBase}/api/v1/me`}</code>
        </pre>
      </div>
    </ShownOnce>
  );
}

function TokenTable({ tokens }: { tokens: TokenListItem[] }) {
  return (
    <RevocableTable
      caption="Your API tokens"
      items={tokens}
      name={{ heading: "Name", cell: (token) => token.name }}
      detail={{ heading: "Token", cell: (token) => <code>{token.prefix}…</code> }}
      neverUsed="Never"
      revokeHref={(token) => `/me/tokens/${token.id}/revoke`}
      revokeWhat={(token) => token.name}
    />
  );
}
