import { allow, defineRules, deny, isProgrammeTeam, isSignedIn, signInFirst } from "../../platform/policy.js";

declare module "../../platform/policy.js" {
  interface PolicyActions {
    "jobs.view": null;
  }
}

defineRules({
  "jobs.view": (actor) => {
    if (!isSignedIn(actor)) return signInFirst;
    return isProgrammeTeam(actor)
      ? allow
      : deny("Only administrators and the programme team can see the background jobs.");
  },
});
