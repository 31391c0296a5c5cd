// The proposals slice's policy rules (defineRules) go here.
export {};
