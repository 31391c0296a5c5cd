import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import { Button, CsrfField, ErrorSummary, RadioGroup, TextArea } from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import { flagReasonLabels } from "../moderation-inputs.js";
import { flagReasons } from "../tables.js";

export const flagTitle = (kind: "thread" | "reply") =>
  `Report this ${kind === "thread" ? "thread" : "reply"}`;

/** The form to report a post: why, an optional note, and the community's code of conduct. */
export function FlagForm({
  ctx,
  community,
  post,
  threadUrl,
  values,
  errors,
  alreadyReported,
}: {
  ctx: PageContext;
  community: { slug: string; name: string };
  post: { id: string; kind: "thread" | "reply"; title: string; authorName: string | null; excerpt: string };
  threadUrl: string;
  values?: FormValues;
  errors?: FieldErrors;
  alreadyReported: boolean;
}) {
  const conduct = `/communities/${community.slug}/charter#code-of-conduct`;
  return (
    <div class="form flag-form">
      <ErrorSummary errors={errors} />
      <h1>{flagTitle(post.kind)}</h1>
      <blockquote class="flag-post-quote">
        <p class="muted">
          {post.kind === "thread" ? "Thread" : "Reply in"} “{post.title}”
          {post.authorName ? ` by ${post.authorName}` : ""}
        </p>
        <p>{post.excerpt}</p>
      </blockquote>
      {alreadyReported ? (
        <>
          <p class="notice notice-info">
            You have already reported this post. The moderators will look at it.
          </p>
          <p>
            <a href={threadUrl}>Back to the thread</a>
          </p>
        </>
      ) : (
        <>
          <p>
            The convenors of {community.name} moderate its discussions. They will see your report and your
            name; the author will not see who reported them. Read the{" "}
            <a href={conduct}>code of conduct for {community.name}</a> if you are unsure.
          </p>
          <form method="post" action={`${threadUrl}/posts/${post.id}/flag`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <RadioGroup
              name="reason"
              label="Why are you reporting it?"
              options={flagReasons.map((reason) => ({ value: reason, ...flagReasonLabels[reason] }))}
              values={values}
              errors={errors}
            />
            <TextArea
              name="note"
              label="Note for the moderators (optional unless you chose “Something else”)"
              hint="What is wrong, and anything the moderators should know. Up to 1,000 characters."
              rows={4}
              maxLength={1000}
              values={values}
              errors={errors}
            />
            <div class="form-actions">
              <Button>Send the report</Button>
              <a href={threadUrl}>Cancel and go back to the thread</a>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
