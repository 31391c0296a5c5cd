// Small progressive enhancements; every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // htmx requests carry the CSRF token from the page's meta tag.
  const token = document.querySelector('meta[name="csrf-token"]')?.getAttribute("content");
  document.body.addEventListener("htmx:configRequest", (event) => {
    if (token) event.detail.headers["X-CSRF-Token"] = token;
  });
  // Move focus to the error summary so keyboard and screen-reader users hear what went wrong.
  document.querySelector("[data-error-summary]")?.focus();
});
