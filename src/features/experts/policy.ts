// Rules for the expert finder go here.
export {};
