// The roster's policy rules (roles, breaks, removal, member export) go here.
export {};
