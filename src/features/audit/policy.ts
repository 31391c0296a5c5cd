import { allow, defineRules, deny, isAdmin, isSignedIn, signInFirst } from "../../platform/policy.js";

declare module "../../platform/policy.js" {
  interface PolicyActions {
    "audit.view": null;
  }
}

defineRules({
  "audit.view": (actor) => {
    if (!isSignedIn(actor)) return signInFirst;
    return isAdmin(actor) ? allow : deny("Only administrators can read the audit log.");
  },
});
