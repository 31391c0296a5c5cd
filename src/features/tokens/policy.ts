import { allow, defineRules, deny, isSignedIn } from "../../platform/policy.js";

/** Whose tokens are being listed, made or revoked. */
export interface TokenOwnerTarget {
  personId: string;
}

declare module "../../platform/policy.js" {
  interface PolicyActions {
    "token.manage": TokenOwnerTarget;
  }
}

defineRules({
  // A token acts as its owner, so nobody else (administrators included) may make or see one.
  "token.manage": (actor, owner) => {
    if (!isSignedIn(actor)) return deny("Sign in to manage your API tokens.");
    return actor.id === owner.personId ? allow : deny("You can only manage your own API tokens.");
  },
});
