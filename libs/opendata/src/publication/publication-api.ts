// Filled in by the publication part of issue 17.
export {};
