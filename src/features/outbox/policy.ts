import { allow, defineRules, deny, isAdmin, isSignedIn, signInFirst } from "../../platform/policy.js";

declare module "../../platform/policy.js" {
  interface PolicyActions {
    "outbox.view": null;
    "outbox.resend": null;
  }
}

// Administrators only: the outbox holds every message sent to anyone, reset links included.
defineRules({
  "outbox.view": (actor) => {
    if (!isSignedIn(actor)) return signInFirst;
    return isAdmin(actor) ? allow : deny("Only administrators can read the email outbox.");
  },
  "outbox.resend": (actor) => {
    if (!isSignedIn(actor)) return signInFirst;
    return isAdmin(actor) ? allow : deny("Only administrators can send email again.");
  },
});
