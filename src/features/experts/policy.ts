import { allow, defineRules, deny, isSignedIn } from "../../platform/policy.js";

declare module "../../platform/policy.js" {
  interface PolicyActions {
    "expert.find": null;
  }
}

defineRules({
  // Like profiles, the expert finder is for signed-in colleagues. What counts as evidence is
  // limited to communities whose content the searcher can read (see queries.ts).
  "expert.find": (actor) =>
    isSignedIn(actor) ? allow : deny("Sign in to find colleagues who can advise on a topic."),
});
