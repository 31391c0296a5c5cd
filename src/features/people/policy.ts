import { allow, defineRules, deny, isAdmin, isSignedIn, signInFirst } from "../../platform/policy.js";

export interface PersonTarget {
  id: string;
}

declare module "../../platform/policy.js" {
  interface PolicyActions {
    "person.view": PersonTarget | null;
    "person.update": PersonTarget;
    "person.changeSiteRole": PersonTarget;
    "admin.view": null;
  }
}

defineRules({
  // Profiles are staff information: visible to colleagues who are signed in, not to the public web.
  "person.view": (actor) => (isSignedIn(actor) ? allow : deny("Sign in to see people's profiles.")),
  "person.update": (actor, person) => {
    if (!isSignedIn(actor)) return signInFirst;
    if (actor.id === person.id || isAdmin(actor)) return allow;
    return deny("You can only edit your own profile.");
  },
  "person.changeSiteRole": (actor) => {
    if (!isSignedIn(actor)) return signInFirst;
    return isAdmin(actor) ? allow : deny("Only administrators can change people's roles.");
  },
  "admin.view": (actor) => {
    if (!isSignedIn(actor)) return signInFirst;
    return actor.siteRole === "admin" || actor.siteRole === "programme"
      ? allow
      : deny("Administration is for administrators and the programme team.");
  },
});
