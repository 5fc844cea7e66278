// Filled in by the catalogue part of issue 17.
export {};
