// Rules for threads and replies (defineRules) go here.
export {};
