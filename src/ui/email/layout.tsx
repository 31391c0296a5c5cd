import type { Child } from "hono/jsx";

/**
 * The HTML part of every email. Mail clients ignore most CSS, so the look is inline on a simple
 * table; the <style> only adds the dark palette for clients that honour prefers-color-scheme
 * (the others either keep the light one, which reads fine, or invert it themselves).
 */

export const palette = {
  page: "#f7f7f5",
  card: "#ffffff",
  text: "#1c1d21",
  muted: "#545861",
  border: "#d9dad6",
  accent: "#3b3fb6",
  onAccent: "#ffffff",
};

const font = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

const darkCss = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  .email-page { background: #141518 !important; color: #e9e9ec !important; }
  .email-card { background: #1c1e22 !important; border-color: #363a41 !important; color: #e9e9ec !important; }
  .email-muted { color: #a9adb6 !important; }
  .email-link { color: #a9adff !important; }
  .email-button { background: #a9adff !important; color: #15163a !important; }
}`;

export interface EmailLayoutProps {
  title: string;
  orgLabel: string;
  settingsUrl: string;
  footerNote?: string;
  children: Child;
}

export function EmailLayout({ title, orgLabel, settingsUrl, footerNote, children }: EmailLayoutProps) {
  return (
    <html lang="en-GB" dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: darkCss }} />
      </head>
      <body
        class="email-page"
        style={`margin:0;padding:0;background:${palette.page};color:${palette.text};font-family:${font};`}
      >
        <div role="article" aria-roledescription="email" aria-label={title} lang="en-GB">
          <table
            role="presentation"
            width="100%"
            cellpadding={0}
            cellspacing={0}
            border={0}
            class="email-page"
            style={`background:${palette.page};`}
          >
            <tr>
              <td align="center" style="padding:24px 12px;">
                <table
                  role="presentation"
                  width="100%"
                  cellpadding={0}
                  cellspacing={0}
                  border={0}
                  style="max-width:560px;"
                >
                  <tr>
                    <td
                      class="email-muted"
                      style={`padding:0 4px 12px;font-size:15px;font-weight:600;color:${palette.muted};`}
                    >
                      {orgLabel}
                    </td>
                  </tr>
                  <tr>
                    <td
                      class="email-card"
                      style={`background:${palette.card};border:1px solid ${palette.border};border-radius:10px;padding:28px 24px;font-size:16px;line-height:1.6;color:${palette.text};`}
                    >
                      <h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;font-weight:700;">{title}</h1>
                      {children}
                    </td>
                  </tr>
                  <tr>
                    <td
                      class="email-muted"
                      style={`padding:16px 4px 0;font-size:13px;line-height:1.5;color:${palette.muted};`}
                    >
                      {footerNote && <p style="margin:0 0 8px;">{footerNote}</p>}
                      <p style="margin:0;">
                        {orgLabel} communities of practice.{" "}
                        <a class="email-link" href={settingsUrl} style={`color:${palette.accent};`}>
                          Choose which emails you get
                        </a>
                        .
                      </p>
                    </td>
                  </tr>
                </table>
              </td>
            </tr>
          </table>
        </div>
      </body>
    </html>
  );
}

export function EmailParagraph({ children }: { children: Child }) {
  return <p style="margin:0 0 16px;">{children}</p>;
}

/** A link that looks like a button, with the address in full below for clients that hide it. */
export function EmailAction({ label, url }: { label: string; url: string }) {
  return (
    <>
      <p style="margin:24px 0;">
        <a
          class="email-button"
          href={url}
          style={`display:inline-block;background:${palette.accent};color:${palette.onAccent};padding:12px 20px;border-radius:8px;font-weight:600;text-decoration:none;`}
        >
          {label}
        </a>
      </p>
      <p class="email-muted" style={`margin:0 0 16px;font-size:14px;color:${palette.muted};`}>
        If the button does not work, copy this address into your browser:
        <br />
        <a class="email-link" href={url} style={`color:${palette.accent};word-break:break-all;`}>
          {url}
        </a>
      </p>
    </>
  );
}
