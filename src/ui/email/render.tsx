import type { Config } from "../../config.js";
import { EmailAction, EmailLayout, EmailParagraph } from "./layout.js";
import { wrapText } from "./text.js";

export interface EmailContent {
  config: Pick<Config, "orgName" | "baseUrl">;
  /** The heading; also the subject unless `subject` is given. */
  title: string;
  subject?: string;
  /** Plain sentences (escaped in HTML, wrapped in text). */
  paragraphs: string[];
  /** The one thing to do, as a button; the address is spelled out too. */
  action?: { label: string; url: string };
  /** Why the person got this, or what to do if they did not expect it. */
  footerNote?: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export const notificationSettingsUrl = (baseUrl: string) => `${baseUrl}/me/settings/notifications`;

/** Renders one message as the HTML and plain-text parts of the same email. */
export function renderEmail(content: EmailContent): RenderedEmail {
  const { config, title, paragraphs, action, footerNote } = content;
  if (action && !/^https?:\/\//.test(action.url)) throw new Error("Email links must be http(s) addresses");
  const orgLabel = config.orgName;
  const settingsUrl = notificationSettingsUrl(config.baseUrl);
  const subject = (content.subject ?? title).replace(/\s+/g, " ").trim();

  const document = (
    <EmailLayout title={title} orgLabel={orgLabel} settingsUrl={settingsUrl} footerNote={footerNote}>
      {paragraphs.map((paragraph) => (
        <EmailParagraph>{paragraph}</EmailParagraph>
      ))}
      {action && <EmailAction label={action.label} url={action.url} />}
    </EmailLayout>
  );

  const text = [
    title,
    ...paragraphs.map((paragraph) => wrapText(paragraph)),
    ...(action ? [`${action.label}:\n${action.url}`] : []),
    ...(footerNote ? [wrapText(footerNote)] : []),
    // "-- " is the signature separator mail clients recognise.
    `-- \n${orgLabel} communities of practice\nChoose which emails you get: ${settingsUrl}`,
  ].join("\n\n");

  return { subject, html: `<!doctype html>${document}`, text: `${text}\n` };
}
