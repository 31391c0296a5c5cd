// The lifecycle slice's policy rules (defineRules) go here.
export {};
