import { allow, defineRules, deny, isAdmin, isSignedIn, signInFirst } from "../../platform/policy.js";

declare module "../../platform/policy.js" {
  interface PolicyActions {
    "division.manage": null;
  }
}

defineRules({
  "division.manage": (actor) => {
    if (!isSignedIn(actor)) return signInFirst;
    return isAdmin(actor) ? allow : deny("Only administrators can change the list of divisions.");
  },
});
