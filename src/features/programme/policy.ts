// The programme slice's policy rules (defineRules) go here.
export {};
