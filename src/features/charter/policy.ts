// The charter slice's policy rules (defineRules) go here.
export {};
