// Rules for accepting answers, reactions and follows go here.
export {};
