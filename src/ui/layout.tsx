import type { Child } from "hono/jsx";
import { assetUrl } from "./assets.js";
import { Avatar } from "./components/avatar.js";
import { CsrfField } from "./components/form.js";
import type { PageContext } from "./page-context.js";

export interface Crumb {
  label: string;
  href?: string;
}

interface LayoutProps {
  ctx: PageContext;
  /** The page's own name; the layout adds " – <org> Convene" as ui.md asks. */
  title: string;
  breadcrumbs?: Crumb[];
  children: Child;
}

const nav = [
  { href: "/communities", label: "Communities" },
  { href: "/events", label: "Events" },
  { href: "/resources", label: "Resources" },
  { href: "/people", label: "People" },
  { href: "/search", label: "Search" },
];

export function Layout({ ctx, title, breadcrumbs, children }: LayoutProps) {
  const { actor } = ctx;
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="csrf-token" content={ctx.csrfToken} />
        <title>{`${title} – ${ctx.orgName === "Convene" ? "Convene" : `${ctx.orgName} – Convene`}`}</title>
        <link rel="stylesheet" href={assetUrl("app.css")} />
        <script src={assetUrl("htmx.js")} defer />
        <script src={assetUrl("app.js")} defer />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to main content
        </a>
        <header class="site-header">
          <div class="container">
            <a class="brand" href="/">
              <span class="brand-mark" aria-hidden="true">
                {ctx.orgName.slice(0, 1).toUpperCase()}
              </span>
              <span>{ctx.orgName}</span>
            </a>
            <nav class="main-nav" aria-label="Main">
              <ul>
                {nav.map((item) => (
                  <li>
                    <a href={item.href} aria-current={ctx.path.startsWith(item.href) ? "page" : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <div class="account">
              {actor.kind === "person" && (
                <a class="bell" href="/me/notifications">
                  <svg
                    aria-hidden="true"
                    viewBox="0 0 24 24"
                    width="22"
                    height="22"
                    fill="none"
                    stroke="currentColor"
                    stroke-width="2"
                    stroke-linecap="round"
                    stroke-linejoin="round"
                  >
                    <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
                    <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
                  </svg>
                  <span class="visually-hidden">Notifications</span>
                  {(actor.unreadNotifications ?? 0) > 0 && (
                    <span class="bell-count">
                      {actor.unreadNotifications}
                      <span class="visually-hidden"> unread</span>
                    </span>
                  )}
                </a>
              )}
              {actor.kind === "person" ? (
                <details class="account-menu">
                  <summary>
                    <Avatar name={actor.name} />
                    <span class="account-name">{actor.name}</span>
                    <span class="visually-hidden"> – account menu</span>
                  </summary>
                  <ul class="menu">
                    <li>
                      <a href={`/people/${actor.handle}`}>Your profile</a>
                    </li>
                    <li>
                      <a href="/me/profile">Edit profile</a>
                    </li>
                    <li>
                      <a href="/communities?mine=1">Your communities</a>
                    </li>
                    <li>
                      <a href="/me/invitations">Invitations and requests</a>
                    </li>
                    <li>
                      <a href="/me/following">Threads you follow</a>
                    </li>
                    <li>
                      <a href="/me/proposals">Your proposals</a>
                    </li>
                    <li>
                      <a href="/me/settings/notifications">Notification settings</a>
                    </li>
                    <li>
                      <a href="/me/calendar">Calendar feeds</a>
                    </li>
                    <li>
                      <a href="/me/tokens">API tokens</a>
                    </li>
                    {actor.siteRole !== "member" && (
                      <li>
                        <a href="/admin">Administration</a>
                      </li>
                    )}
                    <li>
                      <hr />
                    </li>
                    <li>
                      <form method="post" action="/sign-out">
                        <CsrfField token={ctx.csrfToken} />
                        <button type="submit">Sign out</button>
                      </form>
                    </li>
                  </ul>
                </details>
              ) : (
                <>
                  <a href={`/sign-in?next=${encodeURIComponent(ctx.path)}`}>Sign in</a>
                  {ctx.signUp && (
                    <a class="button button-small create-account" href="/sign-up">
                      Create account
                    </a>
                  )}
                </>
              )}
            </div>
          </div>
        </header>
        <main id="main" tabindex={-1}>
          <div class="container">
            {breadcrumbs && breadcrumbs.length > 0 && (
              <nav class="breadcrumbs" aria-label="Breadcrumb">
                <ol>
                  {breadcrumbs.map((crumb) => (
                    <li>{crumb.href ? <a href={crumb.href}>{crumb.label}</a> : crumb.label}</li>
                  ))}
                </ol>
              </nav>
            )}
            {ctx.flash && (
              <div class="notice notice-success" role="status">
                {ctx.flash}
              </div>
            )}
            {children}
          </div>
        </main>
        <footer class="site-footer">
          <div class="container">
            <span>{ctx.orgName} communities of practice</span>
            <span>Powered by Convene</span>
          </div>
        </footer>
      </body>
    </html>
  );
}
