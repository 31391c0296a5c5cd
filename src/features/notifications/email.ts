import type { Config } from "../../config.js";
import { enqueueMail } from "../../platform/mail/outbox.js";
import { renderEmail } from "../../ui/email/render.js";
import { notificationKind } from "./kinds.js";
import type { EmailNotifier } from "./service.js";
import { unsubscribeUrl } from "./unsubscribe.js";

/**
 * Notifications by email: rendered with the shared template, written to the outbox in the act's
 * own transaction (the delivery job sends it), with a one-click unsubscribe for the kind.
 */
export function emailNotifier(config: Config): EmailNotifier {
  return async (tx, notice, recipient) => {
    const kind = notificationKind(notice.kind);
    const unsubscribe = unsubscribeUrl(config.baseUrl, config.authSecret, recipient.id, notice.kind);
    const email = renderEmail({
      config,
      title: notice.title,
      paragraphs: notice.body ? [notice.body] : [],
      action: { label: "Open in Convene", url: `${config.baseUrl}${notice.url}` },
      footerNote: `You get this email because of your setting “${kind?.label ?? notice.kind}”. Stop these emails: ${unsubscribe}`,
    });
    await enqueueMail(
      tx,
      {
        to: recipient.email,
        ...email,
        kind: `notification.${notice.kind}`,
        headers: {
          "List-Unsubscribe": `<${unsubscribe}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
      },
      config,
    );
  };
}
