// The memberships slice's policy rules (defineRules) go here.
export {};
